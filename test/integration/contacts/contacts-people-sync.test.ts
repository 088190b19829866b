import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../../helpers/client';
import { ContactFixtures, syncContacts } from '../../helpers/contacts';
import { dbQuery } from '../../helpers/database';
import { connectGoogle, startGoogleTestBed, type GoogleTestBed } from '../../helpers/google';

const USER = 'admin@example.com';
let bed: GoogleTestBed;
let f: ContactFixtures;

beforeAll(async () => {
  bed = await startGoogleTestBed({ env: { CONTACTS_PEOPLE_READ_LAG_SECONDS: '3' } });
  f = new ContactFixtures(bed.gw.url, bed.admin);
  await f.settings({ target: 'USER_GROUP', groupName: 'Acme — contacte' });
  await connectGoogle(bed);
});
afterAll(() => bed?.stop());

const api = () => bed.google.people;
const writes = () => api().writeCount;
const ours = () =>
  api()
    .contacts(USER)
    .filter((c) => c.clientData.some((d) => d.key === 'erpTenant' && d.value === 'acme'));
const erpId = (c: { clientData: { key: string; value: string }[] }) => c.clientData.find((d) => d.key === 'erpContactId')!.value;
const nameOf = (c: { names: Record<string, unknown>[] }) => c.names[0]?.unstructuredName;
const group = () =>
  api()
    .groups(USER)
    .find((g) => g.name.startsWith('Acme'))!;

/** The group holds exactly the tenant's live contacts, one person each. */
async function expectGoogleMatchesDatabase(): Promise<void> {
  const rows = await dbQuery(bed.gw.databaseUrl, `SELECT id, display_name FROM contact WHERE tenant = 'acme' AND deleted_at IS NULL`);
  const expected = rows.rows.map((r) => `${r.id}|${r.display_name}`).sort();
  expect(
    ours()
      .map((c) => `${erpId(c)}|${nameOf(c)}`)
      .sort(),
  ).toEqual(expected);
  expect(ours().every((c) => c.groups.includes(group().resourceName))).toBe(true);
}

