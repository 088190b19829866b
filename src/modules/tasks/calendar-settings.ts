import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { badUserInput } from '../../kernel/errors';
import { email } from '../../kernel/validate';
import { CALENDAR_FULL_SCOPE, CALENDAR_SCOPE } from './calendar-api';

/** How the tasks job reaches an employee's calendar. */
export enum CalendarAccessMode {
  DELEGATED = 'DELEGATED',
  SHARED_CALENDARS = 'SHARED_CALENDARS',
  EMPLOYEE_CALENDARS = 'EMPLOYEE_CALENDARS',
}

export enum CalendarAclRole {
  READER = 'reader',
  WRITER = 'writer',
}

registerEnumType(CalendarAccessMode, {
  name: 'CalendarAccessMode',
  description: "How tasks reach each employee's Google calendar",
  valuesConfig: {
    DELEGATED: { description: "Domain-wide delegation: a service account impersonates each employee and writes to the employee's own primary calendar (recommended for Workspace)" },
    SHARED_CALENDARS: { description: 'The authorized account owns one calendar per employee ("Tasks · <name>") and shares it with the employee' },
    EMPLOYEE_CALENDARS: { description: 'Each employee shared their calendar with the authorized account ("Make changes to events")' },
  },
});
registerEnumType(CalendarAclRole, { name: 'CalendarAclRole', description: 'What an employee may do in the calendar shared with them (SHARED_CALENDARS)' });

@ObjectType({ description: "How the tenant's tasks reach Google Calendar" })
export class CalendarSettings {
  @Field(() => CalendarAccessMode) mode!: CalendarAccessMode;
  @Field(() => CalendarAclRole, { description: 'SHARED_CALENDARS: the role each employee gets on their calendar' }) aclRole!: CalendarAclRole;
  @Field({ description: 'SHARED_CALENDARS: whether Google emails the employee when their calendar is shared' }) sendNotifications!: boolean;
  @Field({ description: 'SHARED_CALENDARS: delete (rather than only unshare) the calendar of an employee who is deactivated or deleted' })
  deleteRemovedCalendars!: boolean;
  @Field(() => String, { nullable: true, description: 'SHARED_CALENDARS: a group address; when set, one more calendar holds every task and is shared with it' })
  tenantCalendarGroup!: string | null;
  @Field(() => [String], { description: 'The Calendar scopes this mode needs (authorized by the admin, or listed for domain-wide delegation)' }) googleScopes!: string[];
}

@InputType({ description: 'Fields left out keep their value' })
export class UpdateCalendarSettingsInput {
  @Field(() => CalendarAccessMode, { nullable: true }) mode?: CalendarAccessMode | null;
  @Field(() => CalendarAclRole, { nullable: true }) aclRole?: CalendarAclRole | null;
  @Field(() => Boolean, { nullable: true }) sendNotifications?: boolean | null;
  @Field(() => Boolean, { nullable: true }) deleteRemovedCalendars?: boolean | null;
  @Field(() => String, { nullable: true, description: 'An email address (a Google group); empty or null turns the tenant-wide calendar off' })
  tenantCalendarGroup?: string | null;
}

export interface CalendarSettingsRow {
  mode: CalendarAccessMode;
  aclRole: CalendarAclRole;
  sendNotifications: boolean;
  deleteRemovedCalendars: boolean;
  tenantCalendarGroup: string | null;
}

/** The Calendar scopes a mode needs: calendars and their sharing need the full scope. */
export function scopesOfMode(mode: CalendarAccessMode): string[] {
  return mode === CalendarAccessMode.SHARED_CALENDARS ? [CALENDAR_SCOPE, CALENDAR_FULL_SCOPE] : [CALENDAR_SCOPE];
}

/** The tenant's settings (defaults when none were saved: today's behaviour). The tenant condition is explicit (raw SQL). */
export async function loadCalendarSettings(em: EntityManager, tenant: string): Promise<CalendarSettingsRow> {
  const rows: Record<string, unknown>[] = await em
    .getConnection()
    .execute(/* calendarSettings */ 'SELECT mode, acl_role, send_notifications, delete_removed_calendars, tenant_calendar_group FROM calendar_settings WHERE tenant = ?', [tenant]);
  const r = rows[0];
  return {
    mode: (r?.mode as CalendarAccessMode | undefined) ?? CalendarAccessMode.EMPLOYEE_CALENDARS,
    aclRole: (r?.acl_role as CalendarAclRole | undefined) ?? CalendarAclRole.WRITER,
    sendNotifications: (r?.send_notifications as boolean | undefined) ?? false,
    deleteRemovedCalendars: (r?.delete_removed_calendars as boolean | undefined) ?? false,
    tenantCalendarGroup: (r?.tenant_calendar_group as string | null | undefined) ?? null,
  };
}

export function calendarSettingsView(s: CalendarSettingsRow): CalendarSettings {
  return Object.assign(new CalendarSettings(), { ...s, googleScopes: scopesOfMode(s.mode) });
}

/**
 * Validates and saves the settings in one statement. DELEGATED needs a service account first
 * (`hasServiceAccount`); the next sync moves every event to where the new mode puts it.
 */
export async function updateCalendarSettings(em: EntityManager, tenant: string, input: UpdateCalendarSettingsInput, hasServiceAccount: () => Promise<boolean>): Promise<CalendarSettings> {
  const current = await loadCalendarSettings(em, tenant);
  const next: CalendarSettingsRow = { ...current };
  if (input.mode !== undefined && input.mode !== null) {
    if (!Object.values(CalendarAccessMode).includes(input.mode)) throw badUserInput(`mode must be one of ${Object.values(CalendarAccessMode).join(', ')}`, 'mode');
    if (input.mode === CalendarAccessMode.DELEGATED && !(await hasServiceAccount())) {
      throw badUserInput('DELEGATED needs a service account: upload its JSON key first (setGoogleServiceAccount), then authorize its client id in the Admin console', 'mode');
    }
    next.mode = input.mode;
  }
  if (input.aclRole !== undefined && input.aclRole !== null) next.aclRole = input.aclRole;
  if (input.sendNotifications !== undefined && input.sendNotifications !== null) next.sendNotifications = input.sendNotifications;
  if (input.deleteRemovedCalendars !== undefined && input.deleteRemovedCalendars !== null) next.deleteRemovedCalendars = input.deleteRemovedCalendars;
  if (input.tenantCalendarGroup !== undefined) {
    const raw = input.tenantCalendarGroup?.trim() ?? '';
    next.tenantCalendarGroup = raw ? email(raw, 'tenantCalendarGroup') : null;
  }
  await em.getConnection().execute(
    /* saveCalendarSettings */ `INSERT INTO calendar_settings (tenant, mode, acl_role, send_notifications, delete_removed_calendars, tenant_calendar_group, updated_at) VALUES (?, ?, ?, ?, ?, ?, now())
     ON CONFLICT (tenant) DO UPDATE SET mode = excluded.mode, acl_role = excluded.acl_role, send_notifications = excluded.send_notifications,
       delete_removed_calendars = excluded.delete_removed_calendars, tenant_calendar_group = excluded.tenant_calendar_group, updated_at = now()`,
    [tenant, next.mode, next.aclRole, next.sendNotifications, next.deleteRemovedCalendars, next.tenantCalendarGroup],
  );
  return calendarSettingsView(next);
}
