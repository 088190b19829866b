import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStatements } from '../../../src/db/orm';
import { seedTasks } from '../../../src/modules/tasks/seed';
import { collect, errorCodes, gql, wsClient, type GqlResponse } from '../../helpers/client';
import { dbQuery } from '../../helpers/database';
import { QUIET_POLLER, startTestGateway, type TestGateway } from '../../helpers/gateway';

// The attack of issue 9 at a tenth of its size, with the limits scaled alike: 10,000 tasks over a
// year (the issue used 100,000), an object cap of 5,000 (default 50,000).
const MAX_OBJECTS = 5000;
const TIMEOUT_MS = 4000;
const YEAR = { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };
const CAL = `query($range: DateRangeInput!, $groupBy: CalendarGrouping!, $max: Int) {
  taskCalendar(range: $range, groupBy: $groupBy, maxTasksPerGroup: $max) {
    totalTasks groups { key periodStart periodEnd taskCount hasMore endCursor tasks { id title startsAt employee { name } } } } }`;
const ALIASES = `query($range: DateRangeInput!) { ${Array.from({ length: 15 }, (_, i) => `a${i}: taskCalendar(range: $range, groupBy: DAY) { totalTasks groups { key tasks { id title } } }`).join(' ')} }`;

type Group = { key: string; periodStart: string; periodEnd: string; taskCount: number; hasMore: boolean; endCursor: string | null; tasks: { id: string; title: string }[] };
type Cal = { taskCalendar: { totalTasks: number; groups: Group[] } };

let gw: TestGateway;
let alice: string;
let bob: string;
let admin: string;

beforeAll(async () => {
  gw = await startTestGateway({
    env: { GRAPHQL_MAX_RESULT_OBJECTS: String(MAX_OBJECTS), GRAPHQL_TIMEOUT_MS: String(TIMEOUT_MS), GRAPHQL_EXPENSIVE_PER_CALLER: '1', LOG_LEVEL: 'warn', ...QUIET_POLLER },
    syncOptions: { concurrency: 1, leaseSeconds: 30, pollingIntervalSeconds: 5, housekeepingSeconds: 3600 },
  });
  await seedTasks(gw.databaseUrl, { tenant: 'big', employees: 40, tasks: 10_000, from: new Date(YEAR.from) });
  alice = await gw.token('big', ['user'], 'alice');
  bob = await gw.token('big', ['user'], 'bob');
  admin = await gw.token('big', ['admin'], 'boss');
}, 120_000);
afterAll(() => gw?.stop());

const size = (res: GqlResponse) => Buffer.byteLength(JSON.stringify(res.body));

