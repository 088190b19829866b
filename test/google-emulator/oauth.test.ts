import { ClientAuthentication, CodeChallengeMethod, OAuth2Client, type GenerateAuthUrlOpts } from 'google-auth-library';
import { oauth2_v2 } from 'googleapis/build/src/apis/oauth2/v2';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMAIL_SCOPE, GoogleApiError, startGoogleEmulator, type GoogleEmulator, type RecordedRequest } from './index';

const CLIENT = {
  clientId: '123-gateway.apps.googleusercontent.com',
  clientSecret: 'GOCSPX-emulator-secret',
  redirectUris: ['http://127.0.0.1:4000/google/callback', 'http://localhost:4000/google/callback'],
};
const REDIRECT = CLIENT.redirectUris[0]!;
const CALENDAR = 'https://www.googleapis.com/auth/calendar';
const CONTACTS = 'https://www.googleapis.com/auth/contacts.readonly';

let emulator: GoogleEmulator;

beforeAll(async () => {
  emulator = await startGoogleEmulator();
  emulator.registerClient(CLIENT);
  // Two API routes as later endpoints will write them, guarded by the shared bearer check.
  emulator.route('GET', /^\/test\/v1\/calendar$/, (req, res) => {
    const caller = emulator.authenticate(req, [CALENDAR, `${CALENDAR}.readonly`]);
    if (caller instanceof GoogleApiError) return emulator.sendApiError(res, caller);
    emulator.sendJson(res, 200, { sub: caller.account.sub, email: caller.account.email, clientId: caller.clientId, scopes: caller.scopes });
  });
  emulator.route('GET', /^\/test\/v1\/contacts$/, (req, res) => {
    const caller = emulator.authenticate(req, CONTACTS);
    if (caller instanceof GoogleApiError) throw caller; // thrown errors are sent the same way
    emulator.sendJson(res, 200, { ok: true });
  });
});

afterAll(() => emulator?.close());

beforeEach(() => {
  emulator.reset();
  emulator.clearRequests();
});

function newClient(overrides: Partial<ConstructorParameters<typeof OAuth2Client>[0] & object> = {}): OAuth2Client {
  return new OAuth2Client({
    clientId: CLIENT.clientId,
    clientSecret: CLIENT.clientSecret,
    redirectUri: REDIRECT,
    endpoints: emulator.oauth2ClientEndpoints,
    ...overrides,
  });
}

/** Follows the consent URL as a browser would, up to the redirect back to the app. */
async function consent(url: string): Promise<URL> {
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status, await res.clone().text()).toBe(302);
  return new URL(res.headers.get('location')!);
}

/** A whole authorization with PKCE S256; returns the redirect back and the verifier. */
async function authorize(client: OAuth2Client, opts: GenerateAuthUrlOpts = {}) {
  const { codeVerifier, codeChallenge } = await client.generateCodeVerifierAsync();
  const location = await consent(
    client.generateAuthUrl({
      access_type: 'offline',
      scope: [CALENDAR],
      code_challenge_method: CodeChallengeMethod.S256,
      code_challenge: codeChallenge,
      ...opts,
    }),
  );
  return { location, code: location.searchParams.get('code')!, codeVerifier };
}

/** An authorized client with its tokens set. */
async function connectedClient(opts: GenerateAuthUrlOpts = {}) {
  const client = newClient();
  const { code, codeVerifier } = await authorize(client, opts);
  const { tokens } = await client.getToken({ code, codeVerifier });
  client.setCredentials(tokens);
  return { client, tokens };
}

/** The JSON body an OAuth endpoint answers an error with (RFC 6749 §5.2). */
interface OAuthErrorBody {
  error: string;
  error_description?: string;
}

/** The status and body of a rejected google-auth-library call (a GaxiosError). */
async function rejection(p: Promise<unknown>): Promise<{ status: number | undefined; data: OAuthErrorBody | undefined; message: string }> {
  try {
    await p;
  } catch (err) {
    const e = err as { message: string; response?: { status: number; data: OAuthErrorBody } };
    return { status: e.response?.status, data: e.response?.data, message: e.message };
  }
  throw new Error('expected the call to fail');
}

