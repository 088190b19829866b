import 'reflect-metadata';
import { ConfigError, loadConfig } from '../src/config';
import { migrate } from '../src/db/orm';
import { withScriptDatabase } from '../src/db/script-database';
import { createLogger } from '../src/kernel/logger';
import { registeredModules } from '../src/modules';
import { closeServices, createServices } from '../src/services';

/** Applies pending migrations (of the enabled modules) to DATABASE_URL (or the embedded PostgreSQL in DATA_DIR). */
async function main(): Promise<void> {
  const config = loadConfig(process.env, registeredModules);
  const log = createLogger('warn', undefined, config.logFormat);
  await withScriptDatabase(config, log, async (databaseUrl) => {
    const services = await createServices(config, log, { databaseUrl, available: registeredModules, worker: false });
    try {
      const applied = await migrate(services.orm);
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'no pending migrations\n');
    } finally {
      await closeServices(services);
    }
  });
}

main().catch((err) => {
  process.stderr.write(`migrate: ${err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err)}\n`);
  process.exit(err instanceof ConfigError ? 2 : 1);
});
