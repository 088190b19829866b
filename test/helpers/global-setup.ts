import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { TestProject } from 'vitest/node';
import { attachEmbeddedPostgres, processAlive, type EmbeddedDatabase } from '../../src/db/embedded-postgres';
import { withDatabaseName as withDatabase } from '../../src/db/database-url';
import { createOrm, migrate } from '../../src/db/orm';
import { createLogger } from '../../src/kernel/logger';
import { registeredModules } from '../../src/modules';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL of the test PostgreSQL server's maintenance database (for CREATE/DROP DATABASE). */
    pgAdminUrl: string;
    /** The migrated database that each test file clones. */
    templateDatabase: string;
    /** Names of this run's databases start with it (gw_t_<pid>_ / gw_tpl_<pid>_). */
    testRunId: string;
  }
}

/**
 * Once per `npm test`: a PostgreSQL server (TEST_DATABASE_URL, else the embedded one) and a
 * migrated template database that every test file clones (CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | null = null;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    embedded = await attachEmbeddedPostgres(path.resolve('.data/test'), createLogger('warn'), { owner: 'a test run' });
    serverUrl = embedded.url;
  }
  const adminUrl = withDatabase(serverUrl, 'postgres');
  const runId = String(process.pid);
  const template = `gw_tpl_${runId}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // Leftovers of an interrupted earlier run (its process is gone); a run going on beside this one is left alone.
  const stale = await admin.query(`SELECT datname FROM pg_database WHERE datname ~ '^gw_(tpl|t)_[0-9]+_'`);
  for (const row of stale.rows) {
    const pid = Number(/^gw_(?:tpl|t)_(\d+)_/.exec(row.datname)![1]);
    if (!processAlive(pid)) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
  }
  await admin.query(`CREATE DATABASE "${template}"`);
  const orm = await createOrm(withDatabase(serverUrl, template), registeredModules);
  await migrate(orm);
  await orm.close(true);
  // pg-boss's own schema, so that each test database starts with it.
  const boss = new PgBoss({ connectionString: withDatabase(serverUrl, template), schema: 'pgboss', supervise: false, schedule: false });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.stop({ graceful: false, wait: true });

  project.provide('pgAdminUrl', adminUrl);
  project.provide('templateDatabase', template);
  project.provide('testRunId', runId);

  return async () => {
    const left = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2`, [`gw_tpl_${runId}_%`, `gw_t_${runId}_%`]);
    for (const row of left.rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
  };
}
