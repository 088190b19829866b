import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, gql, wsClient } from '../../helpers/client';
import { dbQuery } from '../../helpers/database';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { planWalker, WALKER_TABLE_SQL, walkerModule } from '../../fixtures/walker';

/**
 * Events published while the LISTEN connection is down are lost: after it comes back, a syncProgress
 * subscription re-reads its run and sends the current state, so it still sees the final one.
 */
let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway({ extraModules: [walkerModule] });
  await dbQuery(gw.databaseUrl, WALKER_TABLE_SQL);
});
afterAll(() => gw?.stop());

const killListener = () => dbQuery(gw.databaseUrl, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`);
const runStatus = async (id: string) => (await dbQuery(gw.databaseUrl, 'SELECT status FROM sync_run WHERE id = $1', [id])).rows[0].status as string;

interface Progress {
  data: { syncProgress: { status: string; processed: number; final: boolean } };
}

describe('progress across a lost LISTEN connection', () => {
  it('a subscriber whose final event was lost gets the final state after the reconnect and completes; /readyz is 503 meanwhile', async () => {
    await planWalker(gw.databaseUrl, 'listen', { items: 60, delayMs: 20 });
    const token = await gw.token('listen', ['admin']);
    const client = wsClient(gw.wsUrl, token);
    try {
      // A module-wide subscriber too: after the reconnect it gets the module's runs that ended meanwhile.
      const moduleSub = collect<{ data: { syncProgress: { runId: string; status: string; final: boolean } } }>(client, 'subscription { syncProgress(module: WALKER) { runId status final } }');
      const queued = await gql<{ syncWalker: { id: string } }>(gw.url, 'mutation { syncWalker { id } }', { token });
      const id = queued.body.data!.syncWalker.id;
      const sub = collect<Progress>(client, 'subscription($id: ID!) { syncProgress(runId: $id) { status processed final } }', { id });
      await sub.until(() => sub.events.length > 0, 20_000);

      // Keep the listener down until the run has ended and its final event was published (a few ms after the row).
      const readiness = new Set<number>();
      let endedAt: number | null = null;
      const deadline = Date.now() + 30_000;
      while (endedAt === null || Date.now() - endedAt < 500) {
        if (Date.now() > deadline) throw new Error('the run did not end');
        await killListener();
        readiness.add((await fetch(`${gw.origin}/readyz`)).status);
        if (endedAt === null && ['SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED'].includes(await runStatus(id))) endedAt = Date.now();
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(readiness.has(503)).toBe(true);

      await sub.until(() => sub.completed, 20_000);
      expect(sub.events.at(-1)!.data.syncProgress).toEqual({ status: 'SUCCEEDED', processed: 60, final: true });
      await moduleSub.until(() => moduleSub.events.some((e) => e.data.syncProgress.final), 20_000);
      expect(moduleSub.events.filter((e) => e.data.syncProgress.final).map((e) => e.data.syncProgress)).toEqual([{ runId: id, status: 'SUCCEEDED', final: true }]);
      await expect.poll(async () => (await fetch(`${gw.origin}/readyz`)).status, { timeout: 20_000 }).toBe(200);
      expect(gw.logs.some((l) => /listener reconnected/.test(String(l.msg)))).toBe(true);
    } finally {
      await client.dispose();
    }
  }, 60_000);
});
