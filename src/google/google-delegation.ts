import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { OAuth2Client } from 'google-auth-library';
import { importPKCS8, SignJWT } from 'jose';
import type { GatewayConfig } from '../config';
import { untilAborted } from '../kernel/abort';
import type { Caller } from '../kernel/caller';
import { domainError } from '../kernel/errors';
import type { GoogleApi } from '../kernel/module';
import type { Logger } from '../kernel/logger';
import { tenantEntityManager } from '../kernel/tenant-em';
import { describeOAuthFailure, formatFailure, GoogleCallError, type OAuthFailure } from './google-errors';
import type { SecretBox } from './secret-box';
import { parseServiceAccountKey } from './service-account-key';

/** Refresh a delegated token this long before it expires (at most half its lifetime). */
const REFRESH_MARGIN_MS = 5 * 60_000;
const ASSERTION_LIFETIME_S = 3600;
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** The tenant's service account as GraphQL shows it (never the private key). */
export interface ServiceAccountView {
  clientEmail: string;
  clientId: string;
  privateKeyId: string | null;
  projectId: string | null;
  setAt: Date;
  setBy: string | null;
}

/** What one scope answered when an admin checks the delegation. */
export interface DelegationScopeCheck {
  scope: string;
  granted: boolean;
  /** Google's answer when refused, and what to do. */
  error: string | null;
}

export interface DelegationCheck {
  subject: string;
  clientId: string;
  /** Every scope granted: the sync can impersonate this user. */
  ok: boolean;
  scopes: DelegationScopeCheck[];
}

interface LoadedKey extends ServiceAccountView {
  key: Awaited<ReturnType<typeof importPKCS8>>;
}

interface TokenEntry {
  accessToken: string | null;
  /** When to get a new one (before Google's expiry). */
  refreshAt: number;
  refreshing: Promise<{ accessToken: string; refreshAt: number }> | null;
}

/** Builds a guarded, metered, time-bounded OAuth2Client (GoogleConnections' transport). */
export type TransportFactory = () => OAuth2Client;

/**
 * Domain-wide delegation: a tenant's service account (its key sealed at rest), the JWT bearer grant
 * signed here and sent to GOOGLE_OAUTH_TOKEN_URL through the bounded transport, and a token cache
 * per (tenant, subject, scopes) refreshed before expiry, one refresh at a time per subject.
 */
export class GoogleDelegation {
  private readonly keys = new Map<string, Promise<LoadedKey | null>>();
  private readonly tokens = new Map<string, TokenEntry>();
  private transport: OAuth2Client | null = null;

  constructor(
    private readonly config: GatewayConfig,
    private readonly orm: MikroORM,
    private readonly box: SecretBox,
    private readonly log: Logger,
    private readonly newTransport: TransportFactory,
  ) {}

  /** Forgets the tenant's key and tokens (cache reset, key change). */
  forget(tenant: string): void {
    this.keys.delete(tenant);
    for (const k of this.tokens.keys()) if (k.startsWith(`${tenant}\u0000`)) this.tokens.delete(k);
  }

  async view(em: EntityManager, tenant: string): Promise<ServiceAccountView | null> {
    const rows: Record<string, unknown>[] = await em
      .getConnection()
      .execute(/* serviceAccountView */ 'SELECT client_email, client_id, private_key_id, project_id, set_at, set_by FROM google_service_account WHERE tenant = ?', [tenant]);
    const r = rows[0];
    return r ? toView(r) : null;
  }

  /** Validates and stores the key (the private key sealed); returns what the Admin console needs. */
  async set(em: EntityManager, caller: Caller, keyJson: string): Promise<ServiceAccountView> {
    const key = parseServiceAccountKey(keyJson);
    await em.getConnection().execute(
      /* saveServiceAccount */ `INSERT INTO google_service_account (tenant, client_email, client_id, private_key_id, project_id, private_key, set_at, set_by)
       VALUES (?, ?, ?, ?, ?, ?, now(), ?)
       ON CONFLICT (tenant) DO UPDATE SET client_email = excluded.client_email, client_id = excluded.client_id, private_key_id = excluded.private_key_id,
         project_id = excluded.project_id, private_key = excluded.private_key, set_at = now(), set_by = excluded.set_by`,
      [caller.tenant, key.clientEmail, key.clientId, key.privateKeyId, key.projectId, this.box.seal(key.privateKey), caller.sub],
    );
    this.forget(caller.tenant);
    this.log.info({ tenant: caller.tenant, by: caller.sub, clientEmail: key.clientEmail, clientId: key.clientId }, 'Google service account set');
    return (await this.view(em, caller.tenant))!;
  }

