import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import { GoogleCallError, httpStatusOf } from '../../google/google-errors';
import type { SyncJobContext } from '../../sync/define-sync-job';
import { calendarOwnerApi } from './calendar-api';
import type { CalendarSettingsRow } from './calendar-settings';

/** An employee as the shared calendars see them. */
export interface CalendarOwner {
  id: string;
  name: string;
  email: string;
  active: boolean;
}

interface StoredCalendar {
  owner_key: string;
  summary: string;
  calendar_id: string | null;
  shared_with: string | null;
  acl_role: string | null;
}

/** The owner key of the tenant-wide calendar (employees' keys are their ids). */
export const TENANT_OWNER = '*tenant';
const gone = (err: unknown) => httpStatusOf(err) === 404 || httpStatusOf(err) === 410;
/** The ACL rule id of what a calendar is shared with: stored as `user:…` / `group:…` (or, from before, a bare email). */
const ruleIdOf = (sharedWith: string | null): string | null => (sharedWith === null ? null : sharedWith.includes(':') ? sharedWith : `user:${sharedWith}`);

/** The summary of an employee's calendar: deterministic, so that a lost insert is found again. */
export const sharedCalendarSummary = (name: string) => `Tasks · ${name}`.slice(0, 300);
/** The description marks the calendar as the tenant's own for that employee (what the lookup matches). */
const markerOf = (tenant: string, ownerKey: string) => `erp-tasks:${tenant}:${ownerKey}`;

/** What preparing the calendars gave each active employee: its calendar id, or why it has none. */
export type SharedCalendarMap = Map<string, { calendarId: string } | { error: unknown }>;

/**
 * SHARED_CALENDARS: the authorized account owns one secondary calendar per employee, shared with the
 * employee. Creation is idempotent under lost responses: a row is stored before the insert (the
 * marker), and while it has no calendar id every attempt first looks the calendar up in the
 * calendar list by its description. Re-shared when the email (or the role) changes; unshared, and
 * deleted when the settings say so, when the employee is deactivated or deleted.
 */
export class SharedCalendars {
  private client: calendar_v3.Calendar | null = null;

  constructor(
    private readonly ctx: SyncJobContext,
    private readonly settings: CalendarSettingsRow,
    private readonly timeZone: string,
  ) {}

  private async api(): Promise<calendar_v3.Calendar> {
    return (this.client ??= await this.ctx.google(calendarOwnerApi));
  }

  private call<T>(fn: (c: calendar_v3.Calendar) => Promise<{ data: T }>): Promise<T> {
    return this.api().then((c) => this.ctx.call(calendarOwnerApi, () => fn(c)));
  }

  private async stored(): Promise<Map<string, StoredCalendar>> {
    const rows: StoredCalendar[] = await this.ctx.em
      .getConnection()
      .execute(/* employeeCalendars */ 'SELECT owner_key, summary, calendar_id, shared_with, acl_role FROM employee_calendar WHERE tenant = ?', [this.ctx.tenant]);
    return new Map(rows.map((r) => [r.owner_key, r]));
  }

  private save(ownerKey: string, fields: Partial<Omit<StoredCalendar, 'owner_key'>>): Promise<unknown> {
    const cols = Object.keys(fields);
    return this.ctx.em.getConnection().execute(
      /* saveEmployeeCalendar */ `INSERT INTO employee_calendar (tenant, owner_key, summary, calendar_id, shared_with, acl_role, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, now(), now())
       ON CONFLICT (tenant, owner_key) DO UPDATE SET ${cols.map((c) => `${c} = excluded.${c}`).join(', ')}, updated_at = now()`,
      [this.ctx.tenant, ownerKey, fields.summary ?? '', fields.calendar_id ?? null, fields.shared_with ?? null, fields.acl_role ?? null],
    );
  }

  /** Makes sure every given active employee has a calendar shared with them; cleans up after the others. */
  async prepare(owners: CalendarOwner[]): Promise<SharedCalendarMap> {
    const stored = await this.stored();
    const result: SharedCalendarMap = new Map();
    const activeIds = new Set(owners.filter((o) => o.active).map((o) => o.id));
    for (const owner of owners.filter((o) => o.active)) {
      if (this.ctx.signal.aborted) break;
      try {
        result.set(owner.id, { calendarId: await this.ensure(owner, stored.get(owner.id) ?? null) });
      } catch (error) {
        // Refused for this employee only (e.g. Google rejects the address): their tasks fail, the rest goes on.
        if (!(error instanceof GoogleCallError && error.errorClass.kind === 'item')) throw error;
        result.set(owner.id, { error });
      }
    }
    for (const row of stored.values()) {
      if (activeIds.has(row.owner_key) || row.owner_key === TENANT_OWNER || this.ctx.signal.aborted) continue;
      // A deactivated employee's kept calendar still receives their tasks (unshared).
      if (!(await this.retire(row)) && row.calendar_id) result.set(row.owner_key, { calendarId: row.calendar_id });
    }
    return result;
  }

  /** The calendar of an active employee: created (once) and shared with their current email and role. */
  private ensure(owner: CalendarOwner, row: StoredCalendar | null): Promise<string> {
    return this.ensureCalendar(owner.id, sharedCalendarSummary(owner.name), { type: 'user', value: owner.email.toLowerCase() }, this.settings.aclRole, row);
  }

