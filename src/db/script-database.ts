import type { GatewayConfig } from '../config';
import type { Logger } from '../kernel/logger';
import { startEmbeddedPostgres } from './embedded-postgres';

/**
 * For command-line scripts: runs `fn` with DATABASE_URL, or with the embedded PostgreSQL in
 * DATA_DIR (started for the script and stopped after it).
 */
export async function withScriptDatabase<T>(config: GatewayConfig, log: Logger, fn: (databaseUrl: string) => Promise<T>): Promise<T> {
  if (config.databaseUrl) return fn(config.databaseUrl);
  const embedded = await startEmbeddedPostgres(config.dataDir, log);
  try {
    return await fn(embedded.url);
  } finally {
    await embedded.stop();
  }
}
