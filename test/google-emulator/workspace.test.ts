import { generateKeyPairSync } from 'node:crypto';
import { CodeChallengeMethod, JWT, OAuth2Client } from 'google-auth-library';
import { calendar as googleCalendar, type calendar_v3 } from 'googleapis/build/src/apis/calendar';
import { importPKCS8, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CALENDAR_EVENTS_SCOPE, CALENDAR_SCOPE, startGoogleEmulator, type GoogleAccount, type GoogleApiErrorBody, type GoogleEmulator, type ServiceAccountKey } from './index';

const CLIENT = {
  clientId: '123-gateway.apps.googleusercontent.com',
  clientSecret: 'GOCSPX-emulator-secret',
  redirectUris: ['http://127.0.0.1:4000/google/callback'],
};
const ADMIN = 'admin@example.com';
const ANA = 'ana@example.com';
const BOB = 'bob@example.com';
const CONTACTS_SCOPE = 'https://www.googleapis.com/auth/contacts';

let emulator: GoogleEmulator;

beforeAll(async () => {
  emulator = await startGoogleEmulator();
  emulator.registerClient(CLIENT);
});

afterAll(() => emulator?.close());

beforeEach(() => {
  emulator.reset();
  emulator.clearRequests();
});

const event = (id?: string): calendar_v3.Schema$Event => ({ ...(id ? { id } : {}), start: { dateTime: '2025-05-01T10:00:00Z' }, end: { dateTime: '2025-05-01T11:00:00Z' }, summary: 'Task' });

/** A googleapis Calendar client with a token from the emulator's OAuth flow, as `account` (default admin@example.com). */
async function connect(o: { scope?: string[]; account?: GoogleAccount } = {}): Promise<calendar_v3.Calendar> {
  const auth = new OAuth2Client({ clientId: CLIENT.clientId, clientSecret: CLIENT.clientSecret, redirectUri: CLIENT.redirectUris[0], endpoints: emulator.oauth2ClientEndpoints });
  if (o.account) emulator.setConsent({ decision: 'approve', account: o.account, once: true });
  const { codeVerifier, codeChallenge } = await auth.generateCodeVerifierAsync();
  const consent = await fetch(auth.generateAuthUrl({ access_type: 'offline', scope: o.scope ?? [CALENDAR_SCOPE], code_challenge_method: CodeChallengeMethod.S256, code_challenge: codeChallenge }), {
    redirect: 'manual',
  });
  const code = new URL(consent.headers.get('location')!).searchParams.get('code')!;
  const { tokens } = await auth.getToken({ code, codeVerifier });
  auth.setCredentials(tokens);
  return withToken(auth);
}

function withToken(auth: OAuth2Client | string): calendar_v3.Calendar {
  if (typeof auth === 'string') {
    const client = new OAuth2Client();
    client.setCredentials({ access_token: auth, expiry_date: Date.now() + 3_600_000 });
    auth = client;
  }
  return googleCalendar({ version: 'v3', auth, rootUrl: `${emulator.url}/`, retry: false });
}

async function rejection(p: Promise<unknown>): Promise<{ status?: number; data?: GoogleApiErrorBody }> {
  try {
    const answer = await p;
    throw new Error(`expected the call to fail, got ${JSON.stringify((answer as { data?: unknown }).data)}`);
  } catch (err) {
    const e = err as { response?: { status: number; data: GoogleApiErrorBody } };
    if (!e.response) throw err;
    return { status: e.response.status, data: e.response.data };
  }
}

const reasonOf = (r: { data?: GoogleApiErrorBody }) => r.data?.error.errors[0]?.reason;

/** A JWT bearer assertion signed with `jose`, as a gateway would build it. */
async function assertion(key: ServiceAccountKey, claims: Record<string, unknown>, o: { kid?: string | null; pem?: string; lifetime?: number; iat?: number } = {}): Promise<string> {
  const iat = o.iat ?? Math.floor(Date.now() / 1000);
  const header: { alg: 'RS256'; typ: 'JWT'; kid?: string } = { alg: 'RS256', typ: 'JWT' };
  if (o.kid !== null) header.kid = o.kid ?? key.private_key_id;
  return new SignJWT({ iss: key.client_email, aud: key.token_uri, iat, exp: iat + (o.lifetime ?? 3600), ...claims })
    .setProtectedHeader(header)
    .sign(await importPKCS8(o.pem ?? key.private_key, 'RS256'));
}

