import { createHash } from 'node:crypto';
import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import { addDays, formatLocalDate, parseLocalDate } from './zoned-time';

/** What the sync reads of a task (one row of the sync query). */
export interface TaskSyncRow {
  id: string;
  title: string;
  description: string | null;
  location: string | null;
  status: string;
  /** Raw rows may carry instants as Date or as ISO text. */
  starts_at: Date | string | null;
  ends_at: Date | string | null;
  start_date: string | null;
  end_date: string | null;
  deleted_at: Date | string | null;
  calendar_id: string;
  partner_name: string | null;
  project_name: string | null;
  link_calendar_id: string | null;
  /** Who acts on the event (an impersonated user) where it belongs now, and where it was last written; null: the authorized account. */
  subject?: string | null;
  link_subject?: string | null;
  link_event_id: string | null;
  link_etag: string | null;
  link_hash: string | null;
}

/**
 * The event id of a task: Calendar accepts client ids of base32hex characters (a–v, 0–9), 5–1024
 * long; a lowercase UUID without hyphens is one. The same task always gets the same id, so a
 * retried or resumed insert can never make a duplicate.
 */
export function eventIdFor(taskId: string): string {
  return taskId.replace(/-/g, '').toLowerCase();
}

function toDate(value: string | Date): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** The event a task becomes (one-way: the ERP's version is the truth). */
export function eventFor(row: TaskSyncRow, tenant: string, timeZone: string): calendar_v3.Schema$Event {
  const description = [row.description, row.partner_name ? `Partner: ${row.partner_name}` : null, row.project_name ? `Project: ${row.project_name}` : null].filter(Boolean).join('\n\n');
  const allDay = row.start_date !== null;
  return {
    summary: row.title,
    description: description || null,
    location: row.location,
    status: 'confirmed',
    // Google wants the day after the last one as the (exclusive) end of an all-day event.
    start: allDay ? { date: toDate(row.start_date!) } : { dateTime: new Date(row.starts_at!).toISOString(), timeZone },
    end: allDay ? { date: formatLocalDate(addDays(parseLocalDate(toDate(row.end_date!)), 1)) } : { dateTime: new Date(row.ends_at!).toISOString(), timeZone },
    extendedProperties: { private: { erpTaskId: row.id, erpTenant: tenant } },
  };
}

/** Hash of what was pushed: the event body and the calendar it lives in. */
export function contentHash(event: calendar_v3.Schema$Event, calendarId: string): string {
  return createHash('sha256')
    .update(JSON.stringify([calendarId, event]))
    .digest('hex');
}

export type SyncAction = 'create' | 'update' | 'move' | 'delete' | 'forget' | 'verify' | 'skip';

/** What a run must do for a task, given its link (pure: unit-tested). */
export function actionFor(row: TaskSyncRow, hash: string, full: boolean): SyncAction {
  const wanted = row.deleted_at === null && row.status !== 'CANCELLED';
  const linked = row.link_event_id !== null;
  if (!wanted) return linked ? 'delete' : row.deleted_at ? 'forget' : 'skip';
  if (!linked) return 'create';
  if (row.link_calendar_id !== row.calendar_id || (row.link_subject ?? null) !== (row.subject ?? null)) return 'move';
  if (row.link_hash !== hash) return 'update';
  return full ? 'verify' : 'skip';
}
