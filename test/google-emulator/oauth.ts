import { createHash, verify } from 'node:crypto';
import type { Directory } from './directory';
import type { ServerResponse } from 'node:http';
import { AuthorizationPageError, GoogleApiError, insufficientScopes, invalidCredentials, loginRequired, OAuthError } from './errors';
import { escapeHtml, sendHtml, sendJson, sendRedirect, type EmulatorRequest, type RecordedRequest } from './http-io';
import { accessTokenHash, ID_TOKEN_ISSUER, type IdTokenClaims, type IdTokenSigner } from './id-token';
import { EMAIL_SCOPE, hasAnyScope, isWellFormedScope, normalizeScopes, parseScopes, PROFILE_SCOPE, SIGN_IN_SCOPES } from './scopes';
import type { EmulatorServer } from './server';
import { DEFAULT_ACCOUNT, secretsEqual, type AccessTokenRecord, type EmulatorState, type GoogleAccount, type Grant, type OAuthClientRegistration } from './state';

/** Who an API request acts for, as established by {@link OAuthEndpoints.authenticate}. */
export interface AuthenticatedCaller {
  clientId: string;
  scopes: string[];
  account: GoogleAccount;
  accessToken: string;
  expiresAt: Date;
  /** `oauth` (code / refresh token), `serviceAccount` (JWT bearer, no `sub`) or `delegation` (JWT bearer with `sub`). */
  via: 'oauth' | 'serviceAccount' | 'delegation';
  /** The quota project every token of the same OAuth client or service account project shares. */
  project: string;
}

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** The audiences Google's token endpoint accepts in a JWT bearer assertion (besides the emulator's own token URL). */
export const GOOGLE_TOKEN_AUDIENCES: readonly string[] = ['https://oauth2.googleapis.com/token', 'https://www.googleapis.com/oauth2/v4/token', 'https://accounts.google.com/o/oauth2/token'];
/** How far an assertion's `iat` may be ahead of (or its `exp` behind) the emulator's clock. */
const JWT_CLOCK_SKEW_SECONDS = 300;
const SHORT_LIVED = 'Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.';
const UNAUTHORIZED_CLIENT = 'Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.';

/** Paths of the OAuth endpoints, relative to the emulator's URL. */
export const OAUTH_PATHS = {
  auth: '/o/oauth2/v2/auth',
  token: '/token',
  revoke: '/revoke',
  tokenInfo: '/tokeninfo',
  pemCerts: '/oauth2/v1/certs',
  jwkCerts: '/oauth2/v3/certs',
} as const;

/** RFC 7636 §4.1: 43–128 unreserved characters, for both the verifier and a challenge. */
const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/;
const PROMPTS = new Set(['none', 'consent', 'select_account']);
const TOKEN_HEADERS = { 'cache-control': 'no-cache, no-store, max-age=0, must-revalidate', pragma: 'no-cache' };
const CERTS_CACHE = 'public, max-age=19800, must-revalidate, no-transform';
const EXPIRED_OR_REVOKED = 'Token has been expired or revoked.';

/** Google's OAuth 2.0 endpoints (consent, token, revoke, tokeninfo, userinfo, ID-token certificates) and the bearer check of API routes. */
export class OAuthEndpoints {
  /** The parameters of the last request to the authorization endpoint, valid or not. */
  lastAuthorizationRequest: Record<string, string> | null = null;

  constructor(
    private readonly state: EmulatorState,
    private readonly signer: IdTokenSigner,
    private readonly directory: Directory,
  ) {}

