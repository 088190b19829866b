import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../../helpers/client';
import { dbQuery } from '../../helpers/database';
import { connectGoogle, shareEmployeeCalendars, startGoogleTestBed, type GoogleTestBed } from '../../helpers/google';
import { syncTasks } from '../../helpers/sync';
import { TaskFixtures } from '../../helpers/tasks';
import { eventIdOf, setCalendarSettings, setServiceAccount, updateEmployee } from './helpers';

let bed: GoogleTestBed;
let f: TaskFixtures;
const ADMIN = 'admin@example.com';
const ANA = 'ana@example.com';
const ANA2 = 'ana.pop@example.com';
const BOB = 'bob@example.com';
let ana: string;
let bob: string;
const tasks: Record<string, string[]> = {};

beforeAll(async () => {
  bed = await startGoogleTestBed();
  await connectGoogle(bed);
  f = new TaskFixtures(bed.gw, bed.admin);
  for (const email of [ANA, ANA2, BOB]) bed.google.domain.addUser(email);
  ana = await f.employee('Ana Pop', ANA);
  bob = await f.employee('Bob Ionescu', BOB);
  tasks[ana] = [
    await f.task({ title: 'Visit', employeeId: ana, startDate: '2026-03-10', endDate: '2026-03-10' }),
    await f.task({ title: 'Report', employeeId: ana, startDate: '2026-03-11', endDate: '2026-03-11' }),
  ];
  tasks[bob] = [await f.task({ title: 'Offsite', employeeId: bob, startDate: '2026-03-12', endDate: '2026-03-13' })];
});
afterAll(() => bed?.stop());

/** The admin's own secondary calendars (those the gateway made), by summary. */
const ownedByAdmin = () => bed.google.calendar.calendarsOwnedBy(ADMIN).filter((c) => c.id !== ADMIN);
/** Every live event of the tenant's tasks in every calendar the emulator holds, as `calendar|eventId`. */
function everyEvent(): string[] {
  const calendars = [ADMIN, ANA, ANA2, BOB, ...ownedByAdmin().map((c) => c.id)];
  return calendars.flatMap((c) => bed.google.calendar.events(c).map((e) => `${c}|${e.id}`)).sort();
}
const expected = (where: (employee: string) => string) =>
  Object.entries(tasks)
    .flatMap(([employee, ids]) => ids.map((id) => `${where(employee)}|${eventIdOf(id)}`))
    .sort();

