import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, gql, wsClient } from '../../helpers/client';
import { dbQuery } from '../../helpers/database';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { sample } from '../../helpers/metrics';
import { waitForRun } from '../../helpers/sync';
import { planWalker, WALKER_TABLE_SQL, walkerModule } from '../../fixtures/walker';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway({ extraModules: [walkerModule] });
  await dbQuery(gw.databaseUrl, WALKER_TABLE_SQL);
});
afterAll(() => gw?.stop());

async function scrape(origin = gw.origin): Promise<string> {
  const res = await fetch(`${origin}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text();
}

/** Scrapes until `ok` holds for the text (gauges of sockets move when the server sees the close). */
async function scrapeUntil(ok: (text: string) => boolean): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = await scrape();
    if (ok(text) || Date.now() > deadline) return text;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('/metrics (Prometheus)', () => {
  it('counts operations by name and type, and errors by code', async () => {
    const token = await gw.token('met-a');
    for (let i = 0; i < 3; i++) expect((await gql(gw.url, 'query Me { viewer { tenant } }', { token })).status).toBe(200);
    await gql(gw.url, 'query Broken { viewer { nope } }', { token });
    await gql(gw.url, 'mutation Admin { resetCaches { at } }', { token });
    const text = await scrape();
    expect(sample(text, 'gateway_graphql_operation_duration_seconds_count{operation="Me",type="query"}')).toBe(3);
    expect(sample(text, 'gateway_graphql_operation_duration_seconds_count{operation="Admin",type="mutation"}')).toBe(1);
    expect(sample(text, 'gateway_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}')).toBe(1);
    expect(sample(text, 'gateway_graphql_errors_total{code="FORBIDDEN"}')).toBe(1);
  });

  it('keeps operation-name labels bounded: names that are not GraphQL names count as "other"', async () => {
    const token = await gw.token('met-a');
    const res = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'query Me { viewer { tenant } }', operationName: 'x'.repeat(100) }),
    });
    expect(res.status).toBe(400);
    expect(await scrape()).not.toContain('x'.repeat(100));
  });

  it('shows open sockets and subscriptions, and drops them when they end', async () => {
    const client = wsClient(gw.wsUrl, await gw.token('met-ws'));
    const sub = collect(client, 'subscription { cacheReset { at } }');
    let text = await scrapeUntil((t) => sample(t, 'gateway_graphql_active_subscriptions') === 1);
    expect(sample(text, 'gateway_websocket_open_sockets')).toBe(1);
    expect(sample(text, 'gateway_graphql_active_subscriptions')).toBe(1);
    sub.dispose();
    text = await scrapeUntil((t) => sample(t, 'gateway_graphql_active_subscriptions') === 0);
    expect(sample(text, 'gateway_graphql_active_subscriptions')).toBe(0);
    await client.dispose();
    text = await scrapeUntil((t) => sample(t, 'gateway_websocket_open_sockets') === 0);
    expect(sample(text, 'gateway_websocket_open_sockets')).toBe(0);
  });

  it('reports sync runs by module and status, the job queues, the database pool and the event loop', async () => {
    await planWalker(gw.databaseUrl, 'met-sync', { items: 5 });
    const admin = await gw.token('met-sync', ['admin']);
    const started = await gql<{ syncWalker: { id: string } }>(gw.url, 'mutation { syncWalker { id } }', { token: admin });
    await waitForRun(gw.url, admin, started.body.data!.syncWalker.id);
    const text = await scrape();
    expect(sample(text, 'gateway_sync_runs{module="walker",status="SUCCEEDED"}')).toBeGreaterThanOrEqual(1);
    expect(text).toContain('# TYPE gateway_job_queue_depth gauge');
    expect(sample(text, 'gateway_db_pool_connections{state="used"}')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'gateway_db_pool_connections{state="waiting"}')).toBe(0);
    expect(sample(text, 'gateway_nodejs_eventloop_lag_p99_seconds')).toBeGreaterThan(0);
    expect(text).toContain('# TYPE gateway_rate_limiter_wait_seconds histogram');
    expect(text).toContain('# TYPE gateway_google_calls_total counter');
  });

  it('serves /metrics on METRICS_PORT instead of the API port when set', async () => {
    const other = await startTestGateway({ env: { METRICS_PORT: '0' } });
    try {
      expect((await fetch(`${other.origin}/metrics`)).status).toBe(404);
      const port = other.gateway.metricsPort!;
      expect(port).toBeGreaterThan(0);
      const text = await scrape(`http://127.0.0.1:${port}`);
      expect(text).toContain('gateway_process_cpu_seconds_total');
    } finally {
      await other.stop();
    }
  });
});