function api(path: string, token?: string): Promise<Response> {
  return fetch(`${emulator.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

function lastRequest(path: string): RecordedRequest {
  const r = emulator.requests.filter((x) => x.path === path).at(-1);
  if (!r) throw new Error(`no request to ${path} recorded`);
  return r;
}

describe('OAuth web-server flow with the real google-auth-library', () => {
  it('consent → code exchange with PKCE → refresh after expiry → revocation', async () => {
    const client = newClient();
    emulator.setAccessTokenTtl(60);
    const { location, code, codeVerifier } = await authorize(client, {
      scope: [CALENDAR, 'openid', 'email'],
      state: 'csrf-123/ä',
      prompt: 'consent',
      include_granted_scopes: true,
    });

    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('csrf-123/ä');
    expect(code).toMatch(/^4\/0A[\w-]+$/);
    // Google answers the short sign-in scopes with their long names.
    expect(location.searchParams.get('scope')).toBe(`${CALENDAR} openid ${EMAIL_SCOPE}`);
    expect(emulator.lastAuthorizationRequest).toMatchObject({
      client_id: CLIENT.clientId,
      redirect_uri: REDIRECT,
      response_type: 'code',
      access_type: 'offline',
      prompt: 'consent',
      include_granted_scopes: 'true',
      scope: `${CALENDAR} openid email`,
      code_challenge_method: 'S256',
      state: 'csrf-123/ä',
    });

    const before = Date.now();
    const { tokens } = await client.getToken({ code, codeVerifier });
    expect(tokens.access_token).toMatch(/^ya29\./);
    expect(tokens.refresh_token).toMatch(/^1\/\//);
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.scope).toBe(`${CALENDAR} openid ${EMAIL_SCOPE}`);
    expect(tokens.expiry_date).toBeGreaterThanOrEqual(before + 59_000);
    expect(tokens.expiry_date).toBeLessThanOrEqual(Date.now() + 61_000);

    const exchange = lastRequest('/token');
    expect(exchange.method).toBe('POST');
    expect(exchange.headers['content-type']).toBe('application/x-www-form-urlencoded;charset=UTF-8');
    expect(exchange.body).toEqual({
      grant_type: 'authorization_code',
      code,
      code_verifier: codeVerifier,
      redirect_uri: REDIRECT,
      client_id: CLIENT.clientId,
      client_secret: CLIENT.clientSecret,
    });

    // The ID token verifies against the emulator's certificates.
    const ticket = await client.verifyIdToken({ idToken: tokens.id_token!, audience: CLIENT.clientId });
    expect(ticket.getPayload()).toMatchObject({ iss: 'https://accounts.google.com', sub: '1000', email: 'admin@example.com', email_verified: true, hd: 'example.com' });

    client.setCredentials(tokens);
    const first = await client.request<{ sub: string; email: string; clientId: string }>({ url: `${emulator.url}/test/v1/calendar` });
    expect(first.data).toMatchObject({ sub: '1000', email: 'admin@example.com', clientId: CLIENT.clientId });

    // The token expires on the emulator's clock; the client refreshes it (its expiry is within its 5-minute margin).
    emulator.advanceTime(61);
    expect((await api('/test/v1/calendar', tokens.access_token!)).status).toBe(401);
    const { token: refreshed } = await client.getAccessToken();
    expect(refreshed).toMatch(/^ya29\./);
    expect(refreshed).not.toBe(tokens.access_token);
    const refresh = lastRequest('/token');
    expect(refresh.status).toBe(200);
    expect(refresh.body).toMatchObject({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: CLIENT.clientId });
    expect(client.credentials.refresh_token).toBe(tokens.refresh_token);
    expect((await api('/test/v1/calendar', refreshed!)).status).toBe(200);

    const revoked = await client.revokeToken(tokens.refresh_token!);
    expect(revoked.status).toBe(200);
    expect(revoked.data).toEqual({});
    const revoke = lastRequest('/revoke');
    expect(revoke.query).toEqual({ token: tokens.refresh_token });
    expect(revoke.body).toBeUndefined();

    // Revoking the refresh token took its access tokens with it.
    expect((await api('/test/v1/calendar', refreshed!)).status).toBe(401);
    const failed = await rejection(client.refreshAccessToken());
    expect(failed.status).toBe(400);
    expect(failed.data).toEqual({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
  });

  it('authenticates the client with HTTP Basic as well (ClientSecretBasic)', async () => {
    const client = newClient({ clientAuthentication: ClientAuthentication.ClientSecretBasic });
    const { code, codeVerifier } = await authorize(client);
    const { tokens } = await client.getToken({ code, codeVerifier });
    expect(tokens.access_token).toBeTruthy();
    const exchange = lastRequest('/token');
    expect(exchange.headers.authorization).toBe(`Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')}`);
    expect(exchange.body).not.toHaveProperty('client_secret');
  });

  it('rejects a wrong or missing code verifier with invalid_grant', async () => {
    const client = newClient();
    const { code } = await authorize(client);
    const { codeVerifier: other } = await client.generateCodeVerifierAsync();
    const wrong = await rejection(client.getToken({ code, codeVerifier: other }));
    expect(wrong.status).toBe(400);
    expect(wrong.message).toBe('invalid_grant');
    expect(wrong.data).toEqual({ error: 'invalid_grant', error_description: 'Invalid code verifier.' });
    const missing = await rejection(client.getToken({ code }));
    expect(missing.data).toEqual({ error: 'invalid_grant', error_description: 'Missing code verifier.' });
    const malformed = await rejection(client.getToken({ code: '4/not-a-code', codeVerifier: other }));
    expect(malformed.data).toEqual({ error: 'invalid_grant', error_description: 'Malformed auth code.' });
  });

  it('accepts a code once; its reuse is invalid_grant and revokes what it issued', async () => {
    const client = newClient();
    const { code, codeVerifier } = await authorize(client);
    const { tokens } = await client.getToken({ code, codeVerifier });
    expect((await api('/test/v1/calendar', tokens.access_token!)).status).toBe(200);
    const reused = await rejection(client.getToken({ code, codeVerifier }));
    expect(reused.status).toBe(400);
    expect(reused.data).toEqual({ error: 'invalid_grant', error_description: 'Bad Request' });
    expect((await api('/test/v1/calendar', tokens.access_token!)).status).toBe(401);
    client.setCredentials(tokens);
    expect((await rejection(client.refreshAccessToken())).data!.error).toBe('invalid_grant');
  });

  it('binds a code to its redirect URI and client, and expires it after 10 minutes', async () => {
    const client = newClient();
    const first = await authorize(client);
    const mismatch = await rejection(client.getToken({ code: first.code, codeVerifier: first.codeVerifier, redirect_uri: CLIENT.redirectUris[1] }));
    expect(mismatch.data).toEqual({ error: 'redirect_uri_mismatch', error_description: 'Bad Request' });

    emulator.registerClient({ clientId: 'other-client', clientSecret: 'other-secret', redirectUris: [REDIRECT] });
    const other = new OAuth2Client({ clientId: 'other-client', clientSecret: 'other-secret', redirectUri: REDIRECT, endpoints: emulator.oauth2ClientEndpoints });
    const stolen = await rejection(other.getToken({ code: first.code, codeVerifier: first.codeVerifier }));
    expect(stolen.data!.error).toBe('invalid_grant');

    const late = await authorize(client);
    emulator.advanceTime(601);
    expect((await rejection(client.getToken({ code: late.code, codeVerifier: late.codeVerifier }))).data!.error).toBe('invalid_grant');
  });

  it('redirects a denial with error=access_denied and the state', async () => {
    emulator.setConsent({ decision: 'deny', once: true });
    const client = newClient();
    const { location } = await authorize(client, { state: 'st-9' });
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(Object.fromEntries(location.searchParams)).toEqual({ error: 'access_denied', state: 'st-9' });
    // `once`: the next screen approves again.
    expect((await authorize(client)).code).toBeTruthy();
  });

  it('grants only the scopes the user leaves ticked, and the API checks them', async () => {
    emulator.setConsent({ decision: 'approve', grantScopes: [CALENDAR], account: { sub: '42', email: 'jane@acme.test' } });
    const { location, code, codeVerifier } = await authorize(newClient(), { scope: [CALENDAR, CONTACTS, 'openid'] });
    // Sign-in scopes cannot be unticked on Google's granular consent screen.
    expect(location.searchParams.get('scope')).toBe(`${CALENDAR} openid`);
    const client = newClient();
    const { tokens } = await client.getToken({ code, codeVerifier });
    expect(tokens.scope).toBe(`${CALENDAR} openid`);
    const ok = await api('/test/v1/calendar', tokens.access_token!);
    expect(await ok.json()).toMatchObject({ sub: '42', email: 'jane@acme.test', scopes: [CALENDAR, 'openid'] });
    const denied = await api('/test/v1/contacts', tokens.access_token!);
    expect(denied.status).toBe(403);
    expect(denied.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    expect(await denied.json()).toEqual({
      error: {
        code: 403,
        message: 'Request had insufficient authentication scopes.',
        status: 'PERMISSION_DENIED',
        errors: [{ domain: 'global', reason: 'insufficientPermissions', message: 'Insufficient Permission' }],
      },
    });
  });

  it('adds earlier grants with include_granted_scopes, and answers prompt=none from them', async () => {
    const client = newClient();
    await authorize(client, { scope: [CALENDAR] });
    const silentTooEarly = await authorize(client, { scope: [CONTACTS], prompt: 'none' });
    expect(silentTooEarly.location.searchParams.get('error')).toBe('consent_required');
    const incremental = await authorize(client, { scope: [CONTACTS], include_granted_scopes: true });
    expect(incremental.location.searchParams.get('scope')).toBe(`${CONTACTS} ${CALENDAR}`);
    const { tokens } = await client.getToken({ code: incremental.code, codeVerifier: incremental.codeVerifier });
    expect((await api('/test/v1/contacts', tokens.access_token!)).status).toBe(200);
    const silent = await authorize(client, { scope: [CONTACTS], prompt: 'none' });
    expect(silent.location.searchParams.get('prompt')).toBe('none');
    expect(silent.code).toBeTruthy();
  });

  it('issues a refresh token only for offline access, and can leave it out once', async () => {
    const client = newClient();
    const online = await authorize(client, { access_type: 'online' });
    expect((await client.getToken({ code: online.code, codeVerifier: online.codeVerifier })).tokens.refresh_token).toBeUndefined();
    emulator.omitRefreshTokenOnce();
    const omitted = await authorize(client);
    expect((await client.getToken({ code: omitted.code, codeVerifier: omitted.codeVerifier })).tokens.refresh_token).toBeUndefined();
    const offline = await authorize(client);
    expect((await client.getToken({ code: offline.code, codeVerifier: offline.codeVerifier })).tokens.refresh_token).toMatch(/^1\/\//);
  });

  it('fails refreshes on demand: invalid_grant as after a revocation, server_error (which gaxios retries)', async () => {
    const { client } = await connectedClient();
    emulator.failNextRefresh();
    const failed = await rejection(client.refreshAccessToken());
    expect(failed.status).toBe(400);
    expect(failed.data).toEqual({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
    await expect(client.refreshAccessToken()).resolves.toMatchObject({ credentials: { access_token: expect.stringMatching(/^ya29\./) } });

    emulator.clearRequests();
    emulator.failNextRefresh('server_error', 1);
    await client.refreshAccessToken();
    expect(emulator.requests.map((r) => `${r.path} ${r.status}`)).toEqual(['/token 500', '/token 200']);
  });

  it('revokeAllTokens() cuts every access and refresh token', async () => {
    const { client, tokens } = await connectedClient();
    emulator.revokeAllTokens();
    expect((await api('/test/v1/calendar', tokens.access_token!)).status).toBe(401);
    expect((await rejection(client.refreshAccessToken())).data!.error).toBe('invalid_grant');
  });

  it('serves tokeninfo and userinfo (googleapis oauth2 v2 through the emulator)', async () => {
    const { client, tokens } = await connectedClient({ scope: ['openid', 'email', CALENDAR] });
    const info = await client.getTokenInfo(tokens.access_token!);
    expect(info).toMatchObject({ aud: CLIENT.clientId, sub: '1000', email: 'admin@example.com', scopes: ['openid', EMAIL_SCOPE, CALENDAR] });
    const oauth2 = new oauth2_v2.Oauth2({ auth: client, rootUrl: `${emulator.url}/` });
    const me = await oauth2.userinfo.get();
    expect(me.data).toEqual({ id: '1000', email: 'admin@example.com', verified_email: true, hd: 'example.com' });
    expect(lastRequest('/oauth2/v2/userinfo').headers.authorization).toBe(`Bearer ${tokens.access_token}`);
  });
});

describe('what Google validates', () => {
  it('shows an error page for an unknown client or redirect URI, and answers 401 invalid_client at the token endpoint', async () => {
    const stranger = new OAuth2Client({ clientId: 'unknown', clientSecret: 'x', redirectUri: REDIRECT, endpoints: emulator.oauth2ClientEndpoints });
    const page = await fetch(stranger.generateAuthUrl({ scope: CALENDAR }), { redirect: 'manual' });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('invalid_client');

    const mismatch = await fetch(newClient().generateAuthUrl({ scope: CALENDAR, redirect_uri: 'http://127.0.0.1:4000/elsewhere' }), { redirect: 'manual' });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('redirect_uri_mismatch');

    const unknown = await rejection(stranger.getToken({ code: '4/whatever' }));
    expect(unknown.status).toBe(401);
    expect(unknown.data).toEqual({ error: 'invalid_client', error_description: 'The OAuth client was not found.' });
    const badSecret = await rejection(newClient({ clientSecret: 'wrong' }).getToken({ code: '4/whatever' }));
    expect(badSecret.status).toBe(401);
    expect(badSecret.data).toEqual({ error: 'invalid_client', error_description: 'Unauthorized' });
  });

  it('redirects invalid authorization parameters back with invalid_request', async () => {
    const client = newClient();
    const noScope = await consent(client.generateAuthUrl({ state: 's' }));
    expect(Object.fromEntries(noScope.searchParams)).toEqual({ error: 'invalid_request', error_description: 'Missing required parameter: scope', state: 's' });
    const token = await consent(client.generateAuthUrl({ scope: CALENDAR, response_type: 'token' }));
    expect(token.searchParams.get('error')).toBe('unsupported_response_type');
    const badMethod = await consent(client.generateAuthUrl({ scope: CALENDAR, code_challenge: 'x'.repeat(43), code_challenge_method: 'S512' as CodeChallengeMethod }));
    expect(badMethod.searchParams.get('error')).toBe('invalid_request');
    const shortChallenge = await consent(client.generateAuthUrl({ scope: CALENDAR, code_challenge: 'short', code_challenge_method: CodeChallengeMethod.S256 }));
    expect(shortChallenge.searchParams.get('error_description')).toBe('Invalid code_challenge');
    const badScope = await consent(client.generateAuthUrl({ scope: 'calendar' }));
    expect(badScope.searchParams.get('error')).toBe('invalid_scope');
    expect(emulator.lastAuthorizationRequest).toMatchObject({ scope: 'calendar' });
  });

  it('takes JSON at the token endpoint, refuses unknown grant types, and revokes by form body', async () => {
    const client = newClient();
    const { code, codeVerifier } = await authorize(client);
    const post = (body: unknown, type = 'application/json') =>
      fetch(emulator.env.GOOGLE_OAUTH_TOKEN_URL, { method: 'POST', headers: { 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const json = await post({ grant_type: 'authorization_code', code, code_verifier: codeVerifier, redirect_uri: REDIRECT, client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret });
    expect(json.status).toBe(200);
    const tokens = (await json.json()) as { refresh_token: string; access_token: string };

    const password = await post({ grant_type: 'password', client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret });
    expect(password.status).toBe(400);
    expect(await password.json()).toEqual({ error: 'unsupported_grant_type', error_description: 'Invalid grant_type: password' });
    const noClient = await post('grant_type=refresh_token&refresh_token=x', 'application/x-www-form-urlencoded');
    expect(noClient.status).toBe(400);
    expect(((await noClient.json()) as { error: string }).error).toBe('invalid_request');

    const revoke = (token: string) =>
      fetch(emulator.env.GOOGLE_OAUTH_REVOKE_URL, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token }) });
    const ok = await revoke(tokens.access_token);
    expect(ok.status).toBe(200);
    // Revoking the access token revoked its refresh token too.
    const again = await revoke(tokens.refresh_token);
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: string }).error).toBe('invalid_token');
  });
});

