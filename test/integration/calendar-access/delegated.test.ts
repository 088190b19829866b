import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../../helpers/client';
import { dbQuery } from '../../helpers/database';
import { connectGoogle, startGoogleTestBed, type GoogleTestBed } from '../../helpers/google';
import { syncTasks } from '../../helpers/sync';
import { TaskFixtures } from '../../helpers/tasks';
import type { ServiceAccountKey } from '../../google-emulator';
import { adminGql, eventIdOf, setCalendarSettings, setServiceAccount } from './helpers';

let bed: GoogleTestBed;
let f: TaskFixtures;
let key: ServiceAccountKey;
const ANA = 'ana@example.com';
const BOB = 'bob@example.com';
const CAROL = 'carol@example.com';
const OUTSIDER = 'dan@elsewhere.test';
const CALENDAR_EVENTS = 'https://www.googleapis.com/auth/calendar.events';

beforeAll(async () => {
  // Several calls of one employee in flight at once: their token must still be fetched once.
  bed = await startGoogleTestBed({ env: { GOOGLE_CALENDAR_PER_USER_CONCURRENCY: '4' } });
  await connectGoogle(bed);
  f = new TaskFixtures(bed.gw, bed.admin);
  for (const email of [ANA, BOB, CAROL]) bed.google.domain.addUser(email);
  bed.google.domain.suspendUser(CAROL);
  key = bed.google.serviceAccounts.create();
});
afterAll(() => bed?.stop());

