import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import { GoogleCallError, httpStatusOf } from '../../google/google-errors';
import { moduleConfig } from '../../kernel/module';
import { defineSyncJob } from '../../sync/define-sync-job';
import { LaneCheckpoint } from '../../sync/lanes';
import { calendarApi } from './calendar-api';
import { CalendarAccessMode, loadCalendarSettings } from './calendar-settings';
import { SharedCalendars, type CalendarOwner, type SharedCalendarMap } from './shared-calendars';
import { actionFor, contentHash, eventFor, eventIdFor, type TaskSyncRow } from './task-event';
import { tenantTimeZone } from './task.service';
import { tasksConfig } from './tasks.config';

interface JobRow extends TaskSyncRow {
  employee_id: string;
  employee_name: string;
  employee_email: string;
  employee_active: boolean;
  /** The employee's own calendar (EMPLOYEE_CALENDARS). */
  employee_calendar_id: string;
  /** The task's event in the tenant-wide calendar (SHARED_CALENDARS with a group address). */
  tlink_calendar_id: string | null;
  tlink_event_id: string | null;
  tlink_etag: string | null;
  tlink_hash: string | null;
  /** This item is the task's copy in the tenant-wide calendar (its link fields are that link's). */
  tenant_copy?: boolean;
}

const TENANT_LANE = '*tenant';

const gone = (err: unknown) => httpStatusOf(err) === 404 || httpStatusOf(err) === 410;
/** Google refused to let the service account act as the (former) user: their calendar is out of reach for good. */
const subjectRefused = (err: unknown) => err instanceof GoogleCallError && err.errorClass.code === 'DELEGATION_SUBJECT_REFUSED';

/**
 * One-way sync of the tenant's tasks into each employee's Google Calendar, reached the way the
 * tenant's calendar settings say: as each employee by domain-wide delegation (their `primary`
 * calendar), in calendars the authorized account owns and shares with each employee, or in the
 * employees' own calendars shared with the authorized account; in SHARED_CALENDARS each task may
 * also have a copy in a tenant-wide calendar shared with a group. Each link records the calendar and
 * the acting user, so a change of mode (or of email) moves the events in the next run. Only what
 * changed since the last push is sent (content hash per link); `full` re-reads every linked event
 * and restores what was changed or deleted in Google. Creates are idempotent: the event id comes
 * from the task id, and a 409 means the event exists already and is adopted. Work is spread
 * round-robin over the employees, so that one busy employee does not hold back the others.
 */