  async remove(em: EntityManager, caller: Caller): Promise<boolean> {
    const rows: unknown[] = await em.getConnection().execute(/* removeServiceAccount */ 'DELETE FROM google_service_account WHERE tenant = ? RETURNING tenant', [caller.tenant]);
    this.forget(caller.tenant);
    if (rows.length) this.log.info({ tenant: caller.tenant, by: caller.sub }, 'Google service account removed');
    return rows.length > 0;
  }

  private loadKey(tenant: string): Promise<LoadedKey | null> {
    let entry = this.keys.get(tenant);
    if (!entry) {
      entry = (async () => {
        const rows: Record<string, unknown>[] = await tenantEntityManager(this.orm, tenant)
          .getConnection()
          .execute(/* serviceAccountKey */ 'SELECT client_email, client_id, private_key_id, project_id, private_key, set_at, set_by FROM google_service_account WHERE tenant = ?', [tenant]);
        const r = rows[0];
        if (!r) return null;
        return { ...toView(r), key: await importPKCS8(this.box.open(String(r.private_key)), 'RS256') };
      })();
      this.keys.set(tenant, entry);
      entry.catch(() => this.keys.get(tenant) === entry && this.keys.delete(tenant));
    }
    return entry;
  }

  private async requireKey(tenant: string): Promise<LoadedKey> {
    const key = await this.loadKey(tenant);
    if (!key) throw domainError('GOOGLE_NOT_CONFIGURED', 'No service account is set for domain-wide delegation (setGoogleServiceAccount), or switch the calendar mode');
    return key;
  }

