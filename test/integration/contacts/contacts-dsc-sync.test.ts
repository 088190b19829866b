import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../../helpers/client';
import { ContactFixtures, syncContacts } from '../../helpers/contacts';
import { dbQuery } from '../../helpers/database';
import { testEnv } from '../../helpers/gateway';
import { connectGoogle, startGoogleTestBed, type GoogleTestBed } from '../../helpers/google';
import { REPO } from '../../helpers/process';

const DOMAIN = 'example.com';
let bed: GoogleTestBed;
let f: ContactFixtures;

beforeAll(async () => {
  bed = await startGoogleTestBed();
  await connectGoogle(bed);
  f = new ContactFixtures(bed.gw.url, bed.admin);
  await f.settings({ target: 'DOMAIN_SHARED', domain: DOMAIN });
});
afterAll(() => bed?.stop());

const dsc = () => bed.google.sharedContacts;
const writes = () => dsc().writeCount;
const ours = () =>
  dsc()
    .contacts(DOMAIN)
    .filter((c) => c.extendedProperties.erpTenant === 'acme');

/** Google's shared contacts of ours are exactly the tenant's live contacts, one each, with their display names. */
async function expectGoogleMatchesDatabase(): Promise<void> {
  const rows = await dbQuery(bed.gw.databaseUrl, `SELECT id, display_name FROM contact WHERE tenant = 'acme' AND deleted_at IS NULL`);
  const expected = rows.rows.map((r) => `${r.id}|${r.display_name}`).sort();
  const actual = ours()
    .map((c) => `${c.extendedProperties.erpContactId}|${c.fullName}`)
    .sort();
  expect(actual).toEqual(expected);
}

