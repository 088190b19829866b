import path from 'node:path';
import type { GatewayConfig } from '../config';
import type { Logger } from '../kernel/logger';
import { attachEmbeddedPostgres } from './embedded-postgres';

export interface ScriptDatabase {
  url: string;
  /** This script started the embedded PostgreSQL itself (no gateway or other script runs one). */
  owned: boolean;
  /** Stops a server the script started (once the scripts attached to it are done); leaves any other alone. */
  close(): Promise<void>;
}

/** "npm run seed", or the script's file name when it was not started by npm. */
function scriptLabel(): string {
  const event = process.env.npm_lifecycle_event;
  return event ? `npm run ${event}` : path.basename(process.argv[1] ?? 'node');
}

/**
 * For command-line scripts: DATABASE_URL, or the embedded PostgreSQL in DATA_DIR — the one a
 * running gateway (or another script) owns, else one started for this script.
 */
export async function openScriptDatabase(config: GatewayConfig, log: Logger, label = scriptLabel()): Promise<ScriptDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, owned: false, close: async () => undefined };
  const embedded = await attachEmbeddedPostgres(config.dataDir, log, { owner: label });
  return { url: embedded.url, owned: embedded.owned, close: () => embedded.stop() };
}

/** Runs `fn` with the database of `openScriptDatabase`, and lets go of it after. */
export async function withScriptDatabase<T>(config: GatewayConfig, log: Logger, fn: (databaseUrl: string) => Promise<T>): Promise<T> {
  const db = await openScriptDatabase(config, log);
  try {
    return await fn(db.url);
  } finally {
    await db.close();
  }
}