  register(server: EmulatorServer): void {
    const exact = (path: string) => new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`);
    server.route('GET', exact(OAUTH_PATHS.auth), (req, res) => this.authorize(req, res));
    server.route('POST', exact(OAUTH_PATHS.auth), (req, res) => this.authorize(req, res));
    server.route('POST', exact(OAUTH_PATHS.token), (req, res) => this.token(req, res));
    server.route('POST', exact(OAUTH_PATHS.revoke), (req, res) => this.revoke(req, res));
    server.route('GET', exact(OAUTH_PATHS.revoke), (req, res) => this.revoke(req, res));
    for (const [path, legacy] of [
      [OAUTH_PATHS.tokenInfo, false],
      ['/oauth2/v3/tokeninfo', false],
      ['/oauth2/v2/tokeninfo', true],
    ] as const) {
      server.route('GET', exact(path), (req, res) => this.tokenInfo(req, res, legacy));
      server.route('POST', exact(path), (req, res) => this.tokenInfo(req, res, legacy));
    }
    server.route('GET', exact(OAUTH_PATHS.pemCerts), (_req, res) => sendJson(res, 200, this.signer.pemCerts(), { 'cache-control': CERTS_CACHE }));
    server.route('GET', exact(OAUTH_PATHS.jwkCerts), (_req, res) => sendJson(res, 200, this.signer.jwkCerts(), { 'cache-control': CERTS_CACHE }));
    server.route('GET', /^\/oauth2\/(v2|v3)\/userinfo$/, (req, res, m) => this.userInfo(req, res, m[1] as 'v2' | 'v3'));
    server.route('GET', /^\/userinfo\/v2\/me$/, (req, res) => this.userInfo(req, res, 'v2'));
  }

  /**
   * The bearer check of Google APIs: a live access token (not expired, not revoked) holding at
   * least one of `requiredScope` (a scope, or a list of which any one suffices).
   */
  authenticate(req: Pick<EmulatorRequest, 'headers'> & { record?: RecordedRequest }, requiredScope?: string | readonly string[]): AuthenticatedCaller | GoogleApiError {
    const header = req.headers.authorization;
    if (!header) return loginRequired();
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const record = m ? this.state.findAccessToken(m[1]!) : undefined;
    if (!record || this.state.isExpired(record)) return invalidCredentials();
    // A suspended or deleted account's tokens stop working at once.
    if (!this.directory.isActive(record.grant.account.email)) return invalidCredentials();
    const anyOf = typeof requiredScope === 'string' ? [requiredScope] : (requiredScope ?? []);
    if (!hasAnyScope(record.scopes, anyOf)) return insufficientScopes(anyOf);
    const via = record.grant.via ?? 'oauth';
    const caller: AuthenticatedCaller = {
      clientId: record.grant.clientId,
      scopes: [...record.scopes],
      account: { ...record.grant.account },
      accessToken: record.token,
      expiresAt: new Date(record.expiresAt),
      via,
      project: record.grant.project ?? `oauth:${record.grant.clientId}`,
    };
    if (req.record) req.record.caller = { email: caller.account.email, clientId: caller.clientId, via };
    return caller;
  }

  // -- authorization endpoint ----------------------------------------------------------------

  private authorize(req: EmulatorRequest, res: ServerResponse): void {
    const p: Record<string, string> = { ...req.query, ...(req.method === 'POST' ? stringParams(req.body) : {}) };
    this.lastAuthorizationRequest = { ...p };
    let redirectUri: string;
    try {
      redirectUri = this.trustedRedirect(p);
    } catch (err) {
      if (!(err instanceof AuthorizationPageError)) throw err;
      sendHtml(res, err.httpStatus, errorPage(err));
      return;
    }
    const back = (params: Record<string, string | undefined>) => sendRedirect(res, withQuery(redirectUri, { state: p.state, ...params }));
    const invalid = (error: string, description: string) => back({ error, error_description: description });

    if (!p.response_type) return invalid('invalid_request', 'Missing required parameter: response_type');
    if (p.response_type !== 'code') return invalid('unsupported_response_type', `Invalid response_type: ${p.response_type}`);
    const requested = parseScopes(p.scope);
    if (requested.length === 0) return invalid('invalid_request', 'Missing required parameter: scope');
    const badScopes = requested.filter((s) => !isWellFormedScope(s));
    if (badScopes.length) return invalid('invalid_scope', `Some requested scopes were invalid. {invalid=[${badScopes.join(', ')}]}`);
    if (p.access_type !== undefined && p.access_type !== 'online' && p.access_type !== 'offline') {
      return invalid('invalid_request', `Invalid access_type: ${p.access_type}`);
    }
    const prompts = (p.prompt ?? '').split(/\s+/).filter(Boolean);
    const badPrompt = prompts.find((x) => !PROMPTS.has(x));
    if (badPrompt) return invalid('invalid_request', `Invalid prompt: ${badPrompt}`);
    if (prompts.includes('none') && prompts.length > 1) return invalid('invalid_request', 'prompt=none must not be combined with other values');
    const includeGranted = p.include_granted_scopes;
    if (includeGranted !== undefined && includeGranted !== 'true' && includeGranted !== 'false') {
      return invalid('invalid_request', `Invalid include_granted_scopes: ${includeGranted}`);
    }
    const challenge = p.code_challenge;
    const method = p.code_challenge_method;
    if (method !== undefined && !challenge) return invalid('invalid_request', 'Missing parameter: code_challenge');
    if (method !== undefined && method !== 'S256' && method !== 'plain') return invalid('invalid_request', `Invalid code_challenge_method: ${method}`);
    if (challenge !== undefined && !PKCE_VALUE.test(challenge)) return invalid('invalid_request', 'Invalid code_challenge');

    const clientId = p.client_id!;
    let account: GoogleAccount;
    let granted: string[];
    if (prompts.includes('none')) {
      // No screen: only what the signed-in account already granted this client.
      account = this.state.signedInAccount();
      this.directory.ensureSignedIn(account);
      const previous = this.state.authorizedScopes(clientId, account.sub);
      if (!requested.every((s) => previous.includes(s))) return back({ error: 'consent_required' });
      granted = includeGranted === 'true' ? normalizeScopes([...requested, ...previous]) : requested;
    } else {
      const consent = this.state.takeConsent();
      if (consent.decision === 'deny') return back({ error: 'access_denied' });
      account = { ...(consent.account ?? DEFAULT_ACCOUNT) };
      this.directory.ensureSignedIn(account);
      const ticked = consent.grantScopes ? new Set(normalizeScopes(consent.grantScopes)) : null;
      const previous = this.state.authorizedScopes(clientId, account.sub);
      granted = requested.filter((s) => !ticked || ticked.has(s) || SIGN_IN_SCOPES.has(s));
      this.state.rememberAuthorization(clientId, account.sub, granted);
      if (includeGranted === 'true') granted = normalizeScopes([...granted, ...previous]);
    }
    const code = this.state.issueCode({
      clientId,
      redirectUri,
      codeChallenge: challenge,
      codeChallengeMethod: challenge === undefined ? undefined : method === 'S256' ? 'S256' : 'plain',
      scopes: granted,
      account,
      offline: p.access_type === 'offline',
      nonce: p.nonce,
    });
    back({ code: code.code, scope: granted.join(' '), authuser: '0', prompt: prompts.includes('none') ? 'none' : 'consent' });
  }

  /** The client and redirect URI checks, whose failures Google shows as a page (nothing can be redirected). */
  private trustedRedirect(p: Record<string, string>): string {
    if (!p.client_id) throw new AuthorizationPageError(400, 'invalid_request', 'Missing required parameter: client_id');
    const client = this.state.clients.get(p.client_id);
    if (!client) throw new AuthorizationPageError(400, 'invalid_client', 'The OAuth client was not found.');
    if (!p.redirect_uri) throw new AuthorizationPageError(400, 'invalid_request', 'Missing required parameter: redirect_uri');
    if (!this.state.isRedirectAllowed(client, p.redirect_uri)) {
      throw new AuthorizationPageError(
        400,
        'redirect_uri_mismatch',
        `You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy. Request details: redirect_uri=${p.redirect_uri}`,
      );
    }
    return p.redirect_uri;
  }

  // -- token endpoint ------------------------------------------------------------------------

  private token(req: EmulatorRequest, res: ServerResponse): void {
    const params = stringParams(req.body);
    const grantType = params.grant_type;
    if (!grantType) throw new OAuthError(400, 'invalid_request', 'Missing required parameter: grant_type');
    if (grantType === JWT_BEARER_GRANT) {
      sendJson(res, 200, this.jwtBearer(req, params), TOKEN_HEADERS);
      return;
    }
    if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
      throw new OAuthError(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType}`);
    }
    const client = this.authenticateClient(req, params);
    const body = grantType === 'authorization_code' ? this.exchangeCode(client, params) : this.refresh(client, params);
    sendJson(res, 200, body, TOKEN_HEADERS);
  }

  /** `client_secret_post` or `client_secret_basic` (RFC 6749 §2.3.1). */
  private authenticateClient(req: EmulatorRequest, params: Record<string, string>): OAuthClientRegistration {
    const header = req.headers.authorization;
    let id = params.client_id;
    let secrets = params.client_secret === undefined ? [] : [params.client_secret];
    if (header && /^basic\s/i.test(header)) {
      const decoded = Buffer.from(header.replace(/^basic\s+/i, ''), 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) throw new OAuthError(401, 'invalid_client', 'Unauthorized');
      const rawId = decoded.slice(0, colon);
      const rawSecret = decoded.slice(colon + 1);
      // The RFC form-encodes both parts; google-auth-library sends them as they are. Accept either.
      const basicId = [rawId, formDecode(rawId)].find((x) => x !== undefined && this.state.clients.has(x)) ?? rawId;
      if (id !== undefined && id !== basicId) throw new OAuthError(401, 'invalid_client', 'Unauthorized');
      id = basicId;
      secrets = [rawSecret, formDecode(rawSecret)].filter((x): x is string => x !== undefined);
    }
    if (!id) throw new OAuthError(400, 'invalid_request', 'Could not determine client ID from request.');
    const client = this.state.clients.get(id);
    if (!client) throw new OAuthError(401, 'invalid_client', 'The OAuth client was not found.');
    if (!secrets.some((s) => secretsEqual(s, client.clientSecret))) throw new OAuthError(401, 'invalid_client', 'Unauthorized');
    return client;
  }

  private exchangeCode(client: OAuthClientRegistration, params: Record<string, string>): object {
    if (!params.code) throw new OAuthError(400, 'invalid_request', 'Missing required parameter: code');
    const code = this.state.findCode(params.code);
    if (!code) throw new OAuthError(400, 'invalid_grant', 'Malformed auth code.');
    if (code.grant) {
      // RFC 6749 §4.1.2: a code used twice revokes what its first use issued.
      this.state.revokeGrant(code.grant);
      throw new OAuthError(400, 'invalid_grant', 'Bad Request');
    }
    if (this.state.isExpired(code) || code.clientId !== client.clientId) throw new OAuthError(400, 'invalid_grant', 'Bad Request');
    if (!params.redirect_uri) throw new OAuthError(400, 'invalid_request', 'Missing parameter: redirect_uri');
    if (params.redirect_uri !== code.redirectUri) throw new OAuthError(400, 'redirect_uri_mismatch', 'Bad Request');
    if (code.codeChallenge !== undefined) {
      const verifier = params.code_verifier;
      if (!verifier) throw new OAuthError(400, 'invalid_grant', 'Missing code verifier.');
      const derived = code.codeChallengeMethod === 'S256' ? createHash('sha256').update(verifier).digest('base64url') : verifier;
      if (!PKCE_VALUE.test(verifier) || !secretsEqual(derived, code.codeChallenge)) {
        throw new OAuthError(400, 'invalid_grant', 'Invalid code verifier.');
      }
    }
    const grant = this.state.createGrant(code);
    return this.tokenResponse(grant, this.state.issueAccessToken(grant), true);
  }

  private refresh(client: OAuthClientRegistration, params: Record<string, string>): object {
    if (!params.refresh_token) throw new OAuthError(400, 'invalid_request', 'Missing required parameter: refresh_token');
    const failure = this.state.takeRefreshFailure();
    if (failure === 'invalid_grant') throw new OAuthError(400, 'invalid_grant', EXPIRED_OR_REVOKED);
    if (failure === 'server_error') throw new OAuthError(500, 'server_error', 'Backend Error');
    const grant = this.state.findRefreshToken(params.refresh_token);
    if (!grant) throw new OAuthError(400, 'invalid_grant', EXPIRED_OR_REVOKED);
    if (grant.clientId !== client.clientId) throw new OAuthError(401, 'unauthorized_client', 'Unauthorized');
    let scopes = grant.scopes;
    if (params.scope !== undefined) {
      // A refresh may narrow the scopes, never widen them.
      scopes = parseScopes(params.scope);
      const extra = scopes.filter((s) => !grant.scopes.includes(s));
      if (extra.length) throw new OAuthError(400, 'invalid_scope', `Some requested scopes were invalid. {invalid=[${extra.join(', ')}]}`);
    }
    return this.tokenResponse(grant, this.state.issueAccessToken(grant, scopes), false);
  }

  /**
   * RFC 7523 JWT bearer grant, as Google runs it for service accounts: the assertion is signed (RS256)
   * with one of the service account's keys; `sub` asks to impersonate a user of the domain, which the
   * domain-wide delegation list must allow for every requested scope.
   */
  private jwtBearer(req: EmulatorRequest, params: Record<string, string>): object {
    const assertion = params.assertion;
    if (!assertion) throw new OAuthError(400, 'invalid_request', 'Missing required parameter: assertion');
    const parts = assertion.split('.');
    const header = parts.length === 3 ? jsonPart(parts[0]!) : null;
    const claims = parts.length === 3 ? jsonPart(parts[1]!) : null;
    if (!header || !claims) throw new OAuthError(400, 'invalid_grant', 'Invalid JWT: Unable to parse the assertion.');
    if (header.alg !== 'RS256') throw new OAuthError(400, 'invalid_grant', 'Invalid JWT Signature.');
    const iss = typeof claims.iss === 'string' ? claims.iss : '';
    const sa = this.directory.serviceAccountByEmail(iss);
    if (!sa) throw new OAuthError(400, 'invalid_grant', 'Invalid grant: account not found');
    const kid = typeof header.kid === 'string' ? header.kid : undefined;
    const candidates = kid === undefined ? [...sa.keys.values()] : sa.keys.has(kid) ? [sa.keys.get(kid)!] : [];
    const signingInput = Buffer.from(`${parts[0]}.${parts[1]}`);
    const signature = Buffer.from(parts[2]!, 'base64url');
    if (!candidates.some((key) => verify('RSA-SHA256', signingInput, key, signature))) throw new OAuthError(400, 'invalid_grant', 'Invalid JWT Signature.');
    const ownTokenUrl = `${req.url.origin}${OAUTH_PATHS.token}`;
    if (typeof claims.aud !== 'string' || (claims.aud !== ownTokenUrl && !GOOGLE_TOKEN_AUDIENCES.includes(claims.aud))) {
      throw new OAuthError(400, 'invalid_grant', 'Invalid JWT: Failed audience check.');
    }
    const now = Math.floor(this.state.now() / 1000);
    const { iat, exp } = claims;
    if (typeof iat !== 'number' || typeof exp !== 'number' || exp <= iat || exp - iat > 3600 || iat > now + JWT_CLOCK_SKEW_SECONDS || exp < now - JWT_CLOCK_SKEW_SECONDS) {
      throw new OAuthError(400, 'invalid_grant', SHORT_LIVED);
    }
    const scopes = parseScopes(typeof claims.scope === 'string' ? claims.scope : undefined);
    if (scopes.length === 0) throw new OAuthError(400, 'invalid_scope', 'Invalid OAuth scope or ID token audience provided.');
    const bad = scopes.filter((s) => !isWellFormedScope(s));
    if (bad.length) throw new OAuthError(400, 'invalid_scope', `Some requested scopes were invalid. {invalid=[${bad.join(', ')}]}`);
    let grant: Grant;
    if (claims.sub !== undefined && claims.sub !== iss) {
      if (typeof claims.sub !== 'string') throw new OAuthError(400, 'invalid_grant', 'Invalid email or User ID');
      if (this.directory.missingDelegatedScopes(sa.clientId, scopes).length > 0) throw new OAuthError(401, 'unauthorized_client', UNAUTHORIZED_CLIENT);
      const user = this.directory.activeUser(claims.sub);
      if (!user) throw new OAuthError(400, 'invalid_grant', 'Invalid email or User ID');
      grant = this.state.createAssertionGrant(sa.clientId, { sub: user.sub, email: user.email }, scopes, 'delegation', sa.projectId);
    } else {
      grant = this.state.createAssertionGrant(sa.clientId, { sub: sa.clientId, email: sa.email }, scopes, 'serviceAccount', sa.projectId);
    }
    const access = this.state.issueAccessToken(grant);
    if (req.record) req.record.caller = { email: grant.account.email, clientId: sa.clientId, via: grant.via! };
    return { access_token: access.token, expires_in: Math.max(0, Math.round((access.expiresAt - this.state.now()) / 1000)), token_type: 'Bearer' };
  }

  private tokenResponse(grant: Grant, access: AccessTokenRecord, fromCode: boolean): object {
    return {
      access_token: access.token,
      expires_in: Math.max(0, Math.round((access.expiresAt - this.state.now()) / 1000)),
      refresh_token: fromCode ? grant.refreshToken : undefined,
      scope: access.scopes.join(' '),
      token_type: 'Bearer',
      id_token: access.scopes.includes('openid') ? this.idToken(grant, access, fromCode) : undefined,
    };
  }

  private idToken(grant: Grant, access: AccessTokenRecord, fromCode: boolean): string {
    const iat = Math.floor(this.state.now() / 1000);
    const claims: IdTokenClaims = { iss: ID_TOKEN_ISSUER, azp: grant.clientId, aud: grant.clientId, sub: grant.account.sub, at_hash: accessTokenHash(access.token), iat, exp: iat + 3600 };
    if (access.scopes.includes(EMAIL_SCOPE)) Object.assign(claims, emailClaims(grant.account));
    if (fromCode && grant.nonce !== undefined) claims.nonce = grant.nonce;
    return this.signer.sign(claims);
  }

  // -- revocation, token info, user info -----------------------------------------------------

  private revoke(req: EmulatorRequest, res: ServerResponse): void {
    const token = req.query.token ?? stringParams(req.body).token;
    if (!token) throw new OAuthError(400, 'invalid_request', 'Bad Request');
    const access = this.state.findAccessToken(token);
    const grant = this.state.findRefreshToken(token) ?? (access && !this.state.isExpired(access) ? access.grant : undefined);
    if (!grant) throw new OAuthError(400, 'invalid_token', 'Token expired or revoked');
    this.state.revokeAuthorization(grant.clientId, grant.account.sub);
    sendJson(res, 200, {});
  }

  /**
   * `tokeninfo`: the access token from `access_token` (query or form) or the `Authorization`
   * header; `legacy` is the `oauth2/v2/tokeninfo` shape (issued_to, user_id, numeric expires_in).
   */
  private tokenInfo(req: EmulatorRequest, res: ServerResponse, legacy: boolean): void {
    const header = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
    const token = req.query.access_token ?? stringParams(req.body).access_token ?? header?.[1];
    const record = token ? this.state.findAccessToken(token) : undefined;
    if (!record || this.state.isExpired(record)) throw new OAuthError(400, 'invalid_token', 'Invalid Value');
    const { grant } = record;
    const expiresIn = Math.max(0, Math.round((record.expiresAt - this.state.now()) / 1000));
    const withEmail = record.scopes.includes(EMAIL_SCOPE);
    if (legacy) {
      sendJson(res, 200, {
        issued_to: grant.clientId,
        audience: grant.clientId,
        user_id: grant.account.sub,
        scope: record.scopes.join(' '),
        expires_in: expiresIn,
        ...(withEmail ? { email: grant.account.email, verified_email: true } : {}),
        access_type: grant.refreshToken ? 'offline' : 'online',
      });
      return;
    }
    const info: Record<string, string> = {
      azp: grant.clientId,
      aud: grant.clientId,
      sub: grant.account.sub,
      scope: record.scopes.join(' '),
      exp: String(Math.floor(record.expiresAt / 1000)),
      expires_in: String(expiresIn),
    };
    if (withEmail) {
      info.email = grant.account.email;
      info.email_verified = 'true';
    }
    info.access_type = grant.refreshToken ? 'offline' : 'online';
    sendJson(res, 200, info);
  }

  private userInfo(req: EmulatorRequest, res: ServerResponse, version: 'v2' | 'v3'): void {
    const caller = this.authenticate(req, ['openid', EMAIL_SCOPE, PROFILE_SCOPE]);
    if (caller instanceof GoogleApiError) throw caller;
    const withEmail = caller.scopes.includes(EMAIL_SCOPE);
    const { email, hd } = emailClaims(caller.account);
    const body =
      version === 'v2'
        ? { id: caller.account.sub, ...(withEmail ? { email, verified_email: true } : {}), ...(hd ? { hd } : {}) }
        : { sub: caller.account.sub, ...(withEmail ? { email, email_verified: true } : {}), ...(hd ? { hd } : {}) };
    sendJson(res, 200, body);
  }
}

