import pg from 'pg';
import { seedTasks } from '../../src/modules/tasks/seed';
import { TASK_COLUMNS, taskWhere } from '../../src/modules/tasks/task.service';
import { queryDatabase } from '../lib/database';
import { gatewayDatabaseUrl } from '../lib/database-url';
import { startGateway } from '../lib/gateway';
import { loadWithWarmup } from '../lib/load';
import type { BenchContext, Row, Suite } from '../lib/types';

const RANGE = { from: new Date('2026-06-01T00:00:00Z'), to: new Date('2026-07-01T00:00:00Z') };
const QUERY = `query($range: DateRangeInput!, $groupBy: CalendarGrouping!) {
  taskCalendar(range: $range, groupBy: $groupBy, includeEmpty: false) { totalTasks groups { key taskCount tasks { id title startsAt endsAt startDate endDate } } } }`;

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
}

/**
 * The calendar's SQL run directly with pg: `connections` loops for `warmupSec` (not measured, like
 * the gateway's warm-up: freshly seeded rows are slower to read the first times), then for `durationSec`.
 */
async function directSql(url: string, tenant: string, connections: number, warmupSec: number, durationSec: number): Promise<{ rps: number; p50: number; p99: number; rows: number }> {
  const where = taskWhere({ tenant, range: RANGE });
  let i = 0;
  const sql = `SELECT ${TASK_COLUMNS} FROM task t WHERE ${where.sql.replace(/\?/g, () => `$${++i}`)} ORDER BY t.range_start, t.id`;
  const pool = new pg.Pool({ connectionString: url, max: connections });
  const latencies: number[] = [];
  let rows = 0;
  const measureFrom = Date.now() + warmupSec * 1000;
  const until = measureFrom + durationSec * 1000;
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < until) {
          const t0 = performance.now();
          const res = await pool.query(sql, where.params);
          if (Date.now() >= measureFrom) latencies.push(performance.now() - t0);
          rows = res.rowCount ?? 0;
        }
      }),
    );
  } finally {
    await pool.end();
  }
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / durationSec, p50: percentile(latencies, 50), p99: percentile(latencies, 99), rows };
}

/** taskCalendar over 30 days of 100,000 tasks / 200 employees, against the same SQL run directly. */
export const taskCalendar: Suite = {
  name: 'task-calendar',
  description: 'taskCalendar (30 days, 100,000 tasks, 200 employees) through the gateway vs. its SQL run directly with pg',
  async run(ctx: BenchContext): Promise<Row[]> {
    const gw = await startGateway(ctx);
    const url = gatewayDatabaseUrl(ctx, gw);
    const seeded = await seedTasks(url, { tenant: 'bench', employees: 200, tasks: 100_000, from: new Date('2026-01-01T00:00:00Z') });
    ctx.log(`task-calendar: seeded 100,000 tasks in ${seeded.ms} ms`);
    const token = await gw.token({ tenant: 'bench', roles: ['user'] });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const rows: Row[] = [];
    // Statistics and visibility settled, as they are on a tenant's database in use.
    await queryDatabase(url, 'VACUUM ANALYZE task');
    const direct = await directSql(url, 'bench', ctx.connections, ctx.warmupSec, ctx.durationSec);
    for (const groupBy of ['EMPLOYEE', 'DAY']) {
      const body = JSON.stringify({ query: QUERY, variables: { range: RANGE, groupBy } });
      const check = await fetch(gw.graphqlUrl, { method: 'POST', headers, body });
      const json = (await check.json()) as { data?: { taskCalendar: { totalTasks: number; groups: unknown[] } }; errors?: unknown };
      if (!json.data) throw new Error(`taskCalendar failed: ${JSON.stringify(json.errors)}`);
      const r = await loadWithWarmup({ url: gw.graphqlUrl, method: 'POST', headers, body, connections: ctx.connections, durationSec: ctx.durationSec, timeoutSec: 30 }, ctx.warmupSec);
      rows.push({
        label: `by ${groupBy}`,
        figures: {
          'tasks in range': json.data.taskCalendar.totalTasks,
          groups: json.data.taskCalendar.groups.length,
          'gateway req/s': { value: r.rps, digits: 1 },
          'gateway p50 ms': r.p50,
          'gateway p99 ms': r.p99,
          'direct SQL p50 ms': { value: direct.p50, digits: 1 },
          'direct SQL p99 ms': { value: direct.p99, digits: 1 },
          'direct SQL q/s': { value: direct.rps, digits: 1 },
          'p50 gateway ÷ SQL': { value: r.p50 / Math.max(direct.p50, 0.001), digits: 2, target: { op: '<=', value: 1.5 } },
          'non-2xx': { value: r.non2xx + r.errors, target: { op: '<=', value: 0 } },
          'response KB': { value: Buffer.byteLength(JSON.stringify(json)) / 1024, digits: 0 },
        },
      });
    }
    rows.push({ label: 'gateway RSS after', figures: { 'RSS MB': { value: ((await gw.rssKb()) ?? 0) / 1024, digits: 0 } } });
    await gw.stop();
    return rows;
  },
};
