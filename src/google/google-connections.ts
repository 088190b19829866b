import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { OAuth2Client, type Credentials } from 'google-auth-library';
import type { GatewayConfig } from '../config';
import type { Logger } from '../kernel/logger';
import type { GatewayMetrics } from '../kernel/metrics';
import type { CacheRegistry } from '../kernel/caches';
import type { Caller } from '../kernel/caller';
import { untilAborted } from '../kernel/abort';
import { tenantEntityManager } from '../kernel/tenant-em';
import type { GoogleApi, TenantScopes } from '../kernel/module';
import { badUserInput, domainError } from '../kernel/errors';
import type { PgPubSub } from '../kernel/pubsub';
import { GOOGLE_CONNECTION_CHANGED, type GoogleConnectionPayload } from './google-events';
import { GoogleConnectionRecord, GoogleConnectionStatus } from './google-connection.entity';
import { describeOAuthFailure, formatFailure, googleNotAuthorized, googleScopeMissing, googleUnavailable, type OAuthFailure } from './google-errors';
import { GoogleDelegation, type DelegationCheck, type ServiceAccountView } from './google-delegation';
import { guardTransport, meterTransport } from './google-transport';
import { GoogleOAuthState } from './oauth-state.entity';
import type { SecretBox } from './secret-box';

export const CALLBACK_PATH = '/oauth/google/callback';
const STATE_TTL_MS = 10 * 60_000;
/** Refresh an access token this long before it expires. */
const REFRESH_MARGIN_MS = 5 * 60_000;
const SECRET_FIELDS = ['clientSecret', 'refreshToken', 'accessToken'] as const;

export interface GoogleAuthorizationRequestView {
  url: string;
  state: string;
  expiresAt: Date;
}

interface CachedClient {
  client: OAuth2Client;
  grantedScopes: string[];
  refreshing: Promise<void> | null;
  /** googleapis clients built on it, by API name. */
  apis: Map<string, unknown>;
}

/** Field rules for credentials and codes: trimmed, non-empty, no whitespace inside, bounded. */
export function cleanToken(value: string, field: string, max: number): string {
  const v = value.trim();
  if (!v) throw badUserInput(`${field} must not be empty`, field);
  if (/\s/.test(v)) throw badUserInput(`${field} must not contain whitespace`, field);
  if (v.length > max) throw badUserInput(`${field} must be at most ${max} characters`, field);
  return v;
}

export const hashState = (state: string) => createHash('sha256').update(state).digest('hex');

/**
 * Owns each tenant's Google connection: the OAuth client credentials, the authorization-code flow
 * with PKCE, the token lifecycle (refresh before expiry, one refresh at a time, `invalid_grant` →
 * REAUTHORIZATION_REQUIRED) and a cached, ready OAuth2Client per tenant for the modules.
 */
export class GoogleConnections {
  private readonly clients = new Map<string, Promise<CachedClient>>();
  /** Domain-wide delegation: the tenant's service account and the tokens of the users it acts as. */
  readonly delegation: GoogleDelegation;

  constructor(
    private readonly config: GatewayConfig,
    private readonly orm: MikroORM,
    private readonly pubsub: PgPubSub,
    private readonly caches: CacheRegistry,
    private readonly box: SecretBox,
    private readonly log: Logger,
    /** The scopes the enabled modules need, in a stable order. */
    readonly neededScopes: string[],
    /** The scopes one tenant's authorization asks for, when modules make them depend on its settings (default: neededScopes). */
    private readonly tenantScopes: TenantScopes | null = null,
    /** Where every Google request is counted (by API and outcome). */
    private readonly metrics?: GatewayMetrics,
  ) {
    this.delegation = new GoogleDelegation(config, orm, box, log, () => this.oauthClient('', ''));
    caches.register('google-clients', (tenant) => this.forget(tenant));
    pubsub.onTopic(GOOGLE_CONNECTION_CHANGED, (tenant) => this.forget(tenant));
  }

  get redirectUri(): string {
    return `${this.config.publicUrl}${CALLBACK_PATH}`;
  }

  private forget(tenant: string): void {
    this.delegation.forget(tenant);
    const entry = this.clients.get(tenant);
    this.clients.delete(tenant);
    void entry?.then((c) => c.client.removeAllListeners()).catch(() => undefined);
  }

