import { CodeChallengeMethod, OAuth2Client } from 'google-auth-library';
// `google.calendar` of `import { google } from 'googleapis'` is this very function (bound to the
// `google` instance); importing it alone spares the test loading the other ~300 APIs.
import { calendar as googleCalendar, type calendar_v3 } from 'googleapis/build/src/apis/calendar';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CALENDAR_EVENTS_SCOPE, CALENDAR_SCOPE, startGoogleEmulator, type GoogleAccount, type GoogleApiErrorBody, type GoogleEmulator, type RecordedRequest } from './index';

const CLIENT = {
  clientId: '123-gateway.apps.googleusercontent.com',
  clientSecret: 'GOCSPX-emulator-secret',
  redirectUris: ['http://127.0.0.1:4000/google/callback'],
};
const ADMIN = 'admin@example.com';
const TEAM = 'team@group.calendar.google.com';
const RFC3339_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

let emulator: GoogleEmulator;

beforeAll(async () => {
  emulator = await startGoogleEmulator();
  emulator.registerClient(CLIENT);
});

afterAll(() => emulator?.close());

beforeEach(() => {
  emulator.reset();
  emulator.clearRequests();
  // A secondary calendar of the admin's (as if created in Google Calendar).
  emulator.calendar.createCalendar(ADMIN, { id: TEAM });
});

interface ConnectOptions {
  scope?: string[];
  account?: GoogleAccount;
  /** gaxios' own retries (googleapis turns them on by default); off unless a test is about them. */
  retry?: boolean;
}

/** A googleapis Calendar client holding an access token from the emulator's own OAuth flow (consent → code + PKCE → tokens). */
async function connect(o: ConnectOptions = {}): Promise<calendar_v3.Calendar> {
  const auth = new OAuth2Client({ clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, redirectUri: CLIENT.redirectUris[0], endpoints: emulator.oauth2ClientEndpoints });
  if (o.account) emulator.setConsent({ decision: 'approve', account: o.account, once: true });
  const { codeVerifier, codeChallenge } = await auth.generateCodeVerifierAsync();
  const consent = await fetch(
    auth.generateAuthUrl({ access_type: 'offline', scope: o.scope ?? [CALENDAR_EVENTS_SCOPE], code_challenge_method: CodeChallengeMethod.S256, code_challenge: codeChallenge }),
    { redirect: 'manual' },
  );
  const code = new URL(consent.headers.get('location')!).searchParams.get('code');
  if (!code) throw new Error(`consent failed: ${consent.headers.get('location')}`);
  const { tokens } = await auth.getToken({ code, codeVerifier });
  auth.setCredentials(tokens);
  return googleCalendar({ version: 'v3', auth, rootUrl: `${emulator.url}/`, retry: o.retry ?? false });
}

/** What a rejected googleapis call carried: the HTTP answer if any, else the network error code. */
async function rejection(p: Promise<unknown>): Promise<{ status?: number; data?: GoogleApiErrorBody; code?: string; headers?: Headers }> {
  let answer: unknown;
  try {
    answer = await p;
  } catch (err) {
    const e = err as { code?: string; response?: { status: number; data: GoogleApiErrorBody; headers: Headers } };
    return { status: e.response?.status, data: e.response?.data, code: e.code, headers: e.response?.headers };
  }
  throw new Error(`expected the call to fail, got ${JSON.stringify((answer as { data?: unknown }).data)}`);
}

/** The legacy `errors[0]` of a Google error body. */
const reasonOf = (data: GoogleApiErrorBody | undefined): string | undefined => data?.error?.errors?.[0]?.reason;

const calendarRequests = (): string[] => emulator.requests.filter((r) => r.path.startsWith('/calendar/')).map((r) => `${r.method} ${r.path} ${r.status}`);

function lastCalendarRequest(): RecordedRequest {
  const r = emulator.requests.filter((x) => x.path.startsWith('/calendar/')).at(-1);
  if (!r) throw new Error('no Calendar request recorded');
  return r;
}

const timed = (start: string, end: string, extra: calendar_v3.Schema$Event = {}): calendar_v3.Schema$Event => ({ start: { dateTime: start }, end: { dateTime: end }, ...extra });

async function time<T>(p: Promise<T>): Promise<number> {
  const t0 = performance.now();
  await p;
  return performance.now() - t0;
}

