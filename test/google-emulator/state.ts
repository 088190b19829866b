import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** The Google account that consents (and that API calls act for). */
export interface GoogleAccount {
  sub: string;
  email: string;
}

export interface OAuthClientRegistration {
  clientId: string;
  clientSecret: string;
  /** Exact redirect URIs, as registered in Google Cloud Console (scheme, host, port, path and trailing slash must match). */
  redirectUris: string[];
  /** Also accept any `http://localhost|127.0.0.1|[::1]:<port>/<path>` redirect URI, as Google does for desktop clients. */
  allowLoopbackRedirects?: boolean;
}

export interface ConsentOptions {
  decision: 'approve' | 'deny';
  /** The scopes the user leaves ticked (granular consent); default: all requested. Sign-in scopes are always granted. */
  grantScopes?: string[];
  account?: GoogleAccount;
  /** Only the next consent screen answers this way (queued, first in first out); otherwise it becomes the standing answer. */
  once?: boolean;
}

export type RefreshFailure = 'invalid_grant' | 'server_error';

export const DEFAULT_ACCOUNT: Readonly<GoogleAccount> = Object.freeze({ sub: '1000', email: 'admin@example.com' });
export const CODE_TTL_SECONDS = 600;
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 3600;

/** An authorization code, from the consent redirect to its (single) exchange. */
export interface AuthorizationCode {
  code: string;
  clientId: string;
  redirectUri: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  scopes: string[];
  account: GoogleAccount;
  offline: boolean;
  nonce?: string;
  expiresAt: number;
  /** Set by the first successful exchange; a second exchange revokes it. */
  grant?: Grant;
}

/** What one successful code exchange created: a refresh token (offline access) and the access tokens minted from it. */
export interface Grant {
  id: string;
  clientId: string;
  account: GoogleAccount;
  scopes: string[];
  refreshToken?: string;
  nonce?: string;
  accessTokens: Set<string>;
  /** How the grant was obtained (default `oauth`: a code exchange). */
  via?: 'oauth' | 'serviceAccount' | 'delegation';
  /** The quota project: the service account's project; for OAuth grants, the client id. */
  project?: string;
}

export interface AccessTokenRecord {
  token: string;
  grant: Grant;
  scopes: string[];
  expiresAt: number;
}

const random = (bytes: number) => randomBytes(bytes).toString('base64url');
const digest = (s: string) => createHash('sha256').update(s).digest();

/** Timing-safe comparison of two secrets of any length. */
export function secretsEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** The emulator's memory: clients, consent script, codes, grants and tokens, failure switches, and a clock tests can move. */
export class EmulatorState {
  readonly clients = new Map<string, OAuthClientRegistration>();
  private offsetMs = 0;

  private standingConsent: ConsentOptions = { decision: 'approve' };
  private consentQueue: ConsentOptions[] = [];
  accessTokenTtlSeconds = DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
  private refreshFailure: { error: RefreshFailure; remaining: number } | null = null;
  private omitRefreshToken = false;

  /** Scopes each account has granted each client so far (`include_granted_scopes`, `prompt=none`). */
  private readonly authorizations = new Map<string, Set<string>>();
  private readonly codes = new Map<string, AuthorizationCode>();
  private readonly grants = new Map<string, Grant>();
  private readonly refreshTokens = new Map<string, Grant>();
  private readonly accessTokens = new Map<string, AccessTokenRecord>();
  private issuedSinceSweep = 0;

  // -- clock ---------------------------------------------------------------------------------