describe('changing the calendar mode moves every event, with no duplicates and no leftovers', () => {
  let anaCalendar: string;
  let bobCalendar: string;

  it('EMPLOYEE_CALENDARS (the default): a calendar not shared with the admin is an error that says what to share', async () => {
    const run = await syncTasks(bed.gw.url, bed.admin);
    expect(run).toMatchObject({ status: 'PARTIAL', failed: 3 });
    expect(run.errors[0]!.message).toMatch(/is not shared with the Google account that authorized the gateway/);
    expect(run.errors[0]!.message).toMatch(/updateCalendarSettings/);
    shareEmployeeCalendars(bed.google, [ANA, BOB]);
    expect(await syncTasks(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', created: 3 });
    expect(everyEvent()).toEqual(expected((e) => (e === ana ? ANA : BOB)));
  });

  it('SHARED_CALENDARS: one owned calendar per employee, in the tenant’s zone, shared with the employee; events move there', async () => {
    const settings = await setCalendarSettings(bed, { mode: 'SHARED_CALENDARS', aclRole: 'READER', sendNotifications: true, deleteRemovedCalendars: true });
    expect(settings.googleScopes).toContain('https://www.googleapis.com/auth/calendar');
    // The full Calendar scope is new: the run says so until the admin authorizes again.
    const refused = await syncTasks(bed.gw.url, bed.admin);
    expect(refused.status).toBe('FAILED');
    expect(refused.error).toContain('https://www.googleapis.com/auth/calendar');
    await connectGoogle(bed);

    const run = await syncTasks(bed.gw.url, bed.admin);
    expect(run).toMatchObject({ status: 'SUCCEEDED', updated: 3, failed: 0 });
    const owned = ownedByAdmin();
    expect(owned.map((c) => c.summary).sort()).toEqual(['Tasks · Ana Pop', 'Tasks · Bob Ionescu']);
    anaCalendar = owned.find((c) => c.summary === 'Tasks · Ana Pop')!.id;
    bobCalendar = owned.find((c) => c.summary === 'Tasks · Bob Ionescu')!.id;
    expect(owned[0]!.timeZone).toBe('Europe/Bucharest');
    expect(bed.google.calendar.accessRole(anaCalendar, ANA)).toBe('reader');
    expect(bed.google.calendar.accessRole(anaCalendar, BOB)).not.toBe('reader');
    expect(bed.google.calendar.acl(anaCalendar).find((r) => r.scope.value === ANA)).toMatchObject({ role: 'reader', sendNotifications: true });
    expect(everyEvent()).toEqual(expected((e) => (e === ana ? anaCalendar : bobCalendar)));

    const again = await syncTasks(bed.gw.url, bed.admin);
    expect(again).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 0 });
    expect(ownedByAdmin()).toHaveLength(2);
  });

  it('an employee’s new email is re-shared; a deactivated employee’s calendar is unshared and deleted', async () => {
    await updateEmployee(bed, ana, { email: ANA2 });
    await updateEmployee(bed, bob, { active: false });
    expect(await syncTasks(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    const rules = bed.google.calendar.acl(anaCalendar).map((r) => r.scope.value);
    expect(rules).toContain(ANA2);
    expect(rules).not.toContain(ANA);
    expect(bed.google.calendar.calendar(bobCalendar)).toBeUndefined();
    expect(ownedByAdmin().map((c) => c.id)).toEqual([anaCalendar]);
    const bobLinks = await dbQuery(bed.gw.databaseUrl, 'SELECT count(*)::int AS n FROM task_sync_link WHERE task_id = ANY($1)', [tasks[bob]]);
    expect(bobLinks.rows[0].n).toBe(0);

    // Back: the calendar is made again and shared again.
    await updateEmployee(bed, bob, { active: true });
    expect(await syncTasks(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', created: 1 });
    bobCalendar = ownedByAdmin().find((c) => c.summary === 'Tasks · Bob Ionescu')!.id;
    expect(bed.google.calendar.accessRole(bobCalendar, BOB)).toBe('reader');
    expect(everyEvent()).toEqual(expected((e) => (e === ana ? anaCalendar : bobCalendar)));
  });

  it('DELEGATED: events move to each employee’s primary calendar; back to EMPLOYEE_CALENDARS, they move again', async () => {
    const key = bed.google.serviceAccounts.create();
    const view = await setServiceAccount(bed, JSON.stringify(key));
    bed.google.delegation.authorize(key.client_id, view.delegationScopes.split(','));
    await setCalendarSettings(bed, { mode: 'DELEGATED' });
    expect(await syncTasks(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', updated: 3, failed: 0 });
    expect(everyEvent()).toEqual(expected((e) => (e === ana ? ANA2 : BOB)));

    shareEmployeeCalendars(bed.google, [ANA2]);
    await updateEmployee(bed, ana, { calendarId: ANA2 });
    await setCalendarSettings(bed, { mode: 'EMPLOYEE_CALENDARS' });
    // The same calendars, now written by the admin: every link moves to the new writer.
    expect(await syncTasks(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', updated: 3, failed: 0 });
    const links = await dbQuery(bed.gw.databaseUrl, 'SELECT DISTINCT subject FROM task_sync_link');
    expect(links.rows).toEqual([{ subject: null }]);
    expect(everyEvent()).toEqual(expected((e) => (e === ana ? ANA2 : BOB)));

    // A full sync in the current mode repairs drift: an event deleted in Google comes back.
    bed.google.calendar.userDelete(BOB, eventIdOf(tasks[bob]![0]!));
    expect(await syncTasks(bed.gw.url, bed.admin, true)).toMatchObject({ status: 'SUCCEEDED', updated: 1 });
    expect(everyEvent()).toEqual(expected((e) => (e === ana ? ANA2 : BOB)));
  });
});

describe('lost answers while calendars are created', () => {
  it('never make two calendars for one employee: the calendar is looked up by its marker before any new insert', async () => {
    await setCalendarSettings(bed, { mode: 'SHARED_CALENDARS', deleteRemovedCalendars: false });
    bed.google.domain.addUser('carol@example.com');
    const carol = await f.employee('Carol Dan', 'carol@example.com');
    tasks[carol] = [await f.task({ title: 'Audit', employeeId: carol, startDate: '2026-05-01', endDate: '2026-05-01' })];
    const insertsBefore = bed.google.calendar.callsByResourceMethod['calendars.insert'] ?? 0;
    // The first POSTs of the run (Carol's calendars.insert, then its acl.insert) are done by Google, but their answers are lost.
    bed.google.calendar.injectFaults({ rate: 1, kinds: ['lostResponse'], methods: ['POST'], maxFaults: 2 });
    try {
      expect(await syncTasks(bed.gw.url, bed.admin, false, 120_000)).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    } finally {
      bed.google.calendar.clearFaults();
    }
    expect(bed.google.calendar.faultsInjected.lostResponse).toBe(2);
    expect((bed.google.calendar.callsByResourceMethod['calendars.insert'] ?? 0) - insertsBefore).toBe(1);
    const carols = ownedByAdmin().filter((c) => c.summary === 'Tasks · Carol Dan');
    expect(carols).toHaveLength(1);
    expect(bed.google.calendar.accessRole(carols[0]!.id, 'carol@example.com')).toBe('reader');
    expect(bed.google.calendar.events(carols[0]!.id).map((e) => e.id)).toEqual([eventIdOf(tasks[carol]![0]!)]);
    const stored = await dbQuery(bed.gw.databaseUrl, 'SELECT calendar_id FROM employee_calendar WHERE owner_key = $1', [carol]);
    expect(stored.rows).toEqual([{ calendar_id: carols[0]!.id }]);
  }, 150_000);
});

describe('the tenant-wide calendar (SHARED_CALENDARS with a group address)', () => {
  const GROUP = 'team@example.com';
  it('holds every task, is shared read-only with the group, and is emptied when the group is removed', async () => {
    bed.google.domain.addUser('eve@example.com');
    bed.google.calendar.setQuota(null);
    bed.google.domain.setGroup(GROUP, ['eve@example.com']);
    const bad = await gql(bed.gw.url, 'mutation { updateCalendarSettings(input: {tenantCalendarGroup: "not an address"}) { mode } }', { token: bed.admin });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tenantCalendarGroup' });

    await setCalendarSettings(bed, { mode: 'SHARED_CALENDARS', tenantCalendarGroup: GROUP });
    const live = (await dbQuery(bed.gw.databaseUrl, `SELECT id FROM task WHERE deleted_at IS NULL AND status <> 'CANCELLED'`)).rows.map((r) => eventIdOf(r.id)).sort();
    expect(await syncTasks(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', created: live.length, failed: 0 });
    const tenantCalendar = ownedByAdmin().find((c) => c.summary === 'Tasks · acme')!;
    expect(tenantCalendar).toBeDefined();
    expect(bed.google.calendar.accessRole(tenantCalendar.id, 'eve@example.com')).toBe('reader');
    expect(
      bed.google.calendar
        .events(tenantCalendar.id)
        .map((e) => e.id)
        .sort(),
    ).toEqual(live);
    // The employees' own shared calendars still hold their tasks.
    expect(bed.google.calendar.events(ownedByAdmin().find((c) => c.summary === 'Tasks · Ana Pop')!.id)).toHaveLength(2);

    await setCalendarSettings(bed, { tenantCalendarGroup: '' });
    expect(await syncTasks(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', deleted: live.length, failed: 0 });
    expect(bed.google.calendar.events(tenantCalendar.id)).toEqual([]);
    expect(bed.google.calendar.accessRole(tenantCalendar.id, 'eve@example.com')).not.toBe('reader');
    expect((await dbQuery(bed.gw.databaseUrl, 'SELECT count(*)::int AS n FROM task_tenant_link')).rows[0].n).toBe(0);
  });
});
