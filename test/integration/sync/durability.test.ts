import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../src/db/embedded-postgres';
import { signDevToken } from '../../../src/schema/dev-token';
import { gql, sleep } from '../../helpers/client';
import { createTestDatabase, dbQuery, type TestDatabase } from '../../helpers/database';
import { startTestGateway, testEnv, type TestGateway } from '../../helpers/gateway';
import { REPO, waitForReady } from '../../helpers/process';
import { WALKER_TABLE_SQL, walkerModule } from '../../fixtures/walker';

let db: TestDatabase;
let survivor: TestGateway | null = null;

afterAll(async () => {
  await survivor?.stop();
  await db?.drop();
});

describe('a worker killed mid-run', () => {
  it('leaves a run that another worker resumes and finishes, without double counting', async () => {
    db = await createTestDatabase();
    await dbQuery(db.url, WALKER_TABLE_SQL);
    const items = 300;
    await dbQuery(db.url, `INSERT INTO tenant (id, created_at) VALUES ('durable', now())`);
    await dbQuery(db.url, `INSERT INTO walker_plan (tenant, plan) VALUES ('durable', $1)`, [JSON.stringify({ items, delayMs: 10 })]);

    const port = await freePort();
    const env = testEnv(db.url, { PORT: String(port), LOG_LEVEL: 'warn', SYNC_LEASE_SECONDS: '2', SYNC_HOUSEKEEPING_SECONDS: '0.5', SYNC_POLL_SECONDS: '0.5' });
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'test/fixtures/walker/main.ts'], { cwd: REPO, env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'ignore' });
    const exited = new Promise((r) => child.on('exit', r));
    await waitForReady(`http://127.0.0.1:${port}`, exited);

    // Queue through the first process and let it work for a while.
    const token = await signDevToken(env.JWT_SECRET!, { tenant: 'durable', roles: ['admin'] });
    const queued = await gql<{ syncWalker: { id: string } }>(`http://127.0.0.1:${port}/graphql`, 'mutation { syncWalker { id } }', { token });
    const runId = queued.body.data!.syncWalker.id;
    for (let i = 0; i < 200; i++) {
      const r = await dbQuery(db.url, 'SELECT processed FROM sync_run WHERE id = $1', [runId]);
      if (r.rows[0].processed >= 50) break;
      await sleep(50);
    }
    child.kill('SIGKILL');
    await exited;
    const atKill = (await dbQuery(db.url, 'SELECT status, processed FROM sync_run WHERE id = $1', [runId])).rows[0];
    expect(atKill.status).toBe('RUNNING');
    expect(atKill.processed).toBeLessThan(items);

    // A live worker notices the lapsed lease and resumes from the persisted cursor.
    survivor = await startTestGateway({
      extraModules: [walkerModule],
      database: { url: db.url },
      syncOptions: { concurrency: 1, leaseSeconds: 2, pollingIntervalSeconds: 0.5, housekeepingSeconds: 0.5 },
    });
    let run: Record<string, unknown> = {};
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      run = (await dbQuery(db.url, 'SELECT status, processed, created, failed, resumed_count FROM sync_run WHERE id = $1', [runId])).rows[0];
      if (run.status !== 'RUNNING') break;
      await sleep(200);
    }
    expect(run).toMatchObject({ status: 'SUCCEEDED', processed: items, created: items, failed: 0, resumed_count: 1 });
    const done = await dbQuery(db.url, `SELECT count(*)::int AS items, max(n)::int AS most FROM walker_done WHERE tenant = 'durable'`);
    expect(done.rows[0].items).toBe(items);
    // Only the items after the last checkpoint (at most ~1 s of work) were done twice.
    const redone = await dbQuery(db.url, `SELECT count(*)::int AS n FROM walker_done WHERE tenant = 'durable' AND n > 1`);
    expect(redone.rows[0].n).toBeLessThan(120);
  }, 90_000);
});
