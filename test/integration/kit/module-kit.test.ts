import { lexicographicSortSchema, printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config';
import { registeredModules } from '../../../src/modules';
import { buildGatewaySchema } from '../../../src/schema/build-schema';
import { enabledModules } from '../../../src/services';
import { kitModule } from '../../fixtures/kit';
import { PROBE_PATH } from '../../fixtures/google-probe';
import { collect, gql, wsClient } from '../../helpers/client';
import { dbQuery } from '../../helpers/database';
import { connectGoogle, startGoogleTestBed, type GoogleTestBed } from '../../helpers/google';
import { TEST_JWT_SECRET, TEST_SECRETS_KEY } from '../../helpers/gateway';
import { waitForRun } from '../../helpers/sync';

const env = { JWT_SECRET: TEST_JWT_SECRET, SECRETS_KEY: TEST_SECRETS_KEY };
/** The registry with one more line: what adding a module takes. */
const withKit = [...registeredModules, kitModule];

describe('a module added by its registry line alone', () => {
  let bed: GoogleTestBed;
  let user: string;

  beforeAll(async () => {
    bed = await startGoogleTestBed({ extraModules: [kitModule], env: { KIT_MEMO_PREFIX: 'kit-', GOOGLE_RATE_KITPROBE_PER_MINUTE: '240' } });
    user = await bed.gw.token('acme', ['user']);
    await connectGoogle(bed);
  });
  afterAll(() => bed?.stop());

  it('brings its migration, entity and resolvers: rows are written and read through GraphQL', async () => {
    const tables = await dbQuery(bed.gw.databaseUrl, `SELECT name FROM mikro_orm_migrations WHERE name LIKE '%kit_memo'`);
    expect(tables.rows.map((r) => r.name)).toEqual(['Migration20261201000000_kit_memo']);
    const created = await gql<{ createMemo: { id: string; text: string } }>(bed.gw.url, 'mutation { createMemo(text: "first") { id text } }', { token: user });
    expect(created.body.errors).toBeUndefined();
    const bad = await gql(bed.gw.url, 'mutation { createMemo(text: "  ") { id } }', { token: user });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    const list = await gql<{ memos: { text: string }[] }>(bed.gw.url, '{ memos { text } }', { token: user });
    expect(list.body.data?.memos.map((m) => m.text)).toEqual(['first']);
  });

  it('publishes on its own declared topic to graphql-ws subscribers of the tenant', async () => {
    const client = wsClient(bed.gw.wsUrl, user);
    const sub = collect<{ data: { memoCreated: { text: string } } }>(client, 'subscription { memoCreated { text } }');
    // graphql-ws does not acknowledge a subscription: publish until one event arrives (it is live then).
    for (let i = 0; sub.events.length === 0; i++) {
      if (i === 20) throw new Error('no memoCreated event after 20 memos');
      await gql(bed.gw.url, `mutation { createMemo(text: "live ${i}") { id } }`, { token: user });
      await sub.until(() => sub.events.length > 0, 500).catch(() => undefined);
    }
    expect(sub.events[0]!.data.memoCreated.text).toMatch(/^live \d+$/);
    sub.dispose();
    await client.dispose();
  });

  it('syncs through its job: SyncModule value, its Google API client, its rate limit and its config section', async () => {
    expect(bed.gw.gateway.services.sync.engine.rateLimiter.limit('kitprobe')).toBe(240);
    const memos = (await gql<{ memos: unknown[] }>(bed.gw.url, '{ memos { id } }', { token: user })).body.data!.memos.length;
    bed.google.clearRequests();
    const queued = await gql<{ syncMemos: { id: string } }>(bed.gw.url, 'mutation { syncMemos { id } }', { token: bed.admin });
    expect(queued.body.errors).toBeUndefined();
    const run = await waitForRun(bed.gw.url, bed.admin, queued.body.data!.syncMemos.id);
    expect(run).toMatchObject({ status: 'SUCCEEDED', total: memos, created: memos, failed: 0 });
    const runs = await gql<{ syncRuns: { edges: { node: { module: string } }[] } }>(bed.gw.url, '{ syncRuns(module: MEMOS) { edges { node { module } } } }', { token: bed.admin });
    expect(runs.body.data?.syncRuns.edges.map((e) => e.node.module)).toEqual(['MEMOS']);
    const pushed = await gql<{ memos: { pushedAs: string }[] }>(bed.gw.url, '{ memos { pushedAs } }', { token: user });
    expect(new Set(pushed.body.data?.memos.map((m) => m.pushedAs))).toEqual(new Set(['kit-admin@example.com']));
    const probeCalls = bed.google.requests.filter((r) => r.path === PROBE_PATH);
    expect(probeCalls).toHaveLength(memos);
    expect(probeCalls.every((r) => String(r.headers.authorization).startsWith('Bearer '))).toBe(true);
  });
});

describe('the contract decides what the enabled set contains', () => {
  it('lists only the enabled modules’ sync jobs in SyncModule', async () => {
    const all = await buildGatewaySchema(enabledModules(withKit, loadConfig(env, withKit)), null);
    expect(all.getType('SyncModule')?.toString()).toBe('SyncModule');
    expect(printSchema(lexicographicSortSchema(all))).toMatch(/enum SyncModule \{\n {2}CONTACTS\n {2}MEMOS\n {2}PRINTERS\n {2}TASKS\n\}/);
    const tasksOnly = await buildGatewaySchema(enabledModules(withKit, loadConfig({ ...env, MODULES: 'auth,tasks' }, withKit)), null);
    expect(printSchema(lexicographicSortSchema(tasksOnly))).toMatch(/enum SyncModule \{\n {2}TASKS\n\}/);
    expect(tasksOnly.getType('Memo')).toBeUndefined();
    const authOnly = await buildGatewaySchema(enabledModules(withKit, loadConfig({ ...env, MODULES: 'auth' }, withKit)), null);
    expect(authOnly.getType('SyncModule')).toBeUndefined();
    expect(authOnly.getQueryType()!.getFields().syncRuns).toBeUndefined();
  });

  it('takes its rate limit and config section from the environment, checked at start', () => {
    expect(loadConfig(env, withKit).rateLimits).toEqual({ calendar: 600, m8: 300, people: 90, 'chrome-printers': 600, kitprobe: 120 });
    expect(loadConfig({ ...env, MODULES: 'auth,tasks' }, withKit).rateLimits).toEqual({ calendar: 600 });
    expect(() => loadConfig({ ...env, KIT_MEMO_PREFIX: 'NOPE' }, withKit)).toThrow(ConfigError);
    expect(() => loadConfig({ ...env, KIT_MEMO_PREFIX: 'NOPE' }, withKit)).toThrow(/^KIT_MEMO_PREFIX: expected 1-10 lowercase letters and a dash \(got "NOPE"\)$/);
  });
});
