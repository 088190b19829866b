import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, sleep } from '../../helpers/client';
import { createTestDatabase, dbQuery, type TestDatabase } from '../../helpers/database';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { waitForRun } from '../../helpers/sync';
import { WALKER_TABLE_SQL, walkerModule } from '../../fixtures/walker';

let db: TestDatabase;
let api: TestGateway;
let worker: TestGateway | null = null;

beforeAll(async () => {
  db = await createTestDatabase();
  await dbQuery(db.url, WALKER_TABLE_SQL);
  api = await startTestGateway({ extraModules: [walkerModule], database: db, env: { ROLE: 'api' } });
});
afterAll(async () => {
  await worker?.stop();
  await api?.stop();
  await db?.drop();
});

describe('ROLE=api and ROLE=worker on one database', () => {
  it('an API instance only queues; a worker instance runs the run', async () => {
    await dbQuery(db.url, `INSERT INTO tenant (id, created_at) VALUES ('roles', now()) ON CONFLICT DO NOTHING`);
    await dbQuery(db.url, `INSERT INTO walker_plan (tenant, plan) VALUES ('roles', '{"items": 5}')`);
    const admin = await api.token('roles', ['admin']);
    const queued = await gql<{ syncWalker: { id: string; status: string } }>(api.url, 'mutation { syncWalker { id status } }', { token: admin });
    const id = queued.body.data!.syncWalker.id;
    await sleep(2000);
    const still = await dbQuery(db.url, 'SELECT status FROM sync_run WHERE id = $1', [id]);
    expect(still.rows[0].status).toBe('QUEUED');

    worker = await startTestGateway({ extraModules: [walkerModule], database: db, env: { ROLE: 'worker' } });
    const run = await waitForRun(api.url, admin, id, 20_000);
    expect(run).toMatchObject({ status: 'SUCCEEDED', processed: 5 });
    // A worker serves health checks, not the API.
    expect((await fetch(`${worker.origin}/readyz`)).status).toBe(200);
    expect((await fetch(worker.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' })).status).toBe(404);
  }, 40_000);
});
