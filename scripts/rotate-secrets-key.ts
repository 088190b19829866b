import 'reflect-metadata';
import { ConfigError, loadConfig } from '../src/config';
import { createOrm } from '../src/db/orm';
import { withScriptDatabase } from '../src/db/script-database';
import { reSealAll } from '../src/google/reseal';
import { SecretBox } from '../src/google/secret-box';
import { createLogger } from '../src/logger';
import { moduleNames, registeredModules } from '../src/modules';

/**
 * Re-encrypts every stored secret with SECRETS_KEY. Run it with the new key in SECRETS_KEY and the
 * old one(s) in SECRETS_KEY_PREVIOUS; gateways started with both keep working during the rollout.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env, moduleNames());
  if (!config.previousSecretsKeys.length) {
    throw new ConfigError('SECRETS_KEY_PREVIOUS', 'is empty: put the key the secrets are sealed with now there, and the new key in SECRETS_KEY');
  }
  await withScriptDatabase(config, createLogger('warn', undefined, config.logFormat), async (url) => {
    const orm = await createOrm(url, registeredModules);
    try {
      const box = new SecretBox(config.secretsKey, config.previousSecretsKeys);
      const count = await reSealAll(orm, box);
      process.stdout.write(`re-sealed ${count} secret(s) with key ${box.currentKeyId}\n`);
    } finally {
      await orm.close(true);
    }
  });
}

main().catch((err) => {
  process.stderr.write(`rotate-secrets-key: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