/** `email`, `email_verified`, and `hd` (the Workspace domain) unless the address is a consumer Gmail one. */
function emailClaims(account: GoogleAccount): { email: string; email_verified: true; hd?: string } {
  const domain = account.email.split('@')[1]?.toLowerCase();
  const consumer = !domain || domain === 'gmail.com' || domain === 'googlemail.com';
  return consumer ? { email: account.email, email_verified: true } : { email: account.email, email_verified: true, hd: domain };
}

/** A base64url JSON segment of a JWT, as an object; null when it is not one. */
function jsonPart(segment: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A form or JSON body as string parameters (non-string JSON values stringified); anything else → `{}`. */
function stringParams(body: unknown): Record<string, string> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (v === null || v === undefined) continue;
    out[k] = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}

function formDecode(s: string): string | undefined {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** Appends parameters to a URI, keeping its own query; encoded as Google does (`%20` for spaces, `%2F` in codes). */
export function withQuery(uri: string, params: Record<string, string | undefined>): string {
  const url = new URL(uri);
  const extra = Object.entries(params)
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  const own = url.search.slice(1);
  url.search = own ? `${own}&${extra}` : extra;
  return url.toString();
}

function errorPage(err: AuthorizationPageError): string {
  const title = `Error ${err.httpStatus}: ${err.error}`;
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>` +
    `<h1>Access blocked: Authorization Error</h1><p id="error">${escapeHtml(title)}</p>` +
    `<p id="error_description">${escapeHtml(err.description)}</p></body></html>`
  );
}