describe('events with the real googleapis client', () => {
  it('insert with a client id → get → patch → update → delete → list', async () => {
    const cal = await connect();
    const id = 'erptask00001';
    const inserted = await cal.events.insert({
      calendarId: 'primary',
      sendUpdates: 'none',
      conferenceDataVersion: 0,
      requestBody: {
        id,
        summary: 'Inspect pump',
        description: 'Task #1',
        location: 'Plant 2',
        start: { dateTime: '2025-03-10T09:00:00+01:00' },
        end: { dateTime: '2025-03-10T10:30:00+01:00' },
        extendedProperties: { private: { erpTaskId: '1', tenant: 'acme' } },
      },
    });
    expect(inserted.status).toBe(200);
    expect(inserted.data).toEqual({
      kind: 'calendar#event',
      etag: expect.stringMatching(/^"\d{16}"$/),
      id,
      status: 'confirmed',
      htmlLink: expect.stringMatching(/^https:\/\/www\.google\.com\/calendar\/event\?eid=[\w-]+$/),
      created: expect.stringMatching(RFC3339_MS),
      updated: expect.stringMatching(RFC3339_MS),
      summary: 'Inspect pump',
      description: 'Task #1',
      location: 'Plant 2',
      creator: { email: ADMIN, self: true },
      organizer: { email: ADMIN, self: true },
      // Rendered in the calendar's zone (UTC by default), as Google does.
      start: { dateTime: '2025-03-10T08:00:00Z' },
      end: { dateTime: '2025-03-10T09:30:00Z' },
      iCalUID: `${id}@google.com`,
      sequence: 0,
      extendedProperties: { private: { erpTaskId: '1', tenant: 'acme' } },
      reminders: { useDefault: true },
      eventType: 'default',
    });
    const insert = lastCalendarRequest();
    expect(insert).toMatchObject({ method: 'POST', path: '/calendar/v3/calendars/primary/events', query: { sendUpdates: 'none', conferenceDataVersion: '0' } });
    expect(insert.headers.authorization).toMatch(/^Bearer ya29\./);

    const got = await cal.events.get({ calendarId: 'primary', eventId: id });
    expect(got.data).toEqual(inserted.data);
    expect((got.headers as unknown as Headers).get('etag')).toBe(inserted.data.etag);

    // Patch: the fields sent replace, the private properties merge key by key.
    const patched = await cal.events.patch({
      calendarId: 'primary',
      eventId: id,
      requestBody: { summary: 'Inspect pump (urgent)', extendedProperties: { private: { state: 'open' } } },
    });
    expect(patched.data).toMatchObject({
      summary: 'Inspect pump (urgent)',
      description: 'Task #1',
      start: { dateTime: '2025-03-10T08:00:00Z' },
      extendedProperties: { private: { erpTaskId: '1', tenant: 'acme', state: 'open' } },
      sequence: 1,
      created: inserted.data.created,
    });
    expect(patched.data.etag).not.toBe(inserted.data.etag);
    // A null removes (googleapis sends it as JSON null).
    const removed = await cal.events.patch({ calendarId: 'primary', eventId: id, requestBody: { extendedProperties: { private: { state: null as unknown as string } } } });
    expect(removed.data.extendedProperties).toEqual({ private: { erpTaskId: '1', tenant: 'acme' } });

    // Update: a full replacement; what is not sent is gone.
    const updated = await cal.events.update({
      calendarId: 'primary',
      eventId: id,
      requestBody: timed('2025-03-11T09:00:00Z', '2025-03-11T10:00:00Z', { summary: 'Inspect pump', extendedProperties: { private: { erpTaskId: '1' } } }),
    });
    expect(updated.data).toMatchObject({ summary: 'Inspect pump', start: { dateTime: '2025-03-11T09:00:00Z' }, sequence: 3, extendedProperties: { private: { erpTaskId: '1' } } });
    expect(updated.data).not.toHaveProperty('description');
    expect(updated.data).not.toHaveProperty('location');

    const del = await cal.events.delete({ calendarId: 'primary', eventId: id });
    expect(del.status).toBe(204);
    expect(del.data).toBe('');
    // Deleted events stay readable, cancelled.
    expect((await cal.events.get({ calendarId: 'primary', eventId: id })).data).toMatchObject({ id, status: 'cancelled' });

    const list = await cal.events.list({ calendarId: 'primary' });
    expect(list.data).toMatchObject({ kind: 'calendar#events', summary: ADMIN, timeZone: 'UTC', items: [], nextSyncToken: expect.any(String) });
    expect(list.data.updated).toMatch(RFC3339_MS);
    expect(list.data.etag).toMatch(/^".+"$/);
    expect((await cal.events.list({ calendarId: 'primary', showDeleted: true })).data.items).toMatchObject([{ id, status: 'cancelled' }]);

    expect(calendarRequests()).toEqual([
      'POST /calendar/v3/calendars/primary/events 200',
      `GET /calendar/v3/calendars/primary/events/${id} 200`,
      `PATCH /calendar/v3/calendars/primary/events/${id} 200`,
      `PATCH /calendar/v3/calendars/primary/events/${id} 200`,
      `PUT /calendar/v3/calendars/primary/events/${id} 200`,
      `DELETE /calendar/v3/calendars/primary/events/${id} 204`,
      `GET /calendar/v3/calendars/primary/events/${id} 200`,
      'GET /calendar/v3/calendars/primary/events 200',
      'GET /calendar/v3/calendars/primary/events 200',
    ]);
    expect(emulator.calendar.writeCount).toBe(5);
    expect(emulator.calendar.writesByMethod).toEqual({ insert: 1, patch: 2, update: 1, delete: 1 });
    expect(emulator.calendar.callsByMethod).toEqual({ insert: 1, get: 2, list: 2, patch: 2, update: 1, delete: 1 });
    expect(emulator.calendar.event('primary', id)).toMatchObject({ status: 'cancelled', sequence: 3 });
    expect(emulator.calendar.events('primary')).toEqual([]);
    expect(emulator.calendar.events('primary', { includeCancelled: true })).toHaveLength(1);
  });

  it('generates base32hex ids, URL-encodes calendar ids, and keeps each account’s primary calendar apart', async () => {
    const admin = await connect();
    const created = await admin.events.insert({ calendarId: TEAM, requestBody: timed('2025-01-01T10:00:00Z', '2025-01-01T11:00:00Z') });
    expect(created.data.id).toMatch(/^[a-v0-9]{26}$/);
    // A secondary calendar organizes its own events.
    expect(created.data.organizer).toEqual({ email: TEAM, self: true });
    expect(created.data.creator).toEqual({ email: ADMIN, self: true });
    expect(lastCalendarRequest().path).toBe('/calendar/v3/calendars/team%40group.calendar.google.com/events');
    expect(emulator.calendar.events(TEAM).map((e) => e.id)).toEqual([created.data.id]);

    // `primary` is the caller's own calendar: the same client id in two accounts' calendars does not collide.
    const jane = await connect({ account: { sub: '2000', email: 'jane@acme.test' } });
    await admin.events.insert({ calendarId: 'primary', requestBody: timed('2025-01-01T10:00:00Z', '2025-01-01T11:00:00Z', { id: 'task00042' }) });
    const janes = await jane.events.insert({ calendarId: 'primary', requestBody: timed('2025-01-01T10:00:00Z', '2025-01-01T11:00:00Z', { id: 'task00042' }) });
    expect(janes.data.organizer).toEqual({ email: 'jane@acme.test', self: true });
    expect(emulator.calendar.events('primary').map((e) => e.organizer.email)).toEqual([ADMIN]);
    expect(emulator.calendar.events('jane@acme.test').map((e) => e.id)).toEqual(['task00042']);
    // Addressing the calendar by the account's email is the same calendar.
    expect((await jane.events.get({ calendarId: 'jane@acme.test', eventId: 'task00042' })).data.etag).toBe(janes.data.etag);
  });

  it('renders times in the calendar’s zone (or the timeZone parameter) and reads local times in the event’s zone', async () => {
    emulator.calendar.setCalendar(TEAM, { timeZone: 'Europe/Berlin', summary: 'Team' });
    const cal = await connect();
    const winter = await cal.events.insert({ calendarId: TEAM, requestBody: timed('2025-01-15T09:00:00Z', '2025-01-15T10:00:00Z') });
    expect(winter.data.start).toEqual({ dateTime: '2025-01-15T10:00:00+01:00' });
    expect(winter.data.organizer).toEqual({ email: TEAM, displayName: 'Team', self: true });
    const summer = await cal.events.insert({
      calendarId: TEAM,
      requestBody: { start: { dateTime: '2025-07-01T09:00:00', timeZone: 'America/New_York' }, end: { dateTime: '2025-07-01T10:00:00', timeZone: 'America/New_York' } },
    });
    expect(summer.data.start).toEqual({ dateTime: '2025-07-01T15:00:00+02:00', timeZone: 'America/New_York' });
    const allDay = await cal.events.insert({ calendarId: TEAM, requestBody: { start: { date: '2025-02-03' }, end: { date: '2025-02-04' } } });
    expect(allDay.data).toMatchObject({ start: { date: '2025-02-03' }, end: { date: '2025-02-04' } });

    const list = await cal.events.list({ calendarId: TEAM, timeZone: 'America/New_York' });
    expect(list.data).toMatchObject({ summary: 'Team', timeZone: 'Europe/Berlin' });
    expect(list.data.items!.map((e) => e.start)).toEqual([{ dateTime: '2025-01-15T04:00:00-05:00' }, { dateTime: '2025-07-01T09:00:00-04:00', timeZone: 'America/New_York' }, { date: '2025-02-03' }]);
    // An all-day event spans the day in the calendar's zone: 2025-02-03T00:00+01:00 is 2025-02-02T23:00Z.
    const window = await cal.events.list({ calendarId: TEAM, timeMin: '2025-02-02T22:00:00Z', timeMax: '2025-02-02T23:30:00Z' });
    expect(window.data.items!.map((e) => e.id)).toEqual([allDay.data.id]);
  });
});