  /** An OAuth client whose every call (token, revocation, and the APIs it authorizes) has the request timeout, and whose OAuth calls are never retried by the transport. */
  private oauthClient(clientId: string, clientSecret: string): OAuth2Client {
    const client = new OAuth2Client({
      clientId,
      clientSecret,
      redirectUri: this.redirectUri,
      eagerRefreshThresholdMillis: REFRESH_MARGIN_MS,
      // Node's own fetch, not gaxios' node-fetch: node-fetch 3 can throw an uncaught AbortError when a
      // timeout fires while a request body is still being sent, which would bring the process down.
      transporterOptions: { timeout: this.config.google.requestTimeoutMs, fetchImplementation: fetch },
      endpoints: {
        oauth2AuthBaseUrl: this.config.google.oauthAuthUrl,
        oauth2TokenUrl: this.config.google.oauthTokenUrl,
        oauth2RevokeUrl: this.config.google.oauthRevokeUrl,
      },
    });
    const urls = { tokenUrl: this.config.google.oauthTokenUrl, revokeUrl: this.config.google.oauthRevokeUrl };
    guardTransport(client, urls);
    if (this.metrics) meterTransport(client, urls, this.metrics);
    return client;
  }

  private async load(em: EntityManager, tenant: string, withSecrets = false): Promise<GoogleConnectionRecord | null> {
    return em.findOne(GoogleConnectionRecord, { tenant }, withSecrets ? { populate: [...SECRET_FIELDS] } : {});
  }

  /** The scopes the tenant's authorization asks for. */
  async scopesFor(em: EntityManager, tenant: string): Promise<string[]> {
    return this.tenantScopes ? this.tenantScopes(em, tenant) : this.neededScopes;
  }

  view(record: GoogleConnectionRecord | null, tenant: string, needed: readonly string[] = this.neededScopes, sa: ServiceAccountView | null = null): GoogleConnectionPayload {
    const granted = record?.grantedScopes ?? [];
    const hasTokens = record?.status === GoogleConnectionStatus.AUTHORIZED || record?.status === GoogleConnectionStatus.REAUTHORIZATION_REQUIRED;
    return {
      tenant,
      status: record?.status ?? GoogleConnectionStatus.UNCONFIGURED,
      clientId: record?.clientId ?? null,
      grantedScopes: granted,
      missingScopes: hasTokens ? needed.filter((s) => !granted.includes(s)) : [...needed],
      authorizedAt: record?.authorizedAt?.toISOString() ?? null,
      authorizedBy: record?.authorizedBy ?? null,
      lastRefreshAt: record?.lastRefreshAt?.toISOString() ?? null,
      lastError: record?.lastError ?? null,
      serviceAccount: sa ? { clientEmail: sa.clientEmail, clientId: sa.clientId, privateKeyId: sa.privateKeyId, setAt: sa.setAt.toISOString() } : null,
      delegationScopes: needed.join(','),
    };
  }

  async current(em: EntityManager, tenant: string): Promise<GoogleConnectionPayload> {
    return this.view(await this.load(em, tenant), tenant, await this.scopesFor(em, tenant), await this.delegation.view(em, tenant));
  }

  private async changed(record: GoogleConnectionRecord | null, tenant: string): Promise<GoogleConnectionPayload> {
    const em = tenantEntityManager(this.orm, tenant);
    const payload = this.view(record, tenant, await this.scopesFor(em, tenant), await this.delegation.view(em, tenant));
    this.forget(tenant);
    await this.pubsub.publish(GOOGLE_CONNECTION_CHANGED, tenant, payload);
    return payload;
  }

