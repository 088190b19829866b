import { print } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CacheResetDocument } from '../../../operations/generated/graphql';
import { PROBE_SCOPE, PROBE_SCOPE_2 } from '../../fixtures/google-probe';
import { collect, errorCodes, gql, sleep, wsClient } from '../../helpers/client';
import { dbQuery } from '../../helpers/database';
import { CLIENT_ID, connectGoogle, consent, followCallback, requestAuthorization, setCredentials, startGoogleTestBed, type GoogleTestBed } from '../../helpers/google';

let bed: GoogleTestBed;

beforeAll(async () => {
  bed = await startGoogleTestBed();
});
afterAll(() => bed?.stop());

const CONNECTION = '{ googleConnection { status clientId grantedScopes missingScopes authorizedAt authorizedBy lastRefreshAt lastError } }';
const connection = async () => (await gql<{ googleConnection: Record<string, unknown> }>(bed.gw.url, CONNECTION, { token: bed.admin })).body.data!.googleConnection;
const refreshRequests = () => bed.google.requests.filter((r) => r.path === '/token' && (r.body as Record<string, string>)?.grant_type === 'refresh_token');

async function reset(): Promise<void> {
  bed.google.reset();
  bed.google.registerClient({ clientId: CLIENT_ID, clientSecret: 'GOCSPX-very-secret-client-value', redirectUris: [`${bed.gw.gateway.services.config.publicUrl}/oauth/google/callback`] });
  await dbQuery(bed.gw.databaseUrl, 'DELETE FROM google_connection; DELETE FROM google_oauth_state');
  await gql(bed.gw.url, 'mutation { resetCaches { at } }', { token: bed.admin });
}