describe('what the Calendar API validates', () => {
  it('409 for an id in use, also by a deleted event; a patch to confirmed restores it; 410 and 404', async () => {
    const cal = await connect();
    const body = timed('2025-05-01T10:00:00Z', '2025-05-01T11:00:00Z', { id: 'erptask00007', summary: 'Seven' });
    await cal.events.insert({ calendarId: 'primary', requestBody: body });
    const dup = await rejection(cal.events.insert({ calendarId: 'primary', requestBody: body }));
    expect(dup.status).toBe(409);
    expect(dup.data).toEqual({
      error: {
        code: 409,
        message: 'The requested identifier already exists.',
        status: 'ALREADY_EXISTS',
        errors: [{ domain: 'global', reason: 'duplicate', message: 'The requested identifier already exists.' }],
      },
    });
    // Another calendar is another id space.
    expect((await cal.events.insert({ calendarId: TEAM, requestBody: body })).status).toBe(200);

    await cal.events.delete({ calendarId: 'primary', eventId: 'erptask00007' });
    expect((await rejection(cal.events.insert({ calendarId: 'primary', requestBody: body }))).status).toBe(409);
    const again = await rejection(cal.events.delete({ calendarId: 'primary', eventId: 'erptask00007' }));
    expect(again.status).toBe(410);
    expect(again.data!.error).toMatchObject({ code: 410, message: 'Resource has been deleted', errors: [{ domain: 'global', reason: 'deleted', message: 'Resource has been deleted' }] });

    const restored = await cal.events.patch({ calendarId: 'primary', eventId: 'erptask00007', requestBody: { status: 'confirmed', summary: 'Seven again' } });
    expect(restored.data).toMatchObject({ id: 'erptask00007', status: 'confirmed', summary: 'Seven again' });
    expect(emulator.calendar.events('primary').map((e) => e.id)).toEqual(['erptask00007']);

    for (const call of [
      () => cal.events.get({ calendarId: 'primary', eventId: 'unknown00001' }),
      () => cal.events.patch({ calendarId: 'primary', eventId: 'unknown00001', requestBody: { summary: 'x' } }),
      () => cal.events.update({ calendarId: 'primary', eventId: 'unknown00001', requestBody: body }),
      () => cal.events.delete({ calendarId: 'primary', eventId: 'unknown00001' }),
    ]) {
      const r = await rejection(call());
      expect(r.status).toBe(404);
      expect(r.data!.error).toMatchObject({ code: 404, message: 'Not Found', status: 'NOT_FOUND', errors: [{ domain: 'global', reason: 'notFound', message: 'Not Found' }] });
    }
  });

  it('400 for a bad id, an empty time range, mixed date/dateTime, missing times or zones', async () => {
    const cal = await connect();
    const ok = timed('2025-05-01T10:00:00Z', '2025-05-01T11:00:00Z');
    for (const id of ['ABCDE12345', 'abcd', 'wxyz12345', 'task_00001', 'task-00001', 'x'.repeat(1025)]) {
      const r = await rejection(cal.events.insert({ calendarId: 'primary', requestBody: { ...ok, id } }));
      expect(r.status, id).toBe(400);
      expect(r.data!.error.errors).toEqual([{ domain: 'global', reason: 'invalid', message: 'Invalid resource id value.' }]);
    }
    expect((await cal.events.insert({ calendarId: 'primary', requestBody: { ...ok, id: 'v'.repeat(1024) } })).status).toBe(200);

    const cases: [calendar_v3.Schema$Event, string, string][] = [
      [timed('2025-05-01T11:00:00Z', '2025-05-01T10:00:00Z'), 'timeRangeEmpty', 'The specified time range is empty.'],
      [timed('2025-05-01T12:00:00+01:00', '2025-05-01T10:30:00Z'), 'timeRangeEmpty', 'The specified time range is empty.'],
      [{ start: { date: '2025-05-02' }, end: { date: '2025-05-02' } }, 'timeRangeEmpty', 'The specified time range is empty.'],
      [{ start: { date: '2025-05-02' }, end: { date: '2025-05-01' } }, 'timeRangeEmpty', 'The specified time range is empty.'],
      [{ start: { date: '2025-05-01' }, end: { dateTime: '2025-05-02T00:00:00Z' } }, 'invalid', 'Start and end times must either both be date or both be dateTime.'],
      [{ start: { dateTime: '2025-05-01T10:00:00Z' } }, 'required', 'Missing end time.'],
      [{ end: { dateTime: '2025-05-01T10:00:00Z' } }, 'required', 'Missing start time.'],
      [{ start: {}, end: { dateTime: '2025-05-01T10:00:00Z' } }, 'required', 'Missing start time.'],
      [timed('2025-05-01T10:00:00', '2025-05-01T11:00:00Z'), 'required', 'Missing time zone definition for start time.'],
      [timed('2025-05-01 10:00', '2025-05-01T11:00:00Z'), 'invalid', 'Invalid start time.'],
      [{ start: { date: '2025-02-30' }, end: { date: '2025-03-01' } }, 'invalid', 'Invalid start time.'],
      [{ start: { dateTime: '2025-05-01T10:00:00', timeZone: 'Mars/Olympus' }, end: { dateTime: '2025-05-01T11:00:00Z' } }, 'invalid', 'Invalid time zone definition for start time.'],
    ];
    for (const [event, reason, message] of cases) {
      const r = await rejection(cal.events.insert({ calendarId: 'primary', requestBody: event }));
      expect(r.status, JSON.stringify(event)).toBe(400);
      expect(r.data!.error, JSON.stringify(event)).toMatchObject({ code: 400, message, status: 'INVALID_ARGUMENT', errors: [{ reason, message }] });
    }
    const empty = await rejection(cal.events.insert({ calendarId: 'primary', requestBody: timed('2025-05-01T11:00:00Z', '2025-05-01T10:00:00Z') }));
    expect(empty.data!.error.errors).toEqual([{ domain: 'calendar', reason: 'timeRangeEmpty', message: 'The specified time range is empty.' }]);

    // A zero-length timed event is allowed (Google accepts start = end for dateTime).
    expect((await cal.events.insert({ calendarId: 'primary', requestBody: timed('2025-05-01T10:00:00Z', '2025-05-01T10:00:00Z') })).status).toBe(200);

    // The same checks apply to update, and to the event a patch produces.
    const ev = await cal.events.insert({ calendarId: 'primary', requestBody: { start: { date: '2025-05-01' }, end: { date: '2025-05-02' } } });
    const toTimed = await rejection(
      cal.events.patch({ calendarId: 'primary', eventId: ev.data.id!, requestBody: { start: { dateTime: '2025-05-01T10:00:00Z' }, end: { dateTime: '2025-05-01T11:00:00Z' } } }),
    );
    expect(toTimed.status).toBe(400); // the stored `date` is still there: both date and dateTime
    const nulled = await cal.events.patch({
      calendarId: 'primary',
      eventId: ev.data.id!,
      requestBody: { start: { date: null, dateTime: '2025-05-01T10:00:00Z' }, end: { date: null, dateTime: '2025-05-01T11:00:00Z' } },
    });
    expect(nulled.data.start).toEqual({ dateTime: '2025-05-01T10:00:00Z' });
    const badUpdate = await rejection(cal.events.update({ calendarId: 'primary', eventId: ev.data.id!, requestBody: { summary: 'no times' } }));
    expect(badUpdate.data!.error.message).toBe('Missing end time.');
    const lowSequence = await rejection(cal.events.patch({ calendarId: 'primary', eventId: ev.data.id!, requestBody: { sequence: 0 } }));
    expect(lowSequence.data!.error.message).toMatch(/^Invalid sequence value/);
    const badQuery = await rejection(cal.events.insert({ calendarId: 'primary', sendUpdates: 'everybody', requestBody: ok }));
    expect(reasonOf(badQuery.data)).toBe('invalidParameter');
    expect(emulator.calendar.writesByMethod).toEqual({ insert: 3, patch: 1, update: 0, delete: 0 });
  });

  it('If-Match: 412 conditionNotMet for a stale etag (patch, update, delete); If-None-Match: 304', async () => {
    const cal = await connect();
    const ev = (await cal.events.insert({ calendarId: 'primary', requestBody: timed('2025-05-01T10:00:00Z', '2025-05-01T11:00:00Z', { id: 'etagtask1' }) })).data;
    const fresh = await cal.events.patch({ calendarId: 'primary', eventId: ev.id!, requestBody: { summary: 'one' } }, { headers: { 'If-Match': ev.etag! } });
    expect(fresh.status).toBe(200);

    const stale = await rejection(cal.events.patch({ calendarId: 'primary', eventId: ev.id!, requestBody: { summary: 'two' } }, { headers: { 'If-Match': ev.etag! } }));
    expect(stale.status).toBe(412);
    expect(stale.data).toEqual({
      error: {
        code: 412,
        message: 'Precondition Failed',
        status: 'FAILED_PRECONDITION',
        errors: [{ domain: 'global', reason: 'conditionNotMet', message: 'Precondition Failed', locationType: 'header', location: 'If-Match' }],
      },
    });
    // A user's edit in Google Calendar makes the gateway's etag stale too.
    emulator.calendar.userEdit('primary', ev.id!, { summary: 'edited by the user' });
    const afterUser = await rejection(
      cal.events.update({ calendarId: 'primary', eventId: ev.id!, requestBody: timed('2025-05-01T10:00:00Z', '2025-05-01T11:00:00Z') }, { headers: { 'If-Match': fresh.data.etag! } }),
    );
    expect(afterUser.status).toBe(412);
    expect((await rejection(cal.events.delete({ calendarId: 'primary', eventId: ev.id! }, { headers: { 'If-Match': ev.etag! } }))).status).toBe(412);
    expect(emulator.calendar.event('primary', ev.id!)).toMatchObject({ summary: 'edited by the user', status: 'confirmed', sequence: 2 });

    const current = emulator.calendar.event('primary', ev.id!)!.etag;
    const notModified = await cal.events.get({ calendarId: 'primary', eventId: ev.id! }, { headers: { 'If-None-Match': current } });
    expect(notModified.status).toBe(304);
    expect((await cal.events.delete({ calendarId: 'primary', eventId: ev.id! }, { headers: { 'If-Match': current } })).status).toBe(204);
  });
});