  /** Milliseconds since the epoch, as the emulator sees it (real time plus {@link advanceTime}). */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  advanceTime(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) throw new RangeError('advanceTime: seconds must be a finite number ≥ 0');
    this.offsetMs += seconds * 1000;
  }

  // -- clients -------------------------------------------------------------------------------

  registerClient(c: OAuthClientRegistration): void {
    if (!c.clientId || !c.clientSecret) throw new TypeError('registerClient: clientId and clientSecret are required');
    for (const uri of c.redirectUris) {
      const u = URL.canParse(uri) ? new URL(uri) : null;
      if (!u || u.hash) throw new TypeError(`registerClient: "${uri}" is not an absolute redirect URI without a fragment`);
    }
    this.clients.set(c.clientId, { ...c, redirectUris: [...c.redirectUris] });
  }

  isRedirectAllowed(client: OAuthClientRegistration, uri: string): boolean {
    if (client.redirectUris.includes(uri)) return true;
    if (!client.allowLoopbackRedirects || !URL.canParse(uri)) return false;
    const u = new URL(uri);
    return u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname) && !u.hash && !u.username;
  }

  // -- consent -------------------------------------------------------------------------------

  setConsent(c: ConsentOptions): void {
    if (c.decision !== 'approve' && c.decision !== 'deny') throw new TypeError(`setConsent: unknown decision "${String(c.decision)}"`);
    const copy: ConsentOptions = { ...c, grantScopes: c.grantScopes && [...c.grantScopes], account: c.account && { ...c.account } };
    if (c.once) this.consentQueue.push(copy);
    else this.standingConsent = copy;
  }

  /** The answer of the consent screen being shown now (consumes a queued `once` answer). */
  takeConsent(): ConsentOptions {
    return this.consentQueue.shift() ?? this.standingConsent;
  }

  /** The account signed in to the browser: the one the next consent screen would answer as. */
  signedInAccount(): GoogleAccount {
    return (this.consentQueue[0] ?? this.standingConsent).account ?? DEFAULT_ACCOUNT;
  }

  authorizedScopes(clientId: string, sub: string): string[] {
    return [...(this.authorizations.get(authKey(clientId, sub)) ?? [])];
  }

  rememberAuthorization(clientId: string, sub: string, scopes: readonly string[]): void {
    const key = authKey(clientId, sub);
    const set = this.authorizations.get(key) ?? new Set<string>();
    for (const s of scopes) set.add(s);
    this.authorizations.set(key, set);
  }

  // -- failure switches ----------------------------------------------------------------------

  failNextRefresh(error: RefreshFailure, count: number): void {
    if (!Number.isInteger(count) || count < 1) throw new RangeError('failNextRefresh: count must be a positive integer');
    this.refreshFailure = { error, remaining: count };
  }

  takeRefreshFailure(): RefreshFailure | null {
    const f = this.refreshFailure;
    if (!f) return null;
    if (--f.remaining <= 0) this.refreshFailure = null;
    return f.error;
  }

  omitRefreshTokenOnce(): void {
    this.omitRefreshToken = true;
  }

  takeOmitRefreshToken(): boolean {
    const omit = this.omitRefreshToken;
    this.omitRefreshToken = false;
    return omit;
  }

  // -- codes, grants, tokens -----------------------------------------------------------------

  issueCode(c: Omit<AuthorizationCode, 'code' | 'expiresAt' | 'grant'>): AuthorizationCode {
    const code: AuthorizationCode = { ...c, code: `4/0A${random(48)}`, expiresAt: this.now() + CODE_TTL_SECONDS * 1000 };
    this.codes.set(code.code, code);
    this.maybeSweep();
    return code;
  }

  findCode(code: string): AuthorizationCode | undefined {
    return this.codes.get(code);
  }

  /** Redeems a code: a new grant, with a refresh token when offline access was asked for (and not switched off once). */
  createGrant(code: AuthorizationCode): Grant {
    const grant: Grant = {
      id: random(12),
      clientId: code.clientId,
      account: code.account,
      scopes: code.scopes,
      nonce: code.nonce,
      accessTokens: new Set(),
    };
    if (code.offline && !this.takeOmitRefreshToken()) {
      grant.refreshToken = `1//0${random(64)}`;
      this.refreshTokens.set(grant.refreshToken, grant);
    }
    code.grant = grant;
    this.grants.set(grant.id, grant);
    return grant;
  }

  /** A JWT bearer grant: no refresh token, one access token per assertion. */
  createAssertionGrant(clientId: string, account: GoogleAccount, scopes: string[], via: 'serviceAccount' | 'delegation', project: string): Grant {
    const grant: Grant = { id: random(12), clientId, account: { ...account }, scopes, accessTokens: new Set(), via, project };
    this.grants.set(grant.id, grant);
    return grant;
  }

  issueAccessToken(grant: Grant, scopes: string[] = grant.scopes): AccessTokenRecord {
    const record: AccessTokenRecord = {
      token: `ya29.a0${random(96)}`,
      grant,
      scopes,
      expiresAt: this.now() + this.accessTokenTtlSeconds * 1000,
    };
    grant.accessTokens.add(record.token);
    this.accessTokens.set(record.token, record);
    this.maybeSweep();
    return record;
  }

  findRefreshToken(token: string): Grant | undefined {
    return this.refreshTokens.get(token);
  }

  /** The access token's record, expired or not (revoked tokens are forgotten). */
  findAccessToken(token: string): AccessTokenRecord | undefined {
    return this.accessTokens.get(token);
  }

  isExpired(record: { expiresAt: number }): boolean {
    return record.expiresAt <= this.now();
  }

  revokeGrant(grant: Grant): void {
    this.grants.delete(grant.id);
    if (grant.refreshToken) this.refreshTokens.delete(grant.refreshToken);
    for (const t of grant.accessTokens) this.accessTokens.delete(t);
    grant.accessTokens.clear();
  }

  /** What Google's revocation does: the client loses all access to the account (every grant, pending codes, remembered scopes). */
  revokeAuthorization(clientId: string, sub: string): void {
    for (const g of [...this.grants.values()]) if (g.clientId === clientId && g.account.sub === sub) this.revokeGrant(g);
    for (const [k, c] of this.codes) if (c.clientId === clientId && c.account.sub === sub && !c.grant) this.codes.delete(k);
    this.authorizations.delete(authKey(clientId, sub));
  }

  /** As if every user removed every app's access. */
  revokeAll(): void {
    for (const g of [...this.grants.values()]) this.revokeGrant(g);
    this.codes.clear();
    this.authorizations.clear();
  }

  /** Forgets everything but the registered clients; switches and the clock go back to their defaults. */
  reset(): void {
    this.revokeAll();
    this.offsetMs = 0;
    this.standingConsent = { decision: 'approve' };
    this.consentQueue = [];
    this.accessTokenTtlSeconds = DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
    this.refreshFailure = null;
    this.omitRefreshToken = false;
  }

  /** Long benchmark runs mint many tokens: now and then, expired ones are dropped. */
  private maybeSweep(): void {
    if (++this.issuedSinceSweep < 1000) return;
    this.issuedSinceSweep = 0;
    const now = this.now();
    for (const [k, c] of this.codes) if (c.expiresAt <= now) this.codes.delete(k);
    for (const [k, t] of this.accessTokens) {
      if (t.expiresAt <= now) {
        this.accessTokens.delete(k);
        t.grant.accessTokens.delete(k);
      }
    }
    for (const [k, g] of this.grants) if (!g.refreshToken && g.accessTokens.size === 0) this.grants.delete(k);
  }
}

function authKey(clientId: string, sub: string): string {
  return `${clientId}\u0000${sub}`;
}