  /** One JWT bearer exchange (never cached, never retried here). Throws the raw transport error. */
  private async exchange(key: LoadedKey, subject: string, scopes: readonly string[], signal?: AbortSignal): Promise<{ accessToken: string; expiresInS: number }> {
    const now = Math.floor(Date.now() / 1000);
    const assertion = await new SignJWT({ scope: scopes.join(' ') })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...(key.privateKeyId ? { kid: key.privateKeyId } : {}) })
      .setIssuer(key.clientEmail)
      .setSubject(subject)
      .setAudience(this.config.google.oauthTokenUrl)
      .setIssuedAt(now)
      .setExpirationTime(now + ASSERTION_LIFETIME_S)
      .sign(key.key);
    this.transport ??= this.newTransport();
    const res = await this.transport.transporter.request<{ access_token: string; expires_in?: number }>({
      url: this.config.google.oauthTokenUrl,
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      data: new URLSearchParams({ grant_type: JWT_BEARER, assertion }).toString(),
      timeout: this.config.google.requestTimeoutMs,
      ...(signal ? { signal } : {}),
    });
    return { accessToken: res.data.access_token, expiresInS: Number(res.data.expires_in ?? 3600) };
  }

  /**
   * A fresh access token acting as `subject` with `scopes`, from the cache when it is not due for
   * refresh; concurrent callers for one subject share one exchange. Refusals become GoogleCallErrors
   * (an unknown or suspended subject: that item's error; a client id not authorized: the run's).
   */
  async token(tenant: string, subject: string, scopes: readonly string[], signal?: AbortSignal): Promise<{ accessToken: string; refreshAt: number }> {
    const id = `${tenant}\u0000${subject}\u0000${[...scopes].sort().join(' ')}`;
    let entry = this.tokens.get(id);
    if (!entry) this.tokens.set(id, (entry = { accessToken: null, refreshAt: 0, refreshing: null }));
    if (entry.accessToken && Date.now() < entry.refreshAt) return { accessToken: entry.accessToken, refreshAt: entry.refreshAt };
    const e = entry;
    e.refreshing ??= (async () => {
      try {
        const key = await this.requireKey(tenant);
        let answer;
        try {
          answer = await this.exchange(key, subject, scopes);
        } catch (err) {
          throw refusal(describeOAuthFailure(err), key.clientId, subject, scopes, err);
        }
        const lifetimeMs = answer.expiresInS * 1000;
        e.accessToken = answer.accessToken;
        e.refreshAt = Date.now() + lifetimeMs - Math.min(REFRESH_MARGIN_MS, lifetimeMs / 2);
        return { accessToken: e.accessToken, refreshAt: e.refreshAt };
      } finally {
        e.refreshing = null;
      }
    })();
    return untilAborted(e.refreshing, signal);
  }

  /**
   * A googleapis client of `api` acting as `subject` (its own OAuth2Client whose tokens come from
   * the cache above; the expiry is always set, so a 401/403 is never resent).
   */
  async client<T>(tenant: string, subject: string, api: GoogleApi<T>, signal?: AbortSignal): Promise<T> {
    const first = await this.token(tenant, subject, api.scopes, signal);
    const auth = this.newTransport();
    auth.eagerRefreshThresholdMillis = 0;
    auth.setCredentials({ access_token: first.accessToken, expiry_date: first.refreshAt, token_type: 'Bearer' });
    auth.refreshHandler = async () => {
      const t = await this.token(tenant, subject, api.scopes, signal);
      return { access_token: t.accessToken, expiry_date: t.refreshAt };
    };
    return api.create({ auth, rootUrl: `${this.config.google.apiRoot}/`, timeout: this.config.google.requestTimeoutMs, retry: false, ...(signal ? { signal } : {}) });
  }

  /** Impersonates `subject` once per scope and reports what Google granted (nothing is cached). */
  async verify(tenant: string, subject: string, scopes: readonly string[]): Promise<DelegationCheck> {
    const key = await this.requireKey(tenant);
    const results: DelegationScopeCheck[] = [];
    for (const scope of scopes) {
      try {
        await this.exchange(key, subject, [scope]);
        results.push({ scope, granted: true, error: null });
      } catch (err) {
        const failure = describeOAuthFailure(err);
        results.push({ scope, granted: false, error: refusal(failure, key.clientId, subject, [scope], err).message });
      }
    }
    return { subject, clientId: key.clientId, ok: results.every((r) => r.granted), scopes: results };
  }
}

/** What a refused JWT bearer grant means, in words an admin acts on. */
function refusal(f: OAuthFailure, clientId: string, subject: string, scopes: readonly string[], cause: unknown): GoogleCallError {
  const said = formatFailure(f);
  const cls = (kind: 'item' | 'fatal' | 'transient', code: string, message: string) => new GoogleCallError({ kind, code, message, status: f.status, retryAfterMs: null }, 1, cause);
  if (f.status === null || f.status >= 500 || f.error === 'not_a_token') return cls('transient', 'GOOGLE_UNAVAILABLE', `Google's token endpoint did not answer as expected (${said})`);
  if (f.error === 'unauthorized_client' || f.error === 'access_denied') {
    return cls(
      'fatal',
      'DELEGATION_NOT_AUTHORIZED',
      `client id ${clientId} not authorized for these scopes in the Admin console (Security → API controls → Domain-wide delegation): ${scopes.join(', ')} (${said})`,
    );
  }
  if (f.error === 'invalid_grant') {
    return cls('item', 'DELEGATION_SUBJECT_REFUSED', `Google refused to act as ${subject} (${said}): not a user of the Workspace domain, or suspended`);
  }
  return cls('fatal', 'GOOGLE_SERVICE_ACCOUNT_REJECTED', `Google refused the service account's assertion (${said}); check the key (setGoogleServiceAccount)`);
}

function toView(r: Record<string, unknown>): ServiceAccountView {
  return {
    clientEmail: String(r.client_email),
    clientId: String(r.client_id),
    privateKeyId: (r.private_key_id as string | null) ?? null,
    projectId: (r.project_id as string | null) ?? null,
    setAt: new Date(r.set_at as string),
    setBy: (r.set_by as string | null) ?? null,
  };
}
