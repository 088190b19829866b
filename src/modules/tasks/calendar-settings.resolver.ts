import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requireCaller, type GatewayContext, type GatewayServices } from '../../schema/context';
import { CalendarSettings, calendarSettingsView, loadCalendarSettings, updateCalendarSettings, UpdateCalendarSettingsInput } from './calendar-settings';

/** How the tenant's tasks reach its employees' Google calendars. */
@Resolver()
export class CalendarSettingsResolver {
  constructor(private readonly services: GatewayServices) {}

  @Authorized('admin')
  @Query(() => CalendarSettings)
  async calendarSettings(@Ctx() ctx: GatewayContext): Promise<CalendarSettings> {
    return calendarSettingsView(await loadCalendarSettings(ctx.em, requireCaller(ctx).tenant));
  }

  @Authorized('admin')
  @Mutation(() => CalendarSettings, {
    description: 'A new mode takes effect at the next sync, which moves every event to where the mode puts it. SHARED_CALENDARS needs the full Calendar scope: authorize again',
  })
  updateCalendarSettings(@Ctx() ctx: GatewayContext, @Arg('input', () => UpdateCalendarSettingsInput) input: UpdateCalendarSettingsInput): Promise<CalendarSettings> {
    const tenant = requireCaller(ctx).tenant;
    return updateCalendarSettings(ctx.em, tenant, input, async () => (await this.services.google.delegation.view(ctx.em, tenant)) !== null);
  }
}