describe('one-way sync of contacts to the domain shared contacts', () => {
  let ana: string;
  let bob: string;

  it('first sync creates exactly one shared contact per contact; the second makes no write', async () => {
    ana = await f.create({ givenName: 'Ana', familyName: 'Popescu', company: 'Acme', emails: [{ address: 'ana@acme.test' }], phoneNumbers: [{ number: '0722 123 456', type: 'MOBILE' }] });
    bob = await f.create({ givenName: 'Bob', familyName: 'Ionescu', emails: [{ address: 'bob@acme.test', type: 'HOME' }] });
    await f.create({ company: 'Globex SRL', addresses: [{ street: 'Str. Lungă 1', city: 'Brașov', countryCode: 'RO', postalCode: '500000' }] });

    const first = await syncContacts(bed.gw.url, bed.admin);
    expect(first).toMatchObject({ error: null, status: 'SUCCEEDED', created: 3, failed: 0 });
    await expectGoogleMatchesDatabase();
    const a = ours().find((c) => c.extendedProperties.erpContactId === ana)!;
    expect(a).toMatchObject({ givenName: 'Ana', familyName: 'Popescu', organization: { orgName: 'Acme' }, emails: [{ address: 'ana@acme.test', primary: true }] });
    expect(a.phoneNumbers).toEqual([{ number: '0722 123 456', rel: 'http://schemas.google.com/g/2005#mobile', uri: 'tel:+40722123456' }]);
    expect(dsc().callsByMethod.batch).toBe(1);

    const before = writes();
    const second = await syncContacts(bed.gw.url, bed.admin);
    expect(second).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 0, deleted: 0, skipped: 3 });
    expect(writes()).toBe(before);

    const view = await gql<{ contact: { syncState: { googleId: string; upToDate: boolean; syncedAt: string } } }>(
      bed.gw.url,
      'query($id: ID!) { contact(id: $id) { syncState { googleId upToDate syncedAt lastError } } }',
      {
        token: bed.admin,
        variables: { id: ana },
      },
    );
    expect(view.body.data!.contact.syncState).toMatchObject({ googleId: a.entryId, upToDate: true });
  });

  it('one edit costs one write; a deleted contact leaves Google and its tombstone goes', async () => {
    let before = writes();
    await f.update(ana, { jobTitle: 'Director' });
    expect(await syncContacts(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', updated: 1 });
    expect(writes() - before).toBe(1);
    expect(ours().find((c) => c.extendedProperties.erpContactId === ana)!.organization).toMatchObject({ orgName: 'Acme', orgTitle: 'Director' });

    before = writes();
    await f.delete(bob);
    expect(await syncContacts(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', deleted: 1 });
    expect(writes() - before).toBe(1);
    await expectGoogleMatchesDatabase();
    expect((await dbQuery(bed.gw.databaseUrl, 'SELECT count(*)::int AS n FROM contact WHERE id = $1', [bob])).rows[0].n).toBe(0);
  });

  it('one-way: an edit made in Google is overwritten (on the next change, or by a full sync); a deletion in Google is undone', async () => {
    const a = () => ours().find((c) => c.extendedProperties.erpContactId === ana)!;
    dsc().userEdit(DOMAIN, a().id, { fullName: 'edited in Google' });
    let before = writes();
    expect(await syncContacts(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', updated: 0 });
    expect(writes()).toBe(before); // incremental: nothing changed in the ERP
    expect(await syncContacts(bed.gw.url, bed.admin, true)).toMatchObject({ status: 'SUCCEEDED', updated: 1 });
    expect(a().fullName).toBe('Ana Popescu');

    // Edited in Google and in the ERP: the stale etag (412) is read again and the ERP wins.
    dsc().userEdit(DOMAIN, a().id, { fullName: 'edited again in Google' });
    await f.update(ana, { middleName: 'Maria' });
    const stale = await syncContacts(bed.gw.url, bed.admin);
    expect(stale.errors).toEqual([]);
    expect(stale).toMatchObject({ status: 'SUCCEEDED', updated: 1, failed: 0 });
    expect(a().fullName).toBe('Ana Maria Popescu');

    // Deleted in Google: a full sync makes it again; so does the next change (404 → insert).
    dsc().userDelete(DOMAIN, a().id);
    expect(await syncContacts(bed.gw.url, bed.admin, true)).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    expect(a().fullName).toBe('Ana Maria Popescu');
    dsc().userDelete(DOMAIN, a().id);
    await f.update(ana, { notes: 'after deletion in Google' });
    expect(await syncContacts(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    expect(a().notes).toBe('after deletion in Google');
    await expectGoogleMatchesDatabase();
    before = writes();
    expect(await syncContacts(bed.gw.url, bed.admin, true)).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 0 });
    expect(writes()).toBe(before);
  });

  it('a contact made in Google is never imported nor touched; one of ours matching no contact is deleted by a full sync', async () => {
    const theirs = dsc().userInsert(DOMAIN, { givenName: 'Made', familyName: 'In Google', email: 'made@example.com' });
    const stray = dsc().userInsert(DOMAIN, { givenName: 'Stray', extendedProperties: { erpContactId: '00000000-0000-4000-8000-000000000001', erpTenant: 'acme' } });
    const otherTenant = dsc().userInsert(DOMAIN, { givenName: 'Other', extendedProperties: { erpContactId: '00000000-0000-4000-8000-000000000002', erpTenant: 'globex' } });
    expect(await syncContacts(bed.gw.url, bed.admin, true)).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    expect(dsc().contact(DOMAIN, theirs.id)).toMatchObject({ deleted: false, etag: theirs.etag });
    expect(dsc().contact(DOMAIN, otherTenant.id)).toMatchObject({ deleted: false, etag: otherTenant.etag });
    expect(dsc().contact(DOMAIN, stray.id)!.deleted).toBe(true);
    const list = await gql<{ contacts: { edges: unknown[] } }>(bed.gw.url, '{ contacts(filter: { search: "Made" }) { edges { node { id } } } }', { token: bed.admin });
    expect(list.body.data!.contacts.edges).toEqual([]);
    await expectGoogleMatchesDatabase();
  });

  it('names with diacritics, &, < and quotes round-trip exactly through the XML', async () => {
    const name = { givenName: 'Ștefan-Țuțu "Ăla"', familyName: "Îndărătnicu & <Fiii> 'S.R.L.'", notes: 'Relații: a < b && c > d; „citat”', company: 'Â & Î <SRL>' };
    const id = await f.create(name);
    expect(await syncContacts(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', created: 1 });
    const c = ours().find((x) => x.extendedProperties.erpContactId === id)!;
    expect(c).toMatchObject({ givenName: name.givenName, familyName: name.familyName, notes: name.notes, organization: { orgName: name.company } });
    expect(c.fullName).toBe(`${name.givenName} ${name.familyName}`);
    const before = writes();
    expect(await syncContacts(bed.gw.url, bed.admin, true)).toMatchObject({ status: 'SUCCEEDED', updated: 0, created: 0 });
    expect(writes()).toBe(before);
  });

  it('a contact Google refuses makes the run PARTIAL with its error; the others go through', async () => {
    const bad = await f.create({ givenName: 'Refused', familyName: 'Person' });
    const good = await f.create({ givenName: 'Fine', familyName: 'Person' });
    dsc().rejectEntries((c) => (c.givenName === 'Refused' ? 'Invalid contact: rejected by policy' : null));
    try {
      const run = await syncContacts(bed.gw.url, bed.admin);
      expect(run).toMatchObject({ status: 'PARTIAL', created: 1, failed: 1 });
      expect(run.errors).toEqual([expect.objectContaining({ entityId: bad, message: expect.stringContaining('rejected by policy') })]);
      expect(ours().some((c) => c.extendedProperties.erpContactId === good)).toBe(true);
      const view = await gql<{ contact: { syncState: { lastError: string; googleId: string | null } } }>(bed.gw.url, 'query($id: ID!) { contact(id: $id) { syncState { googleId lastError } } }', {
        token: bed.admin,
        variables: { id: bad },
      });
      expect(view.body.data!.contact.syncState).toMatchObject({ googleId: null, lastError: expect.stringContaining('rejected by policy') });
    } finally {
      dsc().rejectEntries(null);
    }
    expect(await syncContacts(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', created: 1 });
    await expectGoogleMatchesDatabase();
  });

  it('lost batch answers and 25 % 5xx converge without duplicates', async () => {
    for (let i = 0; i < 250; i++) await f.create({ givenName: `Batch${i}`, familyName: 'Lost', emails: [{ address: `b${i}@acme.test` }] });
    dsc().injectFaults({ rate: 0.25, kinds: ['5xx'], seed: 11 });
    try {
      // lost answers on every batch at first, then 25 % 5xx on every call
      dsc().injectFaults({ rate: 1, kinds: ['lostResponse'], methods: ['batch'], maxFaults: 3, seed: 3 });
      const lost = await syncContacts(bed.gw.url, bed.admin, false, 120_000);
      expect(lost).toMatchObject({ status: 'SUCCEEDED', failed: 0, created: 250 });
      expect(dsc().faultsInjected.lostResponse).toBe(3);
      await f.update(ana, { department: 'Sales' });
      for (let i = 0; i < 30; i++) await f.create({ givenName: `Faulty${i}`, familyName: 'Five' });
      dsc().injectFaults({ rate: 0.25, kinds: ['5xx', 'lostResponse'], seed: 5 });
      const faulty = await syncContacts(bed.gw.url, bed.admin, false, 120_000);
      expect(faulty).toMatchObject({ status: 'SUCCEEDED', failed: 0, created: 30, updated: 1 });
    } finally {
      dsc().clearFaults();
    }
    await expectGoogleMatchesDatabase();
    const ids = ours().map((c) => c.extendedProperties.erpContactId);
    expect(new Set(ids).size).toBe(ids.length);
  }, 150_000);

  it('npm run sync -- --module contacts runs the same job from the command line', async () => {
    const id = await f.create({ givenName: 'From', familyName: 'The CLI' });
    const res = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/sync.ts', '--tenant', 'acme', '--module', 'contacts', '--json'], {
        cwd: REPO,
        env: { PATH: process.env.PATH ?? '', ...testEnv(bed.gw.databaseUrl, { ...bed.google.env, LOG_LEVEL: 'warn' }) },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ status: 'SUCCEEDED', trigger: 'CLI', module: 'contacts', created: 1 });
    expect(ours().filter((c) => c.extendedProperties.erpContactId === id)).toHaveLength(1);
  }, 60_000);

  it("another tenant's contacts and shared contacts are untouched", async () => {
    const otherAdmin = await bed.gw.token('globex', ['admin'], 'admin-g');
    const g = new ContactFixtures(bed.gw.url, otherAdmin);
    await g.create({ givenName: 'Globex', familyName: 'Only' });
    const before = ours().length;
    expect(await syncContacts(bed.gw.url, bed.admin, true)).toMatchObject({ status: 'SUCCEEDED', created: 0, deleted: 0 });
    expect(ours().length).toBe(before);
    expect(
      dsc()
        .contacts(DOMAIN)
        .filter((c) => c.givenName === 'Globex'),
    ).toEqual([]);
    const list = await gql<{ contacts: { edges: unknown[] } }>(bed.gw.url, '{ contacts(filter: { search: "Only" }) { edges { node { id } } } }', { token: bed.admin });
    expect(list.body.data!.contacts.edges).toEqual([]);
  });
});
