import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { collect, gql, wsClient } from '../../helpers/client';
import { dbQuery } from '../../helpers/database';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { planWalker, WALKER_TABLE_SQL, walkerModule } from '../../fixtures/walker';

const MAX_BUFFERED = 2 * 1024 * 1024;
const BEHIND = 64 * 1024;

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway({
    extraModules: [walkerModule],
    env: { WS_MAX_BUFFERED_BYTES: String(MAX_BUFFERED), WS_BEHIND_BUFFERED_BYTES: String(BEHIND), WS_MAX_SOCKETS_PER_CALLER: '50' },
  });
  await dbQuery(gw.databaseUrl, WALKER_TABLE_SQL);
});
afterAll(() => gw?.stop());

const PROGRESS = 'subscription($id: ID!) { syncProgress(runId: $id) { runId status processed final at } }';
interface Progress {
  runId: string;
  status: string;
  processed: number;
  final: boolean;
  at: string;
}
type ProgressEvent = { data: { syncProgress: Progress } };

async function startRun(tenant: string): Promise<string> {
  const res = await gql<{ syncWalker: { id: string } }>(gw.url, 'mutation { syncWalker { id } }', { token: await gw.token(tenant, ['admin']) });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.syncWalker.id;
}

/** A metric's value from the gateway's own registry (by label values, summed when several match). */
async function metric(name: string, labels: Record<string, string> = {}): Promise<number> {
  const m = await gw.gateway.services.metrics.registry.getSingleMetric(name)?.get();
  return (m?.values ?? []).filter((v) => Object.entries(labels).every(([k, x]) => v.labels[k] === x)).reduce((n, v) => n + v.value, 0);
}

async function waitFor(what: string, predicate: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A raw graphql-transport-ws client on `ws`, so that the test can stop reading its socket. */
async function rawClient(token: string) {
  const socket = new WebSocket(gw.wsUrl, 'graphql-transport-ws');
  const messages: { id?: string; type: string; payload?: unknown }[] = [];
  let closed: { code: number; reason: string } | null = null;
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  socket.on('close', (code, reason) => (closed = { code, reason: String(reason) }));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } }));
  await waitFor('connection_ack', () => messages.some((m) => m.type === 'connection_ack'));
  const tcp = (socket as unknown as { _socket: import('node:net').Socket })._socket;
  return {
    socket,
    messages,
    get closed() {
      return closed;
    },
    subscribe: (id: string, query: string, variables?: Record<string, unknown>) => socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } })),
    /** Stops reading: what the server sends piles up in the kernel, then in the server's send buffer. */
    pause: () => tcp.pause(),
    resume: () => tcp.resume(),
    of: (id: string) => messages.filter((m) => m.id === id),
  };
}

/** Publishes big cache-reset events (7 KB each) until `done()`; returns how many. */
async function flood(tenant: string, done: () => Promise<boolean>, limit = 20_000): Promise<number> {
  const reason = 'x'.repeat(7000);
  let n = 0;
  while (!(await done())) {
    if (n >= limit) throw new Error(`still not done after ${n} events`);
    await Promise.all(Array.from({ length: 20 }, () => gw.gateway.services.pubsub.publish('cache-reset', tenant, { tenant, reason, at: new Date().toISOString(), requestedBy: null })));
    n += 20;
  }
  return n;
}