describe('DELEGATED: a service account writes to each employee’s own primary calendar as that employee', () => {
  let scopes: string[];

  it('setGoogleServiceAccount validates the key, seals it, and shows what to paste in the Admin console', async () => {
    const bad = await gql(bed.gw.url, 'mutation($i: SetGoogleServiceAccountInput!) { setGoogleServiceAccount(input: $i) { delegationScopes } }', {
      token: bed.admin,
      variables: { i: { keyJson: JSON.stringify({ ...key, type: 'authorized_user' }) } },
    });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'keyJson' });
    const broken = await gql(bed.gw.url, 'mutation($i: SetGoogleServiceAccountInput!) { setGoogleServiceAccount(input: $i) { delegationScopes } }', {
      token: bed.admin,
      variables: { i: { keyJson: JSON.stringify({ ...key, private_key: '-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n' }) } },
    });
    expect(broken.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'keyJson' });
    expect(JSON.stringify(broken.body)).not.toContain('nope');

    // A value graphql-js rejects is not repeated back either.
    const inline = await gql(bed.gw.url, 'mutation { setGoogleServiceAccount(input: {keyJson: 918273645}) { delegationScopes } }', { token: bed.admin });
    expect(inline.body.errors?.[0]?.message).toBeDefined();
    expect(JSON.stringify(inline.body)).not.toContain('918273645');

    const view = await setServiceAccount(bed, JSON.stringify(key));
    expect(view.serviceAccount).toMatchObject({ clientEmail: key.client_email, clientId: key.client_id });
    scopes = view.delegationScopes.split(',');
    expect(scopes).toContain(CALENDAR_EVENTS);
    expect(view.delegationScopes).not.toMatch(/\s/);

    const keyBody = key.private_key.split('\n')[1]!;
    const stored = await dbQuery(bed.gw.databaseUrl, 'SELECT * FROM google_service_account');
    expect(JSON.stringify(stored.rows)).not.toContain(keyBody);
    expect(bed.gw.rawLogs.join('')).not.toContain(keyBody);
    const conn = await adminGql<{ googleConnection: unknown }>(bed, '{ googleConnection { serviceAccount { clientId } delegationScopes } }');
    expect(JSON.stringify(conn)).not.toContain(keyBody);
  });

  it('verifyGoogleDelegation names each refused scope, then reports all granted once the Admin console lists them', async () => {
    const refusedScope = scopes.find((s) => s !== CALENDAR_EVENTS)!;
    bed.google.delegation.authorize(
      key.client_id,
      scopes.filter((s) => s !== refusedScope),
    );
    const check = (
      await adminGql<{ verifyGoogleDelegation: { ok: boolean; scopes: { scope: string; granted: boolean; error: string | null }[] } }>(
        bed,
        'mutation($s: String!) { verifyGoogleDelegation(subject: $s) { subject clientId ok scopes { scope granted error } } }',
        { s: 'admin@example.com' },
      )
    ).verifyGoogleDelegation;
    expect(check.ok).toBe(false);
    const refused = check.scopes.filter((s) => !s.granted);
    expect(refused.map((s) => s.scope)).toEqual([refusedScope]);
    expect(refused[0]!.error).toContain('not authorized for these scopes in the Admin console');
    expect(refused[0]!.error).toContain(refusedScope);
    expect(check.scopes.find((s) => s.scope === CALENDAR_EVENTS)!.granted).toBe(true);

    bed.google.delegation.authorize(key.client_id, scopes);
    const again = (await adminGql<{ verifyGoogleDelegation: { ok: boolean } }>(bed, 'mutation { verifyGoogleDelegation(subject: "admin@example.com") { ok } }')).verifyGoogleDelegation;
    expect(again.ok).toBe(true);
  });

  it('first sync puts each task in its employee’s primary calendar and nowhere else; a suspended or outside employee is that task’s error', async () => {
    expect((await setCalendarSettings(bed, { mode: 'DELEGATED' })).mode).toBe('DELEGATED');
    const ana = await f.employee('Ana Pop', ANA);
    const bob = await f.employee('Bob Ionescu', BOB);
    const carol = await f.employee('Carol', CAROL);
    const dan = await f.employee('Dan', OUTSIDER);
    const a1 = await f.task({ title: 'Visit', employeeId: ana, startDate: '2026-03-10', endDate: '2026-03-10' });
    const a2 = await f.task({ title: 'Report', employeeId: ana, startDate: '2026-03-11', endDate: '2026-03-11' });
    const b1 = await f.task({ title: 'Offsite', employeeId: bob, startDate: '2026-03-12', endDate: '2026-03-13' });
    const c1 = await f.task({ title: 'Suspended', employeeId: carol, startDate: '2026-03-12', endDate: '2026-03-12' });
    const d1 = await f.task({ title: 'Outside', employeeId: dan, startDate: '2026-03-12', endDate: '2026-03-12' });

    const run = await syncTasks(bed.gw.url, bed.admin);
    expect(run).toMatchObject({ status: 'PARTIAL', created: 3, failed: 2 });
    expect(run.errors.map((e) => e.entityId).sort()).toEqual([c1, d1].sort());
    for (const e of run.errors) expect(e).toMatchObject({ code: 'DELEGATION_SUBJECT_REFUSED', message: expect.stringContaining('not a user of the Workspace domain, or suspended') });

    expect(
      bed.google.calendar
        .events(ANA)
        .map((e) => e.id)
        .sort(),
    ).toEqual([eventIdOf(a1), eventIdOf(a2)].sort());
    expect(bed.google.calendar.events(BOB).map((e) => e.id)).toEqual([eventIdOf(b1)]);
    expect(bed.google.calendar.events('admin@example.com')).toEqual([]);
    // Written by the employees themselves, not by the admin.
    expect(bed.google.calendar.requestsBySubject[ANA]).toBeGreaterThanOrEqual(2);
    expect(bed.google.calendar.requestsBySubject[BOB]).toBeGreaterThanOrEqual(1);
    const links = await dbQuery(bed.gw.databaseUrl, 'SELECT task_id, calendar_id, subject FROM task_sync_link ORDER BY task_id');
    expect(links.rows.find((l) => l.task_id === b1)).toMatchObject({ calendar_id: 'primary', subject: BOB });

    // One token per impersonated employee, however many of their calls were in flight at once (single flight).
    const grants = bed.google.requests
      .filter((r) => r.path.endsWith('/token') && (r.body as Record<string, string>)?.grant_type === 'urn:ietf:params:oauth:grant-type:jwt-bearer')
      .map((r) => JSON.parse(Buffer.from(String((r.body as Record<string, string>).assertion).split('.')[1]!, 'base64url').toString()).sub as string);
    expect(grants.filter((s) => s === ANA)).toHaveLength(1);
    expect(grants.filter((s) => s === BOB)).toHaveLength(1);

    const before = bed.google.calendar.writeCount;
    expect(await syncTasks(bed.gw.url, bed.admin)).toMatchObject({ created: 0, updated: 0, failed: 2 });
    expect(bed.google.calendar.writeCount).toBe(before);
  });

  it('a client id the Admin console no longer lists fails the run with what to do', async () => {
    bed.google.delegation.revoke(key.client_id);
    await adminGql(bed, 'mutation { resetCaches { at } }');
    await f.task({
      title: 'After revoke',
      employeeId: (await dbQuery(bed.gw.databaseUrl, `SELECT id FROM employee WHERE email = $1`, [ANA])).rows[0].id,
      startDate: '2026-04-01',
      endDate: '2026-04-01',
    });
    const run = await syncTasks(bed.gw.url, bed.admin);
    expect(run.status).toBe('FAILED');
    expect(run.error).toContain('not authorized for these scopes in the Admin console');
    expect(run.error).toContain(CALENDAR_EVENTS);
    bed.google.delegation.authorize(key.client_id, scopes);
  });

  it('removeGoogleServiceAccount forgets the key; DELEGATED cannot be chosen without one', async () => {
    await setCalendarSettings(bed, { mode: 'EMPLOYEE_CALENDARS' });
    const removed = await adminGql<{ removeGoogleServiceAccount: { serviceAccount: unknown } }>(bed, 'mutation { removeGoogleServiceAccount { serviceAccount { clientId } } }');
    expect(removed.removeGoogleServiceAccount.serviceAccount).toBeNull();
    const res = await gql(bed.gw.url, 'mutation { updateCalendarSettings(input: {mode: DELEGATED}) { mode } }', { token: bed.admin });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'mode' });
    expect(res.body.errors?.[0]?.message).toContain('setGoogleServiceAccount');
  });
});
