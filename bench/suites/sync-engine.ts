import 'reflect-metadata'; // before the walker fixture, whose resolver uses type-graphql's decorators
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import type { Client } from 'graphql-ws';
import { ensureTenantRow } from '../../src/db/tenant-registry';
import type { DevTokenClaims } from '../../src/schema/dev-token';
import { WALKER_TABLE_SQL, type WalkerPlan } from '../../test/fixtures/walker';
import { benchServerUrl, type BenchDatabase } from '../lib/database';
import { startGateway } from '../lib/gateway';
import { sleep, type ChildHandle, type StopResult } from '../lib/process';
import type { BenchContext, Measure, Row, Suite } from '../lib/types';
import { openWsClients } from '../lib/ws-clients';

/** The gateway entry with the test-only walker sync job (test/fixtures/walker). */
const WALKER_ENTRY = 'test/fixtures/walker/main.ts';
const SUBSCRIBERS = 1000;
const CONNECT_BATCH = 100;
const FANOUT_DELAY_MS = 30;
const NOOP_ITEMS = 100_000;
const PROGRESS_QUERY = 'subscription($id: ID!) { syncProgress(runId: $id) { runId status processed final at } }';
const RUN_QUERY = 'query($id: ID!) { syncRun(id: $id) { status processed createdAt startedAt finishedAt } }';

/** Same contract variables as bench/lib/gateway.ts scrubs: the caller's shell must not leak them into the child. */

interface WalkerGateway {
  child: ChildHandle;
  pid: number;
  graphqlUrl: string;
  wsUrl: string;
  database: BenchDatabase;
  token(claims: DevTokenClaims): Promise<string>;
  rssKb(): Promise<number | null>;
  stop(): Promise<StopResult>;
}

/**
 * The real gateway with the walker module (`node -r @swc-node/register test/fixtures/walker/main.ts`),
 * in production mode on a fresh database, with the environment of bench/lib/gateway.ts's
 * startGateway (which always runs src/main.ts). The walker's tables need direct access to the
 * database, so a PostgreSQL server (BENCH_DATABASE_URL / TEST_DATABASE_URL) is required.
 */
async function startWalkerGateway(ctx: BenchContext): Promise<WalkerGateway> {
  if (!benchServerUrl()) throw new Error('sync-engine needs a PostgreSQL server: set BENCH_DATABASE_URL or TEST_DATABASE_URL');
  const gw = await startGateway(ctx, { entry: WALKER_ENTRY });
  return { ...gw, wsUrl: `ws://127.0.0.1:${gw.port}/graphql`, database: gw.database! };
}

/** Plans a walker run for `tenant` in the gateway's database (creating the walker's tables and the tenant). */
async function planWalker(databaseUrl: string, tenant: string, plan: WalkerPlan): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  db.on('error', () => undefined); // e.g. terminated by the database's drop: the query (if any) fails instead
  await db.connect();
  try {
    await db.query(WALKER_TABLE_SQL);
    await ensureTenantRow(db, tenant);
    await db.query('INSERT INTO walker_plan (tenant, plan) VALUES ($1, $2) ON CONFLICT (tenant) DO UPDATE SET plan = $2', [tenant, JSON.stringify(plan)]);
  } finally {
    await db.end().catch(() => undefined);
  }
}