async function grant(assertionJwt: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(emulator.env.GOOGLE_OAUTH_TOKEN_URL, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: assertionJwt }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function delegatedToken(key: ServiceAccountKey, sub: string, scopes = [CALENDAR_SCOPE]): Promise<string> {
  const r = await grant(await assertion(key, { sub, scope: scopes.join(' ') }));
  if (r.status !== 200) throw new Error(`grant failed: ${JSON.stringify(r.body)}`);
  return r.body.access_token as string;
}

describe('domain and calendar ownership', () => {
  it('users of the domain have a primary calendar owned by them; other ids are 404; `primary` is the caller’s own', async () => {
    expect(emulator.domain.name).toBe('example.com');
    expect(emulator.domain.users().map((u) => u.email)).toEqual([ADMIN]);
    emulator.domain.addUser(ANA, { name: 'Ana Pop' });
    expect(emulator.domain.users()).toMatchObject([{ email: ADMIN }, { email: ANA, name: 'Ana Pop', suspended: false }]);
    expect(() => emulator.domain.addUser('ana@acme.test')).toThrow(/not in the domain/);
    emulator.domain.addDomain('acme.test');
    emulator.domain.addUser('ana@acme.test');
    expect(emulator.calendar.calendar(ANA)).toMatchObject({ id: ANA, owner: ANA, primary: true });
    expect(emulator.calendar.calendar('nobody@example.com')).toBeUndefined();

    const admin = await connect();
    const mine = await admin.events.insert({ calendarId: 'primary', requestBody: event() });
    expect(mine.data.organizer?.email).toBe(ADMIN);
    expect((await rejection(admin.events.list({ calendarId: 'nobody@example.com' }))).status).toBe(404);
    expect((await rejection(admin.events.list({ calendarId: 'c_0000@group.calendar.google.com' }))).status).toBe(404);

    // Someone outside the domain who signs in has their own primary calendar.
    const jane = await connect({ account: { sub: '2000', email: 'jane@gmail.com' } });
    const janes = await jane.events.insert({ calendarId: 'primary', requestBody: event('janetask1') });
    expect(janes.data.organizer?.email).toBe('jane@gmail.com');
    expect(emulator.calendar.events('jane@gmail.com').map((e) => e.id)).toEqual(['janetask1']);
    expect(emulator.calendar.events(ADMIN).map((e) => e.id)).toEqual([mine.data.id]);
    expect(emulator.requests.filter((r) => r.path.startsWith('/calendar/')).map((r) => r.caller?.email)).toEqual([ADMIN, ADMIN, ADMIN, 'jane@gmail.com']);

    emulator.domain.removeUser(ANA);
    expect(emulator.calendar.calendar(ANA)).toBeUndefined();
    expect((await rejection(admin.events.list({ calendarId: ANA }))).status).toBe(404);
  });

  it('ACL: none → 404, freeBusyReader sees times only, reader reads but 403 requiredAccessLevel on writes, writer writes; unshare → 404 again', async () => {
    emulator.domain.addUser(ANA);
    emulator.calendar.userInsert(ANA, { id: 'anaprivate1', summary: 'Dentist', start: { dateTime: '2025-05-02T08:00:00Z' }, end: { dateTime: '2025-05-02T09:00:00Z' } });
    const admin = await connect();
    const denied = [
      () => admin.events.list({ calendarId: ANA }),
      () => admin.events.get({ calendarId: ANA, eventId: 'anaprivate1' }),
      () => admin.events.insert({ calendarId: ANA, requestBody: event() }),
      () => admin.events.delete({ calendarId: ANA, eventId: 'anaprivate1' }),
      () => admin.calendars.get({ calendarId: ANA }),
      () => admin.acl.list({ calendarId: ANA }),
    ];
    for (const call of denied) {
      const r = await rejection(call());
      expect(r.status).toBe(404);
      expect(r.data!.error).toMatchObject({ code: 404, message: 'Not Found', errors: [{ domain: 'global', reason: 'notFound', message: 'Not Found' }] });
    }

    emulator.calendar.share(ANA, ADMIN, 'freeBusyReader');
    const busy = await admin.events.list({ calendarId: ANA });
    expect(busy.data.accessRole).toBe('freeBusyReader');
    expect(busy.data.items).toEqual([expect.objectContaining({ id: 'anaprivate1', start: { dateTime: '2025-05-02T08:00:00Z' } })]);
    expect(busy.data.items![0]!.summary).toBeUndefined();
    expect((await rejection(admin.events.get({ calendarId: ANA, eventId: 'anaprivate1' }))).status).toBe(404);

    emulator.calendar.share(ANA, ADMIN, 'reader');
    expect((await admin.events.get({ calendarId: ANA, eventId: 'anaprivate1' })).data.summary).toBe('Dentist');
    for (const call of [
      () => admin.events.insert({ calendarId: ANA, requestBody: event() }),
      () => admin.events.patch({ calendarId: ANA, eventId: 'anaprivate1', requestBody: { summary: 'x' } }),
      () => admin.events.delete({ calendarId: ANA, eventId: 'anaprivate1' }),
    ]) {
      const r = await rejection(call());
      expect(r.status).toBe(403);
      expect(r.data!.error).toEqual({
        code: 403,
        message: 'You need to have writer access to this calendar.',
        status: 'PERMISSION_DENIED',
        errors: [{ domain: 'calendar', reason: 'requiredAccessLevel', message: 'You need to have writer access to this calendar.' }],
      });
    }

    emulator.calendar.share(ANA, ADMIN, 'writer');
    expect(emulator.calendar.accessRole(ANA, ADMIN)).toBe('writer');
    const written = await admin.events.insert({ calendarId: ANA, requestBody: event('admintask1') });
    expect(written.data.organizer).toMatchObject({ email: ANA });
    expect((await admin.events.list({ calendarId: ANA })).data.accessRole).toBe('writer');
    // A writer reads the ACL but may not change it.
    expect((await admin.acl.list({ calendarId: ANA })).data.items!.map((r) => [r.id, r.role])).toEqual([
      [`user:${ANA}`, 'owner'],
      [`user:${ADMIN}`, 'writer'],
    ]);
    const notOwner = await rejection(admin.acl.insert({ calendarId: ANA, requestBody: { role: 'reader', scope: { type: 'user', value: BOB } } }));
    expect(notOwner.status).toBe(403);
    expect(notOwner.data!.error.message).toBe('You need to have owner access to this calendar.');

    emulator.calendar.unshare(ANA, ADMIN);
    expect((await rejection(admin.events.list({ calendarId: ANA }))).status).toBe(404);

    // Domain-wide and group rules count too.
    emulator.calendar.share(ANA, 'example.com', 'reader', 'domain');
    expect((await admin.events.list({ calendarId: ANA })).data.accessRole).toBe('reader');
    emulator.domain.setGroup('team@example.com', [ADMIN]);
    emulator.calendar.share(ANA, 'team@example.com', 'writer', 'group');
    expect((await admin.events.list({ calendarId: ANA })).data.accessRole).toBe('writer');
  });
});

describe('calendars, acl and calendarList endpoints', () => {
  it('calendars.insert / get / patch / delete with owner checks', async () => {
    emulator.domain.addUser(ANA);
    const admin = await connect();
    const created = await admin.calendars.insert({ requestBody: { summary: 'Tasks · Ana Pop', timeZone: 'Europe/Bucharest' } });
    const id = created.data.id!;
    expect(id).toMatch(/^c_[0-9a-f]{64}@group\.calendar\.google\.com$/);
    expect(created.data).toMatchObject({ kind: 'calendar#calendar', summary: 'Tasks · Ana Pop', timeZone: 'Europe/Bucharest' });
    expect(emulator.calendar.calendarsOwnedBy(ADMIN).map((c) => [c.id, c.primary])).toEqual([
      [ADMIN, true],
      [id, false],
    ]);
    expect((await admin.calendars.get({ calendarId: id })).data.summary).toBe('Tasks · Ana Pop');
    expect((await admin.calendars.patch({ calendarId: id, requestBody: { summary: 'Tasks · Ana Pop-Ionescu' } })).data.summary).toBe('Tasks · Ana Pop-Ionescu');
    const missingTitle = await rejection(admin.calendars.insert({ requestBody: { timeZone: 'UTC' } }));
    expect(missingTitle.status).toBe(400);
    expect(reasonOf(missingTitle)).toBe('required');
    expect(reasonOf(await rejection(admin.calendars.insert({ requestBody: { summary: 'x', timeZone: 'Mars/Olympus' } })))).toBe('invalid');

    // Ana, a writer, may write events but neither rename nor delete it; strangers see nothing.
    emulator.calendar.share(id, ANA, 'writer');
    const ana = await connect({ account: { sub: '3000', email: ANA } });
    expect((await ana.events.insert({ calendarId: id, requestBody: event() })).status).toBe(200);
    expect((await rejection(ana.calendars.patch({ calendarId: id, requestBody: { summary: 'mine' } }))).data!.error.message).toBe('You need to have owner access to this calendar.');
    expect((await rejection(ana.calendars.delete({ calendarId: id }))).status).toBe(403);
    const primary = await rejection(admin.calendars.delete({ calendarId: 'primary' }));
    expect(primary.status).toBe(400);
    expect(reasonOf(primary)).toBe('cannotDeletePrimaryCalendar');

    expect((await admin.calendars.delete({ calendarId: id })).status).toBe(204);
    expect(emulator.calendar.calendar(id)).toBeUndefined();
    expect((await rejection(ana.events.list({ calendarId: id }))).status).toBe(404);
    expect((await rejection(admin.calendars.get({ calendarId: id }))).status).toBe(404);
    expect(emulator.calendar.callsByResourceMethod).toMatchObject({ 'calendars.insert': 3, 'calendars.patch': 2, 'calendars.delete': 3, 'calendars.get': 2 });
  });

  it('acl.insert (sendNotifications recorded) / list / get / patch / delete; the owner’s own rule cannot change; calendarList shows shared calendars', async () => {
    emulator.domain.addUser(ANA);
    const admin = await connect();
    const id = (await admin.calendars.insert({ requestBody: { summary: 'Tasks · Ana Pop' } })).data.id!;
    const rule = await admin.acl.insert({ calendarId: id, sendNotifications: false, requestBody: { role: 'reader', scope: { type: 'user', value: 'Ana@Example.com' } } });
    expect(rule.data).toMatchObject({ kind: 'calendar#aclRule', id: `user:${ANA}`, role: 'reader', scope: { type: 'user', value: ANA } });
    expect(emulator.calendar.acl(id)).toMatchObject([
      { id: `user:${ADMIN}`, role: 'owner' },
      { id: `user:${ANA}`, role: 'reader', sendNotifications: false },
    ]);
    // Inserting a rule for the same grantee replaces it; without the parameter Google notifies.
    await admin.acl.insert({ calendarId: id, requestBody: { role: 'writer', scope: { type: 'user', value: ANA } } });
    expect(emulator.calendar.acl(id)[1]).toMatchObject({ role: 'writer', sendNotifications: true });
    expect((await admin.acl.get({ calendarId: id, ruleId: `user:${ANA}` })).data.role).toBe('writer');
    expect((await admin.acl.patch({ calendarId: id, ruleId: `user:${ANA}`, requestBody: { role: 'reader' } })).data.role).toBe('reader');
    expect((await admin.acl.list({ calendarId: id })).data.items!.map((r) => r.id)).toEqual([`user:${ADMIN}`, `user:${ANA}`]);

    const own = await rejection(admin.acl.delete({ calendarId: id, ruleId: `user:${ADMIN}` }));
    expect(own.status).toBe(403);
    expect(reasonOf(own)).toBe('cannotChangeOwnAcl');
    expect(reasonOf(await rejection(admin.acl.insert({ calendarId: id, requestBody: { role: 'boss', scope: { type: 'user', value: ANA } } })))).toBe('invalid');
    expect(reasonOf(await rejection(admin.acl.insert({ calendarId: id, requestBody: { role: 'reader', scope: { type: 'user' } } })))).toBe('required');

    const ana = await connect({ account: { sub: '3000', email: ANA } });
    const list = await ana.calendarList.list();
    expect(list.data.items!.map((e) => [e.id, e.accessRole, e.primary ?? false])).toEqual([
      [ANA, 'owner', true],
      [id, 'reader', false],
    ]);
    expect((await ana.calendarList.list({ minAccessRole: 'writer' })).data.items!.map((e) => e.id)).toEqual([ANA]);
    expect((await ana.calendarList.get({ calendarId: id })).data.summary).toBe('Tasks · Ana Pop');

    expect((await admin.acl.delete({ calendarId: id, ruleId: `user:${ANA}` })).status).toBe(204);
    expect((await rejection(ana.events.list({ calendarId: id }))).status).toBe(404);
    expect((await rejection(admin.acl.get({ calendarId: id, ruleId: `user:${ANA}` }))).status).toBe(404);
    expect((await ana.calendarList.list()).data.items!.map((e) => e.id)).toEqual([ANA]);
  });

  it('acl.list and calendarList.list page; a removed user’s token answers 401', async () => {
    emulator.domain.addUser(ANA);
    const admin = await connect();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const id = emulator.calendar.createCalendar(ANA, { summary: `Shared ${i}` });
      emulator.calendar.share(id, ADMIN, 'writer'); // a writer may read the ACL
      ids.push(id);
    }
    for (let i = 0; i < 4; i++) emulator.calendar.share(ids[0]!, `guest${i}@gmail.com`, 'reader');
    const first = await admin.acl.list({ calendarId: ids[0]!, maxResults: 4 });
    expect(first.data.items).toHaveLength(4);
    const second = await admin.acl.list({ calendarId: ids[0]!, maxResults: 4, pageToken: first.data.nextPageToken! });
    expect(second.data.nextPageToken).toBeUndefined();
    expect([...first.data.items!, ...second.data.items!].map((r) => r.id)).toEqual(emulator.calendar.acl(ids[0]!).map((r) => r.id));
    expect(reasonOf(await rejection(admin.acl.list({ calendarId: ids[0]!, pageToken: 'nonsense' })))).toBe('invalid');

    const seen: string[] = [];
    let pageToken: string | undefined;
    do {
      const page = await admin.calendarList.list({ maxResults: 2, pageToken });
      seen.push(...page.data.items!.map((e) => e.id!));
      pageToken = page.data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(seen).toEqual([ADMIN, ...ids]);

    const ana = await connect({ account: { sub: '3000', email: ANA } });
    expect((await ana.events.list({ calendarId: 'primary' })).status).toBe(200);
    emulator.domain.removeUser(ANA);
    expect((await rejection(ana.events.list({ calendarId: 'primary' }))).status).toBe(401);
    expect((await admin.calendarList.list()).data.items!.map((e) => e.id)).toEqual([ADMIN, ...ids]); // her secondary calendars stay
  });

  it('the calendar.events scope cannot create calendars nor share them', async () => {
    const admin = await connect({ scope: [CALENDAR_EVENTS_SCOPE] });
    expect(reasonOf(await rejection(admin.calendars.insert({ requestBody: { summary: 'x' } })))).toBe('insufficientPermissions');
    expect(reasonOf(await rejection(admin.acl.list({ calendarId: 'primary' })))).toBe('insufficientPermissions');
  });

  it('a lost answer to calendars.insert still creates the calendar', async () => {
    const admin = await connect();
    emulator.calendar.injectFaults({ rate: 1, kinds: ['lostResponse'], methods: ['calendars.insert'], maxFaults: 1 });
    await expect(admin.calendars.insert({ requestBody: { summary: 'Tasks · Ana Pop' } })).rejects.toThrow();
    expect(emulator.calendar.calendarsOwnedBy(ADMIN).map((c) => c.summary)).toEqual([ADMIN, 'Tasks · Ana Pop']);
    expect(emulator.calendar.faultsInjected.lostResponse).toBe(1);
  });
});

describe('service accounts and domain-wide delegation', () => {
  it('the key file is Google’s; without sub the token acts as the service account; with sub as the user, once delegation lists every scope', async () => {
    emulator.domain.addUser(ANA);
    const key = emulator.serviceAccounts.create({ name: 'erp-sync' });
    expect(key).toMatchObject({
      type: 'service_account',
      project_id: 'erp-gateway-project',
      client_email: 'erp-sync@erp-gateway-project.iam.gserviceaccount.com',
      token_uri: emulator.env.GOOGLE_OAUTH_TOKEN_URL,
      auth_uri: emulator.env.GOOGLE_OAUTH_AUTH_URL,
    });
    expect(key.client_id).toMatch(/^\d{21}$/);
    expect(key.private_key).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);

    // Its own token: it owns the calendars it creates.
    const own = await grant(await assertion(key, { scope: CALENDAR_SCOPE }));
    expect(own).toMatchObject({ status: 200, body: { token_type: 'Bearer', expires_in: 3600 } });
    const asRobot = withToken(own.body.access_token as string);
    const robotCal = (await asRobot.calendars.insert({ requestBody: { summary: 'Robot' } })).data.id!;
    expect(emulator.calendar.calendar(robotCal)!.owner).toBe(key.client_email);
    expect((await rejection(asRobot.events.list({ calendarId: ANA }))).status).toBe(404);

    // Impersonation: refused until the client id is listed with every requested scope.
    const refused = await grant(await assertion(key, { sub: ANA, scope: CALENDAR_SCOPE }));
    expect(refused).toEqual({
      status: 401,
      body: { error: 'unauthorized_client', error_description: 'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.' },
    });
    emulator.delegation.authorize(key.client_id, [CALENDAR_SCOPE]);
    expect(emulator.delegation.list()).toEqual([{ clientId: key.client_id, scopes: [CALENDAR_SCOPE] }]);
    expect((await grant(await assertion(key, { sub: ANA, scope: `${CALENDAR_SCOPE} ${CONTACTS_SCOPE}` }))).body.error).toBe('unauthorized_client');
    expect((await grant(await assertion(key, { sub: ANA, scope: CONTACTS_SCOPE }))).body.error).toBe('unauthorized_client');

    const token = await delegatedToken(key, ANA);
    expect(emulator.requests.filter((r) => r.path === '/token' && r.status === 200).map((r) => r.caller)).toEqual([
      { email: key.client_email, clientId: key.client_id, via: 'serviceAccount' },
      { email: ANA, clientId: key.client_id, via: 'delegation' },
    ]);
    const asAna = withToken(token);
    const written = await asAna.events.insert({ calendarId: 'primary', requestBody: event('delegated1') });
    expect(written.data.organizer).toMatchObject({ email: ANA, self: true });
    expect(emulator.calendar.events(ANA).map((e) => e.id)).toEqual(['delegated1']);
    expect(emulator.requests.at(-1)!.caller).toEqual({ email: ANA, clientId: key.client_id, via: 'delegation' });
    expect(emulator.calendar.requestsBySubject).toMatchObject({ [ANA]: 1, [key.client_email]: 2 });

    // The token's scopes are what was asked for.
    const info = await fetch(`${emulator.url}/tokeninfo?access_token=${token}`).then((r) => r.json() as Promise<Record<string, string>>);
    expect(info).toMatchObject({ azp: key.client_id, scope: CALENDAR_SCOPE });

    emulator.delegation.revoke(key.client_id);
    expect((await grant(await assertion(key, { sub: ANA, scope: CALENDAR_SCOPE }))).status).toBe(401);
  });

  it('refuses bad assertions as Google does: signature, key id, audience, lifetime, scope, subject', async () => {
    emulator.domain.addUser(ANA);
    emulator.domain.addExternalAccount('jane@gmail.com');
    const key = emulator.serviceAccounts.create({ name: 'erp-sync' });
    emulator.delegation.authorize(key.client_id, [CALENDAR_SCOPE]);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const claims = { sub: ANA, scope: CALENDAR_SCOPE };
    const invalidGrant = (description: string) => ({ status: 400, body: { error: 'invalid_grant', error_description: description } });

    expect(await grant(await assertion(key, claims, { pem: other }))).toEqual(invalidGrant('Invalid JWT Signature.'));
    expect(await grant(await assertion(key, claims, { kid: 'f'.repeat(40) }))).toEqual(invalidGrant('Invalid JWT Signature.'));
    expect((await grant(await assertion(key, claims, { kid: null }))).status).toBe(200); // no kid: any of the account's keys
    expect(await grant(await assertion(key, { ...claims, aud: 'https://example.com/token' }))).toEqual(invalidGrant('Invalid JWT: Failed audience check.'));
    expect((await grant(await assertion(key, { ...claims, aud: 'https://oauth2.googleapis.com/token' }))).status).toBe(200);
    const shortLived = 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.';
    expect(await grant(await assertion(key, claims, { lifetime: 3601 }))).toEqual(invalidGrant(shortLived));
    expect(await grant(await assertion(key, claims, { iat: Math.floor(Date.now() / 1000) - 7200 }))).toEqual(invalidGrant(shortLived));
    emulator.advanceTime(7200); // the emulator's clock judges: an assertion signed by a clock two hours behind is stale
    expect(await grant(await assertion(key, claims))).toEqual(invalidGrant(shortLived));
    expect((await grant(await assertion(key, claims, { iat: Math.floor(Date.now() / 1000) + 7200 }))).status).toBe(200);
    emulator.reset();
    emulator.domain.addUser(ANA);
    emulator.domain.addExternalAccount('jane@gmail.com');
    const key2 = emulator.serviceAccounts.create({ name: 'erp-sync' });
    emulator.delegation.authorize(key2.client_id, [CALENDAR_SCOPE]);
    expect(await grant(await assertion(key2, { sub: ANA }))).toEqual({ status: 400, body: { error: 'invalid_scope', error_description: 'Invalid OAuth scope or ID token audience provided.' } });
    expect(await grant(await assertion(key2, { ...claims, iss: 'ghost@erp-gateway-project.iam.gserviceaccount.com' }))).toEqual(invalidGrant('Invalid grant: account not found'));
    // The same address again after reset is a new service account: the first one's key no longer signs for it.
    expect(await grant(await assertion(key, claims))).toEqual(invalidGrant('Invalid JWT Signature.'));

    // The subject must be an active user of the domain.
    expect(await grant(await assertion(key2, { ...claims, sub: 'nobody@example.com' }))).toEqual(invalidGrant('Invalid email or User ID'));
    expect(await grant(await assertion(key2, { ...claims, sub: 'jane@gmail.com' }))).toEqual(invalidGrant('Invalid email or User ID'));
    const token = await delegatedToken(key2, ANA);
    emulator.domain.suspendUser(ANA);
    expect(await grant(await assertion(key2, claims))).toEqual(invalidGrant('Invalid email or User ID'));
    expect((await rejection(withToken(token).events.list({ calendarId: 'primary' }))).status).toBe(401);
    emulator.domain.unsuspendUser(ANA);
    expect((await withToken(token).events.list({ calendarId: 'primary' })).status).toBe(200);

    // A deleted key no longer signs.
    emulator.serviceAccounts.deleteKey(key2.private_key_id);
    expect(await grant(await assertion(key2, claims))).toEqual(invalidGrant('Invalid JWT Signature.'));
    const key3 = emulator.serviceAccounts.addKey(key2.client_email);
    expect(key3.client_id).toBe(key2.client_id);
    expect((await grant(await assertion(key3, claims))).status).toBe(200);
  });

  it('google-auth-library’s JWT client (gtoken) gets a delegated token', async () => {
    emulator.domain.addUser(ANA);
    const key = emulator.serviceAccounts.create();
    emulator.delegation.authorize(key.client_id, [CALENDAR_SCOPE, CONTACTS_SCOPE]);
    const jwt = new JWT({ email: key.client_email, key: key.private_key, keyId: key.private_key_id, scopes: [CALENDAR_SCOPE], subject: ANA });
    // gtoken posts to Google's token URL (with that audience): send it to the emulator instead.
    jwt.transporter.interceptors.request.add({
      resolved: async (config) => {
        const url = String(config.url);
        if (url.startsWith('https://oauth2.googleapis.com/token')) config.url = new URL(emulator.env.GOOGLE_OAUTH_TOKEN_URL);
        return config;
      },
    });
    const { token } = await jwt.getAccessToken();
    expect(token).toMatch(/^ya29\./);
    const cal = withToken(token!);
    expect((await cal.events.insert({ calendarId: 'primary', requestBody: event('gtoken0001') })).data.organizer?.email).toBe(ANA);
  });
});

