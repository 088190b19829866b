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

/** Runs one statement on its own connection to `url`. */
export async function queryDatabase<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult<T>> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await client.query<T>(sql, params);
  } finally {
    await client.end();
  }
}

/** Creates an empty database `bench_<random>` on the server of `serverUrl` (connecting to that URL). */
export async function createBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `bench_${randomBytes(5).toString('hex')}`;
  try {
    await queryDatabase(serverUrl, `CREATE DATABASE "${name}"`);
  } catch (err) {
    const safeUrl = new URL(serverUrl);
    if (safeUrl.password) safeUrl.password = '***';
    throw new Error(`could not create the benchmark database on ${safeUrl}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let dropped: Promise<void> | null = null;
  return {
    name,
    url: withDatabaseName(serverUrl, name),
    drop: () => (dropped ??= queryDatabase(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined)),
  };
}
