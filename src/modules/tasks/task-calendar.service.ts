import type { EntityManager } from '@mikro-orm/postgresql';
import { executeWithin, StatementTimeoutError } from '../../db/bounded-statement';
import { badUserInput } from '../../kernel/errors';
import { encodeCursor } from '../../schema/connection';
import { resultTooLarge, type OperationBudget } from '../../schema/operation-limits';
import { calendarDensity, filterKey, MAX_TASKS_PER_GROUP } from './task-calendar.density';
import { Employee } from './employee.entity';
import { CalendarGrouping, TaskCalendar, TaskCalendarGroup } from './task-calendar.type';
import type { TaskFilter } from './task.inputs';
import type { Task } from './task.entity';
import { hydrateTasks, tenantTimeZone, TASK_COLUMNS, taskWhere } from './task.service';
import { periodsBetween, type Period } from './zoned-time';

export const MAX_RANGE_DAYS = 366;
const DAY_MS = 86_400_000;

export interface CalendarRequest {
  range: { from: Date; to: Date };
  filter: TaskFilter | null;
  groupBy: CalendarGrouping;
  includeEmpty: boolean;
  /** Each group lists at most this many tasks (its `taskCount` still counts them all); null: all. */
  maxTasksPerGroup: number | null;
}

/** Whether a row of a paged statement is a task (a LEFT JOIN with no match gives only the counts). */
const hasTask = (r: Record<string, unknown>) => r.id !== null && r.id !== undefined;

/**
 * Builds the task calendar with a constant number of SQL statements: without `maxTasksPerGroup`
 * one statement reads every task of the range (at most the operation's remaining object budget,
 * else RESULT_TOO_LARGE before anything is built); with it, one statement numbers the tasks of
 * each group in PostgreSQL and returns only each group's first page and its count.
 */