/** One GraphQL operation over HTTP; throws on HTTP or GraphQL errors. */
async function gql<T>(url: string, token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  let body: { data?: T | null; errors?: unknown[] };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`HTTP ${res.status} to ${query.slice(0, 40)}…: ${text.slice(0, 300)}`);
  }
  if (body.errors?.length || !body.data) throw new Error(`${query.slice(0, 40)}… failed: HTTP ${res.status} ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}

interface RunRecord {
  status: string;
  processed: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

async function queueWalker(url: string, adminToken: string): Promise<{ id: string; status: string }> {
  return (await gql<{ syncWalker: { id: string; status: string } }>(url, adminToken, 'mutation { syncWalker { id status } }')).syncWalker;
}

/** Polls syncRun every 100 ms until the run has finished (or `timeoutMs` passed); returns its last state. */
async function waitForRun(url: string, token: string, id: string, timeoutMs: number): Promise<RunRecord> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const run = (await gql<{ syncRun: RunRecord }>(url, token, RUN_QUERY, { id })).syncRun;
    if (run.finishedAt || Date.now() > until) return run;
    await sleep(100);
  }
}

const runDurationMs = (r: RunRecord): number | null => (r.startedAt && r.finishedAt ? Date.parse(r.finishedAt) - Date.parse(r.startedAt) : null);

/** Polls the gateway's RSS every `everyMs` (never two reads at once) and keeps the peak. */
function rssPoller(read: () => Promise<number | null>, everyMs: number) {
  let peakKb: number | null = null;
  let samples = 0;
  let busy: Promise<void> | null = null;
  const sample = () => {
    if (busy) return;
    busy = read()
      .then((kb) => {
        if (kb !== null) {
          samples++;
          peakKb = Math.max(peakKb ?? 0, kb);
        }
      })
      .catch(() => undefined)
      .finally(() => (busy = null));
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref(); // never what keeps the benchmark alive if the suite fails before stop()
  return {
    async stop(): Promise<{ peakKb: number | null; samples: number }> {
      clearInterval(timer);
      await busy;
      return { peakKb, samples };
    },
  };
}

/** Nearest-rank percentile of a sorted array. */
function percentile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

const mb = (kb: number | null, target?: Measure['target']): Measure | null => (kb === null ? null : { value: kb / 1024, digits: 0, ...(target ? { target } : {}) });

/** The issue's targets for 1,000 subscribers. */
const TARGET_LAG_P99_MS = 50;
const TARGET_RSS_PEAK_MB = 256;
const TARGET_SLOWDOWN = 1.2;

interface ProgressEvent {
  runId: string;
  status: string;
  processed: number;
  final: boolean;
  at: string;
}

/** What one subscriber saw: receipt times (ms since epoch), the events' `at`, first and last event. */
interface Subscriber {
  sentAt: number;
  recv: number[];
  at: number[];
  processed: number[];
  first: ProgressEvent | null;
  last: ProgressEvent | null;
  errors: string[];
  completed: boolean;
  dispose: () => void;
}

function subscribe(client: Client, runId: string, onDone: () => void): Subscriber {
  const s: Subscriber = { sentAt: Date.now(), recv: [], at: [], processed: [], first: null, last: null, errors: [], completed: false, dispose: () => undefined };
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    onDone();
  };
  s.dispose = client.subscribe<{ syncProgress: ProgressEvent }>(
    { query: PROGRESS_QUERY, variables: { id: runId } },
    {
      next: (value) => {
        const received = Date.now();
        const e = value.data?.syncProgress;
        if (!e) {
          s.errors.push(JSON.stringify(value.errors ?? value).slice(0, 300));
          return;
        }
        s.recv.push(received);
        s.at.push(Date.parse(e.at));
        s.processed.push(e.processed);
        s.first ??= e;
        s.last = e;
      },
      error: (err) => {
        s.errors.push(err instanceof Error ? err.message : JSON.stringify(err).slice(0, 300));
        finish();
      },
      complete: () => {
        s.completed = true;
        finish();
      },
    },
  );
  return s;
}

/** Resolves once `done()` is true (checked every 50 ms), or false after `timeoutMs`. */
async function waitFor(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) return false;
    await sleep(50);
  }
  return true;
}

/**
 * Row a: 1,000 graphql-ws subscribers of one run's progress on one gateway. The walker run works
 * for about ctx.durationSec seconds (FANOUT_DELAY_MS per item), publishing ≤ 10 events/s.
 */
async function progressFanOut(ctx: BenchContext): Promise<Row> {
  const gw = await startWalkerGateway(ctx);
  const tenant = 'bench-fanout';
  const items = Math.max(50, Math.round((ctx.durationSec * 1000) / FANOUT_DELAY_MS));
  const plan: WalkerPlan = { items, delayMs: FANOUT_DELAY_MS };
  await planWalker(gw.database.url, tenant, plan);
  // One user per subscriber, as 1,000 people watching (a caller may hold WS_MAX_SOCKETS_PER_CALLER sockets).
  const userTokens = await Promise.all(Array.from({ length: SUBSCRIBERS }, (_, i) => gw.token({ tenant, roles: ['user'], sub: `bench-subscriber-${i}` })));
  const adminToken = await gw.token({ tenant, roles: ['admin'], sub: 'bench-admin' });

  // The same run with nobody watching (on another tenant): what the job takes without the fan-out.
  const aloneTenant = 'bench-fanout-alone';
  await planWalker(gw.database.url, aloneTenant, plan);
  const aloneToken = await gw.token({ tenant: aloneTenant, roles: ['admin'], sub: 'bench-admin' });
  ctx.log(`the same run without subscribers first (${items} items × ${FANOUT_DELAY_MS} ms)`);
  const alone = await waitForRun(gw.graphqlUrl, aloneToken, (await queueWalker(gw.graphqlUrl, aloneToken)).id, items * FANOUT_DELAY_MS * 4 + 30_000);
  const aloneMs = runDurationMs(alone);
  if (alone.status !== 'SUCCEEDED') throw new Error(`the walker run without subscribers ended ${alone.status} (${alone.processed} of ${items} items)`);
  ctx.log(`without subscribers the run worked ${((aloneMs ?? NaN) / 1000).toFixed(1)} s`);
  const rssIdleKb = await gw.rssKb();

  ctx.log(`opening ${SUBSCRIBERS} WebSocket clients in batches of ${CONNECT_BATCH}`);
  const ws = await openWsClients({ url: gw.wsUrl, connectionParams: (i) => ({ authorization: `Bearer ${userTokens[i]}` }), count: SUBSCRIBERS, batchSize: CONNECT_BATCH });
  ctx.defer(() => ws.closeAll());
  const rssConnectedKb = await gw.rssKb();
  ctx.log(`${SUBSCRIBERS} clients acknowledged in ${(ws.connectMs / 1000).toFixed(1)} s; gateway RSS ${((rssConnectedKb ?? 0) / 1024).toFixed(0)} MB`);

  const poller = rssPoller(() => gw.rssKb(), 250);
  // This process's own event-loop delay while it receives the events: part of the measured lag.
  const benchLoop = monitorEventLoopDelay({ resolution: 10 });
  benchLoop.enable();
  const queuedAt = Date.now();
  const run = await queueWalker(gw.graphqlUrl, adminToken);
  let finished = 0;
  const subs: Subscriber[] = [];
  for (const client of ws.clients) subs.push(subscribe(client, run.id, () => finished++));
  const subscribedMs = Date.now() - queuedAt;
  ctx.log(`run ${run.id} ${run.status} (${items} items × ${FANOUT_DELAY_MS} ms); ${SUBSCRIBERS} subscriptions sent ${subscribedMs} ms after queuing`);

  const allDone = await waitFor(() => finished >= subs.length, items * FANOUT_DELAY_MS * 4 + 60_000);
  const streamMs = Date.now() - queuedAt;
  benchLoop.disable();
  const benchLoopMs = { p50: benchLoop.percentile(50) / 1e6, p99: benchLoop.percentile(99) / 1e6, max: benchLoop.max / 1e6 };
  const { peakKb, samples } = await poller.stop();
  const rssAfterKb = await gw.rssKb();
  const record = (await gql<{ syncRun: RunRecord }>(gw.graphqlUrl, adminToken, RUN_QUERY, { id: run.id })).syncRun;
  if (!allDone) ctx.log(`WARNING ${subs.length - finished} subscriptions had not ended ${(streamMs / 1000).toFixed(0)} s after queuing`);
  for (const s of subs) s.dispose();
  await ws.closeAll();
  const rssClosedKb = await gw.rssKb();
  await gw.stop();

  // Delivery lag of live events: each subscriber's first event is the run's state read at
  // subscription time (during the subscription storm), so it is reported apart.
  const lags: number[] = [];
  const firstLags: number[] = [];
  const setupMs: number[] = [];
  let missedFirst = 0;
  let missedFinal = 0;
  let beforeStart = 0;
  let outOfOrder = 0;
  let minEvents = Infinity;
  let maxEvents = 0;
  const errors = new Map<string, number>();
  // Every event the run published that reached a subscriber (subscribers of one group share them, "at" included).
  const published = [...new Set(subs.flatMap((s) => s.at))].sort((a, b) => a - b);
  /** The newest event published at or before `t` (ms since epoch), or -Infinity. */
  const newestAtOrBefore = (t: number): number => {
    let lo = 0;
    let hi = published.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (published[mid]! <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo ? published[lo - 1]! : -Infinity;
  };
  for (const s of subs) {
    for (let i = 0; i < s.recv.length; i++) (i === 0 ? firstLags : lags).push(s.recv[i]! - s.at[i]!);
    if (s.at.length) setupMs.push(s.at[0]! - s.sentAt);
    minEvents = Math.min(minEvents, s.recv.length);
    maxEvents = Math.max(maxEvents, s.recv.length);
    // The first event must be the run's current state when the subscription was sent: a snapshot, or
    // the latest event of the group it joined; an event published more than the lag target before
    // the subscription was sent must not be newer than it.
    if (!s.first || s.first.runId !== run.id || s.at[0]! < newestAtOrBefore(s.sentAt - TARGET_LAG_P99_MS)) missedFirst++;
    if (!s.last || !s.last.final || s.last.status !== 'SUCCEEDED' || s.last.processed !== items || !s.completed) missedFinal++;
    if (s.first?.status === 'QUEUED') beforeStart++;
    if (s.processed.some((p, i) => i > 0 && p < s.processed[i - 1]!)) outOfOrder++;
    for (const e of s.errors) errors.set(e, (errors.get(e) ?? 0) + 1);
  }
  lags.sort((a, b) => a - b);
  firstLags.sort((a, b) => a - b);
  setupMs.sort((a, b) => a - b);
  const totalEvents = subs.reduce((n, s) => n + s.recv.length, 0);
  const runMs = runDurationMs(record);
  const slowdown = runMs !== null && aloneMs ? runMs / aloneMs : NaN;
  const closedEarly = [...ws.closedEarly].map(([code, n]) => `${n}× ${code}`).join(', ');
  ctx.log(
    `fan-out: ${totalEvents} events delivered; live lag p50 ${percentile(lags, 0.5)} ms, p99 ${percentile(lags, 0.99)} ms, max ${lags.at(-1) ?? NaN} ms; ` +
      `missed first ${missedFirst}, missed final ${missedFinal}; peak RSS ${((peakKb ?? 0) / 1024).toFixed(0)} MB`,
  );

  const notes: string[] = [
    `lag = receipt − the event's "at", live events only (${lags.length}); each subscriber's first event (its current-state snapshot, sent during the subscription storm) had lag p50 ${percentile(firstLags, 0.5)} ms, max ${firstLags.at(-1) ?? NaN} ms`,
    `the run worked ${runMs === null ? '?' : (runMs / 1000).toFixed(1)} s with the subscribers, ${aloneMs === null ? '?' : (aloneMs / 1000).toFixed(1)} s without (same plan, same gateway, just before): the job shares the gateway's event loop with the fan-out`,
    `subscriptions: all sent within ${subscribedMs} ms of queuing; the first event's "at" (a snapshot read for the subscriber that opened the group; for the others, the group's latest event, which may predate the subscription) was p50 ${percentile(setupMs, 0.5)} ms, max ${setupMs.at(-1) ?? NaN} ms after sending; ${beforeStart} of ${SUBSCRIBERS} were set up before the run started (first event QUEUED)`,
    `this process (the ${SUBSCRIBERS} clients) had event-loop delays of p50 ${benchLoopMs.p50.toFixed(0)} ms, p99 ${benchLoopMs.p99.toFixed(0)} ms, max ${benchLoopMs.max.toFixed(0)} ms while receiving: part of the lag is the clients' own`,
  ];
  if (errors.size) notes.push(`subscription errors: ${[...errors].map(([m, n]) => `${n}× ${m}`).join('; ')}`);
  if (closedEarly) notes.push(`sockets closed by the server during the run: ${closedEarly}`);
  if (outOfOrder) notes.push(`${outOfOrder} subscribers saw "processed" go backwards`);
  if (record.status !== 'SUCCEEDED' || record.processed !== items) notes.push(`the run ended ${record.status} with ${record.processed} of ${items} items processed`);

  return {
    label: `progress fan-out (${SUBSCRIBERS.toLocaleString('en-US')} subscribers)`,
    notes,
    figures: {
      'lag p50 ms': percentile(lags, 0.5),
      'lag p99 ms': { value: percentile(lags, 0.99), target: { op: '<=', value: TARGET_LAG_P99_MS } },
      'lag max ms': lags.at(-1) ?? NaN,
      'events/client min': Number.isFinite(minEvents) ? minEvents : 0,
      'events/client max': maxEvents,
      'run time ÷ alone': { value: slowdown, digits: 2, target: { op: '<=', value: TARGET_SLOWDOWN } },
      'missed first': { value: missedFirst, target: { op: '<=', value: 0 } },
      'missed final': { value: missedFinal, target: { op: '<=', value: 0 } },
      'RSS after MB': mb(rssAfterKb),
      'RSS peak MB': mb(peakKb, { op: '<=', value: TARGET_RSS_PEAK_MB }),
    },
    details: {
      subscribers: SUBSCRIBERS,
      connectBatch: CONNECT_BATCH,
      connectMs: ws.connectMs,
      plan,
      runId: run.id,
      run: record,
      runMs,
      alone: { run: alone, runMs: aloneMs },
      slowdown,
      subscriptionSetupMs: { p50: percentile(setupMs, 0.5), p99: percentile(setupMs, 0.99), max: setupMs.at(-1) ?? null },
      benchEventLoopDelayMs: benchLoopMs,
      subscribedMs,
      streamMs,
      allEnded: allDone,
      totalEvents,
      liveEvents: lags.length,
      lagMs: { p50: percentile(lags, 0.5), p90: percentile(lags, 0.9), p99: percentile(lags, 0.99), max: lags.at(-1) ?? null },
      firstEventLagMs: { p50: percentile(firstLags, 0.5), p99: percentile(firstLags, 0.99), max: firstLags.at(-1) ?? null },
      eventsPerClient: { min: minEvents, max: maxEvents, mean: totalEvents / SUBSCRIBERS },
      missedFirst,
      missedFinal,
      subscribedBeforeStart: beforeStart,
      outOfOrder,
      errors: Object.fromEntries(errors),
      closedEarly: Object.fromEntries(ws.closedEarly),
      rssKb: { idle: rssIdleKb, connected: rssConnectedKb, peak: peakKb, peakSamples: samples, afterRun: rssAfterKb, afterClose: rssClosedKb },
    },
  };
}

