import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStatements } from '../../../src/db/orm';
import { collect, errorCodes, gql, sleep, wsClient } from '../../helpers/client';
import { dbQuery } from '../../helpers/database';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { planWalker, WALKER_TABLE_SQL, walkerModule, type WalkerPlan } from '../../fixtures/walker';
import { waitForRun as waitForFinalRun, type RunView } from '../../helpers/sync';

let gw: TestGateway;

beforeAll(async () => {
  // Schedules fire every second below (the default minimum interval is 5 minutes).
  gw = await startTestGateway({ extraModules: [walkerModule], env: { SYNC_MIN_SCHEDULE_SECONDS: '1' } });
  await dbQuery(gw.databaseUrl, WALKER_TABLE_SQL);
});
afterAll(() => gw?.stop());

const plan = (tenant: string, p: WalkerPlan) => planWalker(gw.databaseUrl, tenant, p);

async function startRun(tenant: string): Promise<{ id: string; status: string }> {
  const res = await gql<{ syncWalker: { id: string; status: string } }>(gw.url, 'mutation { syncWalker { id status } }', { token: await gw.token(tenant, ['admin']) });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.syncWalker;
}

type Run = RunView;

const waitForRun = async (tenant: string, id: string): Promise<Run> => waitForFinalRun(gw.url, await gw.token(tenant), id, 20_000);