export class TaskCalendarService {
  async build(em: EntityManager, tenant: string, req: CalendarRequest, budget: OperationBudget): Promise<TaskCalendar> {
    const { from, to } = req.range;
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw badUserInput('range needs valid from and to', 'range');
    if (to <= from) throw badUserInput('range.to must be after range.from', 'range');
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) throw badUserInput(`range must be at most ${MAX_RANGE_DAYS} days`, 'range');
    const perGroup = req.maxTasksPerGroup;
    if (perGroup !== null && (!Number.isInteger(perGroup) || perGroup < 1 || perGroup > MAX_TASKS_PER_GROUP)) {
      throw badUserInput(`maxTasksPerGroup must be between 1 and ${MAX_TASKS_PER_GROUP}`, 'maxTasksPerGroup');
    }
    try {
      const calendar = perGroup === null ? await this.whole(em, tenant, req, budget) : await this.paged(em, tenant, req, await tenantTimeZone(em, tenant), perGroup, budget);
      calendarDensity.observe(tenant, filterKey(req.filter), req.groupBy, calendar.totalTasks, calendar.groups.length, (to.getTime() - from.getTime()) / DAY_MS);
      return calendar;
    } catch (err) {
      if (err instanceof StatementTimeoutError) throw budget.timedOut();
      throw err;
    }
  }

  /** Every task of the range in one statement, grouped here. */
  private async whole(em: EntityManager, tenant: string, req: CalendarRequest, budget: OperationBudget): Promise<TaskCalendar> {
    const where = taskWhere({ tenant, filter: req.filter, range: req.range });
    // More tasks than the operation may still produce cannot make an answer: stop at one more.
    const limit = budget.active ? Math.max(0, budget.remaining()) + 1 : null;
    const [timeZone, rows] = await Promise.all([
      tenantTimeZone(em, tenant),
      executeWithin(
        em,
        `/* calendarTasks */ SELECT ${TASK_COLUMNS} FROM task t WHERE ${where.sql} ORDER BY t.range_start, t.id${limit === null ? '' : ` LIMIT ${limit}`}`,
        where.params,
        budget.msLeft(),
      ),
    ]);
    if (limit !== null && rows.length >= limit) {
      const days = (req.range.to.getTime() - req.range.from.getTime()) / DAY_MS;
      calendarDensity.observe(tenant, filterKey(req.filter), req.groupBy, rows.length, null, days);
      throw budget.stop(resultTooLarge(`More than ${budget.maxObjects} tasks are in this range`, { limit: budget.maxObjects }));
    }
    const tasks = hydrateTasks(rows);
    let groups: TaskCalendarGroup[];
    if (req.groupBy === CalendarGrouping.EMPLOYEE) groups = await this.employeeGroups(em, groupByEmployee(tasks), req, null);
    else {
      const periods = periodsOf(req, timeZone);
      groups = periodGroups(periods, bucketByPeriod(tasks, periods), null, req.includeEmpty);
    }
    return calendarOf(req, timeZone, tasks.length, groups);
  }

  /** The first `perGroup` tasks of each group and each group's count, numbered in PostgreSQL. */
  private async paged(em: EntityManager, tenant: string, req: CalendarRequest, timeZone: string, perGroup: number, budget: OperationBudget): Promise<TaskCalendar> {
    const where = taskWhere({ tenant, filter: req.filter, range: req.range });
    if (req.groupBy === CalendarGrouping.EMPLOYEE) {
      const rows = await executeWithin(
        em,
        /* calendarPageByEmployee */ `SELECT p.n AS group_count, ${TASK_COLUMNS}
         FROM (SELECT t.id, count(*) OVER (PARTITION BY t.employee_id) AS n, row_number() OVER (PARTITION BY t.employee_id ORDER BY t.range_start, t.id) AS rn
               FROM task t WHERE ${where.sql}) p
         JOIN task t ON t.id = p.id WHERE p.rn <= ? ORDER BY t.range_start, t.id`,
        [...where.params, perGroup],
        budget.msLeft(),
      );
      const counts = new Map<string, number>();
      for (const r of rows) counts.set(String(r.employee_id), Number(r.group_count));
      const tasks = hydrateTasks(rows);
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      return calendarOf(req, timeZone, total, await this.employeeGroups(em, groupByEmployee(tasks), req, counts));
    }
    const periods = periodsOf(req, timeZone);
    const rows = await executeWithin(
      em,
      // Per period, its count and its first page through the GiST index (a join over all periods at once
      // would compare every task with every period).
      /* calendarPageByPeriod */ `WITH p(i, s, e) AS (SELECT * FROM unnest(?::int[], ?::timestamptz[], ?::timestamptz[]))
       SELECT (SELECT count(*)::int FROM task t WHERE ${where.sql}) AS total_tasks, p.i AS period_index, c.n AS group_count, x.*
       FROM p
       CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM task t WHERE ${where.sql} AND tstzrange(t.range_start, t.range_end) && tstzrange(p.s, p.e)) c
       LEFT JOIN LATERAL (SELECT ${TASK_COLUMNS} FROM task t WHERE ${where.sql} AND tstzrange(t.range_start, t.range_end) && tstzrange(p.s, p.e)
                          ORDER BY t.range_start, t.id LIMIT ?) x ON true
       ORDER BY p.i, x.range_start, x.id`,
      [periods.map((_, i) => i), periods.map((p) => p.start), periods.map((p) => p.end), ...where.params, ...where.params, ...where.params, perGroup],
      budget.msLeft(),
    );
    const counts = periods.map(() => 0);
    const buckets: Task[][] = periods.map(() => []);
    const taskRows = rows.filter(hasTask);
    // A task shown in several periods is one object.
    const byId = new Map<string, Task>();
    const hydrated = hydrateTasks(taskRows);
    for (const r of rows) counts[Number(r.period_index)] = Number(r.group_count);
    taskRows.forEach((r, k) => {
      const i = Number(r.period_index);
      const id = String(r.id);
      let task = byId.get(id);
      if (!task) byId.set(id, (task = hydrated[k]!));
      buckets[i]!.push(task);
    });
    const total = Number(rows[0]?.total_tasks ?? 0);
    return calendarOf(req, timeZone, total, periodGroups(periods, buckets, counts, req.includeEmpty));
  }

  /** One group per employee (by name), with every active employee when includeEmpty. */
  private async employeeGroups(em: EntityManager, byEmployee: Map<string, Task[]>, req: CalendarRequest, counts: Map<string, number> | null): Promise<TaskCalendarGroup[]> {
    const { filter, includeEmpty } = req;
    const ids = [...byEmployee.keys()];
    const where: Record<string, unknown> = includeEmpty ? { $or: [{ id: { $in: ids } }, { active: true }] } : { id: { $in: ids } };
    if (filter?.employeeIds) where.id = { $in: filter.employeeIds.filter((id) => includeEmpty || byEmployee.has(id)) };
    if (!includeEmpty && !ids.length) return [];
    const employees = await em.find(Employee, where, { orderBy: { name: 'asc', id: 'asc' } });
    return employees.map((e) => {
      const list = byEmployee.get(e.id) ?? [];
      return group({ key: e.id, label: e.name, employee: e, periodStart: null, periodEnd: null }, list, counts ? (counts.get(e.id) ?? 0) : list.length);
    });
  }
}