describe('list', () => {
  async function seed(cal: calendar_v3.Calendar) {
    const insert = (id: string, start: string, end: string, props: Record<string, string>) =>
      cal.events.insert({ calendarId: 'primary', requestBody: timed(start, end, { id, extendedProperties: { private: props } }) });
    await insert('acmetask1', '2025-06-01T08:00:00Z', '2025-06-01T09:00:00Z', { tenant: 'acme', kind: 'task', ref: 'a=b' });
    await insert('acmetask2', '2025-06-02T08:00:00Z', '2025-06-02T09:00:00Z', { tenant: 'acme', kind: 'task' });
    await insert('acmenote1', '2025-06-03T08:00:00Z', '2025-06-03T09:00:00Z', { tenant: 'acme', kind: 'note' });
    await insert('othertask1', '2025-06-04T08:00:00Z', '2025-06-04T09:00:00Z', { tenant: 'other', kind: 'task' });
    await cal.events.delete({ calendarId: 'primary', eventId: 'acmetask2' });
  }
  const ids = (r: { data: calendar_v3.Schema$Events }) => r.data.items!.map((e) => e.id);

  it('filters by privateExtendedProperty (repeatable: all must hold), showDeleted, timeMin/timeMax, q', async () => {
    const cal = await connect();
    await seed(cal);
    expect(ids(await cal.events.list({ calendarId: 'primary', privateExtendedProperty: ['tenant=acme'] }))).toEqual(['acmetask1', 'acmenote1']);
    expect(ids(await cal.events.list({ calendarId: 'primary', privateExtendedProperty: ['tenant=acme', 'kind=task'] }))).toEqual(['acmetask1']);
    expect(ids(await cal.events.list({ calendarId: 'primary', privateExtendedProperty: ['tenant=acme', 'kind=task'], showDeleted: true }))).toEqual(['acmetask1', 'acmetask2']);
    expect(ids(await cal.events.list({ calendarId: 'primary', privateExtendedProperty: ['ref=a=b'] }))).toEqual(['acmetask1']);
    expect(ids(await cal.events.list({ calendarId: 'primary', privateExtendedProperty: ['tenant=nobody'] }))).toEqual([]);
    expect(ids(await cal.events.list({ calendarId: 'primary', sharedExtendedProperty: ['tenant=acme'] }))).toEqual([]);
    expect(ids(await cal.events.list({ calendarId: 'primary', timeMin: '2025-06-01T08:30:00Z', timeMax: '2025-06-03T08:00:00Z' }))).toEqual(['acmetask1']);
    expect(ids(await cal.events.list({ calendarId: 'primary', timeMin: '2025-06-01T08:30:00Z', timeMax: '2025-06-03T08:00:01Z', singleEvents: true, orderBy: 'startTime' }))).toEqual([
      'acmetask1',
      'acmenote1',
    ]);
    const emptyRange = await rejection(cal.events.list({ calendarId: 'primary', timeMin: '2025-06-02T00:00:00Z', timeMax: '2025-06-01T00:00:00Z' }));
    expect(emptyRange.data!.error.errors).toEqual([{ domain: 'calendar', reason: 'timeRangeEmpty', message: 'The specified time range is empty.', locationType: 'parameter', location: 'timeMax' }]);
    expect((await rejection(cal.events.list({ calendarId: 'primary', timeMin: '2025-06-02' }))).status).toBe(400);
    expect((await rejection(cal.events.list({ calendarId: 'primary', orderBy: 'startTime' }))).status).toBe(400); // needs singleEvents
    expect((await rejection(cal.events.list({ calendarId: 'primary', privateExtendedProperty: ['tenant'] }))).status).toBe(400);
  });

  it('pages with maxResults / pageToken, then hands out a nextSyncToken that misses nothing written meanwhile', async () => {
    const cal = await connect();
    for (let i = 1; i <= 7; i++) await cal.events.insert({ calendarId: 'primary', requestBody: timed('2025-06-01T08:00:00Z', '2025-06-01T09:00:00Z', { id: `page0000${i}` }) });
    const first = await cal.events.list({ calendarId: 'primary', maxResults: 3 });
    expect(ids(first)).toEqual(['page00001', 'page00002', 'page00003']);
    expect(first.data.nextPageToken).toEqual(expect.any(String));
    expect(first.data).not.toHaveProperty('nextSyncToken');
    // Written between two pages: still listed (later pages), and in the next incremental sync.
    await cal.events.insert({ calendarId: 'primary', requestBody: timed('2025-06-01T08:00:00Z', '2025-06-01T09:00:00Z', { id: 'page00008' }) });
    const second = await cal.events.list({ calendarId: 'primary', maxResults: 3, pageToken: first.data.nextPageToken! });
    expect(ids(second)).toEqual(['page00004', 'page00005', 'page00006']);
    const third = await cal.events.list({ calendarId: 'primary', maxResults: 3, pageToken: second.data.nextPageToken! });
    expect(ids(third)).toEqual(['page00007', 'page00008']);
    expect(third.data).not.toHaveProperty('nextPageToken');
    const changes = await cal.events.list({ calendarId: 'primary', syncToken: third.data.nextSyncToken! });
    expect(ids(changes)).toEqual(['page00008']);

    // A page token belongs to its query.
    const otherQuery = await rejection(cal.events.list({ calendarId: 'primary', maxResults: 3, showDeleted: true, pageToken: first.data.nextPageToken! }));
    expect(otherQuery.status).toBe(400);
    expect(reasonOf((await rejection(cal.events.list({ calendarId: 'primary', maxResults: 0 }))).data)).toBe('invalidParameter');
    expect(ids(await cal.events.list({ calendarId: 'primary', maxResults: 100_000 }))).toHaveLength(8); // capped at 2500
  });

  it('syncToken: returns what changed since (deletions and other people’s edits included) and refuses the filters Google refuses', async () => {
    const cal = await connect();
    await seed(cal);
    emulator.calendar.userInsert('primary', timed('2025-06-05T08:00:00Z', '2025-06-05T09:00:00Z', { id: 'userevent1', summary: 'Dentist' }));
    const full = await cal.events.list({ calendarId: 'primary', privateExtendedProperty: ['tenant=acme'] });
    expect(ids(full)).toEqual(['acmetask1', 'acmenote1']);
    const token = full.data.nextSyncToken!;
    expect(token).toEqual(expect.any(String));
    const nothing = await cal.events.list({ calendarId: 'primary', syncToken: token });
    expect(nothing.data.items).toEqual([]);
    expect(nothing.data.nextSyncToken).toEqual(expect.any(String));

    await cal.events.patch({ calendarId: 'primary', eventId: 'acmenote1', requestBody: { summary: 'changed' } });
    await cal.events.delete({ calendarId: 'primary', eventId: 'acmetask1' });
    emulator.calendar.userEdit('primary', 'userevent1', { location: 'Downtown' });
    emulator.calendar.userDelete('primary', 'othertask1');
    const changes = await cal.events.list({ calendarId: 'primary', syncToken: token });
    // In change order; no filter applies to an incremental sync (the property filter is not allowed with it).
    expect(changes.data.items!.map((e) => [e.id, e.status])).toEqual([
      ['acmenote1', 'confirmed'],
      ['acmetask1', 'cancelled'],
      ['userevent1', 'confirmed'],
      ['othertask1', 'cancelled'],
    ]);
    const next = await cal.events.list({ calendarId: 'primary', syncToken: changes.data.nextSyncToken! });
    expect(next.data.items).toEqual([]);

    for (const params of [
      { privateExtendedProperty: ['tenant=acme'] },
      { timeMin: '2025-06-01T00:00:00Z' },
      { timeMax: '2025-06-01T00:00:00Z' },
      { updatedMin: '2025-06-01T00:00:00Z' },
      { q: 'pump' },
      { orderBy: 'updated' },
      { showDeleted: false },
    ]) {
      const r = await rejection(cal.events.list({ calendarId: 'primary', syncToken: token, ...params }));
      expect(r.status, JSON.stringify(params)).toBe(400);
      expect(r.data!.error.errors[0], JSON.stringify(params)).toMatchObject({ domain: 'global', reason: 'invalid', locationType: 'parameter', location: Object.keys(params)[0] });
    }
    expect((await cal.events.list({ calendarId: 'primary', syncToken: token, showDeleted: true, maxResults: 2 })).data.items).toHaveLength(2);
    expect((await rejection(cal.events.list({ calendarId: 'primary', syncToken: 'not-a-token' }))).status).toBe(400);
    expect((await rejection(cal.events.list({ calendarId: TEAM, syncToken: token }))).status).toBe(400); // another calendar's token

    emulator.calendar.invalidateSyncTokens('primary');
    const gone = await rejection(cal.events.list({ calendarId: 'primary', syncToken: token }));
    expect(gone.status).toBe(410);
    expect(gone.data!.error.errors).toEqual([
      { domain: 'calendar', reason: 'fullSyncRequired', message: 'Sync token is no longer valid, a full sync is required.', locationType: 'parameter', location: 'syncToken' },
    ]);
  });
});