describe('the authorization flow', () => {
  beforeEach(reset);

  it('credentials → authorization URL → consent → callback → AUTHORIZED, caches reset for that tenant only', async () => {
    expect(await connection()).toMatchObject({ status: 'UNCONFIGURED', clientId: null, missingScopes: [PROBE_SCOPE, PROBE_SCOPE_2] });
    const set = await setCredentials(bed);
    expect(set.body.data!.setGoogleClientCredentials).toEqual({ status: 'CREDENTIALS_SET', clientId: CLIENT_ID });

    const { url, state, expiresAt } = await requestAuthorization(bed);
    const asked = new URL(url);
    expect(asked.origin + asked.pathname).toBe(bed.google.env.GOOGLE_OAUTH_AUTH_URL);
    expect(Object.fromEntries(asked.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      response_type: 'code',
      access_type: 'offline',
      prompt: 'consent',
      include_granted_scopes: 'true',
      code_challenge_method: 'S256',
      state,
      redirect_uri: `${bed.gw.gateway.services.config.publicUrl}/oauth/google/callback`,
      scope: `${PROBE_SCOPE} ${PROBE_SCOPE_2}`,
    });
    expect(asked.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(Buffer.from(state, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    const ttl = new Date(expiresAt).getTime() - Date.now();
    expect(ttl).toBeGreaterThan(9 * 60_000);
    expect(ttl).toBeLessThanOrEqual(10 * 60_000);

    const mine = wsClient(bed.gw.wsUrl, bed.admin);
    const other = wsClient(bed.gw.wsUrl, await bed.gw.token('other-co', ['admin']));
    try {
      const resets = collect<{ data: { cacheReset: { tenant: string; reason: string } } }>(mine, print(CacheResetDocument));
      const changes = collect<{ data: { googleConnectionChanged: { status: string } } }>(mine, 'subscription { googleConnectionChanged { status } }');
      const othersResets = collect(other, print(CacheResetDocument));
      await sleep(300);

      const redirect = await consent(url);
      expect(redirect.searchParams.get('state')).toBe(state);
      const cb = await followCallback(bed, redirect);
      expect(cb.status).toBe(200);
      expect(cb.html).toContain('Google is connected for acme; you can close this window');

      await resets.until(() => resets.events.length === 1);
      expect(resets.events[0]!.data.cacheReset).toMatchObject({ tenant: 'acme', reason: 'google-authorized' });
      await changes.until(() => changes.events.some((e) => e.data.googleConnectionChanged.status === 'AUTHORIZED'));
      await sleep(200);
      expect(othersResets.events).toEqual([]);
    } finally {
      await mine.dispose();
      await other.dispose();
    }

    expect(await connection()).toMatchObject({
      status: 'AUTHORIZED',
      grantedScopes: [PROBE_SCOPE, PROBE_SCOPE_2],
      missingScopes: [],
      authorizedBy: 'admin-1',
      lastError: null,
    });
    const probe = await gql<{ googleProbe: { email: string } }>(bed.gw.url, '{ googleProbe { email } }', { token: await bed.gw.token('acme') });
    expect(probe.body).toEqual({ data: { googleProbe: { email: 'admin@example.com' } } });
    // The code was exchanged with the PKCE verifier and the client's secret.
    const exchange = bed.google.requests.find((r) => r.path === '/token' && (r.body as Record<string, string>).grant_type === 'authorization_code');
    expect((exchange!.body as Record<string, string>).code_verifier).toMatch(/^[\w-]{43,128}$/);
    expect(exchange!.status).toBe(200);
  });

  it('authorizeGoogle(code, state) does the same for a frontend that receives the code itself', async () => {
    await setCredentials(bed);
    const { url } = await requestAuthorization(bed);
    const redirect = await consent(url);
    const res = await gql<{ authorizeGoogle: { status: string } }>(bed.gw.url, 'mutation($i: AuthorizeGoogleInput!) { authorizeGoogle(input: $i) { status grantedScopes } }', {
      token: bed.admin,
      variables: { i: { code: redirect.searchParams.get('code'), state: redirect.searchParams.get('state') } },
    });
    expect(res.body.data!.authorizeGoogle.status).toBe('AUTHORIZED');
  });

  it('refuses a reused, unknown, expired or someone else’s state', async () => {
    await setCredentials(bed);
    const first = await requestAuthorization(bed);
    const redirect = await consent(first.url);
    expect((await followCallback(bed, redirect)).status).toBe(200);
    const again = await followCallback(bed, redirect);
    expect(again.status).toBe(400);
    expect(again.html).toContain('already used');

    const unknown = await fetch(`${bed.gw.origin}/oauth/google/callback?code=abc&state=forged-state`);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('Unknown authorization state');

    const late = await requestAuthorization(bed);
    await dbQuery(bed.gw.databaseUrl, `UPDATE google_oauth_state SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`);
    const expired = await followCallback(bed, await consent(late.url));
    expect(expired.status).toBe(400);
    expect(expired.html).toContain('expired');

    const theirs = await requestAuthorization(bed);
    const theirRedirect = await consent(theirs.url);
    const otherAdmin = await bed.gw.token('acme', ['admin'], 'admin-2');
    const res = await gql(bed.gw.url, 'mutation($i: AuthorizeGoogleInput!) { authorizeGoogle(input: $i) { status } }', {
      token: otherAdmin,
      variables: { i: { code: theirRedirect.searchParams.get('code'), state: theirs.state } },
    });
    expect(errorCodes(res)).toEqual(['GOOGLE_AUTHORIZATION_FAILED']);
    expect(res.body.errors![0]!.extensions!.reason).toBe('state_mismatch');
    // The rightful admin's state was not burned by the attempt.
    expect((await followCallback(bed, theirRedirect)).status).toBe(200);
  });

  it('reports access_denied', async () => {
    await setCredentials(bed);
    bed.google.setConsent({ decision: 'deny', once: true });
    const { url } = await requestAuthorization(bed);
    const redirect = await consent(url);
    expect(redirect.searchParams.get('error')).toBe('access_denied');
    const cb = await followCallback(bed, redirect);
    expect(cb.status).toBe(400);
    expect(cb.html).toContain('access_denied');
    expect(await connection()).toMatchObject({ status: 'CREDENTIALS_SET', lastError: expect.stringContaining('access_denied') });
  });

  it('reports missing scopes precisely and fails calls that need them with GOOGLE_SCOPE_MISSING', async () => {
    await setCredentials(bed);
    bed.google.setConsent({ decision: 'approve', grantScopes: [PROBE_SCOPE], once: true });
    const { url } = await requestAuthorization(bed);
    const cb = await followCallback(bed, await consent(url));
    expect(cb.status).toBe(200);
    expect(cb.html).toContain(PROBE_SCOPE_2);
    expect(await connection()).toMatchObject({
      status: 'AUTHORIZED',
      grantedScopes: [PROBE_SCOPE],
      missingScopes: [PROBE_SCOPE_2],
      lastError: expect.stringContaining(`missing: ${PROBE_SCOPE_2}`),
    });
    const user = await bed.gw.token('acme');
    expect((await gql(bed.gw.url, '{ googleProbe { email } }', { token: user })).body.errors).toBeUndefined();
    const both = await gql(bed.gw.url, '{ googleProbeBoth { email } }', { token: user });
    expect(errorCodes(both)).toEqual(['GOOGLE_SCOPE_MISSING']);
    expect(both.body.errors![0]!.extensions!.scopes).toEqual([PROBE_SCOPE_2]);
  });

  it('reports a token response without a refresh token', async () => {
    await setCredentials(bed);
    bed.google.omitRefreshTokenOnce();
    const { url } = await requestAuthorization(bed);
    const cb = await followCallback(bed, await consent(url));
    expect(cb.status).toBe(400);
    expect(cb.html).toContain('no refresh token');
    expect(await connection()).toMatchObject({ status: 'CREDENTIALS_SET', lastError: expect.stringContaining('myaccount.google.com/permissions') });
  });
});

describe('the token lifecycle', () => {
  beforeEach(reset);

  it('refreshes before expiry, once for concurrent callers, and persists the new token', async () => {
    bed.google.setAccessTokenTtl(301); // fresh for 1 s more than the 5-minute refresh margin
    await connectGoogle(bed);
    const user = await bed.gw.token('acme');
    expect((await gql(bed.gw.url, '{ googleProbe { email } }', { token: user })).body.errors).toBeUndefined();
    expect(refreshRequests()).toHaveLength(0);
    const before = await dbQuery(bed.gw.databaseUrl, 'SELECT access_token, last_refresh_at FROM google_connection');

    await sleep(1200);
    const results = await Promise.all(Array.from({ length: 10 }, () => gql(bed.gw.url, '{ googleProbe { email } }', { token: user })));
    expect(results.map((r) => r.body.errors)).toEqual(Array(10).fill(undefined));
    expect(refreshRequests()).toHaveLength(1);
    await sleep(200);
    const after = await dbQuery(bed.gw.databaseUrl, 'SELECT access_token, last_refresh_at FROM google_connection');
    expect(after.rows[0].access_token).not.toBe(before.rows[0].access_token);
    expect(after.rows[0].last_refresh_at.getTime()).toBeGreaterThan(before.rows[0].last_refresh_at.getTime());
  });

  it('invalid_grant → REAUTHORIZATION_REQUIRED, an event, then fail-fast without calling Google', async () => {
    bed.google.setAccessTokenTtl(60); // always inside the refresh margin
    await connectGoogle(bed);
    const client = wsClient(bed.gw.wsUrl, bed.admin);
    try {
      const changes = collect<{ data: { googleConnectionChanged: { status: string; lastError: string } } }>(client, 'subscription { googleConnectionChanged { status lastError } }');
      await sleep(300);
      bed.google.failNextRefresh('invalid_grant');
      const user = await bed.gw.token('acme');
      const failed = await gql(bed.gw.url, '{ googleProbe { email } }', { token: user });
      expect(errorCodes(failed)).toEqual(['GOOGLE_NOT_AUTHORIZED']);
      await changes.until(() => changes.events.length > 0);
      expect(changes.events[0]!.data.googleConnectionChanged).toMatchObject({ status: 'REAUTHORIZATION_REQUIRED', lastError: expect.stringContaining('invalid_grant') });

      bed.google.clearRequests();
      for (let i = 0; i < 3; i++) {
        expect(errorCodes(await gql(bed.gw.url, '{ googleProbe { email } }', { token: user }))).toEqual(['GOOGLE_NOT_AUTHORIZED']);
      }
      expect(bed.google.requests).toEqual([]);
    } finally {
      await client.dispose();
    }
    expect(await connection()).toMatchObject({ status: 'REAUTHORIZATION_REQUIRED' });
    // An admin authorizes again and calls work again.
    const { url } = await requestAuthorization(bed);
    expect((await followCallback(bed, await consent(url))).status).toBe(200);
    expect((await gql(bed.gw.url, '{ googleProbe { email } }', { token: await bed.gw.token('acme') })).body.errors).toBeUndefined();
  });

  it('a new client ID drops the tokens; disconnect revokes at Google', async () => {
    await connectGoogle(bed);
    const changed = await setCredentials(bed, bed.admin, 'another-client.apps.googleusercontent.com');
    expect(changed.body.data!.setGoogleClientCredentials.status).toBe('CREDENTIALS_SET');
    expect(errorCodes(await gql(bed.gw.url, '{ googleProbe { email } }', { token: await bed.gw.token('acme') }))).toEqual(['GOOGLE_NOT_AUTHORIZED']);

    await setCredentials(bed);
    await connectGoogle(bed);
    bed.google.clearRequests();
    const res = await gql<{ disconnectGoogle: { status: string; lastError: string | null } }>(bed.gw.url, 'mutation { disconnectGoogle { status lastError } }', { token: bed.admin });
    expect(res.body.data!.disconnectGoogle).toEqual({ status: 'CREDENTIALS_SET', lastError: null });
    expect(bed.google.requests.filter((r) => r.path === '/revoke' && r.status === 200)).toHaveLength(1);
    const stored = await dbQuery(bed.gw.databaseUrl, 'SELECT refresh_token, access_token FROM google_connection');
    expect(stored.rows[0]).toEqual({ refresh_token: null, access_token: null });
    expect(errorCodes(await gql(bed.gw.url, '{ googleProbe { email } }', { token: await bed.gw.token('acme') }))).toEqual(['GOOGLE_NOT_AUTHORIZED']);
  });
});

describe('access and input rules', () => {
  it('non-admins get FORBIDDEN', async () => {
    const user = await bed.gw.token('acme');
    for (const op of [
      CONNECTION,
      'mutation { setGoogleClientCredentials(input: {clientId: "a", clientSecret: "b"}) { status } }',
      'mutation { requestGoogleAuthorization { url } }',
      'mutation { authorizeGoogle(input: {code: "a", state: "b"}) { status } }',
      'mutation { disconnectGoogle { status } }',
    ]) {
      expect(errorCodes(await gql(bed.gw.url, op, { token: user })), op).toEqual(['FORBIDDEN']);
    }
  });

  it('credentials are validated field by field', async () => {
    for (const [clientId, clientSecret, field] of [
      ['  ', 'secret', 'clientId'],
      ['has space', 'secret', 'clientId'],
      ['id', '', 'clientSecret'],
      ['id', 'x'.repeat(256), 'clientSecret'],
    ] as const) {
      const res = await setCredentials(bed, bed.admin, clientId, clientSecret);
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.body.errors![0]!.extensions!.field).toBe(field);
    }
    const trimmed = await setCredentials(bed, bed.admin, `  ${CLIENT_ID}  `);
    expect(trimmed.body.data!.setGoogleClientCredentials).toMatchObject({ clientId: CLIENT_ID });
  });

  it('a secret typed without quotes is refused without being repeated, over HTTP and WebSocket', async () => {
    const ops = [
      'mutation { setGoogleClientCredentials(input: {clientId: "a", clientSecret: GOCSPX_typed_bare}) { status } }',
      'mutation { setGoogleClientCredentials(input: {clientId: "a", clientSecret: 123456789}) { status } }',
      'mutation { authorizeGoogle(input: {code: GOCSPX_typed_bare, state: "b"}) { status } }',
    ];
    for (const op of ops) {
      const res = await gql(bed.gw.url, op, { token: bed.admin });
      expect(errorCodes(res), op).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(res.body.errors![0]!.message).toContain('[hidden]');
      expect(JSON.stringify(res.body)).not.toMatch(/GOCSPX_typed_bare|123456789/);
    }
    // A value that is not a secret is still quoted, to help the caller.
    const plain = await gql(bed.gw.url, 'mutation { setGoogleClientCredentials(input: {clientId: 42, clientSecret: "b"}) { status } }', { token: bed.admin });
    expect(plain.body.errors![0]!.message).toContain('42');
    const client = wsClient(bed.gw.wsUrl, bed.admin);
    try {
      const sub = collect(client, ops[0]!);
      await sub.until(() => sub.errors.length > 0 || sub.completed);
      expect(JSON.stringify(sub.errors)).toContain('[hidden]');
      expect(JSON.stringify(sub.errors)).not.toContain('GOCSPX_typed_bare');
    } finally {
      await client.dispose();
    }
  });
});