function calendarOf(req: CalendarRequest, timeZone: string, totalTasks: number, groups: TaskCalendarGroup[]): TaskCalendar {
  return Object.assign(new TaskCalendar(), { from: req.range.from, to: req.range.to, groupBy: req.groupBy, timeZone, totalTasks, groups });
}

function group(head: Pick<TaskCalendarGroup, 'key' | 'label' | 'employee' | 'periodStart' | 'periodEnd'>, tasks: Task[], taskCount: number): TaskCalendarGroup {
  const hasMore = taskCount > tasks.length;
  const last = tasks[tasks.length - 1];
  const endCursor = hasMore && last ? encodeCursor([last.rangeStart.toISOString(), last.id]) : null;
  return Object.assign(new TaskCalendarGroup(), { ...head, taskCount, tasks, hasMore, endCursor });
}

function groupByEmployee(tasks: Task[]): Map<string, Task[]> {
  const byEmployee = new Map<string, Task[]>();
  for (const t of tasks) {
    const id = t.employee.id;
    let list = byEmployee.get(id);
    if (!list) byEmployee.set(id, (list = []));
    list.push(t);
  }
  return byEmployee;
}

function periodsOf(req: CalendarRequest, timeZone: string): Period[] {
  return periodsBetween(req.range.from, req.range.to, req.groupBy as 'DAY' | 'WEEK' | 'MONTH', timeZone);
}

/** Each task goes into every period it overlaps; periods come in time order. */
function bucketByPeriod(tasks: Task[], periods: Period[]): Task[][] {
  const buckets: Task[][] = periods.map(() => []);
  const ends = periods.map((p) => p.end.getTime());
  for (const t of tasks) {
    const start = t.rangeStart.getTime();
    const end = t.rangeEnd.getTime();
    // first period that ends after the task starts (binary search), then every following one it reaches
    let lo = 0;
    let hi = periods.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid]! > start) hi = mid;
      else lo = mid + 1;
    }
    for (let i = lo; i < periods.length && periods[i]!.start.getTime() < end; i++) buckets[i]!.push(t);
  }
  return buckets;
}

function periodGroups(periods: Period[], buckets: Task[][], counts: number[] | null, includeEmpty: boolean): TaskCalendarGroup[] {
  const groups: TaskCalendarGroup[] = [];
  periods.forEach((p, i) => {
    const list = buckets[i]!;
    const count = counts ? counts[i]! : list.length;
    if (!count && !includeEmpty) return;
    groups.push(group({ key: p.key, label: p.label, employee: null, periodStart: p.start, periodEnd: p.end }, list, count));
  });
  return groups;
}