describe('access, quota and faults', () => {
  it('403 on writes to a calendar the account may only read; 404 for a missing calendar; scope checks', async () => {
    const cal = await connect();
    await cal.events.insert({ calendarId: TEAM, requestBody: timed('2025-05-01T10:00:00Z', '2025-05-01T11:00:00Z', { id: 'sharedtask1' }) });
    emulator.calendar.denyWrite(TEAM);
    for (const call of [
      () => cal.events.insert({ calendarId: TEAM, requestBody: timed('2025-05-01T10:00:00Z', '2025-05-01T11:00:00Z') }),
      () => cal.events.patch({ calendarId: TEAM, eventId: 'sharedtask1', requestBody: { summary: 'x' } }),
      () => cal.events.update({ calendarId: TEAM, eventId: 'sharedtask1', requestBody: timed('2025-05-01T10:00:00Z', '2025-05-01T11:00:00Z') }),
      () => cal.events.delete({ calendarId: TEAM, eventId: 'sharedtask1' }),
    ]) {
      const r = await rejection(call());
      expect(r.status).toBe(403);
      expect(r.data!.error).toEqual({ code: 403, message: 'Forbidden', status: 'PERMISSION_DENIED', errors: [{ domain: 'global', reason: 'forbidden', message: 'Forbidden' }] });
    }
    const readable = await cal.events.list({ calendarId: TEAM });
    expect(readable.data).toMatchObject({ accessRole: 'reader', items: [{ id: 'sharedtask1' }] });
    emulator.calendar.denyWrite(TEAM, 'requiredAccessLevel');
    const level = await rejection(cal.events.insert({ calendarId: TEAM, requestBody: timed('2025-05-01T10:00:00Z', '2025-05-01T11:00:00Z') }));
    expect(level.data!.error).toMatchObject({
      code: 403,
      message: 'You need to have writer access to this calendar.',
      errors: [{ domain: 'calendar', reason: 'requiredAccessLevel', message: 'You need to have writer access to this calendar.' }],
    });
    emulator.calendar.allowWrite(TEAM);
    expect((await cal.events.patch({ calendarId: TEAM, eventId: 'sharedtask1', requestBody: { summary: 'ok' } })).status).toBe(200);

    emulator.calendar.markMissing(TEAM);
    for (const call of [
      () => cal.events.list({ calendarId: TEAM }),
      () => cal.events.get({ calendarId: TEAM, eventId: 'sharedtask1' }),
      () => cal.events.insert({ calendarId: TEAM, requestBody: timed('2025-05-01T10:00:00Z', '2025-05-01T11:00:00Z') }),
      () => cal.events.delete({ calendarId: TEAM, eventId: 'sharedtask1' }),
    ]) {
      const r = await rejection(call());
      expect(r.status).toBe(404);
      expect(reasonOf(r.data)).toBe('notFound');
    }
    emulator.calendar.markPresent(TEAM);
    expect((await cal.events.get({ calendarId: TEAM, eventId: 'sharedtask1' })).data.summary).toBe('ok');

    // Scopes: calendar.events or calendar for writes; the read-only ones for reads only.
    const readOnly = await connect({ scope: [`${CALENDAR_SCOPE}.readonly`] });
    expect((await readOnly.events.list({ calendarId: 'primary' })).status).toBe(200);
    const denied = await rejection(readOnly.events.insert({ calendarId: 'primary', requestBody: timed('2025-05-01T10:00:00Z', '2025-05-01T11:00:00Z') }));
    expect(denied.status).toBe(403);
    expect(reasonOf(denied.data)).toBe('insufficientPermissions');
    const full = await connect({ scope: [CALENDAR_SCOPE] });
    expect((await full.events.insert({ calendarId: 'primary', requestBody: timed('2025-05-01T10:00:00Z', '2025-05-01T11:00:00Z') })).status).toBe(200);
    const none = await connect({ scope: ['openid', 'email'] });
    expect((await rejection(none.events.list({ calendarId: 'primary' }))).status).toBe(403);
  });

  it('per-user quota over a rolling minute of the emulator clock: 403 rateLimitExceeded or 429 RESOURCE_EXHAUSTED', async () => {
    const cal = await connect();
    emulator.calendar.setQuota({ perMinute: 3 });
    for (let i = 0; i < 3; i++) await cal.events.list({ calendarId: 'primary' });
    const limited = await rejection(cal.events.insert({ calendarId: 'primary', requestBody: timed('2025-05-01T10:00:00Z', '2025-05-01T11:00:00Z', { id: 'quota0001' }) }));
    expect(limited.status).toBe(403);
    expect(limited.data).toEqual({
      error: {
        code: 403,
        message: 'Rate Limit Exceeded',
        status: 'PERMISSION_DENIED',
        errors: [{ domain: 'usageLimits', reason: 'rateLimitExceeded', message: 'Rate Limit Exceeded' }],
      },
    });
    expect(emulator.calendar.event('primary', 'quota0001')).toBeUndefined();
    // Another account has its own budget.
    const jane = await connect({ account: { sub: '2000', email: 'jane@acme.test' } });
    expect((await jane.events.list({ calendarId: 'primary' })).status).toBe(200);
    expect((await rejection(cal.events.list({ calendarId: 'primary' }))).status).toBe(403);
    expect(emulator.calendar.quotaRejections).toBe(2);
    emulator.advanceTime(61);
    expect((await cal.events.list({ calendarId: 'primary' })).status).toBe(200);

    emulator.calendar.setQuota({ perMinute: 1, style: '429', retryAfterSeconds: 7 });
    await cal.events.list({ calendarId: 'primary' });
    const tooMany = await rejection(cal.events.insert({ calendarId: 'primary', requestBody: timed('2025-05-01T10:00:00Z', '2025-05-01T11:00:00Z') }));
    expect(tooMany.status).toBe(429);
    expect(tooMany.headers!.get('retry-after')).toBe('7');
    expect(tooMany.data!.error).toMatchObject({ code: 429, status: 'RESOURCE_EXHAUSTED', errors: [{ domain: 'usageLimits', reason: 'rateLimitExceeded', message: 'Rate Limit Exceeded' }] });
    expect(emulator.calendar.quotaRejections).toBe(3);
    emulator.calendar.setQuota(null);
    expect((await cal.events.list({ calendarId: 'primary' })).status).toBe(200);
  });

  it('lostResponse applies the write and cuts the connection: the client sees ECONNRESET, its retry gets 409', async () => {
    const cal = await connect();
    emulator.calendar.injectFaults({ rate: 1, kinds: ['lostResponse'], methods: ['insert'], maxFaults: 1 });
    const body = timed('2025-05-01T10:00:00Z', '2025-05-01T11:00:00Z', { id: 'lostresp01', summary: 'Lost' });
    const lost = await rejection(cal.events.insert({ calendarId: 'primary', requestBody: body }));
    expect(lost.status).toBeUndefined();
    expect(lost.code).toBe('ECONNRESET');
    expect(emulator.calendar.event('primary', 'lostresp01')).toMatchObject({ summary: 'Lost', status: 'confirmed' });
    expect(emulator.calendar.writeCount).toBe(1);
    expect(emulator.calendar.faultsInjected).toEqual({ '5xx': 0, reset: 0, lostResponse: 1, latency: 0 });
    expect(calendarRequests()).toEqual(['POST /calendar/v3/calendars/primary/events 0']);

    const retry = await rejection(cal.events.insert({ calendarId: 'primary', requestBody: body }));
    expect(retry.status).toBe(409);
    expect(reasonOf(retry.data)).toBe('duplicate');
    expect(emulator.calendar.writeCount).toBe(1);
  });

  it('reset cuts the connection before anything happens (nothing written); gaxios retries a GET on it by itself', async () => {
    const cal = await connect();
    emulator.calendar.injectFaults({ rate: 1, kinds: ['reset'], methods: ['POST'] });
    const body = timed('2025-05-01T10:00:00Z', '2025-05-01T11:00:00Z', { id: 'resettask1' });
    const reset = await rejection(cal.events.insert({ calendarId: 'primary', requestBody: body }));
    expect(reset.code).toBe('ECONNRESET');
    expect(emulator.calendar.event('primary', 'resettask1')).toBeUndefined();
    expect(emulator.calendar.writeCount).toBe(0);
    emulator.calendar.clearFaults();
    expect((await cal.events.insert({ calendarId: 'primary', requestBody: body })).status).toBe(200);

    // googleapis turns gaxios' retries on: 2 retries after a connection error, for GET/PUT/DELETE (not POST/PATCH).
    const retrying = await connect({ retry: true });
    emulator.calendar.injectFaults({ rate: 1, kinds: ['reset'], methods: ['get'], maxFaults: 2 });
    const got = await retrying.events.get({ calendarId: 'primary', eventId: 'resettask1' });
    expect(got.status).toBe(200);
    expect(emulator.calendar.callsByMethod.get).toBe(3);
    expect(emulator.calendar.faultsInjected.reset).toBe(3);
  });

  it('5xx answers 503 backendError without writing; a seed replays the same faults', async () => {
    const cal = await connect();
    emulator.calendar.injectFaults({ rate: 1, kinds: ['5xx'], methods: ['insert', 'patch'] });
    const failed = await rejection(cal.events.insert({ calendarId: 'primary', requestBody: timed('2025-05-01T10:00:00Z', '2025-05-01T11:00:00Z', { id: 'fivexx001' }) }));
    expect(failed.status).toBe(503);
    expect(failed.data!.error).toMatchObject({ code: 503, status: 'UNAVAILABLE', errors: [{ domain: 'global', reason: 'backendError', message: 'Backend Error' }] });
    expect(emulator.calendar.event('primary', 'fivexx001')).toBeUndefined();
    expect((await cal.events.list({ calendarId: 'primary' })).status).toBe(200); // reads are not in `methods`

    const pattern = async (seed: number) => {
      emulator.calendar.injectFaults({ rate: 0.5, kinds: ['5xx', 'reset'], seed });
      const out: string[] = [];
      for (let i = 0; i < 16; i++) {
        const r = await cal.events.list({ calendarId: 'primary' }).then(
          (x) => String(x.status),
          (e: { response?: { status: number }; code?: string }) => String(e.response?.status ?? e.code),
        );
        out.push(r);
      }
      return out;
    };
    const a = await pattern(42);
    const b = await pattern(42);
    expect(a).toEqual(b);
    expect(new Set(a)).toEqual(new Set(['200', '503', 'ECONNRESET']));
    expect(await pattern(7)).not.toEqual(a);
    emulator.calendar.clearFaults();
  });

  it('latency: a fixed delay for every request, or as an injected fault', async () => {
    const cal = await connect();
    await cal.events.list({ calendarId: 'primary' }); // warm the connection
    emulator.calendar.setLatency(150);
    const slow = await time(cal.events.list({ calendarId: 'primary' }));
    expect(slow).toBeGreaterThanOrEqual(145);
    emulator.calendar.setLatency(0);
    expect(await time(cal.events.list({ calendarId: 'primary' }))).toBeLessThan(slow);
    emulator.calendar.injectFaults({ rate: 1, kinds: ['latency'], latencyMs: 120, maxFaults: 1 });
    const delayed = await time(cal.events.insert({ calendarId: 'primary', requestBody: timed('2025-05-01T10:00:00Z', '2025-05-01T11:00:00Z', { id: 'slotask01' }) }));
    expect(delayed).toBeGreaterThanOrEqual(115);
    expect(emulator.calendar.event('primary', 'slotask01')).toBeDefined();
    expect(emulator.calendar.faultsInjected.latency).toBe(1);
  });

  it('emulator.reset() forgets the Calendar state too', async () => {
    const cal = await connect();
    await cal.events.insert({ calendarId: 'primary', requestBody: timed('2025-05-01T10:00:00Z', '2025-05-01T11:00:00Z') });
    emulator.calendar.denyWrite('primary');
    emulator.calendar.setQuota({ perMinute: 100 });
    emulator.reset();
    expect(emulator.calendar.events('primary')).toEqual([]);
    expect(emulator.calendar.writeCount).toBe(0);
    const again = await connect();
    expect((await again.events.insert({ calendarId: 'primary', requestBody: timed('2025-05-01T10:00:00Z', '2025-05-01T11:00:00Z') })).status).toBe(200);
  });
});
