import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded-postgres';
import { createOrm, migrate } from '../../src/db/orm';
import { createLogger } from '../../src/logger';
import { registeredModules } from '../../src/modules';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A URL of the test PostgreSQL server's maintenance database (for CREATE/DROP DATABASE). */
    pgAdminUrl: string;
    /** The migrated database that each test file clones. */
    templateDatabase: string;
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/**
 * Once per `npm test`: a PostgreSQL server (TEST_DATABASE_URL, else the embedded one) and a
 * migrated template database that every test file clones (CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | null = null;
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres(path.resolve('.data/test'), createLogger('warn'));
    serverUrl = embedded.url;
  }
  const adminUrl = withDatabase(serverUrl, 'postgres');
  const template = `gw_tpl_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  // Leftovers of an interrupted earlier run.
  const stale = await admin.query(`SELECT datname FROM pg_database WHERE datname ~ '^gw_(tpl|t)_' `);
  for (const row of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
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

  return async () => {
    const left = await admin.query(`SELECT datname FROM pg_database WHERE datname ~ '^gw_(tpl|t)_'`);
    for (const row of left.rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
  };
}