describe('quotas per user and per project', () => {
  it('each impersonated user has a bucket; the service account’s project shares one; refusals counted per kind', async () => {
    for (const u of [ANA, BOB]) emulator.domain.addUser(u);
    const key = emulator.serviceAccounts.create();
    emulator.delegation.authorize(key.client_id, [CALENDAR_SCOPE]);
    const ana = withToken(await delegatedToken(key, ANA));
    const bob = withToken(await delegatedToken(key, BOB));
    emulator.calendar.setQuota({ perUserPerMinute: 2, perProjectPerMinute: 3 });

    expect((await ana.events.list({ calendarId: 'primary' })).status).toBe(200);
    expect((await ana.events.list({ calendarId: 'primary' })).status).toBe(200);
    const user = await rejection(ana.events.list({ calendarId: 'primary' }));
    expect(user.status).toBe(403);
    expect(user.data!.error.errors[0]).toEqual({ domain: 'usageLimits', reason: 'rateLimitExceeded', message: 'Rate Limit Exceeded' });
    expect((await bob.events.list({ calendarId: 'primary' })).status).toBe(200); // Bob's own bucket
    const project = await rejection(bob.events.list({ calendarId: 'primary' })); // the project's 3 are used
    expect(project.status).toBe(403);
    expect(emulator.calendar.quotaRejectionsByKind).toEqual({ user: 1, project: 1 });
    expect(emulator.calendar.quotaRejections).toBe(2);

    // Another project (an OAuth client) has its own buckets, also for Ana.
    const admin = await connect();
    expect((await admin.events.list({ calendarId: 'primary' })).status).toBe(200);
    const anaByOAuth = await connect({ account: { sub: '3000', email: ANA } });
    expect((await anaByOAuth.events.list({ calendarId: 'primary' })).status).toBe(200);

    emulator.advanceTime(61);
    expect((await bob.events.list({ calendarId: 'primary' })).status).toBe(200);

    emulator.calendar.setQuota({ perUserPerMinute: 1, status: 429, reason: 'userRateLimitExceeded', retryAfterSeconds: 3 });
    await ana.events.list({ calendarId: 'primary' });
    const tooMany = await rejection(ana.events.list({ calendarId: 'primary' }));
    expect(tooMany.status).toBe(429);
    expect(tooMany.data!.error).toMatchObject({ status: 'RESOURCE_EXHAUSTED', errors: [{ reason: 'userRateLimitExceeded', message: 'User Rate Limit Exceeded' }] });
    expect(() => emulator.calendar.setQuota({ perMinute: 1, perUserPerMinute: 2 })).toThrow(/former name/);
    expect(() => emulator.calendar.setQuota({ style: '429' })).toThrow(/perUserPerMinute/);
  });
});
