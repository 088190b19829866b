import { Arg, Authorized, Ctx, Extensions, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Tenant } from '../../db/tenant.entity';
import { requireCaller, type GatewayContext } from '../../schema/context';
import { checkTimeZone } from '../../kernel/time-zone';
import { Employee } from './employee.entity';
import type { FieldCost } from '../../schema/operation-limits';
import { estimateCalendar, MAX_TASKS_PER_GROUP } from './task-calendar.density';
import { CalendarGrouping, TaskCalendar } from './task-calendar.type';
import { TaskCalendarService } from './task-calendar.service';
import { DateRangeInput, TaskFilter, UpdateTenantSettingsInput } from './task.inputs';

/** The task calendar dashboard and the tenant's time zone it is computed in. */
@Resolver()
export class TaskCalendarResolver {
  private readonly calendar = new TaskCalendarService();

  @Authorized()
  @Query(() => TaskCalendar, { description: 'Tasks overlapping [from, to) (at most 366 days), grouped by employee or local period' })
  // Expensive: estimated from its range before execution, and run under the per-caller limit.
  @Extensions({ cost: { expensive: true, estimate: estimateCalendar } satisfies FieldCost })
  async taskCalendar(
    @Ctx() ctx: GatewayContext,
    @Arg('range', () => DateRangeInput) range: DateRangeInput,
    @Arg('groupBy', () => CalendarGrouping) groupBy: CalendarGrouping,
    @Arg('filter', () => TaskFilter, { nullable: true }) filter: TaskFilter | null,
    @Arg('includeEmpty', { defaultValue: true, description: 'Periods without tasks; for EMPLOYEE, every active employee' }) includeEmpty: boolean,
    @Arg('maxTasksPerGroup', () => Int, {
      nullable: true,
      description: `List at most this many tasks per group (1–${MAX_TASKS_PER_GROUP}); taskCount still counts all, hasMore and endCursor lead to the rest`,
    })
    maxTasksPerGroup: number | null,
  ): Promise<TaskCalendar> {
    const calendar = await this.calendar.build(ctx.em, requireCaller(ctx).tenant, { range, filter, groupBy, includeEmpty, maxTasksPerGroup: maxTasksPerGroup ?? null }, ctx.operation);
    // The groups' employees are loaded already: nested `task.employee` needs no second query.
    const employees = ctx.loaders.of(Employee);
    for (const g of calendar.groups) if (g.employee) employees.prime(g.employee.id, g.employee);
    return calendar;
  }

  @Authorized('admin')
  @Mutation(() => Tenant, { description: 'Changing the time zone moves all-day tasks to the new zone’s days' })
  async updateTenantSettings(@Ctx() ctx: GatewayContext, @Arg('input', () => UpdateTenantSettingsInput) input: UpdateTenantSettingsInput): Promise<Tenant> {
    const tenant = requireCaller(ctx).tenant;
    return ctx.em.transactional(async (em) => {
      const row = await em.findOneOrFail(Tenant, { id: tenant });
      if (input.timeZone !== undefined && input.timeZone !== null) {
        row.timeZone = checkTimeZone(input.timeZone);
        await em.flush();
        await em.getConnection().execute(
          /* reZoneAllDayTasks */ `UPDATE task SET range_start = (start_date::timestamp AT TIME ZONE ?), range_end = ((end_date + 1)::timestamp AT TIME ZONE ?), updated_at = now()
           WHERE tenant = ? AND start_date IS NOT NULL`,
          [row.timeZone, row.timeZone, tenant],
          'run',
          em.getTransactionContext(),
        );
      }
      return row;
    });
  }
}