describe('one request cannot take the gateway down', () => {
  it('a year grouped by DAY is RESULT_TOO_LARGE, read at most cap + 1 rows, and answers only the error', async () => {
    const res = await gql<Cal>(gw.url, CAL, { token: alice, variables: { range: YEAR, groupBy: 'DAY' } });
    expect(errorCodes(res)).toEqual(['RESULT_TOO_LARGE']);
    expect(res.body.errors![0]!.message).toMatch(/narrow the range or paginate/);
    expect(res.body.data ?? null).toBeNull();
    expect(size(res)).toBeLessThan(2000);
    // Asked again, the estimate (it learned the tenant's density) refuses it before execution: no SQL.
    const before = sqlStatements.count;
    const again = await gql<Cal>(gw.url, CAL, { token: alice, variables: { range: YEAR, groupBy: 'DAY' } });
    expect(again.status).toBe(400);
    expect(errorCodes(again)).toEqual(['RESULT_TOO_LARGE']);
    expect(again.body.errors![0]!.extensions!.estimated).toBeGreaterThan(MAX_OBJECTS);
    expect(sqlStatements.count - before).toBe(0);
  });

  it('the same field under 15 aliases is refused as a whole, admins included', async () => {
    for (const token of [bob, admin]) {
      const res = await gql(gw.url, ALIASES, { token, variables: { range: { from: '2026-03-01T00:00:00Z', to: '2026-09-01T00:00:00Z' } } });
      expect(errorCodes(res)).toEqual(['RESULT_TOO_LARGE']);
      expect(res.body.data ?? null).toBeNull();
      expect(size(res)).toBeLessThan(2000);
    }
  });

  it('the same limits hold over graphql-ws', async () => {
    const client = wsClient(gw.wsUrl, bob);
    try {
      const refused = collect(client, ALIASES, { range: YEAR });
      await refused.until(() => refused.errors.length > 0);
      expect(refused.errors[0]).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'RESULT_TOO_LARGE' }) })]);
      const nul = collect(client, 'query($s: String) { tasks(filter: { search: $s }) { edges { cursor } } }', { s: 'a\u0000' });
      await nul.until(() => nul.errors.length > 0);
      expect(nul.errors[0]).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: '$s' }) })]);
    } finally {
      await client.dispose();
    }
  });

  it('the cap stops execution whatever the estimate said', async () => {
    // The estimate learns this filter from an empty range (density 0), so it lets the next ones run.
    const filter = { statuses: ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] };
    const q = (n: number, months: number) =>
      `query($f: TaskFilter) { ${Array.from({ length: n }, (_, i) => `a${i}: taskCalendar(range: { from: "2026-0${1 + i * months}-01T00:00:00Z", to: "2026-0${1 + (i + 1) * months}-01T00:00:00Z" }, groupBy: DAY, filter: $f) { totalTasks groups { tasks { id } } }`).join(' ')} }`;
    const empty = await gql<Cal>(gw.url, CAL.replace('$max: Int)', '$max: Int, $f: TaskFilter)').replace('maxTasksPerGroup: $max', 'maxTasksPerGroup: $max, filter: $f'), {
      token: admin,
      variables: { range: { from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z' }, groupBy: 'DAY', f: filter },
    });
    expect(empty.body.data!.taskCalendar.totalTasks).toBe(0);
    // Two aliases of four months each (about 3,300 tasks each): stopped during execution (the SQL ran).
    const before = sqlStatements.count;
    const res = await gql(gw.url, q(2, 4), { token: admin, variables: { f: filter } });
    expect(sqlStatements.count - before).toBeGreaterThan(0);
    expect(errorCodes(res)).toEqual(['RESULT_TOO_LARGE']);
    expect(res.body.data ?? null).toBeNull();
    expect(size(res)).toBeLessThan(2000);
    // Fewer tasks than the cap, but listed in every day they touch, more objects than the cap: the
    // count stops it while the answer is being completed (in paced turns), and the process goes on.
    const spreadQuery = 'query($r: DateRangeInput!, $f: TaskFilter) { taskCalendar(range: $r, groupBy: DAY, filter: $f) { groups { tasks { id employee { name } } } } }';
    // A filter not seen yet (every employee: all tasks), learned from an empty range.
    const staff = await gql<{ employees: { edges: { node: { id: string } }[] } }>(gw.url, '{ employees(first: 100) { edges { node { id } } } }', { token: bob });
    const spreadFilter = { employeeIds: staff.body.data!.employees.edges.map((e) => e.node.id) };
    await gql(gw.url, spreadQuery, { token: bob, variables: { r: { from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z' }, f: spreadFilter } });
    const spread = await gql(gw.url, spreadQuery, { token: bob, variables: { r: { from: '2026-02-01T00:00:00Z', to: '2026-07-20T00:00:00Z' }, f: spreadFilter } });
    expect(errorCodes(spread)).toEqual(['RESULT_TOO_LARGE']);
    expect(spread.body.errors![0]!.message).toMatch(/would hold more than 5000 objects/);
    expect(spread.body.data ?? null).toBeNull();
    const health = await fetch(`${gw.origin}/healthz`);
    expect(health.status).toBe(200);
  });

  it('groups paginate their tasks: maxTasksPerGroup, taskCount, hasMore and endCursor, in the same number of statements', async () => {
    const count = async (variables: Record<string, unknown>) => {
      const before = sqlStatements.count;
      const res = await gql<Cal>(gw.url, CAL, { token: alice, variables });
      expect(res.body.errors).toBeUndefined();
      return { cal: res.body.data!.taskCalendar, statements: sqlStatements.count - before, bytes: size(res) };
    };
    const paged = await count({ range: YEAR, groupBy: 'DAY', max: 5 });
    // Local days (Europe/Bucharest) that the UTC year touches.
    expect(paged.cal.groups).toHaveLength(366);
    expect(paged.cal.totalTasks).toBeGreaterThan(9000);
    expect(paged.cal.groups.every((g) => g.tasks.length <= 5 && g.tasks.length === Math.min(5, g.taskCount) && g.hasMore === g.taskCount > 5)).toBe(true);
    expect(paged.bytes).toBeLessThan(1_000_000);
    // The same day read whole (a day's calendar) lists taskCount tasks, and the page is its beginning.
    const day = paged.cal.groups.find((g) => g.hasMore)!;
    const whole = await count({ range: { from: day.periodStart, to: day.periodEnd }, groupBy: 'DAY' });
    expect(whole.cal.groups[0]!.taskCount).toBe(day.taskCount);
    expect(whole.cal.groups[0]!.tasks.slice(0, 5).map((t) => t.id)).toEqual(day.tasks.map((t) => t.id));
    // endCursor goes on in the task list, filtered by the group's period.
    const rest = await gql<{ tasks: { edges: { node: { id: string } }[] } }>(
      gw.url,
      'query($f: TaskFilter, $after: String) { tasks(filter: $f, first: 100, after: $after) { edges { node { id } } } }',
      {
        token: alice,
        variables: { f: { range: { from: day.periodStart, to: day.periodEnd } }, after: day.endCursor },
      },
    );
    expect(rest.body.data!.tasks.edges.map((e) => e.node.id)).toEqual(whole.cal.groups[0]!.tasks.slice(5).map((t) => t.id));
    // Paged by EMPLOYEE too; the statements do not grow with the number of groups.
    const byEmployee = await count({ range: YEAR, groupBy: 'EMPLOYEE', max: 3 });
    expect(byEmployee.cal.groups).toHaveLength(40);
    expect(byEmployee.cal.groups.reduce((n, g) => n + g.taskCount, 0)).toBe(byEmployee.cal.totalTasks);
    expect(byEmployee.cal.totalTasks).toBe(paged.cal.totalTasks);
    const small = await count({ range: { from: '2026-05-01T00:00:00Z', to: '2026-05-03T00:00:00Z' }, groupBy: 'DAY', max: 3 });
    expect(small.statements).toBe(paged.statements);
    expect(paged.statements).toBeLessThanOrEqual(5);
    expect(byEmployee.statements).toBeLessThanOrEqual(5);
  });

  it('refuses a maxTasksPerGroup out of bounds', async () => {
    for (const max of [0, 1001]) {
      const res = await gql(gw.url, CAL, { token: alice, variables: { range: YEAR, groupBy: 'DAY', max } });
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.body.errors![0]!.extensions!.field).toBe('maxTasksPerGroup');
    }
  });
});

describe('deadline and per-caller limit', () => {
  /** Holds a lock on the task table, so that calendar statements wait in PostgreSQL. */
  async function lockTasks(): Promise<() => Promise<void>> {
    const client = new pg.Client({ connectionString: gw.databaseUrl });
    await client.connect();
    await client.query('BEGIN');
    await client.query('LOCK TABLE task IN ACCESS EXCLUSIVE MODE');
    return async () => {
      await client.query('ROLLBACK');
      await client.end();
    };
  }
  const blockedCalendars = async () =>
    (
      await dbQuery<{ n: number }>(
        gw.databaseUrl,
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE '%calendarTasks%' AND query NOT LIKE '%pg_stat_activity%' AND wait_event_type = 'Lock'`,
      )
    ).rows[0]!.n;
  async function until(predicate: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await predicate())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const week = { from: '2026-04-06T00:00:00Z', to: '2026-04-13T00:00:00Z' };

  it('stops an operation at GRAPHQL_TIMEOUT_MS with OPERATION_TIMEOUT and cancels its SQL; one caller runs one expensive field at a time', async () => {
    const unlock = await lockTasks();
    try {
      const a = [1, 2, 3].map(() => gql(gw.url, CAL, { token: alice, variables: { range: week, groupBy: 'DAY' } }));
      await until(async () => (await blockedCalendars()) >= 1, "alice's first calendar statement");
      const b = gql(gw.url, CAL, { token: bob, variables: { range: week, groupBy: 'DAY' } });
      await until(async () => (await blockedCalendars()) >= 2, "bob's calendar statement");
      // Alice's other two wait in the gateway (GRAPHQL_EXPENSIVE_PER_CALLER=1), not in PostgreSQL.
      expect(await blockedCalendars()).toBe(2);
      const answers = await Promise.all([...a, b]);
      for (const res of answers) {
        expect(errorCodes(res)).toEqual(['OPERATION_TIMEOUT']);
        expect(res.body.errors![0]!.message).toMatch(/ran longer than 4000 ms/);
      }
      // The statements were cancelled in PostgreSQL while the lock is still held.
      await until(async () => (await blockedCalendars()) === 0, 'the cancelled statements to leave');
    } finally {
      await unlock();
    }
    const after = await gql<Cal>(gw.url, CAL, { token: alice, variables: { range: week, groupBy: 'DAY' } });
    expect(after.body.errors).toBeUndefined();
  }, 30_000);
});