describe('sync engine', () => {
  it('runs a job to SUCCEEDED and counts every item', async () => {
    await plan('eng-ok', { items: 25 });
    const queued = await startRun('eng-ok');
    expect(queued.status).toBe('QUEUED');
    const run = await waitForRun('eng-ok', queued.id);
    expect(run).toMatchObject({ status: 'SUCCEEDED', total: 25, processed: 25, created: 25, failed: 0, resumedCount: 0, errors: [] });
  });

  it('keeps one run per tenant and module: asking again returns the same run', async () => {
    await plan('eng-single', { items: 20, delayMs: 50 });
    const [a, b, c] = await Promise.all([startRun('eng-single'), startRun('eng-single'), startRun('eng-single')]);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    // Another tenant gets its own run at the same time.
    await plan('eng-single-2', { items: 2 });
    expect((await startRun('eng-single-2')).id).not.toBe(a.id);
    await waitForRun('eng-single', a.id);
    const next = await startRun('eng-single');
    expect(next.id).not.toBe(a.id);
    await waitForRun('eng-single', next.id);
  });

  it('retries transient errors (honouring Retry-After) and records permanent ones: PARTIAL', async () => {
    await plan('eng-partial', { items: 10, transient: { 2: 2, 5: 1 }, retryAfterSeconds: 0, permanent: [7] });
    const run = await waitForRun('eng-partial', (await startRun('eng-partial')).id);
    expect(run).toMatchObject({ status: 'PARTIAL', processed: 10, created: 9, failed: 1 });
    expect(run.errors).toEqual([{ entityId: 'item-7', code: expect.stringMatching(/notFound|HTTP_404/), message: expect.any(String), attempts: 1 }]);
    const done = await dbQuery(gw.databaseUrl, `SELECT item, n FROM walker_done WHERE tenant = 'eng-partial' ORDER BY item`);
    expect(done.rows.map((r) => r.item)).toEqual([0, 1, 2, 3, 4, 5, 6, 8, 9]);
    expect(done.rows.every((r) => r.n === 1)).toBe(true);
  });

  it('a fatal error fails the run with the reason', async () => {
    await plan('eng-fatal', { items: 10, fatalAt: 3 });
    const run = await waitForRun('eng-fatal', (await startRun('eng-fatal')).id);
    expect(run.status).toBe('FAILED');
    expect(run.error).toMatch(/invalid_grant/);
    expect(run.processed).toBe(4);
  });

  it('cancels a running job at its next item, keeping the counters', async () => {
    await plan('eng-cancel', { items: 200, delayMs: 20 });
    const { id } = await startRun('eng-cancel');
    const token = await gw.token('eng-cancel', ['admin']);
    for (let i = 0; i < 100; i++) {
      const r = await gql<{ syncRun: Run }>(gw.url, `query($id: ID!) { syncRun(id: $id) { processed } }`, { token, variables: { id } });
      if (r.body.data!.syncRun.processed > 5) break;
      await sleep(50);
    }
    const cancelled = await gql<{ cancelSyncRun: { status: string } }>(gw.url, 'mutation($id: ID!) { cancelSyncRun(id: $id) { status } }', { token, variables: { id } });
    expect(cancelled.body.errors).toBeUndefined();
    const run = await waitForRun('eng-cancel', id);
    expect(run.status).toBe('CANCELLED');
    expect(run.processed).toBeGreaterThan(5);
    expect(run.processed).toBeLessThan(200);
    const done = await dbQuery(gw.databaseUrl, `SELECT count(*)::int AS n FROM walker_done WHERE tenant = 'eng-cancel'`);
    expect(done.rows[0].n).toBe(run.processed);
  });

  it('streams progress: first and final events always, updates at most every 100 ms, only to the owning tenant', async () => {
    await plan('eng-progress', { items: 150, delayMs: 10 });
    const client = wsClient(gw.wsUrl, await gw.token('eng-progress'));
    const intruder = wsClient(gw.wsUrl, await gw.token('eng-other'));
    try {
      const { id } = await startRun('eng-progress');
      const sub = collect<{ data: { syncProgress: { status: string; phase: string; processed: number; final: boolean; at: string } } }>(
        client,
        'subscription($id: ID!) { syncProgress(runId: $id) { runId status phase processed total final at } }',
        { id },
      );
      const spy = collect(intruder, 'subscription { syncProgress(module: WALKER) { runId } }');
      const notFound = collect(intruder, 'subscription($id: ID!) { syncProgress(runId: $id) { runId } }', { id });
      await sub.until(() => sub.completed, 20_000);
      const events = sub.events.map((e) => e.data.syncProgress);
      expect(events[0]!.final).toBe(false);
      expect(events.at(-1)).toMatchObject({ status: 'SUCCEEDED', processed: 150, final: true });
      const times = events.map((e) => new Date(e.at).getTime());
      // Throttled to one event per 100 ms: two updates in the same phase and status are at least
      // that far apart (a phase change, the first and the final event go out at once). A rate over
      // the whole run would count those too and fail on a fast run.
      const gaps = events.slice(1).flatMap((e, i) => (!e.final && e.phase === events[i]!.phase && e.status === events[i]!.status ? [times[i + 1]! - times[i]!] : []));
      expect(gaps.length).toBeGreaterThan(2);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(90);
      expect(events.length).toBeGreaterThan(3);
      await notFound.until(() => notFound.errors.length > 0 || notFound.completed);
      expect(JSON.stringify(notFound.errors)).toMatch(/NOT_FOUND/);
      expect(spy.events).toEqual([]);

      // Subscribing to a finished run sends its final state at once and completes.
      const late = collect<{ data: { syncProgress: { status: string; final: boolean } } }>(client, 'subscription($id: ID!) { syncProgress(runId: $id) { status final } }', { id });
      await late.until(() => late.completed);
      expect(late.events.map((e) => e.data.syncProgress)).toEqual([{ status: 'SUCCEEDED', final: true }]);
    } finally {
      await client.dispose();
      await intruder.dispose();
    }
  });

  it('lists runs newest first as a connection, per module, with cursors', async () => {
    const token = await gw.token('eng-single');
    const page1 = await gql<{ syncRuns: { edges: { cursor: string; node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      gw.url,
      'query { syncRuns(module: WALKER, first: 1) { edges { cursor node { id createdAt } } pageInfo { hasNextPage endCursor } } }',
      { token },
    );
    const c = page1.body.data!.syncRuns;
    expect(c.edges).toHaveLength(1);
    expect(c.pageInfo.hasNextPage).toBe(true);
    const page2 = await gql<{ syncRuns: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean } } }>(
      gw.url,
      'query($after: String) { syncRuns(module: WALKER, first: 5, after: $after) { edges { node { id } } pageInfo { hasNextPage } } }',
      { token, variables: { after: c.pageInfo.endCursor } },
    );
    expect(page2.body.data!.syncRuns.edges).toHaveLength(1);
    expect(page2.body.data!.syncRuns.edges[0]!.node.id).not.toBe(c.edges[0]!.node.id);
    expect(errorCodes(await gql(gw.url, 'query { syncRuns(first: 101) { edges { cursor } } }', { token }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(gw.url, 'query { syncRuns(after: "junk") { edges { cursor } } }', { token }))).toEqual(['BAD_USER_INPUT']);
  });

  it('another tenant cannot read or cancel a run', async () => {
    await plan('eng-owner', { items: 1 });
    const { id } = await startRun('eng-owner');
    const other = await gw.token('eng-intruder', ['admin']);
    expect(errorCodes(await gql(gw.url, 'query($id: ID!) { syncRun(id: $id) { id } }', { token: other, variables: { id } }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await gql(gw.url, 'mutation($id: ID!) { cancelSyncRun(id: $id) { id } }', { token: other, variables: { id } }))).toEqual(['NOT_FOUND']);
    await waitForRun('eng-owner', id);
  });

  it('schedules: invalid cron is BAD_USER_INPUT; a due schedule starts a SCHEDULE run', async () => {
    await plan('eng-cron', { items: 3 });
    const admin = await gw.token('eng-cron', ['admin']);
    const bad = await gql(gw.url, 'mutation { setSyncSchedule(module: WALKER, cron: "every tuesday") { cron } }', { token: admin });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    const badZone = await gql(gw.url, 'mutation { setSyncSchedule(module: WALKER, cron: "* * * * * *", timeZone: "Mars/Olympus") { cron } }', { token: admin });
    expect(errorCodes(badZone)).toEqual(['BAD_USER_INPUT']);
    const ok = await gql<{ setSyncSchedule: { cron: string; nextRunAt: string } }>(
      gw.url,
      'mutation { setSyncSchedule(module: WALKER, cron: "* * * * * *", timeZone: "Europe/Bucharest") { cron timeZone nextRunAt } }',
      { token: admin },
    );
    expect(ok.body.errors).toBeUndefined();
    const deadline = Date.now() + 10_000;
    let runs: { trigger: string; status: string }[] = [];
    while (Date.now() < deadline) {
      const res = await gql<{ syncRuns: { edges: { node: { trigger: string; status: string } }[] } }>(gw.url, 'query { syncRuns(module: WALKER) { edges { node { trigger status } } } }', {
        token: admin,
      });
      runs = res.body.data!.syncRuns.edges.map((e) => e.node);
      if (runs.some((r) => r.trigger === 'SCHEDULE')) break;
      await sleep(200);
    }
    expect(runs.some((r) => r.trigger === 'SCHEDULE')).toBe(true);
    const cleared = await gql<{ clearSyncSchedule: boolean }>(gw.url, 'mutation { clearSyncSchedule(module: WALKER) }', { token: admin });
    expect(cleared.body.data!.clearSyncSchedule).toBe(true);
  });
});

describe('sync runs API', () => {
  it('answers BAD_USER_INPUT for an id that is not one, as task(id) does', async () => {
    const admin = await gw.token('eng-ids', ['admin']);
    expect(errorCodes(await gql(gw.url, '{ syncRun(id: "x") { id } }', { token: admin }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(gw.url, 'mutation { cancelSyncRun(id: "x") { id } }', { token: admin }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(gw.url, '{ syncRun(id: "00000000-0000-4000-8000-000000000000") { id } }', { token: admin }))).toEqual(['NOT_FOUND']);
  });

  it("loads every listed run's errors in a constant number of statements", async () => {
    const token = await gw.token('eng-page', ['admin']);
    // Statements that read item errors (the process also runs housekeeping queries meanwhile).
    const list = async () => {
      sqlStatements.trace = [];
      const res = await gql<{ syncRuns: { edges: { node: { errors: { entityId: string }[] } }[] } }>(gw.url, '{ syncRuns(first: 10) { edges { node { id errors { entityId code } } } } }', { token });
      const statements = sqlStatements.trace.filter((sql) => sql.includes('sync_item_error')).length;
      sqlStatements.trace = null;
      expect(res.body.errors).toBeUndefined();
      return { statements, errors: res.body.data!.syncRuns.edges.map((e) => e.node.errors.map((x) => x.entityId)) };
    };
    await plan('eng-page', { items: 4, permanent: [1, 3] });
    await waitForRun('eng-page', (await startRun('eng-page')).id);
    const one = await list();
    expect(one.errors).toEqual([['item-1', 'item-3']]);
    for (let i = 0; i < 3; i++) await waitForRun('eng-page', (await startRun('eng-page')).id);
    const four = await list();
    expect(four.errors).toHaveLength(4);
    expect(four.errors.every((e) => e.join() === 'item-1,item-3')).toBe(true);
    expect(one.statements).toBe(1);
    expect(four.statements).toBe(one.statements);
  });
});