  /** Stores the OAuth client. A new client ID invalidates the tokens of the old one. */
  async setClientCredentials(em: EntityManager, caller: Caller, input: { clientId: string; clientSecret: string }): Promise<GoogleConnectionPayload> {
    const clientId = cleanToken(input.clientId, 'clientId', 255);
    const clientSecret = cleanToken(input.clientSecret, 'clientSecret', 255);
    let record = await this.load(em, caller.tenant, true);
    // `partial`: every other column has its default.
    if (!record) record = em.create(GoogleConnectionRecord, { tenant: caller.tenant }, { partial: true });
    const clientChanged = record.clientId !== clientId;
    record.clientId = clientId;
    record.clientSecret = this.box.seal(clientSecret);
    if (clientChanged || record.status === GoogleConnectionStatus.UNCONFIGURED) {
      dropGrant(record, null);
      record.lastRefreshAt = null;
    }
    await em.flush();
    this.log.info({ tenant: caller.tenant, by: caller.sub, clientChanged }, 'Google client credentials set');
    return this.changed(record, caller.tenant);
  }

  /** Stores the service account for domain-wide delegation (its private key sealed); every process forgets the old key and its tokens. */
  async setServiceAccount(em: EntityManager, caller: Caller, keyJson: string): Promise<GoogleConnectionPayload> {
    await this.delegation.set(em, caller, keyJson);
    return this.changed(await this.load(em, caller.tenant), caller.tenant);
  }

  async removeServiceAccount(em: EntityManager, caller: Caller): Promise<GoogleConnectionPayload> {
    await this.delegation.remove(em, caller);
    return this.changed(await this.load(em, caller.tenant), caller.tenant);
  }

  /** Impersonates `subject` with each scope the tenant needs and reports what Google granted. */
  async verifyDelegation(em: EntityManager, caller: Caller, subject: string): Promise<DelegationCheck> {
    return this.delegation.verify(caller.tenant, subject, await this.scopesFor(em, caller.tenant));
  }

