import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT } from '../../google-emulator';
import { gql } from '../../helpers/client';
import { dbQuery } from '../../helpers/database';
import { connectGoogle, shareEmployeeCalendars, startGoogleTestBed, type GoogleTestBed } from '../../helpers/google';
import { syncTasks } from '../../helpers/sync';
import { TaskFixtures } from '../../helpers/tasks';

let bed: GoogleTestBed;
let f: TaskFixtures;
let ana: string;
let bob: string;
const ANA = 'ana@acme.test';
const BOB = 'bob@acme.test';

beforeAll(async () => {
  bed = await startGoogleTestBed();
  await connectGoogle(bed);
  // Ana and Bob are users of the customer's domain who shared their calendars with the admin ("Make changes to events").
  shareEmployeeCalendars(bed.google, [ANA, BOB]);
  f = new TaskFixtures(bed.gw, bed.admin);
  ana = await f.employee('Ana', ANA);
  bob = await f.employee('Bob', BOB);
});
afterAll(() => bed?.stop());

const live = (calendarId: string) => bed.google.calendar.events(calendarId);
const writes = () => bed.google.calendar.writeCount;

/** Google's state equals the database: one live event per live task, with its title, nowhere else. */
async function expectGoogleMatchesDatabase(): Promise<void> {
  const tasks = await dbQuery(
    bed.gw.databaseUrl,
    `SELECT t.id, t.title, e.calendar_id FROM task t JOIN employee e ON e.id = t.employee_id WHERE t.tenant = 'acme' AND t.deleted_at IS NULL AND t.status <> 'CANCELLED'`,
  );
  const expected = tasks.rows.map((r) => `${r.calendar_id}|${r.id.replace(/-/g, '')}|${r.title}`).sort();
  const actual = [ANA, BOB].flatMap((c) => live(c).map((e) => `${c}|${e.id}|${e.summary}`)).sort();
  expect(actual).toEqual(expected);
}

