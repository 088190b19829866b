import type { Caller } from '../../kernel/caller';
import type { SelectionProbe } from '../../schema/operation-limits';
import { CalendarGrouping } from './task-calendar.type';
import type { TaskFilter } from './task.inputs';

const DAY_MS = 86_400_000;
/** The most tasks one group lists (`maxTasksPerGroup`). */
export const MAX_TASKS_PER_GROUP = 1000;
/** Tasks per day of range assumed for a tenant and filter this process has not answered yet. */
export const DEFAULT_TASKS_PER_DAY = 50;
/** Employee groups assumed before a tenant's first calendar by employee. */
const DEFAULT_EMPLOYEE_GROUPS = 200;
/** Tenants × filters remembered (the oldest is forgotten first). */
const MAX_KEYS = 10_000;

interface Seen {
  tasksPerDay: number;
  employeeGroups: number | null;
}

/**
 * How many tasks per day of range the calendars of a tenant (with a given filter) held when this
 * process last answered them, and how many employee groups: the density the cost estimate of
 * `taskCalendar` multiplies the range by. Per process, forgotten on restart.
 */
export class CalendarDensity {
  private readonly seen = new Map<string, Seen>();

  observe(tenant: string, filter: string, groupBy: CalendarGrouping, tasks: number, groups: number | null, days: number): void {
    const key = `${tenant}\u0000${filter}`;
    const previous = this.seen.get(key);
    const next: Seen = {
      tasksPerDay: tasks / Math.max(days, 1),
      employeeGroups: groupBy === CalendarGrouping.EMPLOYEE && groups !== null ? groups : (previous?.employeeGroups ?? null),
    };
    this.seen.delete(key);
    this.seen.set(key, next);
    if (this.seen.size > MAX_KEYS) this.seen.delete(this.seen.keys().next().value!);
  }

  tasksPerDay(tenant: string, filter: string): number {
    return this.seen.get(`${tenant}\u0000${filter}`)?.tasksPerDay ?? DEFAULT_TASKS_PER_DAY;
  }

  employeeGroups(tenant: string, filter: string): number {
    return this.seen.get(`${tenant}\u0000${filter}`)?.employeeGroups ?? DEFAULT_EMPLOYEE_GROUPS;
  }
}

/** The process's densities (a cache of what calendars answered; it holds no rows). */
export const calendarDensity = new CalendarDensity();

/** The filter without its range, in a stable form: calendars with the same key have the same density. */
export function filterKey(filter: TaskFilter | null | undefined): string {
  if (!filter) return '';
  const sorted = (list: string[] | undefined) => (list ? [...list].sort() : null);
  return JSON.stringify([sorted(filter.employeeIds), sorted(filter.partnerIds), sorted(filter.projectIds), sorted(filter.statuses), filter.search?.trim() || null]);
}

/**
 * The list items a `taskCalendar` selection will produce: its groups, plus (when `groups { tasks }`
 * is asked) the range's days × the tenant's density, at most `maxTasksPerGroup` per group.
 */
export function estimateCalendar(args: Record<string, unknown>, selection: SelectionProbe, caller: Caller | null): number {
  const range = args.range as { from?: unknown; to?: unknown } | undefined;
  if (!(range?.from instanceof Date) || !(range.to instanceof Date)) return 1;
  const days = (range.to.getTime() - range.from.getTime()) / DAY_MS;
  // A range the resolver refuses produces nothing.
  if (!(days > 0) || days > 366) return 1;
  if (!selection.selects(['groups'])) return 1;
  const tenant = caller?.tenant ?? '';
  const filter = filterKey(args.filter as TaskFilter | null | undefined);
  const groupBy = args.groupBy as CalendarGrouping;
  const groups =
    groupBy === CalendarGrouping.EMPLOYEE ? calendarDensity.employeeGroups(tenant, filter) : Math.ceil(days / (groupBy === CalendarGrouping.DAY ? 1 : groupBy === CalendarGrouping.WEEK ? 7 : 28)) + 1;
  if (!selection.selects(['groups', 'tasks'])) return 1 + groups;
  const tasks = days * calendarDensity.tasksPerDay(tenant, filter);
  const perGroup = typeof args.maxTasksPerGroup === 'number' ? args.maxTasksPerGroup : null;
  if (perGroup !== null && !(perGroup >= 1 && perGroup <= MAX_TASKS_PER_GROUP)) return 1;
  return 1 + groups + (perGroup === null ? tasks : Math.min(tasks, groups * perGroup));
}
