import 'reflect-metadata';
import { ConfigError, loadConfig } from '../src/config';
import { withScriptDatabase } from '../src/db/script-database';
import { reSealAll } from '../src/google/reseal';
import { createLogger } from '../src/kernel/logger';
import { registeredModules } from '../src/modules';
import { closeServices, createServices } from '../src/services';

/**
 * Re-encrypts every stored secret with SECRETS_KEY. Run it with the new key in SECRETS_KEY and the
 * old one(s) in SECRETS_KEY_PREVIOUS; gateways started with both keep working during the rollout.
 */
async function main(): Promise<void> {
  const config = loadConfig(process.env, registeredModules);
  if (!config.previousSecretsKeys.length) {
    throw new ConfigError('SECRETS_KEY_PREVIOUS', 'is empty: put the key the secrets are sealed with now there, and the new key in SECRETS_KEY');
  }
  const log = createLogger('warn', undefined, config.logFormat);
  await withScriptDatabase(config, log, async (databaseUrl) => {
    const services = await createServices(config, log, { databaseUrl, available: registeredModules, worker: false });
    try {
      const count = await reSealAll(services.orm, services.box);
      process.stdout.write(`re-sealed ${count} secret(s) with key ${services.box.currentKeyId}\n`);
    } finally {
      await closeServices(services);
    }
  });
}

main().catch((err) => {
  process.stderr.write(`rotate-secrets-key: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(err instanceof ConfigError ? 2 : 1);
});
