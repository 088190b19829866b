import { seedTasks } from '../../src/modules/tasks/seed';
import { gatewayDatabaseUrl } from '../lib/database-url';
import { startGateway, type RunningGateway } from '../lib/gateway';
import type { BenchContext, Row } from '../lib/types';
import type { Suite } from '../lib/types';

const YEAR = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };
const CALENDAR = `query($range: DateRangeInput!, $filter: TaskFilter) {
  taskCalendar(range: $range, groupBy: DAY, filter: $filter) { totalTasks groups { key taskCount tasks { id title startsAt endsAt employee { name } } } } }`;
const ALIASES = `query($range: DateRangeInput!) { ${Array.from({ length: 15 }, (_, i) => `a${i}: taskCalendar(range: $range, groupBy: DAY) { totalTasks groups { key tasks { id title startsAt endsAt } } }`).join(' ')} }`;
const PAGED = `query($range: DateRangeInput!) {
  taskCalendar(range: $range, groupBy: DAY, maxTasksPerGroup: 20) { totalTasks groups { key taskCount hasMore endCursor tasks { id title startsAt endsAt employee { name } } } } }`;
/** Concurrent attacking loops (one caller). */
const ATTACKERS = 4;
/** Pause between two /healthz probes. */
const PROBE_EVERY_MS = 20;

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
}

interface Phase {
  healthz: number[];
  healthzFailed: number;
  requests: number;
  codes: Record<string, number>;
  maxResponseBytes: number;
  rssPeakKb: number;
}

/** Runs `attack` in ATTACKERS loops for `seconds` while /healthz is probed and the gateway's RSS sampled. */
async function phase(gw: RunningGateway, seconds: number, attack: ((i: number) => Promise<{ code: string; bytes: number }>) | null): Promise<Phase> {
  const result: Phase = { healthz: [], healthzFailed: 0, requests: 0, codes: {}, maxResponseBytes: 0, rssPeakKb: 0 };
  const until = Date.now() + seconds * 1000;
  const probe = async () => {
    while (Date.now() < until) {
      const t0 = performance.now();
      try {
        const res = await fetch(`${gw.baseUrl}/healthz`, { signal: AbortSignal.timeout(60_000) });
        await res.arrayBuffer();
        if (res.status !== 200) result.healthzFailed++;
      } catch {
        result.healthzFailed++;
      }
      result.healthz.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
    }
  };
  const sampleRss = async () => {
    while (Date.now() < until) {
      result.rssPeakKb = Math.max(result.rssPeakKb, (await gw.rssKb()) ?? 0);
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const attackers = attack
    ? Array.from({ length: ATTACKERS }, async (_, k) => {
        for (let i = 0; Date.now() < until; i++) {
          const { code, bytes } = await attack(k * 1_000_000 + i);
          result.requests++;
          result.codes[code] = (result.codes[code] ?? 0) + 1;
          result.maxResponseBytes = Math.max(result.maxResponseBytes, bytes);
        }
      })
    : [];
  await Promise.all([probe(), sampleRss(), ...attackers]);
  result.healthz.sort((a, b) => a - b);
  return result;
}

/** Employees of a fresh subset for request `i`: a filter the estimate has never seen. */
function freshEmployees(all: string[], i: number): string[] {
  const picked: string[] = [];
  let seed = i + 1;
  for (const id of all) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    if (seed % 2 === 0) picked.push(id);
  }
  return picked;
}

/**
 * The attack of issue 9: `taskCalendar` over 366 days grouped by DAY on 100,000 tasks / 200
 * employees, alone and under 15 aliases, by one user-role caller in 4 concurrent loops, while
 * `/healthz` is probed every 20 ms.
 */
export const attack: Suite = {
  name: 'attack',
  description: 'taskCalendar 366 days by DAY on 100,000 tasks (alone, 15 aliases, fresh filters) by one user in 4 loops: /healthz latency, answers, RSS',
  async run(ctx: BenchContext): Promise<Row[]> {
    // Production mode checks the tokens' audience and issuer.
    const jwt = { audience: 'attack-bench', issuer: 'https://bench.invalid' };
    const gw = await startGateway(ctx, { env: { JWT_AUDIENCE: jwt.audience, JWT_ISSUER: jwt.issuer } });
    const url = gatewayDatabaseUrl(ctx, gw);
    const seeded = await seedTasks(url, { tenant: 'big', employees: 200, tasks: 100_000, from: new Date(YEAR.from) });
    ctx.log(`attack: seeded 100,000 tasks in ${seeded.ms} ms`);
    const user = await gw.token({ tenant: 'big', roles: ['user'], sub: 'attacker', ...jwt });
    const admin = await gw.token({ tenant: 'big', roles: ['admin'], sub: 'boss', ...jwt });
    const post = async (token: string, query: string, variables: Record<string, unknown>) => {
      const res = await fetch(gw.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(120_000),
      });
      const text = await res.text();
      const body = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
      return { code: body.errors?.[0]?.extensions?.code ?? `HTTP ${res.status}`, bytes: Buffer.byteLength(text) };
    };
    const employees = (await (
      await fetch(gw.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ query: '{ a: employees(first: 100) { edges { node { id } } pageInfo { endCursor } } }' }),
      })
    ).json()) as { data: { a: { edges: { node: { id: string } }[] } } };
    const ids = employees.data.a.edges.map((e) => e.node.id);

    const phases: [string, ((i: number) => Promise<{ code: string; bytes: number }>) | null][] = [
      ['idle (no attack)', null],
      ['366 days by DAY', () => post(user, CALENDAR, { range: YEAR })],
      ['366 days by DAY × 15 aliases', () => post(user, ALIASES, { range: YEAR })],
      ['366 days by DAY, a fresh filter each time', (i) => post(user, CALENDAR, { range: YEAR, filter: { employeeIds: freshEmployees(ids, i) } })],
      ['366 days by DAY × 15 aliases, admin', () => post(admin, ALIASES, { range: YEAR })],
      ['366 days by DAY, 20 tasks per group (the paged answer)', () => post(user, PAGED, { range: YEAR })],
    ];
    const rows: Row[] = [];
    for (const [label, fn] of phases) {
      ctx.log(`attack: ${label}`);
      const p = await phase(gw, ctx.durationSec, fn);
      rows.push({
        label,
        figures: {
          requests: fn ? p.requests : null,
          answers: fn
            ? Object.entries(p.codes)
                .map(([c, n]) => `${c === 'HTTP 200' ? 'data' : c} ${n}`)
                .join(', ')
            : null,
          'max answer KB': fn ? { value: p.maxResponseBytes / 1024, digits: 1 } : null,
          '/healthz probes': p.healthz.length,
          '/healthz p50 ms': { value: percentile(p.healthz, 50), digits: 1 },
          '/healthz p99 ms': { value: percentile(p.healthz, 99), digits: 1, target: { op: '<=', value: 100 } },
          '/healthz max ms': { value: p.healthz[p.healthz.length - 1] ?? 0, digits: 1 },
          '/healthz failed': { value: p.healthzFailed, target: { op: '<=', value: 0 } },
          'RSS peak MB': { value: p.rssPeakKb / 1024, digits: 0 },
        },
        details: { codes: p.codes, healthz: { n: p.healthz.length, p50: percentile(p.healthz, 50), p99: percentile(p.healthz, 99), max: p.healthz[p.healthz.length - 1] } },
      });
    }
    await gw.stop();
    return rows;
  },
};