describe('bearer check and routing', () => {
  it('answers 401 in Google’s shape without, or with an unknown or expired, access token', async () => {
    const missing = await api('/test/v1/calendar');
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: { status: string; errors: { reason: string }[] } }).error).toMatchObject({ status: 'UNAUTHENTICATED', errors: [{ reason: 'required' }] });

    const unknown = await api('/test/v1/calendar', 'ya29.unknown');
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('www-authenticate')).toContain('error="invalid_token"');
    expect(await unknown.json()).toEqual({
      error: {
        code: 401,
        message: expect.stringMatching(/^Request had invalid authentication credentials\. Expected OAuth 2 access token/),
        status: 'UNAUTHENTICATED',
        errors: [{ domain: 'global', reason: 'authError', message: 'Invalid Credentials', location: 'Authorization', locationType: 'header' }],
      },
    });

    const { tokens } = await connectedClient();
    expect((await api('/test/v1/calendar', tokens.access_token!)).status).toBe(200);
    emulator.advanceTime(3600);
    expect((await api('/test/v1/calendar', tokens.access_token!)).status).toBe(401);
  });

  it('answers 404 for unknown routes, 413 past 10 MB, 400 for broken JSON', async () => {
    const notFound = await fetch(`${emulator.url}/calendar/v9/nothing`);
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toMatchObject({ error: { code: 404, status: 'NOT_FOUND', errors: [{ domain: 'global', reason: 'notFound' }] } });

    const big = await fetch(emulator.env.GOOGLE_OAUTH_TOKEN_URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.alloc(10 * 1024 * 1024 + 1, 0x20) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { code: number } }).error.code).toBe(413);

    const broken = await fetch(emulator.env.GOOGLE_OAUTH_TOKEN_URL, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"grant_type":' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { status: string } }).error.status).toBe('INVALID_ARGUMENT');
    expect(emulator.requests.map((r) => r.status)).toEqual([404, 413, 400]);
  });
});