describe('one-way sync of tasks to Google Calendar', () => {
  let visit: string;
  let offsite: string;

  it('first sync creates exactly one event per task; the second makes no write', async () => {
    visit = await f.task({ title: 'Client visit', employeeId: ana, startsAt: '2026-03-10T08:00:00Z', endsAt: '2026-03-10T10:00:00Z', location: 'Cluj' });
    offsite = await f.task({ title: 'Offsite', employeeId: bob, startDate: '2026-03-12', endDate: '2026-03-13' });
    await f.task({ title: 'Report', employeeId: ana, startDate: '2026-03-11', endDate: '2026-03-11' });
    await f.task({ title: 'Dropped', employeeId: ana, startDate: '2026-03-11', endDate: '2026-03-11', status: 'CANCELLED' });

    const first = await syncTasks(bed.gw.url, bed.admin);
    expect(first).toMatchObject({ status: 'SUCCEEDED', created: 3, failed: 0 });
    await expectGoogleMatchesDatabase();
    const event = live(BOB)[0]!;
    expect(event).toMatchObject({ summary: 'Offsite', start: { date: '2026-03-12' }, end: { date: '2026-03-14' } });
    expect(event.extendedProperties?.private).toMatchObject({ erpTaskId: offsite, erpTenant: 'acme' });

    const before = writes();
    const second = await syncTasks(bed.gw.url, bed.admin);
    expect(second).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 0, deleted: 0 });
    expect(writes()).toBe(before);
  });

  it('an edited task costs exactly one write; a deleted one leaves Google; a reassigned one moves', async () => {
    let before = writes();
    await gql(bed.gw.url, 'mutation($id: ID!) { updateTask(id: $id, input: {title: "Client visit (moved)"}) { id } }', { token: bed.admin, variables: { id: visit } });
    expect(await syncTasks(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', updated: 1 });
    expect(writes() - before).toBe(1);
    expect(live(ANA).find((e) => e.id === visit.replace(/-/g, ''))!.summary).toBe('Client visit (moved)');

    await gql(bed.gw.url, 'mutation($id: ID!) { deleteTask(id: $id) }', { token: bed.admin, variables: { id: offsite } });
    expect(await syncTasks(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', deleted: 1 });
    expect(live(BOB)).toEqual([]);
    expect((await dbQuery(bed.gw.databaseUrl, 'SELECT count(*)::int AS n FROM task WHERE id = $1', [offsite])).rows[0].n).toBe(0);

    before = writes();
    await gql(bed.gw.url, 'mutation($id: ID!, $e: ID!) { updateTask(id: $id, input: {employeeId: $e}) { id } }', { token: bed.admin, variables: { id: visit, e: bob } });
    expect(await syncTasks(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', updated: 1 });
    expect(writes() - before).toBe(2); // delete in Ana's calendar, insert in Bob's
    await expectGoogleMatchesDatabase();
  });

  it('one-way: edits made in Google are overwritten by a full sync; a deleted event is restored', async () => {
    const id = visit.replace(/-/g, '');
    bed.google.calendar.userEdit(BOB, id, { summary: 'edited in Google' });
    const before = writes();
    await syncTasks(bed.gw.url, bed.admin);
    expect(writes()).toBe(before); // incremental: nothing changed in the ERP
    const full = await syncTasks(bed.gw.url, bed.admin, true);
    expect(full).toMatchObject({ status: 'SUCCEEDED', updated: 1 });
    expect(bed.google.calendar.event(BOB, id)!.summary).toBe('Client visit (moved)');

    bed.google.calendar.userDelete(BOB, id);
    await syncTasks(bed.gw.url, bed.admin, true);
    expect(bed.google.calendar.event(BOB, id)!.status).toBe('confirmed');
    await expectGoogleMatchesDatabase();
  });

  it('with 20 % transient faults and lost responses, Google ends equal to the database, without duplicates', async () => {
    for (let i = 0; i < 30; i++) {
      await f.task({ title: `Batch ${i}`, employeeId: i % 2 ? ana : bob, startDate: '2026-04-01', endDate: '2026-04-02' });
    }
    bed.google.calendar.injectFaults({ rate: 0.2, kinds: ['5xx', 'reset', 'lostResponse'], seed: 7 });
    // One call at a time: the seeded faults then fall on the same requests in every run.
    process.env.GOOGLE_CALENDAR_CONCURRENCY = '1';
    try {
      const run = await syncTasks(bed.gw.url, bed.admin, false, 120_000);
      expect(run).toMatchObject({ status: 'SUCCEEDED', failed: 0, created: 30 });
    } finally {
      delete process.env.GOOGLE_CALENDAR_CONCURRENCY;
      bed.google.calendar.clearFaults();
    }
    const faults = bed.google.calendar.faultsInjected;
    expect([faults['5xx'] > 0, faults.reset > 0, faults.lostResponse > 0]).toEqual([true, true, true]);
    await expectGoogleMatchesDatabase();
  }, 150_000);

  it('a calendar the connection cannot write makes the run PARTIAL with that task’s error', async () => {
    const carol = await f.employee('Carol', 'carol@acme.test');
    const locked = await f.task({ title: 'Locked', employeeId: carol, startDate: '2026-05-01', endDate: '2026-05-01' });
    await f.task({ title: 'Fine', employeeId: ana, startDate: '2026-05-01', endDate: '2026-05-01' });
    // Carol shared her calendar with the admin as "See all event details" only.
    shareEmployeeCalendars(bed.google, ['carol@acme.test']);
    bed.google.calendar.share('carol@acme.test', DEFAULT_ACCOUNT.email, 'reader');
    const run = await syncTasks(bed.gw.url, bed.admin);
    expect(run).toMatchObject({ status: 'PARTIAL', created: 1, failed: 1 });
    expect(run.errors).toEqual([expect.objectContaining({ entityId: locked, code: 'requiredAccessLevel' })]);
    bed.google.calendar.share('carol@acme.test', DEFAULT_ACCOUNT.email, 'writer');
    expect(await syncTasks(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', created: 1 });
  });

  it('a revoked grant fails the run and asks for authorization again', async () => {
    await f.task({ title: 'After revoke', employeeId: ana, startDate: '2026-06-01', endDate: '2026-06-01' });
    bed.google.revokeAllTokens();
    const run = await syncTasks(bed.gw.url, bed.admin);
    expect(run.status).toBe('FAILED');
    const conn = await gql<{ googleConnection: { status: string } }>(bed.gw.url, '{ googleConnection { status } }', { token: bed.admin });
    expect(conn.body.data!.googleConnection.status).toBe('REAUTHORIZATION_REQUIRED');
  });
});
