import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '../../kernel/errors';
import { Employee } from './employee.entity';
import { CalendarGrouping, TaskCalendar, TaskCalendarGroup } from './task-calendar.type';
import type { TaskFilter } from './task.inputs';
import type { Task } from './task.entity';
import { tenantTimeZone, TaskService } from './task.service';
import { periodsBetween } from './zoned-time';

const MAX_RANGE_DAYS = 366;

/** Builds the task calendar in one pass over the tasks of the range (one SQL statement for them). */
export class TaskCalendarService {
  private readonly tasks = new TaskService();

  async build(em: EntityManager, tenant: string, range: { from: Date; to: Date }, filter: TaskFilter | null, groupBy: CalendarGrouping, includeEmpty: boolean): Promise<TaskCalendar> {
    const { from, to } = range;
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw badUserInput('range needs valid from and to', 'range');
    if (to <= from) throw badUserInput('range.to must be after range.from', 'range');
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) throw badUserInput(`range must be at most ${MAX_RANGE_DAYS} days`, 'range');
    const [timeZone, tasks] = await Promise.all([tenantTimeZone(em, tenant), this.tasks.overlapping(em, tenant, range, filter)]);
    const groups = groupBy === CalendarGrouping.EMPLOYEE ? await this.byEmployee(em, tasks, filter, includeEmpty) : this.byPeriod(tasks, range, groupBy, timeZone, includeEmpty);
    return Object.assign(new TaskCalendar(), { from, to, groupBy, timeZone, totalTasks: tasks.length, groups });
  }

  private async byEmployee(em: EntityManager, tasks: Task[], filter: TaskFilter | null, includeEmpty: boolean): Promise<TaskCalendarGroup[]> {
    const byEmployee = new Map<string, Task[]>();
    for (const t of tasks) {
      const id = t.employee.id;
      let list = byEmployee.get(id);
      if (!list) byEmployee.set(id, (list = []));
      list.push(t);
    }
    const ids = [...byEmployee.keys()];
    const where: Record<string, unknown> = includeEmpty ? { $or: [{ id: { $in: ids } }, { active: true }] } : { id: { $in: ids } };
    if (filter?.employeeIds) where.id = { $in: filter.employeeIds.filter((id) => includeEmpty || byEmployee.has(id)) };
    if (!includeEmpty && !ids.length) return [];
    const employees = await em.find(Employee, where, { orderBy: { name: 'asc', id: 'asc' } });
    return employees.map((e) => {
      const list = byEmployee.get(e.id) ?? [];
      return Object.assign(new TaskCalendarGroup(), { key: e.id, label: e.name, employee: e, periodStart: null, periodEnd: null, taskCount: list.length, tasks: list });
    });
  }

  /** Each task goes into every period it overlaps; periods come in time order. */
  private byPeriod(tasks: Task[], range: { from: Date; to: Date }, unit: CalendarGrouping, timeZone: string, includeEmpty: boolean): TaskCalendarGroup[] {
    const periods = periodsBetween(range.from, range.to, unit as 'DAY' | 'WEEK' | 'MONTH', timeZone);
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
    const groups: TaskCalendarGroup[] = [];
    periods.forEach((p, i) => {
      const list = buckets[i]!;
      if (!list.length && !includeEmpty) return;
      groups.push(Object.assign(new TaskCalendarGroup(), { key: p.key, label: p.label, employee: null, periodStart: p.start, periodEnd: p.end, taskCount: list.length, tasks: list }));
    });
    return groups;
  }
}
