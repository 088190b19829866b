import { describe, expect, it } from 'vitest';
import { actionFor, contentHash, eventFor, eventIdFor, type TaskSyncRow } from './task-event';

const row = (over: Partial<TaskSyncRow> = {}): TaskSyncRow => ({
  id: '3f2b8c1e-4d5a-4b6c-9e7f-0a1b2c3d4e5f',
  title: 'Visit',
  description: 'Bring the contract',
  location: 'Cluj',
  status: 'OPEN',
  starts_at: new Date('2026-03-29T08:00:00Z'),
  ends_at: new Date('2026-03-29T09:00:00Z'),
  start_date: null,
  end_date: null,
  deleted_at: null,
  calendar_id: 'ana@acme.test',
  partner_name: 'Acme',
  project_name: null,
  link_calendar_id: null,
  link_event_id: null,
  link_etag: null,
  link_hash: null,
  ...over,
});

describe('task → event', () => {
  it('derives a valid, stable Calendar event id from the task id', () => {
    const id = eventIdFor(row().id);
    expect(id).toMatch(/^[a-v0-9]{5,1024}$/);
    expect(eventIdFor(row().id)).toBe(id);
  });

  it('maps timed and all-day tasks (end date exclusive, as Google wants)', () => {
    expect(eventFor(row(), 'acme', 'Europe/Bucharest')).toMatchObject({
      summary: 'Visit',
      description: 'Bring the contract\n\nPartner: Acme',
      location: 'Cluj',
      start: { dateTime: '2026-03-29T08:00:00.000Z', timeZone: 'Europe/Bucharest' },
      end: { dateTime: '2026-03-29T09:00:00.000Z', timeZone: 'Europe/Bucharest' },
      extendedProperties: { private: { erpTaskId: row().id, erpTenant: 'acme' } },
    });
    const allDay = eventFor(row({ starts_at: null, ends_at: null, start_date: '2026-12-31', end_date: '2026-12-31' }), 'acme', 'UTC');
    expect([allDay.start, allDay.end]).toEqual([{ date: '2026-12-31' }, { date: '2027-01-01' }]);
  });

  it('chooses the action from the link and the content hash', () => {
    const body = eventFor(row(), 'acme', 'UTC');
    const hash = contentHash(body, 'ana@acme.test');
    const linked = { link_calendar_id: 'ana@acme.test', link_event_id: 'e1', link_hash: hash, link_etag: '"1"' };
    expect(actionFor(row(), hash, false)).toBe('create');
    expect(actionFor(row(linked), hash, false)).toBe('skip');
    expect(actionFor(row(linked), hash, true)).toBe('verify');
    expect(actionFor(row({ ...linked, link_hash: 'old' }), hash, false)).toBe('update');
    expect(actionFor(row({ ...linked, link_calendar_id: 'bob@acme.test' }), hash, false)).toBe('move');
    expect(actionFor(row({ ...linked, status: 'CANCELLED' }), hash, false)).toBe('delete');
    expect(actionFor(row({ ...linked, deleted_at: new Date() }), hash, false)).toBe('delete');
    expect(actionFor(row({ deleted_at: new Date() }), hash, false)).toBe('forget');
    expect(actionFor(row({ status: 'CANCELLED' }), hash, false)).toBe('skip');
    expect(contentHash(body, 'other@acme.test')).not.toBe(hash);
  });
});