describe('subscription fan-out', () => {
  it('executes each event once for a group: its subscribers get identical, ordered events and the final one', async () => {
    const tenant = 'fan-group';
    await planWalker(gw.databaseUrl, tenant, { items: 60, delayMs: 25 });
    const clients = await Promise.all(Array.from({ length: 8 }, async (_, i) => wsClient(gw.wsUrl, await gw.token(tenant, ['user'], `watcher-${i}`))));
    const executedBefore = await metric('gateway_subscription_events_total', { kind: 'executed' });
    try {
      const id = await startRun(tenant);
      const subs = clients.map((c) => collect<ProgressEvent>(c, PROGRESS, { id }));
      for (const s of subs) await s.until(() => s.completed, 30_000);
      const seqs = subs.map((s) => s.events.map((e) => e.data.syncProgress));
      const longest = seqs.reduce((a, b) => (b.length > a.length ? b : a));
      for (const seq of seqs) {
        // Each subscriber starts at the state current when it joined, then gets the group's very events (same "at").
        expect(seq.length).toBeGreaterThan(1);
        expect(seq).toEqual(longest.slice(longest.length - seq.length));
        expect(seq.at(-1)).toMatchObject({ runId: id, status: 'SUCCEEDED', processed: 60, final: true });
      }
      for (let i = 1; i < longest.length; i++) expect(longest[i]!.processed).toBeGreaterThanOrEqual(longest[i - 1]!.processed);
      // One execution per event for all eight.
      expect((await metric('gateway_subscription_events_total', { kind: 'executed' })) - executedBefore).toBe(longest.length);
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
    }
  });

  it('gives subscribers of other variables, another tenant or other roles their own group', async () => {
    await planWalker(gw.databaseUrl, 'fan-a', { items: 40, delayMs: 40 });
    await planWalker(gw.databaseUrl, 'fan-b', { items: 30, delayMs: 40 });
    const a1 = wsClient(gw.wsUrl, await gw.token('fan-a', ['user'], 'a1'));
    const a2 = wsClient(gw.wsUrl, await gw.token('fan-a', ['user'], 'a2'));
    const aAdmin = wsClient(gw.wsUrl, await gw.token('fan-a', ['admin'], 'a-admin'));
    const b = wsClient(gw.wsUrl, await gw.token('fan-b', ['user'], 'b1'));
    try {
      const runA = await startRun('fan-a');
      const runB = await startRun('fan-b');
      const groupsBefore = await metric('gateway_subscription_groups');
      const subA1 = collect<ProgressEvent>(a1, PROGRESS, { id: runA });
      const subA2 = collect<ProgressEvent>(a2, PROGRESS, { id: runA });
      const subAdmin = collect<ProgressEvent>(aAdmin, PROGRESS, { id: runA });
      const subB = collect<ProgressEvent>(b, PROGRESS, { id: runB });
      // The same variables from another tenant: its own group, which does not see tenant A's run.
      const intruder = collect<ProgressEvent>(b, PROGRESS, { id: runA });
      await intruder.until(() => intruder.errors.length > 0 || intruder.completed);
      expect(JSON.stringify(intruder.errors)).toMatch(/NOT_FOUND/);
      expect(intruder.events).toEqual([]);
      await Promise.all([subA1, subA2, subAdmin, subB].map((s) => s.until(() => s.events.length > 0, 10_000)));
      // tenant A users, tenant A admin, tenant B: three groups (while the runs go on).
      expect((await metric('gateway_subscription_groups')) - groupsBefore).toBe(3);
      for (const s of [subA1, subA2, subAdmin, subB]) await s.until(() => s.completed, 30_000);
      const last = (s: typeof subA1) => s.events.at(-1)!.data.syncProgress;
      expect(last(subA1)).toMatchObject({ runId: runA, processed: 40, final: true });
      expect(last(subA2)).toEqual(last(subA1));
      expect(last(subAdmin)).toMatchObject({ runId: runA, processed: 40, final: true });
      expect(last(subB)).toMatchObject({ runId: runB, processed: 30, final: true });
      for (const s of [subA1, subA2, subAdmin]) expect(s.events.every((e) => e.data.syncProgress.runId === runA)).toBe(true);
      expect(subB.events.every((e) => e.data.syncProgress.runId === runB)).toBe(true);
    } finally {
      await Promise.all([a1, a2, aAdmin, b].map((c) => c.dispose()));
    }
  });

  it('closes a socket whose client stops reading with 4408, and the other subscribers go on', async () => {
    const tenant = 'fan-slow';
    const raw = await rawClient(await gw.token(tenant, ['user'], 'slow'));
    const steady = wsClient(gw.wsUrl, await gw.token(tenant, ['user'], 'steady'));
    try {
      const query = 'subscription { cacheReset { reason } }';
      const good = collect<{ data: { cacheReset: { reason: string } } }>(steady, query);
      raw.subscribe('r1', query);
      await waitFor('both subscribed', async () => (await metric('gateway_graphql_active_subscriptions')) >= 2 && gw.gateway.services.pubsub.subscriberCount() >= 1);
      const probe = gw.gateway.services.pubsub.publish('cache-reset', tenant, { tenant, reason: 'probe', at: new Date().toISOString(), requestedBy: null });
      await probe;
      await waitFor('the probe reached both', () => raw.of('r1').length === 1 && good.events.length === 1);
      raw.pause();
      const dropsBefore = await metric('gateway_websocket_slow_consumer_drops_total');
      const sent = await flood(tenant, async () => (await metric('gateway_websocket_slow_consumer_drops_total')) > dropsBefore);
      expect(gw.logs.some((l) => String(l.msg).includes('slow consumer') && l.bufferedBytes !== undefined && (l.bufferedBytes as number) > MAX_BUFFERED)).toBe(true);
      // The steady client got every event and still gets new ones.
      await good.until(() => good.events.length === 1 + sent, 60_000);
      await gw.gateway.services.pubsub.publish('cache-reset', tenant, { tenant, reason: 'after', at: new Date().toISOString(), requestedBy: null });
      await good.until(() => good.events.at(-1)?.data.cacheReset.reason === 'after');
      expect(good.errors).toEqual([]);
      // The slow client, reading again, finds what was buffered for it and then the 4408 close.
      raw.resume();
      await waitFor('the slow socket to close', () => raw.closed !== null, 30_000);
      expect(raw.closed!.code).toBe(4408);
      expect(raw.of('r1').length).toBeLessThan(1 + sent);
      expect(raw.of('r1').some((m) => (m.payload as { data: { cacheReset: { reason: string } } }).data.cacheReset.reason === 'after')).toBe(false);
    } finally {
      raw.socket.terminate();
      await steady.dispose();
    }
  });

  it('coalesces progress for a socket that is behind, keeping its first and the final event', async () => {
    const tenant = 'fan-behind';
    await planWalker(gw.databaseUrl, tenant, { items: 80, delayMs: 25 });
    const raw = await rawClient(await gw.token(tenant, ['user'], 'behind'));
    const steady = wsClient(gw.wsUrl, await gw.token(tenant, ['user'], 'steady'));
    try {
      raw.subscribe('flood', 'subscription { cacheReset { reason } }');
      await waitFor('the flood subscription', () => gw.gateway.services.pubsub.subscriberCount() >= 1);
      raw.pause();
      // Fill the socket's send buffer past "behind", far below the limit.
      await flood(tenant, async () => (await metric('gateway_websocket_buffered_bytes')) > 4 * BEHIND);
      expect(await metric('gateway_websocket_buffered_bytes')).toBeLessThan(MAX_BUFFERED);
      const coalescedBefore = await metric('gateway_subscription_events_coalesced_total');

      const id = await startRun(tenant);
      const good = collect<ProgressEvent>(steady, PROGRESS, { id });
      await good.until(() => good.events.length > 0);
      raw.subscribe('progress', PROGRESS, { id });
      await good.until(() => good.completed, 30_000);
      expect(await metric('gateway_subscription_events_coalesced_total')).toBeGreaterThan(coalescedBefore);

      raw.resume();
      await waitFor('the behind client to get its complete', () => raw.of('progress').some((m) => m.type === 'complete'), 30_000);
      const behind = raw
        .of('progress')
        .filter((m) => m.type === 'next')
        .map((m) => (m.payload as ProgressEvent).data.syncProgress);
      const all = good.events.map((e) => e.data.syncProgress);
      expect(raw.closed).toBeNull();
      expect(behind.length).toBeGreaterThanOrEqual(2);
      expect(behind.length).toBeLessThan(all.length);
      // Its first event is the state when it joined; the final is never dropped; nothing goes backwards.
      expect(all.map((e) => e.at)).toContain(behind[0]!.at);
      expect(behind.at(-1)).toEqual(all.at(-1));
      expect(behind.at(-1)).toMatchObject({ status: 'SUCCEEDED', processed: 80, final: true });
      for (let i = 1; i < behind.length; i++) expect(behind[i]!.processed).toBeGreaterThanOrEqual(behind[i - 1]!.processed);
    } finally {
      raw.socket.terminate();
      await steady.dispose();
    }
  });
});
