import type { calendar_v3 } from 'googleapis/build/src/apis/calendar';
import { httpStatusOf } from '../../google/google-errors';
import { moduleConfig } from '../../kernel/module';
import { defineSyncJob } from '../../sync/define-sync-job';
import { Checkpoint } from '../../sync/job-helpers';
import { calendarApi } from './calendar-api';
import { actionFor, contentHash, eventFor, eventIdFor, type TaskSyncRow } from './task-event';
import { tenantTimeZone } from './task.service';
import { tasksConfig } from './tasks.config';

/**
 * One-way sync of the tenant's tasks into each employee's Google Calendar. Only what changed since
 * the last push is sent (content hash per link); `full` re-reads every linked event and restores
 * what was changed or deleted in Google. Creates are idempotent: the event id comes from the task id,
 * and a 409 means the event exists already (perhaps from a lost response) and is adopted.
 */
export const tasksToGoogleCalendar = defineSyncJob({
  module: 'tasks',
  key: 'TASKS',
  name: 'tasks-to-google-calendar',
  async run(ctx) {
    const conn = ctx.em.getConnection();
    const timeZone = await tenantTimeZone(ctx.em, ctx.tenant);
    ctx.progress.setPhase('reading');
    const rows: TaskSyncRow[] = await conn.execute(
      /* tasksToSync */ `SELECT t.id, t.title, t.description, t.location, t.status, t.starts_at, t.ends_at, t.start_date::text AS start_date, t.end_date::text AS end_date,
         t.deleted_at, e.calendar_id, p.name AS partner_name, pr.name AS project_name,
         l.calendar_id AS link_calendar_id, l.event_id AS link_event_id, l.etag AS link_etag, l.content_hash AS link_hash
       FROM task t JOIN employee e ON e.id = t.employee_id
       LEFT JOIN partner p ON p.id = t.partner_id LEFT JOIN project pr ON pr.id = t.project_id
       LEFT JOIN task_sync_link l ON l.task_id = t.id
       WHERE t.tenant = ? ORDER BY t.id`,
      [ctx.tenant],
    );
    // A resumed run skips the tasks it already counted (the cursor is saved with the counters).
    const checkpoint = Checkpoint.resume(ctx.run.cursor);
    const todo = checkpoint.pending(rows, (r) => r.id);
    const calendar = await ctx.google(calendarApi);
    const call = <T>(fn: () => Promise<{ data: T }>) => ctx.call(calendarApi, fn);
    ctx.progress.setTotal(checkpoint.doneCount + todo.length);
    ctx.progress.setPhase('pushing');
    const counted = (row: TaskSyncRow, outcome: 'created' | 'updated' | 'deleted' | 'skipped') => ctx.progress.item(outcome, checkpoint.done(row.id));

    const saveLink = (row: TaskSyncRow, event: calendar_v3.Schema$Event, hash: string) =>
      conn.execute(
        /* saveTaskLink */ `INSERT INTO task_sync_link (task_id, tenant, calendar_id, event_id, etag, content_hash, synced_at) VALUES (?, ?, ?, ?, ?, ?, now())
         ON CONFLICT (task_id) DO UPDATE SET calendar_id = excluded.calendar_id, event_id = excluded.event_id, etag = excluded.etag, content_hash = excluded.content_hash, synced_at = now()`,
        [row.id, ctx.tenant, row.calendar_id, event.id ?? eventIdFor(row.id), event.etag ?? null, hash],
      );
    const dropLink = async (row: TaskSyncRow) => {
      await conn.execute(/* dropTaskLink */ 'DELETE FROM task_sync_link WHERE task_id = ? AND tenant = ?', [row.id, ctx.tenant]);
      if (row.deleted_at) await conn.execute(/* purgeTask */ 'DELETE FROM task WHERE id = ? AND tenant = ? AND deleted_at IS NOT NULL', [row.id, ctx.tenant]);
    };
    /** Deletes an event; gone already (404/410) counts as done. */
    const remove = async (calendarId: string, eventId: string) => {
      try {
        await call(() => calendar.events.delete({ calendarId, eventId, sendUpdates: 'none' }));
      } catch (err) {
        if (httpStatusOf(err) !== 404 && httpStatusOf(err) !== 410) throw err;
      }
    };
    /** Creates the event, or adopts (and restores) the one already there under the same id. */
    const create = async (row: TaskSyncRow, body: calendar_v3.Schema$Event): Promise<calendar_v3.Schema$Event> => {
      const id = eventIdFor(row.id);
      try {
        return await call(() => calendar.events.insert({ calendarId: row.calendar_id, sendUpdates: 'none', requestBody: { ...body, id } }));
      } catch (err) {
        if (httpStatusOf(err) !== 409) throw err;
        return call(() => calendar.events.patch({ calendarId: row.calendar_id, eventId: id, sendUpdates: 'none', requestBody: body }));
      }
    };

    const push = async (row: TaskSyncRow) => {
      const body = eventFor(row, ctx.tenant, timeZone);
      const hash = contentHash(body, row.calendar_id);
      const action = actionFor(row, hash, ctx.run.full);
      try {
        switch (action) {
          case 'skip':
            counted(row, 'skipped');
            break;
          case 'forget':
            await dropLink(row);
            counted(row, 'skipped');
            break;
          case 'create':
            await saveLink(row, await create(row, body), hash);
            counted(row, 'created');
            break;
          case 'move':
            await remove(row.link_calendar_id!, row.link_event_id!);
            await saveLink(row, await create(row, body), hash);
            counted(row, 'updated');
            break;
          case 'update': {
            let event: calendar_v3.Schema$Event;
            try {
              event = await call(() => calendar.events.patch({ calendarId: row.calendar_id, eventId: row.link_event_id!, sendUpdates: 'none', requestBody: body }));
            } catch (err) {
              if (httpStatusOf(err) !== 404) throw err;
              event = await create(row, body); // removed for good in Google: make it again
            }
            await saveLink(row, event, hash);
            counted(row, 'updated');
            break;
          }
          case 'verify': {
            let current: calendar_v3.Schema$Event | null = null;
            try {
              current = await call(() => calendar.events.get({ calendarId: row.calendar_id, eventId: row.link_event_id! }));
            } catch (err) {
              if (httpStatusOf(err) !== 404 && httpStatusOf(err) !== 410) throw err;
            }
            if (current && current.etag === row.link_etag && current.status !== 'cancelled') {
              counted(row, 'skipped');
              break;
            }
            // Edited or deleted in Google: the ERP wins.
            const restored = current
              ? await call(() => calendar.events.patch({ calendarId: row.calendar_id, eventId: row.link_event_id!, sendUpdates: 'none', requestBody: body }))
              : await create(row, body);
            await saveLink(row, restored, hash);
            counted(row, 'updated');
            break;
          }
          case 'delete':
            await remove(row.link_calendar_id!, row.link_event_id!);
            await dropLink(row);
            counted(row, 'deleted');
            break;
        }
      } catch (err) {
        // Counted as failed and marked done in the same tick (nothing persists in between); not marked when it throws.
        const cls = await ctx.recordItemError(row.id, err, 1, checkpoint);
        checkpoint.done(row.id);
        if (cls.kind === 'fatal') throw err;
      }
    };
    // A few calls in flight hide Google's latency; the rate limiter keeps the pace.
    await checkpoint.inParallel(todo, (r) => r.id, moduleConfig(ctx.sections, 'tasks', tasksConfig).GOOGLE_CALENDAR_CONCURRENCY, push, ctx.signal);
    ctx.progress.setPhase('done');
  },
});
