import { CodeChallengeMethod, OAuth2Client } from 'google-auth-library';
import { people as googlePeople } from 'googleapis/build/src/apis/people';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { M8_SCOPE, PEOPLE_SCOPE, startGoogleEmulator, type GoogleEmulator } from './index';

const CLIENT = { clientId: '123-gateway.apps.googleusercontent.com', clientSecret: 'GOCSPX-emulator-secret', redirectUris: ['http://127.0.0.1:4000/google/callback'] };
const ATOM = 'xmlns="http://www.w3.org/2005/Atom" xmlns:gd="http://schemas.google.com/g/2005" xmlns:batch="http://schemas.google.com/gdata/batch"';
let emulator: GoogleEmulator;

beforeAll(async () => {
  emulator = await startGoogleEmulator();
  emulator.registerClient(CLIENT);
});
afterAll(() => emulator?.close());
beforeEach(() => emulator.reset());

/** An access token of admin@example.com for the scopes, from the emulator's own OAuth flow. */
async function token(scope: string[]): Promise<OAuth2Client> {
  const auth = new OAuth2Client({ clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, redirectUri: CLIENT.redirectUris[0], endpoints: emulator.oauth2ClientEndpoints });
  const { codeVerifier, codeChallenge } = await auth.generateCodeVerifierAsync();
  const consent = await fetch(auth.generateAuthUrl({ access_type: 'offline', scope, code_challenge_method: CodeChallengeMethod.S256, code_challenge: codeChallenge }), { redirect: 'manual' });
  const code = new URL(consent.headers.get('location')!).searchParams.get('code')!;
  const { tokens } = await auth.getToken({ code, codeVerifier });
  auth.setCredentials(tokens);
  return auth;
}

async function m8(auth: OAuth2Client, method: string, path: string, body?: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${emulator.m8Root}${path}`, {
    method,
    headers: { authorization: `Bearer ${auth.credentials.access_token}`, 'gdata-version': '3.0', ...(body ? { 'content-type': 'application/atom+xml' } : {}), ...headers },
    body,
  });
  return { status: res.status, text: await res.text(), etag: res.headers.get('etag') };
}

const entry = (given: string, extra = '') => `<entry ${ATOM}><gd:name><gd:givenName>${given}</gd:givenName></gd:name>${extra}</entry>`;

describe('Domain Shared Contacts (GData v3)', () => {
  it('refuses a token without the m8 scope, a wrong domain and a missing GData-Version with 403/400', async () => {
    const noScope = await token(['https://www.googleapis.com/auth/calendar.events']);
    expect((await m8(noScope, 'GET', '/contacts/example.com/full')).status).toBe(403);
    const admin = await token([M8_SCOPE]);
    const other = await m8(admin, 'GET', '/contacts/other.org/full');
    expect(other.status).toBe(403);
    expect(other.text).toContain('<code>forbidden</code>');
    expect((await m8(admin, 'GET', '/contacts/example.com/full', undefined, { 'gdata-version': '2.0' })).status).toBe(400);
  });

  it('POST, GET, PUT and DELETE with etags (412 on a stale If-Match), updated-min and showdeleted', async () => {
    const admin = await token([M8_SCOPE]);
    const made = await m8(admin, 'POST', '/contacts/example.com/full', entry('Ana &amp; &lt;Co&gt;'));
    expect(made.status).toBe(201);
    const [c] = emulator.sharedContacts.contacts('example.com');
    expect(c!.givenName).toBe('Ana & <Co>');
    const got = await m8(admin, 'GET', `/contacts/example.com/full/${c!.id}`);
    expect(got.etag).toBe(c!.etag);
    expect((await m8(admin, 'PUT', `/contacts/example.com/full/${c!.id}`, entry('Stale'), { 'if-match': '"old"' })).status).toBe(412);
    expect((await m8(admin, 'PUT', `/contacts/example.com/full/${c!.id}`, entry('Ioana'), { 'if-match': c!.etag })).status).toBe(200);
    const since = new Date().toISOString();
    const later = await m8(admin, 'POST', '/contacts/example.com/full', entry('Later'));
    expect(later.status).toBe(201);
    const recent = await m8(admin, 'GET', `/contacts/example.com/full?updated-min=${encodeURIComponent(since)}`);
    expect(recent.text).toContain('Later');
    expect(recent.text).not.toContain('Ioana');
    const current = emulator.sharedContacts.contact('example.com', c!.id)!;
    expect((await m8(admin, 'DELETE', `/contacts/example.com/full/${c!.id}`, undefined, { 'if-match': current.etag })).status).toBe(200);
    expect((await m8(admin, 'GET', `/contacts/example.com/full/${c!.id}`)).status).toBe(404);
    expect((await m8(admin, 'GET', '/contacts/example.com/full?showdeleted=true')).text).toContain('<gd:deleted');
  });

  it('answers each batch operation with its own status; more than 100 is refused; too many extended properties is invalid', async () => {
    const admin = await token([M8_SCOPE]);
    const props = Array.from({ length: 11 }, (_, i) => `<gd:extendedProperty name="p${i}" value="v"/>`).join('');
    const feed = `<feed ${ATOM}>
      <entry><batch:id>a</batch:id><batch:operation type="insert"/><gd:name><gd:givenName>A</gd:givenName></gd:name></entry>
      <entry><batch:id>b</batch:id><batch:operation type="insert"/><gd:name><gd:givenName>B</gd:givenName></gd:name>${props}</entry>
      <entry><batch:id>c</batch:id><batch:operation type="delete"/><id>http://www.google.com/m8/feeds/contacts/example.com/base/nope</id></entry></feed>`;
    const res = await m8(admin, 'POST', '/contacts/example.com/full/batch', feed);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<batch:id>a<\/batch:id>.*code="201"/s);
    expect(res.text).toMatch(/<batch:id>b<\/batch:id>.*code="400".*At most 10 extended properties/s);
    expect(res.text).toMatch(/<batch:id>c<\/batch:id>.*code="404"/s);
    const big = `<feed ${ATOM}>${Array.from({ length: 101 }, (_, i) => `<entry><batch:id>${i}</batch:id><batch:operation type="insert"/><title>x</title></entry>`).join('')}</feed>`;
    expect((await m8(admin, 'POST', '/contacts/example.com/full/batch', big)).status).toBe(400);
  });

  it('lost responses still write; quotas answer 429', async () => {
    const admin = await token([M8_SCOPE]);
    emulator.sharedContacts.injectFaults({ rate: 1, kinds: ['lostResponse'], maxFaults: 1 });
    await expect(m8(admin, 'POST', '/contacts/example.com/full', entry('Lost'))).rejects.toThrow();
    expect(emulator.sharedContacts.contacts('example.com').map((c) => c.givenName)).toEqual(['Lost']);
    emulator.sharedContacts.setQuota({ perMinute: 1 });
    expect((await m8(admin, 'GET', '/contacts/example.com/full')).status).toBe(200);
    expect((await m8(admin, 'GET', '/contacts/example.com/full')).status).toBe(429);
  });
});

