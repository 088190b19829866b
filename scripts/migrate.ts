import 'reflect-metadata';
import { ConfigError, loadConfig } from '../src/config';
import { createOrm, migrate } from '../src/db/orm';
import { withScriptDatabase } from '../src/db/script-database';
import { createLogger } from '../src/logger';
import { moduleNames, registeredModules } from '../src/modules';

/** Applies pending migrations to DATABASE_URL (or the embedded PostgreSQL in DATA_DIR). */
async function main(): Promise<void> {
  const config = loadConfig(process.env, moduleNames());
  await withScriptDatabase(config, createLogger('warn', undefined, config.logFormat), async (url) => {
    const orm = await createOrm(url, registeredModules);
    try {
      const applied = await migrate(orm);
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'no pending migrations\n');
    } finally {
      await orm.close(true);
    }
  });
}

main().catch((err) => {
  process.stderr.write(`migrate: ${err instanceof ConfigError ? err.message : err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