describe('one-way sync of contacts into a contact group (People API)', () => {
  let ana: string;
  let bob: string;

  it('only the People scope was asked for; first sync makes the group and one person per contact; the second writes nothing', async () => {
    const asked = bed.google.lastAuthorizationRequest!.scope.split(' ');
    expect(asked).toContain('https://www.googleapis.com/auth/contacts');
    expect(asked).not.toContain('https://www.google.com/m8/feeds');
    ana = await f.create({ givenName: 'Ana', familyName: 'Popescu', company: 'Acme', emails: [{ address: 'ana@acme.test' }], phoneNumbers: [{ number: '0722 123 456', type: 'MOBILE' }] });
    bob = await f.create({ givenName: 'Bob', familyName: 'Ionescu' });
    await f.create({ company: 'Globex SRL', addresses: [{ city: 'Brașov', countryCode: 'RO' }] });
    const first = await syncContacts(bed.gw.url, bed.admin);
    expect(first).toMatchObject({ status: 'SUCCEEDED', created: 3, failed: 0 });
    expect(group()).toMatchObject({ name: 'Acme — contacte', memberCount: 3 });
    await expectGoogleMatchesDatabase();
    expect(api().callsByMethod.batchCreateContacts).toBe(1);
    const a = ours().find((c) => erpId(c) === ana)!;
    expect(a.emailAddresses).toEqual([{ value: 'ana@acme.test', type: 'work', metadata: { primary: true } }]);

    const before = writes();
    expect(await syncContacts(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 0, skipped: 3 });
    expect(writes()).toBe(before);
  });

  it('one edit, one write; a deletion leaves Google; renaming the group renames it', async () => {
    let before = writes();
    await f.update(ana, { jobTitle: 'Director' });
    expect(await syncContacts(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', updated: 1 });
    expect(writes() - before).toBe(1);
    expect(ours().find((c) => erpId(c) === ana)!.organizations).toEqual([{ name: 'Acme', title: 'Director' }]);

    before = writes();
    await f.delete(bob);
    await f.settings({ groupName: 'Acme 2' });
    expect(await syncContacts(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', deleted: 1 });
    expect(writes() - before).toBe(1);
    expect(
      api()
        .groups(USER)
        .map((g) => g.name),
    ).toEqual(['Acme 2']);
    await expectGoogleMatchesDatabase();
  });

  it('one-way: edits in Google are overwritten (stale etag re-read; full sync); a deletion in Google is undone', async () => {
    const a = () => ours().find((c) => erpId(c) === ana)!;
    api().userEdit(USER, a().resourceName, { names: [{ unstructuredName: 'edited in Google' }] });
    expect(await syncContacts(bed.gw.url, bed.admin, true)).toMatchObject({ status: 'SUCCEEDED', updated: 1, failed: 0 });
    expect(nameOf(a())).toBe('Ana Popescu');

    api().userEdit(USER, a().resourceName, { names: [{ unstructuredName: 'edited again' }] });
    await f.update(ana, { middleName: 'Maria' });
    const stale = await syncContacts(bed.gw.url, bed.admin);
    expect(stale.errors).toEqual([]);
    expect(stale).toMatchObject({ status: 'SUCCEEDED', updated: 1 });
    expect(nameOf(a())).toBe('Ana Maria Popescu');

    api().userDelete(USER, a().resourceName);
    await f.update(ana, { notes: 'after deletion in Google' });
    expect(await syncContacts(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    expect(a().biographies).toEqual([{ value: 'after deletion in Google', contentType: 'TEXT_PLAIN' }]);
    await expectGoogleMatchesDatabase();
  });

  it('contacts made in Google are never imported nor touched; one of ours matching no contact is deleted by a full sync', async () => {
    const theirs = api().userCreate(USER, { names: [{ givenName: 'Made', familyName: 'In Google' }] });
    const stray = api().userCreate(USER, {
      names: [{ givenName: 'Stray' }],
      clientData: [
        { key: 'erpContactId', value: '00000000-0000-4000-8000-000000000001' },
        { key: 'erpTenant', value: 'acme' },
      ],
    });
    const before = api().contact(USER, theirs.resourceName)!;
    expect(await syncContacts(bed.gw.url, bed.admin, true)).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    expect(api().contact(USER, theirs.resourceName)).toMatchObject({ deleted: false, etag: before.etag });
    expect(api().contact(USER, stray.resourceName)!.deleted).toBe(true);
    await expectGoogleMatchesDatabase();
  });

  it('names with diacritics, &, < and quotes round-trip exactly', async () => {
    const name = { givenName: 'Ștefan-Țuțu "Ăla"', familyName: "Îndărătnicu & <Fiii> 'S.R.L.'", notes: 'a < b && c > d; „citat”' };
    const id = await f.create(name);
    expect(await syncContacts(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', created: 1 });
    const c = ours().find((x) => erpId(x) === id)!;
    expect(c.names[0]).toMatchObject({ givenName: name.givenName, familyName: name.familyName });
    expect(c.biographies[0]!.value).toBe(name.notes);
  });

  it('a contact Google refuses makes the run PARTIAL with its error; the rest of its batch goes through', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await f.create({ givenName: i === 3 ? 'Refused' : `Fine${i}`, familyName: 'Batch' }));
    api().rejectContacts((p) => ((p.names as { givenName?: string }[] | undefined)?.[0]?.givenName === 'Refused' ? 'Invalid contact: rejected by policy' : null));
    try {
      const run = await syncContacts(bed.gw.url, bed.admin);
      expect(run).toMatchObject({ status: 'PARTIAL', created: 4, failed: 1 });
      expect(run.errors).toEqual([expect.objectContaining({ entityId: ids[3], message: expect.stringContaining('rejected by policy') })]);
    } finally {
      api().rejectContacts(null);
    }
    expect(await syncContacts(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', created: 1 });
    await expectGoogleMatchesDatabase();
  });

  it('lost answers, lagging reads and 25 % 5xx converge without duplicates', async () => {
    for (let i = 0; i < 450; i++) await f.create({ givenName: `Bulk${i}`, familyName: 'People' });
    api().setReadLag(1500);
    api().injectFaults({ rate: 1, kinds: ['lostResponse'], methods: ['batchCreateContacts'], maxFaults: 2, seed: 1 });
    try {
      const lost = await syncContacts(bed.gw.url, bed.admin, false, 120_000);
      expect(lost).toMatchObject({ status: 'SUCCEEDED', failed: 0, created: 450 }); // the lost ones found by reads once they caught up
      expect(api().faultsInjected.lostResponse).toBe(2);
      api().injectFaults({ rate: 0.25, kinds: ['5xx'], seed: 9 });
      await f.update(ana, { department: 'Sales' });
      for (let i = 0; i < 20; i++) await f.create({ givenName: `Faulty${i}`, familyName: 'People' });
      // Until every contact is in Google: a run may leave an insert pending while reads lag.
      const deadline = Date.now() + 90_000;
      for (;;) {
        const run = await syncContacts(bed.gw.url, bed.admin, false, 120_000);
        expect(run).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
        const pending = await dbQuery(bed.gw.databaseUrl, `SELECT count(*)::int AS n FROM contact_sync_link WHERE tenant = 'acme' AND google_id IS NULL`);
        if (pending.rows[0].n === 0 && run.created === 0 && run.updated === 0) break;
        expect(Date.now()).toBeLessThan(deadline);
      }
      expect(api().faultsInjected['5xx']).toBeGreaterThan(0);
    } finally {
      api().clearFaults();
      api().setReadLag(0);
    }
    await expectGoogleMatchesDatabase();
    const ids = ours().map(erpId);
    expect(new Set(ids).size).toBe(ids.length);
  }, 240_000);

  it("another tenant's contacts stay out", async () => {
    const g = new ContactFixtures(bed.gw.url, await bed.gw.token('globex', ['admin'], 'admin-g'));
    await g.create({ givenName: 'Globex', familyName: 'Only' });
    expect(await syncContacts(bed.gw.url, bed.admin, true)).toMatchObject({ status: 'SUCCEEDED', created: 0, deleted: 0 });
    expect(
      api()
        .contacts(USER)
        .filter((c) => c.names[0]?.givenName === 'Globex'),
    ).toEqual([]);
    const list = await gql<{ contacts: { edges: unknown[] } }>(bed.gw.url, '{ contacts(filter: { search: "Only" }) { edges { node { id } } } }', { token: bed.admin });
    expect(list.body.data!.contacts.edges).toEqual([]);
  });
});