  /** Starts the authorization-code flow: a single-use state bound to the tenant and admin, and PKCE. */
  async requestAuthorization(em: EntityManager, caller: Caller): Promise<GoogleAuthorizationRequestView> {
    const record = await this.load(em, caller.tenant);
    if (!record?.clientId) {
      throw domainError('GOOGLE_NOT_CONFIGURED', 'Set the Google OAuth client ID and secret first (setGoogleClientCredentials)');
    }
    const scopes = await this.scopesFor(em, caller.tenant);
    if (!scopes.length) {
      throw domainError('GOOGLE_NOT_CONFIGURED', 'No enabled module uses Google, so there is nothing to authorize (see MODULES)');
    }
    const state = randomBytes(32).toString('base64url');
    const verifier = randomBytes(48).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const expiresAt = new Date(Date.now() + STATE_TTL_MS);
    // `partial`: `createdAt` and `usedAt` have their defaults.
    em.create(
      GoogleOAuthState,
      {
        tenant: caller.tenant,
        stateHash: hashState(state),
        requestedBy: caller.sub,
        codeVerifier: this.box.seal(verifier),
        scopes,
        redirectUri: this.redirectUri,
        clientId: record.clientId,
        expiresAt,
      },
      { partial: true },
    );
    await em.flush();
    // Old requests are of no use to anyone: keep the table small.
    await em.getConnection().execute(/* pruneOAuthStates */ `DELETE FROM google_oauth_state WHERE expires_at < now() - interval '1 day'`);

    const url = new URL(this.config.google.oauthAuthUrl);
    const params: Record<string, string> = {
      client_id: record.clientId,
      redirect_uri: this.redirectUri,
      response_type: 'code',
      scope: scopes.join(' '),
      access_type: 'offline',
      prompt: 'consent',
      include_granted_scopes: 'true',
      state,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return { url: url.toString(), state, expiresAt };
  }

  /**
   * Finishes the flow for the callback route (no caller: the state names the tenant) and the
   * `authorizeGoogle` mutation (the caller must be the admin who asked). Consumes the state.
   */
  async completeAuthorization(input: { state: string; code?: string | null; error?: string | null }, caller: Caller | null): Promise<GoogleConnectionPayload> {
    const stateValue = cleanToken(input.state ?? '', 'state', 512);
    const em = this.orm.em.fork();
    // Consume first, atomically: a state works once, whatever happens next.
    // Through the mutation, only the admin who asked may use the state (and nobody else can burn it).
    const owner = caller ? ' AND tenant = ? AND requested_by = ?' : '';
    const rows: Record<string, unknown>[] = await em
      .getConnection()
      .execute(
        /* consumeOAuthState */ `UPDATE google_oauth_state SET used_at = now() WHERE state_hash = ? AND used_at IS NULL${owner} RETURNING tenant, requested_by, code_verifier, redirect_uri, client_id, expires_at, scopes`,
        caller ? [hashState(stateValue), caller.tenant, caller.sub] : [hashState(stateValue)],
      );
    const row = rows[0];
    if (!row) {
      const known: Record<string, unknown>[] = await em
        .getConnection()
        .execute(/* findOAuthState */ `SELECT used_at, tenant, requested_by FROM google_oauth_state WHERE state_hash = ?`, [hashState(stateValue)]);
      const found = known[0];
      if (found && caller && (found.tenant !== caller.tenant || found.requested_by !== caller.sub)) {
        throw authorizationFailed('state_mismatch', 'This authorization request was made by another admin or tenant');
      }
      if (found) throw authorizationFailed('state_reused', 'This authorization request was already used; request a new one');
      throw authorizationFailed('state_unknown', 'Unknown authorization state; request a new authorization');
    }
    const tenant = String(row.tenant);
    if (new Date(row.expires_at as string) < new Date()) {
      throw authorizationFailed('state_expired', 'This authorization request expired (10 minutes); request a new one');
    }
    const tem = tenantEntityManager(this.orm, tenant);
    const record = await this.load(tem, tenant, true);
    if (!record?.clientId || !record.clientSecret || record.clientId !== row.client_id) {
      throw authorizationFailed('client_changed', 'The Google client credentials changed since this request; request a new authorization');
    }
    if (input.error) {
      const reason = input.error === 'access_denied' ? 'The Google account declined the access (access_denied)' : `Google answered ${input.error.slice(0, 100)}`;
      record.lastError = reason;
      await tem.flush();
      await this.changed(record, tenant);
      throw authorizationFailed(input.error === 'access_denied' ? 'access_denied' : 'google_error', reason);
    }
    const code = cleanToken(input.code ?? '', 'code', 2048);

    const client = this.oauthClient(record.clientId, this.box.open(record.clientSecret));
    let tokens: Credentials;
    try {
      ({ tokens } = await client.getToken({ code, codeVerifier: this.box.open(String(row.code_verifier)), redirect_uri: String(row.redirect_uri) }));
    } catch (err) {
      // Never retried: the code is single use, and Google may have spent it on a request whose answer was lost.
      const failure = describeOAuthFailure(err);
      this.log.warn({ tenant, failure }, 'Google authorization code exchange failed');
      const refused = failure.status !== null && failure.status < 500 && failure.error !== 'not_a_token';
      const said = failure.error === 'timeout' || failure.error === 'not_a_token' ? (failure.description ?? formatFailure(failure)) : formatFailure(failure);
      record.lastError = `Code exchange failed: ${said}`;
      await tem.flush();
      await this.changed(record, tenant);
      if (refused) throw authorizationFailed('token_exchange_failed', `Google refused the authorization code (${said}); request a new authorization`);
      throw domainError('GOOGLE_UNAVAILABLE', `Google could not complete the authorization: ${said}. Request a new authorization and try again.`, { reason: exchangeReason(failure) });
    }
    if (!tokens.refresh_token) {
      record.lastError = 'Google returned no refresh token. Remove this app at https://myaccount.google.com/permissions for the authorizing account, then authorize again.';
      await tem.flush();
      await this.changed(record, tenant);
      throw authorizationFailed('no_refresh_token', record.lastError);
    }
    const granted = (tokens.scope ?? '').split(/\s+/).filter(Boolean);
    const asked = (row.scopes as string[]) ?? this.neededScopes;
    const missing = asked.filter((s) => !granted.includes(s));
    Object.assign(record, {
      status: GoogleConnectionStatus.AUTHORIZED,
      refreshToken: this.box.seal(tokens.refresh_token),
      accessToken: tokens.access_token ? this.box.seal(tokens.access_token) : null,
      accessTokenExpiresAt: tokens.expiry_date ? new Date(tokens.expiry_date) : null,
      grantedScopes: granted,
      authorizedAt: new Date(),
      authorizedBy: String(row.requested_by),
      lastRefreshAt: new Date(),
      lastError: missing.length ? `Google granted fewer permissions than asked; missing: ${missing.join(', ')}. Authorize again and tick every permission.` : null,
    });
    await tem.flush();
    this.log.info({ tenant, by: row.requested_by, granted, missing }, 'Google authorized');
    // "Authorize and reset client + server cache": every process drops what it had for the tenant.
    await this.caches.reset(this.pubsub, tenant, 'google-authorized', String(row.requested_by));
    return this.changed(record, tenant);
  }

  /** Revokes the token at Google (best effort, reported) and deletes the stored tokens. */
  async disconnect(em: EntityManager, caller: Caller): Promise<GoogleConnectionPayload> {
    const record = await this.load(em, caller.tenant, true);
    if (!record) return this.view(null, caller.tenant, await this.scopesFor(em, caller.tenant));
    let revokeProblem: string | null = null;
    const token = record.refreshToken ?? record.accessToken;
    if (token && record.clientId && record.clientSecret) {
      try {
        await this.oauthClient(record.clientId, this.box.open(record.clientSecret)).revokeToken(this.box.open(token));
      } catch (err) {
        // Bounded by the request timeout and never retried: the connection is forgotten here either way.
        const failure = describeOAuthFailure(err);
        const said = failure.error === 'timeout' ? (failure.description ?? formatFailure(failure)) : formatFailure(failure);
        revokeProblem = `Disconnected here, but the revocation at Google did not complete (${said}); remove the app's access at https://myaccount.google.com/permissions`;
        this.log.warn({ tenant: caller.tenant, failure }, 'Google token revocation failed');
      }
    }
    dropGrant(record, revokeProblem);
    await em.flush();
    this.log.info({ tenant: caller.tenant, by: caller.sub, revoked: !revokeProblem }, 'Google disconnected');
    return this.changed(record, caller.tenant);
  }

  /**
   * A ready OAuth2Client for the tenant's Google calls, with a fresh access token. Fails fast with
   * GOOGLE_NOT_AUTHORIZED when the tenant must authorize again and GOOGLE_SCOPE_MISSING when a
   * needed scope was not granted.
   */
  async authClient(tenant: string, scopes: string[] = [], signal?: AbortSignal): Promise<OAuth2Client> {
    let entry = this.clients.get(tenant);
    if (!entry) {
      entry = this.buildClient(tenant);
      this.clients.set(tenant, entry);
      entry.catch(() => this.clients.get(tenant) === entry && this.clients.delete(tenant));
    }
    const cached = await entry;
    const missing = scopes.filter((s) => !cached.grantedScopes.includes(s));
    if (missing.length) throw googleScopeMissing(missing);
    await this.ensureFresh(tenant, cached, signal);
    return cached.client;
  }

  /**
   * The tenant's ready googleapis client for a module's declared API: its scopes (and `extraScopes`)
   * checked, the token fresh, GOOGLE_API_ROOT as root, the request timeout set and googleapis' own
   * retry off (the sync engine retries with backoff and the rate limiter). One per tenant and API;
   * with a `signal` (a sync run's), one of its own whose every request that signal aborts.
   */
  async client<T>(tenant: string, api: GoogleApi<T>, extraScopes: readonly string[] = [], signal?: AbortSignal): Promise<T> {
    const auth = await this.authClient(tenant, [...new Set([...api.scopes, ...extraScopes])], signal);
    const options = { auth, rootUrl: `${this.config.google.apiRoot}/`, timeout: this.config.google.requestTimeoutMs, retry: false } as const;
    if (signal) return api.create({ ...options, signal });
    const cached = await this.clients.get(tenant);
    const hit = cached?.apis.get(api.name);
    if (hit) return hit as T;
    const built = api.create(options);
    cached?.apis.set(api.name, built);
    return built;
  }

  private async buildClient(tenant: string): Promise<CachedClient> {
    const em = tenantEntityManager(this.orm, tenant);
    const record = await this.load(em, tenant, true);
    if (!record || record.status !== GoogleConnectionStatus.AUTHORIZED || !record.refreshToken || !record.clientId || !record.clientSecret) {
      throw googleNotAuthorized(tenant, record?.status === GoogleConnectionStatus.REAUTHORIZATION_REQUIRED ? record.lastError : 'not connected');
    }
    const client = this.oauthClient(record.clientId, this.box.open(record.clientSecret));
    // An expiry_date is always set: without it the client would refresh and *resend* any request answered 401/403.
    client.setCredentials({
      refresh_token: this.box.open(record.refreshToken),
      access_token: record.accessToken ? this.box.open(record.accessToken) : undefined,
      expiry_date: record.accessToken && record.accessTokenExpiresAt ? record.accessTokenExpiresAt.getTime() : 1,
      token_type: 'Bearer',
    });
    client.on('tokens', (tokens) => {
      void this.persistTokens(tenant, tokens).catch((err) => this.log.error({ tenant, err }, 'could not persist a refreshed Google token'));
    });
    return { client, grantedScopes: record.grantedScopes, refreshing: null, apis: new Map() };
  }

  /**
   * One refresh at a time per tenant and process; concurrent callers wait for the same one. The
   * refresh is bounded by the request timeout; a caller whose `signal` aborts stops waiting at once.
   */
  private async ensureFresh(tenant: string, cached: CachedClient, signal?: AbortSignal): Promise<void> {
    const expiry = cached.client.credentials.expiry_date ?? 0;
    if (cached.client.credentials.access_token && expiry - Date.now() > REFRESH_MARGIN_MS) return;
    cached.refreshing ??= (async () => {
      try {
        await cached.client.refreshAccessToken();
      } catch (err) {
        const failure = describeOAuthFailure(err);
        if (failure.error === 'invalid_grant' || failure.error === 'unauthorized_client' || failure.error === 'invalid_client') {
          await this.markReauthorizationRequired(tenant, `Google refused the refresh token (${formatFailure(failure)})`);
          throw googleNotAuthorized(tenant, formatFailure(failure));
        }
        this.log.warn({ tenant, failure }, 'Google token refresh failed');
        throw googleUnavailable(failure);
      } finally {
        cached.refreshing = null;
      }
    })();
    await untilAborted(cached.refreshing, signal);
  }

  private async persistTokens(tenant: string, tokens: Credentials): Promise<void> {
    if (!tokens.access_token) return;
    const em = tenantEntityManager(this.orm, tenant);
    await em.nativeUpdate(
      GoogleConnectionRecord,
      { tenant, status: GoogleConnectionStatus.AUTHORIZED },
      {
        accessToken: this.box.seal(tokens.access_token),
        accessTokenExpiresAt: tokens.expiry_date ? new Date(tokens.expiry_date) : null,
        lastRefreshAt: new Date(),
        ...(tokens.refresh_token ? { refreshToken: this.box.seal(tokens.refresh_token) } : {}),
      },
    );
  }

  /** Google no longer accepts the tenant's grant: stop every call until an admin authorizes again. */
  async markReauthorizationRequired(tenant: string, reason: string): Promise<void> {
    const em = tenantEntityManager(this.orm, tenant);
    const record = await this.load(em, tenant);
    if (!record || record.status === GoogleConnectionStatus.REAUTHORIZATION_REQUIRED) {
      this.forget(tenant);
      return;
    }
    record.status = GoogleConnectionStatus.REAUTHORIZATION_REQUIRED;
    record.lastError = `${reason}. An admin must authorize again.`;
    await em.flush();
    this.log.warn({ tenant, reason }, 'Google authorization lost: reauthorization required');
    await this.changed(record, tenant);
  }
}

/** Forgets the tokens and what was granted; the client credentials stay. */
function dropGrant(record: GoogleConnectionRecord, lastError: string | null): void {
  Object.assign(record, {
    status: record.clientId ? GoogleConnectionStatus.CREDENTIALS_SET : GoogleConnectionStatus.UNCONFIGURED,
    refreshToken: null,
    accessToken: null,
    accessTokenExpiresAt: null,
    grantedScopes: [],
    authorizedAt: null,
    authorizedBy: null,
    lastError,
  });
}

/** `extensions.reason` of an authorization Google could not complete. */
function exchangeReason(f: OAuthFailure): string {
  if (f.error === 'timeout') return 'google_timeout';
  if (f.error === 'not_a_token') return 'not_a_token';
  return 'google_unavailable';
}

function authorizationFailed(reason: string, message: string) {
  return domainError('GOOGLE_AUTHORIZATION_FAILED', message, { reason });
}