/** The engine's work minus the engine: an async no-op per item updating in-memory counters. */
async function bareLoop(items: number): Promise<number> {
  const counters = { processed: 0, created: 0, cursor: 0 as unknown };
  const item = async (i: number) => {
    counters.processed++;
    counters.created++;
    counters.cursor = i + 1;
  };
  const started = process.hrtime.bigint();
  for (let i = 0; i < items; i++) await item(i);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (counters.processed !== items) throw new Error('bare loop miscounted');
  return ms;
}

/**
 * Row b: 100,000 no-op items through the engine (walker plan `noop`), from the syncWalker
 * mutation to the final SUCCEEDED event, against the same loop without the engine.
 */
async function bookkeeping(ctx: BenchContext): Promise<Row> {
  const gw = await startWalkerGateway(ctx);
  const tenant = 'bench-noop';
  await planWalker(gw.database.url, tenant, { items: NOOP_ITEMS, noop: true });
  const userToken = await gw.token({ tenant, roles: ['user'], sub: 'bench-subscriber' });
  const adminToken = await gw.token({ tenant, roles: ['admin'], sub: 'bench-admin' });
  const ws = await openWsClients({ url: gw.wsUrl, connectionParams: { authorization: `Bearer ${userToken}` }, count: 1 });
  ctx.defer(() => ws.closeAll());

  // The bare loop first, in this process while the gateway idles: one warm-up, then the median of 5.
  const bareWarmupMs = await bareLoop(NOOP_ITEMS);
  const bareRuns: number[] = [];
  for (let i = 0; i < 5; i++) bareRuns.push(await bareLoop(NOOP_ITEMS));
  const bareMs = [...bareRuns].sort((a, b) => a - b)[2]!;

  const rssBeforeKb = await gw.rssKb();
  const poller = rssPoller(() => gw.rssKb(), 100);
  const started = Date.now();
  const run = await queueWalker(gw.graphqlUrl, adminToken);
  let ended = false;
  const sub = subscribe(ws.clients[0]!, run.id, () => (ended = true));
  // The receipt of the final event (or, had the run ended before the subscription, of its final snapshot) stops the clock.
  await waitFor(() => ended, 120_000);
  const succeeded = sub.last?.final === true && sub.last.status === 'SUCCEEDED';
  const engineMs = sub.last?.final ? sub.recv.at(-1)! - started : NaN;
  const { peakKb, samples } = await poller.stop();
  const rssAfterKb = await gw.rssKb();
  const record = (await gql<{ syncRun: RunRecord }>(gw.graphqlUrl, adminToken, RUN_QUERY, { id: run.id })).syncRun;
  sub.dispose();
  await ws.closeAll();
  await gw.stop();

  const runMs = runDurationMs(record);
  const queueMs = record.startedAt ? Date.parse(record.startedAt) - Date.parse(record.createdAt) : null;
  const overheadUs = ((engineMs - bareMs) * 1000) / NOOP_ITEMS;
  ctx.log(`bookkeeping: ${record.status} ${record.processed} items; mutation → SUCCEEDED ${engineMs.toFixed(0)} ms (queue wait ${queueMs} ms, run ${runMs} ms); bare loop ${bareMs.toFixed(1)} ms`);
  const notes: string[] = [
    `the engine time runs from the syncWalker mutation to the final event, so it includes pg-boss picking the job up (${queueMs ?? '?'} ms from createdAt to startedAt; its polling interval is 1 s); ` +
      `the run itself (startedAt → finishedAt) took ${runMs ?? '?'} ms, ${runMs === null ? '?' : (((runMs - bareMs) * 1000) / NOOP_ITEMS).toFixed(2)} µs per item over the bare loop`,
    `bare loop: ${NOOP_ITEMS.toLocaleString('en-US')} awaited async no-ops updating a counter object in the bench process, median of 5 (${bareRuns.map((m) => m.toFixed(1)).join(', ')} ms) after a warm-up (${bareWarmupMs.toFixed(1)} ms)`,
  ];
  if (runMs !== null && runMs < 500) notes.push(`RSS sampled every 100 ms from the mutation to the final event (${samples} samples): a ${runMs} ms run may fall between two samples`);
  if (!succeeded)
    notes.push(
      ended ? `the subscription ended without a final SUCCEEDED event${sub.errors.length ? '' : ` (last: ${JSON.stringify(sub.last)})`}` : 'the run did not send its final event within 120 s',
    );
  if (record.status !== 'SUCCEEDED') notes.push(`the run ended ${record.status}`);
  if (record.processed !== NOOP_ITEMS) notes.push(`processed ${record.processed}, expected exactly ${NOOP_ITEMS}`);
  if (sub.errors.length) notes.push(`subscription errors: ${sub.errors.join('; ')}`);

  return {
    label: `bookkeeping: ${NOOP_ITEMS.toLocaleString('en-US')} no-op items`,
    notes,
    figures: {
      'RSS after MB': mb(rssAfterKb),
      'RSS peak MB': mb(peakKb),
      'engine ms': { value: engineMs, digits: 0 },
      'bare ms': { value: bareMs, digits: 1 },
      'overhead µs/item': { value: overheadUs, digits: 2 },
      'engine ÷ bare': { value: engineMs / bareMs, digits: 1 },
      processed: { value: record.processed, target: { op: '>=', value: NOOP_ITEMS } },
    },
    details: {
      items: NOOP_ITEMS,
      runId: run.id,
      run: record,
      engineMs,
      queueMs,
      runMs,
      bareMs,
      bareRunsMs: bareRuns,
      bareWarmupMs,
      overheadUsPerItem: overheadUs,
      runOnlyOverheadUsPerItem: runMs === null ? null : ((runMs - bareMs) * 1000) / NOOP_ITEMS,
      events: sub.recv.length,
      rssKb: { before: rssBeforeKb, peak: peakKb, peakSamples: samples, after: rssAfterKb },
    },
  };
}

/**
 * The sync engine under load: progress events fanned out to 1,000 WebSocket subscribers of one
 * run, and the engine's per-item bookkeeping on 100,000 no-op items. Each part runs on its own
 * gateway child (with the test-only walker job) and fresh database.
 */
export const syncEngine: Suite = {
  name: 'sync-engine',
  description: `syncProgress fan-out to ${SUBSCRIBERS.toLocaleString('en-US')} graphql-ws subscribers, and the engine's bookkeeping on ${NOOP_ITEMS.toLocaleString('en-US')} no-op items (walker job)`,
  async run(ctx: BenchContext): Promise<Row[]> {
    const fanOut = await progressFanOut(ctx);
    const books = await bookkeeping(ctx);
    return [fanOut, books];
  },
};