describe('People API v1', () => {
  it('batch limits, group membership, clientData, etags and lagging reads', async () => {
    const api = googlePeople({ version: 'v1', auth: await token([PEOPLE_SCOPE]), rootUrl: `${emulator.url}/`, retry: false });
    const group = (await api.contactGroups.create({ requestBody: { contactGroup: { name: 'G' } } })).data;
    const person = (i: number) => ({
      contactPerson: {
        names: [{ givenName: `P${i}` }],
        clientData: [{ key: 'erpContactId', value: String(i) }],
        memberships: [{ contactGroupMembership: { contactGroupResourceName: group.resourceName } }],
      },
    });
    await expect(api.people.batchCreateContacts({ requestBody: { contacts: Array.from({ length: 201 }, (_, i) => person(i)), readMask: 'metadata' } })).rejects.toMatchObject({ status: 400 });
    emulator.people.setReadLag(60_000);
    const made = (await api.people.batchCreateContacts({ requestBody: { contacts: [person(1), person(2)], readMask: 'clientData' } })).data.createdPeople!;
    expect(made.map((p) => p.person!.clientData![0]!.value)).toEqual(['1', '2']);
    expect((await api.people.connections.list({ resourceName: 'people/me', personFields: 'clientData' })).data.connections ?? []).toEqual([]);
    emulator.advanceTime(61);
    const listed = (await api.people.connections.list({ resourceName: 'people/me', personFields: 'clientData,memberships' })).data.connections!;
    expect(listed).toHaveLength(2);
    expect((await api.contactGroups.get({ resourceName: group.resourceName!, maxMembers: 10 })).data.memberCount).toBe(2);
    const first = made[0]!.person!;
    await expect(
      api.people.batchUpdateContacts({ requestBody: { contacts: { [first.resourceName!]: { etag: 'stale', names: [{ givenName: 'X' }] } }, updateMask: 'names', readMask: 'metadata' } }),
    ).rejects.toMatchObject({ status: 400 });
    await api.people.batchUpdateContacts({ requestBody: { contacts: { [first.resourceName!]: { etag: first.etag, names: [{ givenName: 'X' }] } }, updateMask: 'names', readMask: 'metadata' } });
    await expect(api.people.batchDeleteContacts({ requestBody: { resourceNames: Array.from({ length: 501 }, () => first.resourceName!) } })).rejects.toMatchObject({ status: 400 });
    await api.people.batchDeleteContacts({ requestBody: { resourceNames: [first.resourceName!] } });
    expect(emulator.people.contacts('admin@example.com').map((c) => c.names[0]!.givenName)).toEqual(['P2']);
    await api.contactGroups.members.modify({ resourceName: group.resourceName!, requestBody: { resourceNamesToRemove: [made[1]!.person!.resourceName!] } });
    expect(emulator.people.groups('admin@example.com')).toEqual([{ resourceName: group.resourceName, name: 'G', memberCount: 0 }]);
  });
});