describe('switchable endpoint faults', () => {
  it('hang holds the request until the client gives up; garbage answers 200 HTML; bad-gateway 502; null clears', async () => {
    emulator.setEndpointFault('token', 'hang');
    const started = Date.now();
    const controller = new AbortController();
    const hung = fetch(emulator.env.GOOGLE_OAUTH_TOKEN_URL, { method: 'POST', body: 'grant_type=refresh_token', signal: controller.signal });
    await expect.poll(() => emulator.hungRequests).toEqual(['/token']);
    controller.abort();
    await expect(hung).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5000);
    // The request is recorded, unanswered (status 0), once the client cut it.
    await expect.poll(() => emulator.requests.map((r) => [r.path, r.status])).toEqual([['/token', 0]]);
    expect(emulator.hungRequests).toEqual([]);

    emulator.setEndpointFault('token', 'garbage');
    const garbage = await fetch(emulator.env.GOOGLE_OAUTH_TOKEN_URL, { method: 'POST', body: 'grant_type=refresh_token' });
    expect([garbage.status, garbage.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    expect(await garbage.text()).toMatch(/^<html>/);

    emulator.setEndpointFault('api', 'bad-gateway');
    expect((await api('/test/v1/calendar')).status).toBe(502);
    // The revocation endpoint is its own target: untouched by the other two.
    expect((await fetch(`${emulator.env.GOOGLE_OAUTH_REVOKE_URL}?token=unknown`, { method: 'POST' })).status).toBe(400);

    emulator.setEndpointFault('token', null);
    emulator.setEndpointFault('api', null);
    expect((await fetch(emulator.env.GOOGLE_OAUTH_TOKEN_URL, { method: 'POST', body: 'grant_type=refresh_token' })).status).toBe(400);
    expect((await api('/test/v1/calendar')).status).toBe(401);
  });
});
