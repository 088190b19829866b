import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, gql } from '../../helpers/client';
import { ContactFixtures, syncContacts } from '../../helpers/contacts';
import { connectGoogle, requestAuthorization, setCredentials, startGoogleTestBed, type GoogleTestBed } from '../../helpers/google';

const M8 = 'https://www.google.com/m8/feeds';
const PEOPLE = 'https://www.googleapis.com/auth/contacts';
let bed: GoogleTestBed;
let f: ContactFixtures;
let user: string;

beforeAll(async () => {
  bed = await startGoogleTestBed({ env: { MODULES: 'auth,contacts', CONTACTS_DOMAIN_LIMIT: '5' } });
  f = new ContactFixtures(bed.gw.url, bed.admin);
  user = await bed.gw.token('acme', ['user']);
});
afterAll(() => bed?.stop());

const create = (input: Record<string, unknown>, token = bed.admin) =>
  gql<{ createContact: Record<string, unknown> }>(
    bed.gw.url,
    'mutation($i: CreateContactInput!) { createContact(input: $i) { id displayName emails { address type primary } phoneNumbers { number e164 type } } }',
    {
      token,
      variables: { i: input },
    },
  );

describe('contacts through GraphQL', () => {
  it('creates a contact: display name derived, first email primary, E.164 from the default country', async () => {
    const res = await create({
      givenName: ' Ioana ',
      familyName: 'Mureșan',
      emails: [{ address: 'Ioana@Acme.test' }, { address: 'i@home.test', type: 'HOME' }],
      phoneNumbers: [{ number: '0264 123 456' }, { number: '12' }],
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.createContact).toMatchObject({
      displayName: 'Ioana Mureșan',
      emails: [
        { address: 'ioana@acme.test', type: 'WORK', primary: true },
        { address: 'i@home.test', type: 'HOME', primary: false },
      ],
      phoneNumbers: [
        { number: '0264 123 456', e164: '+40264123456', type: 'WORK' },
        { number: '12', e164: null, type: 'WORK' },
      ],
    });
    await f.settings({ defaultCountry: 'DE' });
    const de = await create({ company: 'GmbH', phoneNumbers: [{ number: '030 1234567' }] });
    expect(de.body.data!.createContact).toMatchObject({ displayName: 'GmbH', phoneNumbers: [{ e164: '+49301234567' }] });
    await f.settings({ defaultCountry: 'RO' });
  });

  it.each([
    [{}, 'givenName'],
    [{ givenName: 'x'.repeat(101) }, 'givenName'],
    [{ company: 'A', emails: [{ address: 'not-an-email' }] }, 'emails[0].address'],
    [
      {
        company: 'A',
        emails: [
          { address: 'a@b.test', primary: true },
          { address: 'c@d.test', primary: true },
        ],
      },
      'emails',
    ],
    [{ company: 'A', emails: Array.from({ length: 11 }, (_, i) => ({ address: `a${i}@b.test` })) }, 'emails'],
    [{ company: 'A', phoneNumbers: [{ number: 'call me' }] }, 'phoneNumbers[0].number'],
    [{ company: 'A', addresses: [{ countryCode: 'Romania' }] }, 'addresses[0].countryCode'],
    [{ company: 'A', addresses: [{}] }, 'addresses[0]'],
    [{ company: 'A', website: 'javascript:alert(1)' }, 'website'],
    [{ company: 'A', birthday: '2999-01-01' }, 'birthday'],
    [{ company: 'A', notes: 'bell \u0007' }, 'notes'],
  ])('refuses %j with BAD_USER_INPUT naming %s, and writes nothing', async (input, field) => {
    const before = await gql<{ contacts: { edges: unknown[] } }>(bed.gw.url, '{ contacts(first: 100) { edges { cursor } } }', { token: bed.admin });
    const res = await create(input);
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors![0]!.extensions!.field).toBe(field);
    const after = await gql<{ contacts: { edges: unknown[] } }>(bed.gw.url, '{ contacts(first: 100) { edges { cursor } } }', { token: bed.admin });
    expect(after.body.data!.contacts.edges.length).toBe(before.body.data!.contacts.edges.length);
  });

  it('writes are for admins; reads for any user of the tenant; another tenant sees nothing', async () => {
    expect(errorCodes(await create({ company: 'Nope' }, user))).toEqual(['FORBIDDEN']);
    const list = await gql<{ contacts: { edges: unknown[] } }>(bed.gw.url, '{ contacts { edges { node { id } } } }', { token: user });
    expect(list.body.data!.contacts.edges.length).toBeGreaterThan(0);
    const other = await bed.gw.token('globex', ['admin']);
    const none = await gql<{ contacts: { edges: unknown[] } }>(bed.gw.url, '{ contacts { edges { node { id } } } }', { token: other });
    expect(none.body.data!.contacts.edges).toEqual([]);
    const id = (list.body.data!.contacts.edges[0] as { node: { id: string } }).node.id;
    expect(errorCodes(await gql(bed.gw.url, 'query($id: ID!) { contact(id: $id) { id } }', { token: other, variables: { id } }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await gql(bed.gw.url, 'mutation($id: ID!) { deleteContact(id: $id) }', { token: other, variables: { id } }))).toEqual(['NOT_FOUND']);
  });

  it('updates only the fields given; null clears; the derived display name follows the names', async () => {
    const id = await f.create({ givenName: 'Dan', familyName: 'Pop', company: 'Acme' });
    const res = await gql<{ updateContact: Record<string, unknown> }>(
      bed.gw.url,
      'mutation($id: ID!, $i: UpdateContactInput!) { updateContact(id: $id, input: $i) { displayName company familyName } }',
      {
        token: bed.admin,
        variables: { id, i: { familyName: 'Popa', company: null } },
      },
    );
    expect(res.body.data!.updateContact).toEqual({ displayName: 'Dan Popa', company: null, familyName: 'Popa' });
    const cleared = await gql(bed.gw.url, 'mutation($id: ID!, $i: UpdateContactInput!) { updateContact(id: $id, input: $i) { id } }', {
      token: bed.admin,
      variables: { id, i: { givenName: null, familyName: null } },
    });
    expect(errorCodes(cleared)).toEqual(['BAD_USER_INPUT']);
  });

  it('pages by display name with opaque cursors; a malformed or foreign cursor is BAD_USER_INPUT', async () => {
    for (const name of ['Zed', 'Yan', 'Xu']) await f.create({ givenName: name, familyName: 'Paged' });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { body: { data?: { contacts: { edges: { node: { displayName: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } | null } } = await gql(
        bed.gw.url,
        'query($after: String) { contacts(filter: { search: "Paged" }, first: 2, after: $after) { edges { node { displayName } } pageInfo { hasNextPage endCursor } } }',
        { token: user, variables: { after } },
      );
      const c = page.body.data!.contacts;
      seen.push(...c.edges.map((e) => e.node.displayName));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toEqual(['Xu Paged', 'Yan Paged', 'Zed Paged']);
    const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const bad of [
      '%%%',
      enc(['contacts.v1', { $gt: '' }, '00000000-0000-4000-8000-000000000000']),
      enc(['contacts.v1', 'a', 'not-a-uuid']),
      enc(['2026-01-01', '00000000-0000-4000-8000-000000000000']),
      enc({ a: 1 }),
      'x'.repeat(5000),
    ]) {
      const res = await gql(bed.gw.url, 'query($after: String) { contacts(after: $after) { edges { cursor } } }', { token: user, variables: { after: bad } });
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.body.errors![0]!.extensions!.field).toBe('after');
    }
  });

  it('settings: validated, admin only, and the authorization asks for the scope of the tenant’s target only', async () => {
    const bad = await gql(bed.gw.url, 'mutation { updateContactsSettings(input: { domain: "not a domain" }) { domain } }', { token: bed.admin });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(bed.gw.url, 'mutation { updateContactsSettings(input: { domain: "example.com" }) { domain } }', { token: user }))).toEqual(['FORBIDDEN']);
    const view = await gql<{ contactsSettings: Record<string, unknown> }>(bed.gw.url, '{ contactsSettings { target domain groupName defaultCountry googleScope } }', { token: user });
    expect(view.body.data!.contactsSettings).toEqual({ target: 'DOMAIN_SHARED', domain: null, groupName: 'acme', defaultCountry: 'RO', googleScope: M8 });

    await setCredentials(bed);
    expect(new URL((await requestAuthorization(bed)).url).searchParams.get('scope')).toBe(M8);
    await f.settings({ target: 'USER_GROUP', groupName: 'Acme contacts' });
    expect(new URL((await requestAuthorization(bed)).url).searchParams.get('scope')).toBe(PEOPLE);
    await f.settings({ target: 'DOMAIN_SHARED', domain: 'Example.COM' });
    const saved = await gql<{ contactsSettings: Record<string, unknown> }>(bed.gw.url, '{ contactsSettings { target domain groupName } }', { token: user });
    expect(saved.body.data!.contactsSettings).toEqual({ target: 'DOMAIN_SHARED', domain: 'example.com', groupName: 'Acme contacts' });
  });

  it('more contacts than the domain allows, and a token that may not use the domain, fail the run with a clear error', async () => {
    await connectGoogle(bed);
    // CONTACTS_DOMAIN_LIMIT is 5 here, and the tenant has more.
    const tooMany = await syncContacts(bed.gw.url, bed.admin);
    expect(tooMany).toMatchObject({ status: 'FAILED', created: 0 });
    expect(tooMany.error).toMatch(/The tenant has \d+ contacts, more than the 5 shared contacts Google allows the domain example\.com; nothing was pushed/);
    expect(bed.google.sharedContacts.writeCount).toBe(0);

    const list = await gql<{ contacts: { edges: { node: { id: string } }[] } }>(bed.gw.url, '{ contacts(first: 100) { edges { node { id } } } }', { token: bed.admin });
    for (const e of list.body.data!.contacts.edges.slice(2)) await f.delete(e.node.id);
    bed.google.sharedContacts.setDomainAdmins('example.com', ['someone-else@example.com']);
    const denied = await syncContacts(bed.gw.url, bed.admin);
    expect(denied).toMatchObject({ status: 'FAILED', created: 0 });
    expect(denied.error).toMatch(/refused the shared contacts of example\.com .*must be an administrator of example\.com/);
    bed.google.sharedContacts.setDomainAdmins('example.com', null);
    expect(await syncContacts(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', created: 2 });
  });
});
