import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { withDatabaseName } from '../../src/db/database-url';

/** A PostgreSQL server given to the benchmarks (BENCH_DATABASE_URL, else TEST_DATABASE_URL), if any. */
export function benchServerUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.BENCH_DATABASE_URL?.trim() || env.TEST_DATABASE_URL?.trim() || undefined;
}

export interface BenchDatabase {
  name: string;
  url: string;
  /** DROP DATABASE … WITH (FORCE); idempotent. */
  drop(): Promise<void>;
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates an empty database `bench_<random>` on the server of `serverUrl` (connecting to that URL). */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `bench_${randomBytes(5).toString('hex')}`;
  try {
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  } catch (err) {
    const safeUrl = new URL(serverUrl);
    if (safeUrl.password) safeUrl.password = '***';
    throw new Error(`could not create the benchmark database on ${safeUrl}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let dropped: Promise<void> | null = null;
  return {
    name,
    url: withDatabaseName(serverUrl, name),
    drop: () => (dropped ??= adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}
