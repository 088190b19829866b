import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlStatements } from '../../../src/db/orm';
import { errorCodes, gql } from '../../helpers/client';
import { dbQuery } from '../../helpers/database';
import { QUIET_POLLER, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { TaskFixtures } from '../../helpers/tasks';

let gw: TestGateway;
let admin: string;
let user: string;
let f: TaskFixtures;
let ana: string;
let bogdan: string;
let acme: string;
let website: string;

beforeAll(async () => {
  // No sync housekeeping in this file: the statement counts below must see this file's requests only.
  gw = await startTestGateway({ env: QUIET_POLLER, syncOptions: { concurrency: 1, leaseSeconds: 30, pollingIntervalSeconds: 5, housekeepingSeconds: 3600 } });
  admin = await gw.token('tasks-co', ['admin']);
  user = await gw.token('tasks-co', ['user']);
  f = new TaskFixtures(gw, admin);
  ana = await f.employee('Ana Pop');
  bogdan = await f.employee('Bogdan Ion');
  acme = await f.partner('Acme SRL');
  website = await f.project('Website', acme);
});
afterAll(() => gw?.stop());

const CAL = `query($range: DateRangeInput!, $groupBy: CalendarGrouping!, $filter: TaskFilter, $includeEmpty: Boolean) {
  taskCalendar(range: $range, groupBy: $groupBy, filter: $filter, includeEmpty: $includeEmpty) {
    timeZone totalTasks groups { key label periodStart periodEnd taskCount employee { name } tasks { title employee { name } partner { name } project { name partner { name } } } }
  } }`;

type Cal = {
  taskCalendar: {
    timeZone: string;
    totalTasks: number;
    groups: { key: string; periodStart: string; periodEnd: string; taskCount: number; employee: { name: string } | null; tasks: { title: string }[] }[];
  };
};

describe('tasks: writes and validation', () => {
  it('creates timed and all-day tasks; a project gives its partner', async () => {
    const res = await gql<{ createTask: Record<string, unknown> }>(
      gw.url,
      'mutation($i: CreateTaskInput!) { createTask(input: $i) { title allDay startsAt endsAt startDate endDate status partner { name } project { name } employee { name } } }',
      { token: user, variables: { i: { title: ' Kick-off ', employeeId: ana, projectId: website, startsAt: '2026-03-02T08:00:00Z', endsAt: '2026-03-02T09:30:00Z' } } },
    );
    expect(res.body.data!.createTask).toEqual({
      title: 'Kick-off',
      allDay: false,
      startsAt: '2026-03-02T08:00:00.000Z',
      endsAt: '2026-03-02T09:30:00.000Z',
      startDate: null,
      endDate: null,
      status: 'OPEN',
      partner: { name: 'Acme SRL' },
      project: { name: 'Website' },
      employee: { name: 'Ana Pop' },
    });
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const other = await f.partner('Other SA');
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '', employeeId: ana, startDate: '2026-03-01', endDate: '2026-03-01' }, 'title'],
      [{ title: 'x', employeeId: ana, startsAt: '2026-03-01T10:00:00Z', endsAt: '2026-03-01T09:00:00Z' }, 'endsAt'],
      [{ title: 'x', employeeId: ana, startDate: '2026-03-05', endDate: '2026-03-01' }, 'endDate'],
      [{ title: 'x', employeeId: ana, startsAt: '2026-03-01T10:00:00Z', endsAt: '2026-03-01T11:00:00Z', startDate: '2026-03-01', endDate: '2026-03-01' }, 'startsAt'],
      [{ title: 'x', employeeId: ana }, 'startsAt'],
      [{ title: 'x', employeeId: '00000000-0000-4000-8000-000000000000', startDate: '2026-03-01', endDate: '2026-03-01' }, 'employeeId'],
      [{ title: 'x', employeeId: 'not-an-id', startDate: '2026-03-01', endDate: '2026-03-01' }, 'employeeId'],
      [{ title: 'x', employeeId: ana, partnerId: other, projectId: website, startDate: '2026-03-01', endDate: '2026-03-01' }, 'projectId'],
      [{ title: 'x'.repeat(501), employeeId: ana, startDate: '2026-03-01', endDate: '2026-03-01' }, 'title'],
      [{ title: 'x', employeeId: ana, startDate: '2026-01-01', endDate: '2027-06-01' }, 'endDate'],
    ];
    const before = await dbQuery(gw.databaseUrl, 'SELECT count(*)::int AS n FROM task');
    for (const [input, field] of cases) {
      const res = await gql(gw.url, 'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }', { token: user, variables: { i: input } });
      expect(errorCodes(res), JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
      expect(res.body.errors![0]!.extensions!.field).toBe(field);
    }
    const after = await dbQuery(gw.databaseUrl, 'SELECT count(*)::int AS n FROM task');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('only admins manage employees, partners, projects and the time zone', async () => {
    expect(errorCodes(await gql(gw.url, 'mutation { createPartner(input: {name: "x"}) { id } }', { token: user }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(gw.url, 'mutation { updateTenantSettings(input: {timeZone: "Mars/Base"}) { timeZone } }', { token: admin }))).toEqual(['BAD_USER_INPUT']);
    const del = await gql(gw.url, 'mutation($id: ID!) { deleteEmployee(id: $id) }', { token: admin, variables: { id: ana } });
    expect(errorCodes(del)).toEqual(['BAD_USER_INPUT']);
    expect(del.body.errors![0]!.message).toMatch(/still has 1 task/);
  });

  it('updates and deletes; a deleted task leaves lists and calendar', async () => {
    const id = await f.task({ title: 'Temp', employeeId: bogdan, startDate: '2026-03-03', endDate: '2026-03-03' });
    const upd = await gql<{ updateTask: { title: string; allDay: boolean; startsAt: string } }>(
      gw.url,
      'mutation($id: ID!, $i: UpdateTaskInput!) { updateTask(id: $id, input: $i) { title allDay startsAt } }',
      { token: user, variables: { id, i: { title: 'Temp 2', startsAt: '2026-03-03T10:00:00Z', endsAt: '2026-03-03T11:00:00Z' } } },
    );
    expect(upd.body.data!.updateTask).toEqual({ title: 'Temp 2', allDay: false, startsAt: '2026-03-03T10:00:00.000Z' });
    expect((await gql(gw.url, 'mutation($id: ID!) { deleteTask(id: $id) }', { token: user, variables: { id } })).body.data).toEqual({ deleteTask: true });
    expect(errorCodes(await gql(gw.url, 'query($id: ID!) { task(id: $id) { id } }', { token: user, variables: { id } }))).toEqual(['NOT_FOUND']);
  });

  it('another tenant sees none of it', async () => {
    const other = await gw.token('tasks-other');
    const list = await gql<{ tasks: { edges: unknown[] }; employees: { edges: unknown[] } }>(gw.url, '{ tasks { edges { cursor } } employees { edges { cursor } } }', { token: other });
    expect(list.body.data).toEqual({ tasks: { edges: [] }, employees: { edges: [] } });
    const cal = await gql<Cal>(gw.url, CAL, { token: other, variables: { range: { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' }, groupBy: 'EMPLOYEE' } });
    expect(cal.body.data!.taskCalendar.totalTasks).toBe(0);
    const upd = await gql(gw.url, 'mutation($id: ID!) { updateEmployee(id: $id, input: {name: "x"}) { id } }', { token: await gw.token('tasks-other', ['admin']), variables: { id: ana } });
    expect(errorCodes(upd)).toEqual(['NOT_FOUND']);
  });
});

describe('the task calendar', () => {
  let tz: TaskFixtures;
  let tokenTz: string;
  let e1: string;
  let e2: string;
  let p1: string;

  beforeAll(async () => {
    const a = await gw.token('cal-co', ['admin']);
    tokenTz = a;
    tz = new TaskFixtures(gw, a);
    e1 = await tz.employee('Zoe');
    e2 = await tz.employee('Adam');
    await tz.employee('Idle Person');
    p1 = await tz.partner('Client');
    // Around the March DST change in Bucharest (29 March 2026, 03:00 → 04:00).
    await tz.task({ title: 'all-day 3 days', employeeId: e1, startDate: '2026-03-28', endDate: '2026-03-30' });
    await tz.task({ title: 'late night 28th', employeeId: e2, startsAt: '2026-03-28T21:30:00Z', endsAt: '2026-03-28T21:45:00Z' });
    await tz.task({ title: 'crosses midnight', employeeId: e2, partnerId: p1, startsAt: '2026-03-29T20:00:00Z', endsAt: '2026-03-29T22:00:00Z' });
    // Around the October change (25 October 2026, 04:00 → 03:00) and a month end.
    await tz.task({ title: 'october 25th', employeeId: e1, startDate: '2026-10-25', endDate: '2026-10-25' });
    await tz.task({ title: 'month end', employeeId: e1, startsAt: '2026-10-31T20:00:00Z', endsAt: '2026-10-31T23:00:00Z' });
  });

  it('groups by local DAY, 23 hours on 29 March, a task in every day it overlaps, empty days included', async () => {
    const res = await gql<Cal>(gw.url, CAL, { token: tokenTz, variables: { range: { from: '2026-03-27T22:00:00Z', to: '2026-03-31T21:00:00Z' }, groupBy: 'DAY' } });
    const cal = res.body.data!.taskCalendar;
    expect(cal.timeZone).toBe('Europe/Bucharest');
    expect(cal.groups.map((g) => [g.key, (Date.parse(g.periodEnd) - Date.parse(g.periodStart)) / 3600_000, g.tasks.map((t) => t.title)])).toEqual([
      ['2026-03-28', 24, ['all-day 3 days', 'late night 28th']], // 23:30 local (UTC+2)
      ['2026-03-29', 23, ['all-day 3 days', 'crosses midnight']], // 23:00–01:00 local (UTC+3)
      ['2026-03-30', 24, ['all-day 3 days', 'crosses midnight']],
      ['2026-03-31', 24, []],
    ]);
    expect(cal.totalTasks).toBe(3);
  });

  it('makes 25-hour 25 October, splits months at local midnight, and filters combine', async () => {
    const days = await gql<Cal>(gw.url, CAL, { token: tokenTz, variables: { range: { from: '2026-10-24T21:00:00Z', to: '2026-10-25T22:00:00Z' }, groupBy: 'DAY' } });
    expect(days.body.data!.taskCalendar.groups.map((g) => [g.key, (Date.parse(g.periodEnd) - Date.parse(g.periodStart)) / 3600_000, g.taskCount])).toEqual([['2026-10-25', 25, 1]]);
    const months = await gql<Cal>(gw.url, CAL, { token: tokenTz, variables: { range: { from: '2026-10-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }, groupBy: 'MONTH' } });
    // 'month end' runs 22:00–01:00 local (UTC+2): it belongs to October and November; 2026-12-01T00:00Z is already 1 December locally.
    expect(months.body.data!.taskCalendar.groups.map((g) => [g.key, g.tasks.map((t) => t.title)])).toEqual([
      ['2026-10', ['october 25th', 'month end']],
      ['2026-11', ['month end']],
      ['2026-12', []],
    ]);
    const filtered = await gql<Cal>(gw.url, CAL, {
      token: tokenTz,
      variables: { range: { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' }, groupBy: 'WEEK', includeEmpty: false, filter: { employeeIds: [e2], partnerIds: [p1] } },
    });
    // Sunday 29 March 23:00 to Monday 01:00 local: in both ISO weeks.
    expect(filtered.body.data!.taskCalendar.groups.map((g) => [g.key, g.tasks.map((t) => t.title)])).toEqual([
      ['2026-W13', ['crosses midnight']],
      ['2026-W14', ['crosses midnight']],
    ]);
  });

  it('groups by EMPLOYEE (by name), with every active employee when includeEmpty', async () => {
    const vars = { range: { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' }, groupBy: 'EMPLOYEE' };
    const all = await gql<Cal>(gw.url, CAL, { token: tokenTz, variables: vars });
    expect(all.body.data!.taskCalendar.groups.map((g) => [g.employee!.name, g.taskCount])).toEqual([
      ['Adam', 2],
      ['Idle Person', 0],
      ['Zoe', 1],
    ]);
    const busy = await gql<Cal>(gw.url, CAL, { token: tokenTz, variables: { ...vars, includeEmpty: false } });
    expect(busy.body.data!.taskCalendar.groups.map((g) => g.employee!.name)).toEqual(['Adam', 'Zoe']);
  });

  it('refuses a reversed range or one over 366 days', async () => {
    for (const range of [
      { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' },
      { from: '2026-01-01T00:00:00Z', to: '2027-01-03T00:00:00Z' },
    ]) {
      expect(errorCodes(await gql(gw.url, CAL, { token: tokenTz, variables: { range, groupBy: 'DAY' } }))).toEqual(['BAD_USER_INPUT']);
    }
  });

  it('sends a constant number of SQL statements, whatever the number of groups and tasks', async () => {
    const vars = { range: { from: '2026-05-01T00:00:00Z', to: '2026-06-01T00:00:00Z' }, groupBy: 'DAY' };
    const count = async (groupBy: string) => {
      sqlStatements.trace = [];
      const before = sqlStatements.count;
      const res = await gql<Cal>(gw.url, CAL, { token: tokenTz, variables: { ...vars, groupBy } });
      expect(res.body.errors).toBeUndefined();
      if (process.env.TRACE_SQL)
        console.log(
          groupBy,
          sqlStatements.trace.map((q) => q.slice(0, 90)),
        );
      return sqlStatements.count - before;
    };
    const project = await tz.project('P', p1);
    await tz.task({ title: 'may 1', employeeId: e1, projectId: project, startDate: '2026-05-02', endDate: '2026-05-02' });
    const small = [await count('DAY'), await count('EMPLOYEE')];
    for (let i = 0; i < 25; i++) {
      const emp = await tz.employee(`Extra ${i}`);
      const partner = await tz.partner(`Partner ${i}`);
      const proj = await tz.project(`Project ${i}`, partner);
      await tz.task({ title: `t${i}`, employeeId: emp, projectId: proj, startDate: `2026-05-${String((i % 28) + 1).padStart(2, '0')}`, endDate: '2026-05-29' });
    }
    const big = [await count('DAY'), await count('EMPLOYEE')];
    expect(big).toEqual(small);
    expect(big[0]).toBeLessThanOrEqual(5);
    expect(big[1]).toBeLessThanOrEqual(5);
    const before = sqlStatements.count;
    const list = await gql<{ tasks: { edges: unknown[] } }>(gw.url, '{ tasks(first: 40) { edges { node { title employee { name } partner { name } project { name partner { name } } } } } }', {
      token: tokenTz,
    });
    expect(list.body.data!.tasks.edges.length).toBeGreaterThan(25);
    expect(sqlStatements.count - before).toBeLessThanOrEqual(6);
  });

  it('pages the task list by start, then id', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 20; page++) {
      const res: { body: { data?: { tasks: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } | null } } = await gql(
        gw.url,
        'query($after: String) { tasks(first: 7, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
        { token: tokenTz, variables: { after } },
      );
      const c = res.body.data!.tasks;
      seen.push(...c.edges.map((e) => e.node.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    const all = await dbQuery(gw.databaseUrl, `SELECT id FROM task WHERE tenant = 'cal-co' AND deleted_at IS NULL ORDER BY range_start, id`);
    expect(seen).toEqual(all.rows.map((r) => r.id));
  });
});

describe('sync schedules', () => {
  it('refuses a schedule that fires more often than every 5 minutes, and accepts one that does not', async () => {
    const admin = await gw.token('sched-co', ['admin']);
    const set = (cron: string) =>
      gql(gw.url, 'mutation($cron: String!) { setSyncSchedule(module: TASKS, cron: $cron, timeZone: "Europe/Bucharest") { cron nextRunAt } }', { token: admin, variables: { cron } });
    for (const cron of ['* * * * *', '*/2 * * * *', '0,3 * * * *', '*/30 * * * * *']) {
      const res = await set(cron);
      expect(errorCodes(res), cron).toEqual(['BAD_USER_INPUT']);
      expect(res.body.errors![0]!.message).toMatch(/at most every 5 minutes/);
      expect(res.body.errors![0]!.extensions!.field).toBe('cron');
    }
    expect((await set('*/5 * * * *')).body.errors).toBeUndefined();
    expect((await set('0 2 * * 1-5')).body.errors).toBeUndefined();
    const rows = await dbQuery(gw.databaseUrl, `SELECT cron FROM sync_schedule WHERE tenant = 'sched-co'`);
    expect(rows.rows).toEqual([{ cron: '0 2 * * 1-5' }]);
  });
});

describe('employee emails', () => {
  it('are unique per tenant whatever their case; another tenant may use the same one', async () => {
    const create = (token: string, email: string) =>
      gql<{ createEmployee: { id: string } }>(gw.url, 'mutation($i: CreateEmployeeInput!) { createEmployee(input: $i) { id } }', { token, variables: { i: { name: 'Twin', email } } });
    const taken = await create(admin, 'ANA.POP@acme.test');
    expect(errorCodes(taken)).toEqual(['BAD_USER_INPUT']);
    expect(taken.body.errors![0]!.extensions!.field).toBe('email');
    const otherTenant = await create(await gw.token('tasks-other', ['admin']), 'ana.pop@acme.test');
    expect(otherTenant.body.errors).toBeUndefined();
    const renamed = await gql(gw.url, 'mutation($id: ID!) { updateEmployee(id: $id, input: {email: "Ana.Pop@ACME.test"}) { id } }', { token: admin, variables: { id: bogdan } });
    expect(errorCodes(renamed)).toEqual(['BAD_USER_INPUT']);
    const rows = await dbQuery(gw.databaseUrl, `SELECT email FROM employee WHERE tenant = 'tasks-co' AND lower(email) = 'ana.pop@acme.test'`);
    expect(rows.rows).toEqual([{ email: 'ana.pop@acme.test' }]);
    // Changing one's own email's case is not a clash.
    expect((await gql(gw.url, 'mutation($id: ID!) { updateEmployee(id: $id, input: {email: "Ana.Pop@acme.test"}) { email } }', { token: admin, variables: { id: ana } })).body.errors).toBeUndefined();
  });
});