export const tasksToGoogleCalendar = defineSyncJob({
  module: 'tasks',
  key: 'TASKS',
  name: 'tasks-to-google-calendar',
  async run(ctx) {
    const conn = ctx.em.getConnection();
    const config = moduleConfig(ctx.sections, 'tasks', tasksConfig);
    const settings = await loadCalendarSettings(ctx.em, ctx.tenant);
    const timeZone = await tenantTimeZone(ctx.em, ctx.tenant);
    ctx.progress.setPhase('reading');
    const rows: JobRow[] = await conn.execute(
      /* tasksToSync */ `SELECT t.id, t.title, t.description, t.location, t.status, t.starts_at, t.ends_at, t.start_date::text AS start_date, t.end_date::text AS end_date,
         t.deleted_at, e.id AS employee_id, e.name AS employee_name, e.email AS employee_email, e.active AS employee_active, e.calendar_id AS employee_calendar_id,
         p.name AS partner_name, pr.name AS project_name,
         l.calendar_id AS link_calendar_id, l.subject AS link_subject, l.event_id AS link_event_id, l.etag AS link_etag, l.content_hash AS link_hash,
         tl.calendar_id AS tlink_calendar_id, tl.event_id AS tlink_event_id, tl.etag AS tlink_etag, tl.content_hash AS tlink_hash
       FROM task t JOIN employee e ON e.id = t.employee_id
       LEFT JOIN partner p ON p.id = t.partner_id LEFT JOIN project pr ON pr.id = t.project_id
       LEFT JOIN task_sync_link l ON l.task_id = t.id LEFT JOIN task_tenant_link tl ON tl.task_id = t.id
       WHERE t.tenant = ? ORDER BY t.id`,
      [ctx.tenant],
    );

    let shared: SharedCalendarMap = new Map();
    const calendars = new SharedCalendars(ctx, settings, timeZone);
    const sharedMode = settings.mode === CalendarAccessMode.SHARED_CALENDARS;
    if (sharedMode) {
      ctx.progress.setPhase('calendars');
      const owners: CalendarOwner[] = await conn.execute(/* calendarOwners */ 'SELECT id, name, email, active FROM employee WHERE tenant = ? ORDER BY id', [ctx.tenant]);
      shared = await calendars.prepare(owners);
    }
    // Every task also goes into the tenant-wide calendar when there is one; otherwise its copies leave it.
    const tenantCalendarId = await calendars.tenantCalendar(sharedMode);

    /** Where the task's event belongs now; null: nowhere (its employee's calendar was removed). */
    const placeOf = (row: JobRow): { calendarId: string; subject: string | null } | null => {
      if (row.tenant_copy) return tenantCalendarId ? { calendarId: tenantCalendarId, subject: null } : null;
      switch (settings.mode) {
        case CalendarAccessMode.DELEGATED:
          return { calendarId: 'primary', subject: row.employee_email.toLowerCase() };
        case CalendarAccessMode.SHARED_CALENDARS: {
          const cal = shared.get(row.employee_id);
          if (!cal) return null;
          if ('error' in cal) throw cal.error;
          return { calendarId: cal.calendarId, subject: null };
        }
        default:
          return { calendarId: row.employee_calendar_id, subject: null };
      }
    };

    const checkpoint = LaneCheckpoint.resume(ctx.run.cursor);
    const lanes = new Map<string, JobRow[]>();
    for (const row of rows) {
      const lane = lanes.get(row.employee_id);
      if (lane) lane.push(row);
      else lanes.set(row.employee_id, [row]);
    }
    if (tenantCalendarId || rows.some((r) => r.tlink_event_id)) {
      const copies = rows.map((r): JobRow => ({
        ...r,
        tenant_copy: true,
        link_calendar_id: r.tlink_calendar_id,
        link_event_id: r.tlink_event_id,
        link_etag: r.tlink_etag,
        link_hash: r.tlink_hash,
        link_subject: null,
      }));
      lanes.set(TENANT_LANE, copies);
    }
    let pending = 0;
    for (const [name, items] of lanes) pending += checkpoint.lane(name).pending(items, (r) => r.id).length;
    ctx.progress.setTotal(checkpoint.doneCount + pending);
    ctx.progress.setPhase('pushing');

    // One googleapis client per acting user for the run.
    const clients = new Map<string, Promise<calendar_v3.Calendar>>();
    const clientOf = (subject: string | null): Promise<calendar_v3.Calendar> => {
      const id = subject ?? '';
      let c = clients.get(id);
      if (!c) {
        c = subject ? ctx.googleAs(calendarApi, subject) : ctx.google(calendarApi);
        clients.set(id, c);
        c.catch(() => clients.get(id) === c && clients.delete(id));
      }
      return c;
    };
    const call = async <T>(subject: string | null, fn: (c: calendar_v3.Calendar) => Promise<{ data: T }>): Promise<T> => {
      const client = await clientOf(subject);
      return ctx.call(calendarApi, () => fn(client), { subject });
    };

    const saveLink = (row: JobRow, place: { calendarId: string; subject: string | null }, event: calendar_v3.Schema$Event, hash: string) =>
      row.tenant_copy
        ? conn.execute(
            /* saveTenantCalendarLink */ `INSERT INTO task_tenant_link (task_id, tenant, calendar_id, event_id, etag, content_hash, synced_at) VALUES (?, ?, ?, ?, ?, ?, now())
             ON CONFLICT (task_id) DO UPDATE SET calendar_id = excluded.calendar_id, event_id = excluded.event_id, etag = excluded.etag, content_hash = excluded.content_hash, synced_at = now()`,
            [row.id, ctx.tenant, place.calendarId, event.id ?? eventIdFor(row.id), event.etag ?? null, hash],
          )
        : conn.execute(
            /* saveTaskLink */ `INSERT INTO task_sync_link (task_id, tenant, calendar_id, subject, event_id, etag, content_hash, synced_at) VALUES (?, ?, ?, ?, ?, ?, ?, now())
         ON CONFLICT (task_id) DO UPDATE SET calendar_id = excluded.calendar_id, subject = excluded.subject, event_id = excluded.event_id, etag = excluded.etag,
           content_hash = excluded.content_hash, synced_at = now()`,
            [row.id, ctx.tenant, place.calendarId, place.subject, event.id ?? eventIdFor(row.id), event.etag ?? null, hash],
          );
    const dropLink = async (row: JobRow) => {
      if (row.tenant_copy) await conn.execute(/* dropTenantCalendarLink */ 'DELETE FROM task_tenant_link WHERE task_id = ? AND tenant = ?', [row.id, ctx.tenant]);
      else await conn.execute(/* dropTaskLink */ 'DELETE FROM task_sync_link WHERE task_id = ? AND tenant = ?', [row.id, ctx.tenant]);
      // A deleted task goes once no event of it is left in Google.
      if (row.deleted_at) {
        await conn.execute(
          /* purgeTask */ `DELETE FROM task WHERE id = ? AND tenant = ? AND deleted_at IS NOT NULL
             AND NOT EXISTS (SELECT 1 FROM task_sync_link WHERE task_id = ?) AND NOT EXISTS (SELECT 1 FROM task_tenant_link WHERE task_id = ?)`,
          [row.id, ctx.tenant, row.id, row.id],
        );
      }
    };
    /** Deletes the linked event where it was written; gone already (or its user gone) counts as done. */
    const removeLinked = async (row: JobRow) => {
      const subject = row.link_subject ?? null;
      try {
        await call(subject, (c) => c.events.delete({ calendarId: row.link_calendar_id!, eventId: row.link_event_id!, sendUpdates: 'none' }));
      } catch (err) {
        if (!gone(err) && !subjectRefused(err)) throw err;
      }
    };
    /** In EMPLOYEE_CALENDARS, a calendar the authorized account cannot see or write gets an error that says what to do. */
    const explained = (row: JobRow, err: unknown): unknown => {
      const status = httpStatusOf(err);
      if (row.tenant_copy || settings.mode !== CalendarAccessMode.EMPLOYEE_CALENDARS || (status !== 404 && status !== 403) || !(err instanceof GoogleCallError) || err.errorClass.kind !== 'item')
        return err;
      const message =
        `The calendar ${row.employee_calendar_id} of ${row.employee_name} is not shared with the Google account that authorized the gateway with "Make changes to events" ` +
        `(Google answered ${status} ${err.errorClass.code}). Ask ${row.employee_email} to share it (Google Calendar → Settings and sharing → Share with specific people), ` +
        'or switch the calendar mode to DELEGATED or SHARED_CALENDARS (updateCalendarSettings).';
      return new GoogleCallError({ ...err.errorClass, message }, err.attempts, err.cause);
    };
    /** Creates the event, or adopts (and restores) the one already there under the same id. */
    const create = async (row: JobRow, place: { calendarId: string; subject: string | null }, body: calendar_v3.Schema$Event): Promise<calendar_v3.Schema$Event> => {
      const id = eventIdFor(row.id);
      try {
        return await call(place.subject, (c) => c.events.insert({ calendarId: place.calendarId, sendUpdates: 'none', requestBody: { ...body, id } }));
      } catch (err) {
        if (httpStatusOf(err) !== 409) throw err;
        return call(place.subject, (c) => c.events.patch({ calendarId: place.calendarId, eventId: id, sendUpdates: 'none', requestBody: body }));
      }
    };

    const push = async (row: JobRow, lane: ReturnType<LaneCheckpoint['lane']>) => {
      const counted = (outcome: 'created' | 'updated' | 'deleted' | 'skipped') => {
        lane.done(row.id);
        ctx.progress.item(outcome, checkpoint);
      };
      try {
        const place = placeOf(row);
        const body = eventFor(row, ctx.tenant, timeZone);
        const hash = place ? contentHash(body, place.calendarId) : '';
        // Nowhere to go (the employee's calendar was deleted with their deactivation): like a task that is not wanted.
        const target: JobRow = place ? { ...row, calendar_id: place.calendarId, subject: place.subject } : { ...row, status: 'CANCELLED', calendar_id: '' };
        const action = actionFor(target, hash, ctx.run.full);
        switch (action) {
          case 'skip':
            counted('skipped');
            break;
          case 'forget':
            await dropLink(row);
            counted('skipped');
            break;
          case 'create':
            await saveLink(row, place!, await create(row, place!, body), hash);
            counted('created');
            break;
          case 'move':
            await removeLinked(row);
            await saveLink(row, place!, await create(row, place!, body), hash);
            counted('updated');
            break;
          case 'update': {
            let event: calendar_v3.Schema$Event;
            try {
              event = await call(place!.subject, (c) => c.events.patch({ calendarId: place!.calendarId, eventId: row.link_event_id!, sendUpdates: 'none', requestBody: body }));
            } catch (err) {
              if (httpStatusOf(err) !== 404) throw err;
              event = await create(row, place!, body); // removed for good in Google: make it again
            }
            await saveLink(row, place!, event, hash);
            counted('updated');
            break;
          }
          case 'verify': {
            let current: calendar_v3.Schema$Event | null = null;
            try {
              current = await call(place!.subject, (c) => c.events.get({ calendarId: place!.calendarId, eventId: row.link_event_id! }));
            } catch (err) {
              if (!gone(err)) throw err;
            }
            if (current && current.etag === row.link_etag && current.status !== 'cancelled') {
              counted('skipped');
              break;
            }
            // Edited or deleted in Google: the ERP wins.
            const restored = current
              ? await call(place!.subject, (c) => c.events.patch({ calendarId: place!.calendarId, eventId: row.link_event_id!, sendUpdates: 'none', requestBody: body }))
              : await create(row, place!, body);
            await saveLink(row, place!, restored, hash);
            counted('updated');
            break;
          }
          case 'delete':
            await removeLinked(row);
            await dropLink(row);
            counted('deleted');
            break;
        }
      } catch (err) {
        // Counted as failed and marked done in the same tick (nothing persists in between); not marked when it throws.
        const cls = await ctx.recordItemError(row.id, explained(row, err), 1, checkpoint);
        lane.done(row.id);
        if (cls.kind === 'fatal') throw err;
      }
    };
    // Round-robin over the employees: in DELEGATED mode each is a Google user with its own quota.
    const delegated = settings.mode === CalendarAccessMode.DELEGATED;
    const limit = delegated ? config.GOOGLE_CALENDAR_DELEGATED_CONCURRENCY : config.GOOGLE_CALENDAR_CONCURRENCY;
    const perLane = delegated ? Math.min(limit, config.GOOGLE_CALENDAR_PER_USER_CONCURRENCY) : limit;
    await checkpoint.run(lanes, (r) => r.id, { limit, perLane }, push, ctx.signal);
    ctx.progress.setPhase('done');
  },
});