  /**
   * The tenant-wide calendar (every task), shared read-only with the settings' group address; null
   * when there is none to have (no group, or another mode), after unsharing (and deleting) the old one.
   */
  async tenantCalendar(wanted: boolean): Promise<string | null> {
    const row = (await this.stored()).get(TENANT_OWNER) ?? null;
    const group = this.settings.tenantCalendarGroup;
    if (wanted && group) return this.ensureCalendar(TENANT_OWNER, `Tasks · ${this.ctx.tenant}`, { type: 'group', value: group }, 'reader', row);
    if (row) await this.retire(row);
    return null;
  }

  private async ensureCalendar(ownerKey: string, summary: string, grantee: { type: 'user' | 'group'; value: string }, role: string, row: StoredCalendar | null): Promise<string> {
    let calendarId = row?.calendar_id ?? null;
    if (calendarId) {
      try {
        const current = await this.call((c) => c.calendars.get({ calendarId: calendarId! }));
        if (current.summary !== summary) await this.call((c) => c.calendars.patch({ calendarId: calendarId!, requestBody: { summary } }));
      } catch (err) {
        if (!gone(err)) throw err;
        calendarId = null; // deleted in Google (or by a previous deactivation): make it again
      }
    }
    if (!calendarId) {
      // The marker first: a crash or a lost answer after the insert is then looked up, never inserted twice.
      await this.save(ownerKey, { summary, calendar_id: null, shared_with: null, acl_role: null });
      calendarId = await this.create(ownerKey, summary, row !== null && row.calendar_id === null);
      await this.save(ownerKey, { summary, calendar_id: calendarId, shared_with: null, acl_role: null });
      row = { owner_key: ownerKey, summary, calendar_id: calendarId, shared_with: null, acl_role: null };
    }
    const sharedWith = `${grantee.type}:${grantee.value}`;
    if (ruleIdOf(row?.shared_with ?? null) !== sharedWith || row?.acl_role !== role) {
      if (row?.shared_with && ruleIdOf(row.shared_with) !== sharedWith) await this.unshare(calendarId, row.shared_with);
      await this.call((c) =>
        c.acl.insert({
          calendarId: calendarId!,
          sendNotifications: this.settings.sendNotifications,
          requestBody: { role, scope: { type: grantee.type, value: grantee.value } },
        }),
      );
      await this.save(ownerKey, { summary, calendar_id: calendarId, shared_with: sharedWith, acl_role: role });
    }
    return calendarId;
  }

  /** Inserts the calendar; after an attempt whose outcome is unknown, looks it up by its marker first. */
  private async create(ownerKey: string, summary: string, mayExist: boolean): Promise<string> {
    const marker = markerOf(this.ctx.tenant, ownerKey);
    const client = await this.api();
    let unknownOutcome = mayExist;
    return this.ctx.retry(async () => {
      if (unknownOutcome) {
        const found = await this.lookup(marker);
        if (found) return found;
      }
      unknownOutcome = true;
      await this.ctx.rateLimit(calendarOwnerApi);
      const res = await client.calendars.insert({ requestBody: { summary, description: marker, timeZone: this.timeZone } });
      return res.data.id!;
    });
  }

  /** The calendar of the authorized account's list that carries the marker. */
  private async lookup(marker: string): Promise<string | null> {
    const client = await this.api();
    let pageToken: string | undefined;
    do {
      await this.ctx.rateLimit(calendarOwnerApi);
      const page = (await client.calendarList.list({ minAccessRole: 'owner', showHidden: true, maxResults: 250, ...(pageToken ? { pageToken } : {}) })).data;
      const hit = page.items?.find((c) => c.description === marker);
      if (hit?.id) return hit.id;
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    return null;
  }

  private async unshare(calendarId: string, sharedWith: string): Promise<void> {
    try {
      await this.call((c) => c.acl.delete({ calendarId, ruleId: ruleIdOf(sharedWith)! }));
    } catch (err) {
      if (httpStatusOf(err) !== 404 && httpStatusOf(err) !== 410) throw err;
    }
  }

  /** An employee deactivated or deleted: unshare; delete the calendar when the settings say so (then true). */
  private async retire(row: StoredCalendar): Promise<boolean> {
    if (!row.calendar_id) return false;
    if (row.shared_with) {
      await this.unshare(row.calendar_id, row.shared_with);
      await this.save(row.owner_key, { summary: row.summary, calendar_id: row.calendar_id, shared_with: null, acl_role: null });
    }
    if (this.settings.deleteRemovedCalendars) {
      try {
        await this.call((c) => c.calendars.delete({ calendarId: row.calendar_id! }));
      } catch (err) {
        if (httpStatusOf(err) !== 404 && httpStatusOf(err) !== 410) throw err;
      }
      // Its events went with it.
      await this.ctx.em.getConnection().execute(/* dropLinksOfCalendar */ 'DELETE FROM task_sync_link WHERE tenant = ? AND calendar_id = ? AND subject IS NULL', [this.ctx.tenant, row.calendar_id]);
      await this.ctx.em.getConnection().execute(/* dropEmployeeCalendar */ 'DELETE FROM employee_calendar WHERE tenant = ? AND owner_key = ?', [this.ctx.tenant, row.owner_key]);
      return true;
    }
    return false;
  }
}
