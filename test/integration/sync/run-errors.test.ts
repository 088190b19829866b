import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../../helpers/client';
import { dbQuery } from '../../helpers/database';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { waitForRun } from '../../helpers/sync';
import { planWalker, WALKER_TABLE_SQL, walkerModule, type WalkerPlan } from '../../fixtures/walker';

/** What an admin reads in SyncRun.error: words to act on, never the internals (those are in the log). */
let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway({ extraModules: [walkerModule] });
  await dbQuery(gw.databaseUrl, WALKER_TABLE_SQL);
});
afterAll(() => gw?.stop());

async function start(tenant: string, plan: WalkerPlan): Promise<{ id: string; token: string }> {
  await planWalker(gw.databaseUrl, tenant, plan);
  const token = await gw.token(tenant, ['admin']);
  const res = await gql<{ syncWalker: { id: string } }>(gw.url, 'mutation { syncWalker { id } }', { token });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return { id: res.body.data!.syncWalker.id, token };
}

const logged = (runId: string, pattern: RegExp) => gw.rawLogs.some((line) => line.includes(runId) && pattern.test(line));

describe('SyncRun.error', () => {
  it('a bug of the gateway (a wrong statement) is an internal error named by the run, its text only in the log', async () => {
    const { id, token } = await start('err-sql', { items: 3, failAt: { item: 1, kind: 'sql' } });
    const run = await waitForRun(gw.url, token, id, 20_000);
    expect(run.status).toBe('FAILED');
    expect(run.error).toBe(`Unexpected error in the gateway; an operator finds the details in the gateway's log (run ${id})`);
    expect(run.error).not.toMatch(/missing_column|column|select/i);
    expect(logged(id, /missing_column/)).toBe(true);
  });

  it('a database connection cut mid-run says the database did not answer, not what PostgreSQL said', async () => {
    const { id } = await start('err-db', { items: 3, failAt: { item: 1, kind: 'connection' } });
    // Cut the job's connection while it waits in PostgreSQL (as a failover or an overloaded server would).
    await expect
      .poll(
        async () =>
          (await dbQuery(gw.databaseUrl, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()`)).rows[0].n,
        {
          timeout: 20_000,
        },
      )
      .toBe(1);
    await dbQuery(gw.databaseUrl, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()`);
    // Read from the table: the cut may also break the next statement of a pooled connection of the API.
    await expect.poll(async () => (await dbQuery(gw.databaseUrl, 'SELECT status FROM sync_run WHERE id = $1', [id])).rows[0].status, { timeout: 20_000 }).toBe('FAILED');
    const run = (await dbQuery(gw.databaseUrl, 'SELECT status, error FROM sync_run WHERE id = $1', [id])).rows[0];
    expect(run.error).toBe("The gateway's database did not answer in time (overloaded or restarting); the sync stopped, run it again later");
    expect(logged(id, /terminating connection/)).toBe(true);
  });
});
