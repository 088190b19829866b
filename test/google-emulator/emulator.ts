import type { ServerResponse } from 'node:http';
import type { CalendarEmulator } from './calendar';
import type { ChromePrintersEmulator } from './chrome-printers';
import type { PeopleApi, PeopleEmulator } from './contacts-people';
import { DSC_ROOT_PATH, type DomainSharedContacts, type DomainSharedContactsEmulator } from './contacts-dsc';
import type { GoogleApiError } from './errors';
import { sendApiError, sendJson, type EmulatorRequest, type RecordedRequest } from './http-io';
import { OAUTH_PATHS, type AuthenticatedCaller, type OAuthEndpoints } from './oauth';
import type { EmulatorServer, EndpointFault, RouteHandler } from './server';
import type { ConsentOptions, EmulatorState, OAuthClientRegistration, RefreshFailure } from './state';
import type { DelegationEntry, Directory, DomainUser, ServiceAccountKey } from './directory';

/**
 * The emulated Google Workspace: primary domain `example.com` (secondary domains may be added), its
 * users, and accounts outside it. DEFAULT_ACCOUNT (admin@example.com) is a user from the start. Every
 * account has a primary calendar (id = its email, owned by it) while it exists. An account that signs
 * in on the consent screen exists from then on (a user when its domain is the domain's, otherwise an
 * external account).
 */
export interface DomainEmulator {
  /** `example.com`. */
  readonly name: string;
  /** The primary domain and the secondary ones. */
  domains(): string[];
  /** Adds a secondary domain (its addresses become users of the domain when added with {@link addUser}). */
  addDomain(domain: string): void;
  /** A user of the domain (its email's domain must be one of {@link domains}); adding an existing user only updates its name. */
  addUser(email: string, options?: { name?: string }): DomainUser;
  /** A suspended user cannot be impersonated (`invalid_grant`) and its tokens stop working; its calendar stays. */
  suspendUser(email: string): void;
  unsuspendUser(email: string): void;
  /** Deletes the user (or external account) and its primary calendar; its tokens stop working. */
  removeUser(email: string): void;
  /** The users of the domain (not the external accounts nor the service accounts). */
  users(): DomainUser[];
  /** An account outside the domain (a consumer Gmail account, another organisation's user): it has a calendar, but is never impersonable. */
  addExternalAccount(email: string, options?: { name?: string }): void;
  /** A Google group and its members: ACL rules of scope `group` grant its members. */
  setGroup(email: string, members: readonly string[]): void;
}

/** Service accounts of Google Cloud projects, with their keys. */
export interface ServiceAccountsEmulator {
  /**
   * Creates a service account (`<name>@<projectId>.iam.gserviceaccount.com`, default project
   * `erp-gateway-project`) and one RSA key; returns the key file as Google Cloud Console downloads it,
   * with `token_uri` = the emulator's token URL. Its `client_id` is what domain-wide delegation lists.
   */
  create(options?: { name?: string; projectId?: string }): ServiceAccountKey;
  /** Another key for an existing service account. */
  addKey(clientEmail: string): ServiceAccountKey;
  /** Deletes a key (by `private_key_id`): assertions signed with it fail with `invalid_grant` from now on. */
  deleteKey(privateKeyId: string): void;
  list(): { clientId: string; email: string; projectId: string; keyIds: string[] }[];
}

/** The Admin console's Security → API controls → Domain-wide delegation list. */
export interface DelegationEmulator {
  /** Authorizes (or replaces the scopes of) a client id: impersonation works for requests whose scopes are all listed. */
  authorize(clientId: string, scopes: readonly string[]): void;
  revoke(clientId: string): void;
  list(): DelegationEntry[];
}

/** The variables that point the gateway at the emulator. */
export interface GoogleEmulatorEnv {
  GOOGLE_API_ROOT: string;
  GOOGLE_OAUTH_AUTH_URL: string;
  GOOGLE_OAUTH_TOKEN_URL: string;
  GOOGLE_OAUTH_REVOKE_URL: string;
  /** The Domain Shared Contacts feeds (the contacts module's variable). */
  GOOGLE_M8_ROOT: string;
}

/** `new OAuth2Client({ endpoints: emulator.oauth2ClientEndpoints })` (google-auth-library v10). */
export interface OAuth2ClientEndpointOverrides {
  oauth2AuthBaseUrl: string;
  oauth2TokenUrl: string;
  oauth2RevokeUrl: string;
  tokenInfoUrl: string;
  oauth2FederatedSignonPemCertsUrl: string;
  oauth2FederatedSignonJwkCertsUrl: string;
}

/** Which endpoints a fault hits: the OAuth token endpoint, the revocation endpoint, or every API route (Calendar, added routes). */
export type FaultTarget = 'token' | 'revoke' | 'api';

export interface GoogleEmulator {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string;
  readonly env: GoogleEmulatorEnv;
  readonly oauth2ClientEndpoints: OAuth2ClientEndpointOverrides;
  /** The parameters of the last authorization request (valid or not), for asserting what the gateway asked for. */
  readonly lastAuthorizationRequest: Record<string, string> | null;
  registerClient(c: OAuthClientRegistration): void;
  /** How the next consent screen(s) answer: default approve all requested scopes as account {sub:'1000', email:'admin@example.com'}. */
  setConsent(c: ConsentOptions): void;
  /** Lifetime of access tokens issued from now on (default 3600 s). */
  setAccessTokenTtl(seconds: number): void;
  /**
   * The next `count` (default 1) refresh-token grants fail: `invalid_grant` (default) as when a user
   * revoked access; `server_error` as a 500, which google-auth-library retries 3 times (so `count` ≥ 4 to surface).
   */
  failNextRefresh(error?: RefreshFailure, count?: number): void;
  /** The next code exchange that would issue a refresh token answers without one (as Google does when offline access was already granted). */
  omitRefreshTokenOnce(): void;
  /** As if every user removed every app's access. */
  revokeAllTokens(): void;
  /**
   * From now on every request to `target` gets `fault` (see {@link EndpointFault}); `null` clears it
   * and cuts the requests a `hang` still holds. Hung requests are recorded (status 0) when their client gives up.
   */
  setEndpointFault(target: FaultTarget, fault: EndpointFault | null): void;
  /** Paths of the requests a `hang` fault holds unanswered now (their client has not given up yet). */
  readonly hungRequests: string[];
  /**
   * Google Calendar API v3 `events` (`/calendar/v3/calendars/{calendarId}/events…`), reached by
   * googleapis with `rootUrl: emulator.url + '/'`: its events, per-calendar switches, quota, faults and counters.
   */
  readonly calendar: CalendarEmulator;
  /** The emulated Workspace domain and the accounts Google knows (see {@link DomainEmulator}). */
  readonly domain: DomainEmulator;
  /** Service accounts and their keys (JWT bearer grant at the token URL). */
  readonly serviceAccounts: ServiceAccountsEmulator;
  /** Domain-wide delegation, as the Admin console holds it. */
  readonly delegation: DelegationEmulator;
  /** Admin SDK Chrome printer management: `customers.chrome.printers.list` and `printServers.list` (paged, scope checked). */
  readonly chromePrinters: ChromePrintersEmulator;
  /** The Domain Shared Contacts API (GData v3 Atom) under `${url}/m8/feeds` ({@link m8Root}): contacts, switches, counters. */
  readonly sharedContacts: DomainSharedContactsEmulator;
  /** People API v1 (contacts in batches, contact groups, connections) under GOOGLE_API_ROOT: contacts, switches, counters. */
  readonly people: PeopleEmulator;
  /** What GOOGLE_M8_ROOT must be for the gateway to reach {@link sharedContacts}. */
  readonly m8Root: string;
  /** Moves the emulator's clock forward (tokens, codes and quota windows move with it). */
  advanceTime(seconds: number): void;
  /**
   * Forgets codes, tokens, consent script, switches, clock offset, the Calendar state, the domain's
   * users (back to admin@example.com alone), service accounts and delegation; keeps clients, routes and recorded requests.
   */
  reset(): void;
  /** Every request answered, in the order the answers were sent. */
  readonly requests: RecordedRequest[];
  clearRequests(): void;
  /** Adds an API route (after the built-in OAuth and Calendar ones, which win on the same path); see {@link EmulatorServer.route}. */
  route(method: string, pattern: RegExp, handler: RouteHandler): void;
  /** Checks `Authorization: Bearer`, expiry, revocation and scope (one scope, or a list of which any one suffices). */
  authenticate(req: Pick<EmulatorRequest, 'headers'> & { record?: RecordedRequest }, requiredScope?: string | readonly string[]): AuthenticatedCaller | GoogleApiError;
  /** Google's JSON error shape: `{ error: { code, message, status, errors: [{ domain, reason, message }] } }`. */
  sendApiError(res: ServerResponse, err: GoogleApiError): void;
  sendJson(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

/** The emulator as tests see it: a thin facade over the server, the OAuth endpoints, the state and the Calendar API. */
export class GoogleEmulatorInstance implements GoogleEmulator {
  readonly env: GoogleEmulatorEnv;
  readonly oauth2ClientEndpoints: OAuth2ClientEndpointOverrides;
  readonly domain: DomainEmulator;
  readonly serviceAccounts: ServiceAccountsEmulator;
  readonly delegation: DelegationEmulator;
  private readonly faults = new Map<FaultTarget, EndpointFault>();

  constructor(
    readonly url: string,
    private readonly server: EmulatorServer,
    private readonly oauth: OAuthEndpoints,
    private readonly state: EmulatorState,
    private readonly directory: Directory,
    readonly calendar: CalendarEmulator,
    readonly chromePrinters: ChromePrintersEmulator,
    private readonly dsc: DomainSharedContacts,
    private readonly peopleApi: PeopleApi,
  ) {
    this.env = {
      GOOGLE_API_ROOT: url,
      GOOGLE_OAUTH_AUTH_URL: `${url}${OAUTH_PATHS.auth}`,
      GOOGLE_OAUTH_TOKEN_URL: `${url}${OAUTH_PATHS.token}`,
      GOOGLE_OAUTH_REVOKE_URL: `${url}${OAUTH_PATHS.revoke}`,
      GOOGLE_M8_ROOT: `${url}${DSC_ROOT_PATH}`,
    };
    server.faultFor = (req) => this.faultOf(req.path);
    this.oauth2ClientEndpoints = {
      oauth2AuthBaseUrl: this.env.GOOGLE_OAUTH_AUTH_URL,
      oauth2TokenUrl: this.env.GOOGLE_OAUTH_TOKEN_URL,
      oauth2RevokeUrl: this.env.GOOGLE_OAUTH_REVOKE_URL,
      tokenInfoUrl: `${url}${OAUTH_PATHS.tokenInfo}`,
      oauth2FederatedSignonPemCertsUrl: `${url}${OAUTH_PATHS.pemCerts}`,
      oauth2FederatedSignonJwkCertsUrl: `${url}${OAUTH_PATHS.jwkCerts}`,
    };
    const d = directory;
    this.domain = {
      get name() {
        return d.primaryDomain;
      },
      domains: () => d.domains(),
      addDomain: (domain) => d.addDomain(domain),
      addUser: (email, options) => d.addUser(email, options),
      suspendUser: (email) => d.suspendUser(email, true),
      unsuspendUser: (email) => d.suspendUser(email, false),
      removeUser: (email) => d.removeUser(email),
      users: () => d.users(),
      addExternalAccount: (email, options) => d.addExternalAccount(email, options),
      setGroup: (email, members) => d.setGroup(email, members),
    };
    const tokenUri = this.env.GOOGLE_OAUTH_TOKEN_URL;
    const authUri = this.env.GOOGLE_OAUTH_AUTH_URL;
    this.serviceAccounts = {
      create: (options = {}) => d.createServiceAccount(options, tokenUri, authUri),
      addKey: (clientEmail) => {
        const sa = d.serviceAccountByEmail(clientEmail);
        if (!sa) throw new TypeError(`serviceAccounts.addKey: no service account ${clientEmail}`);
        return d.addKey(sa, tokenUri, authUri);
      },
      deleteKey: (keyId) => d.deleteKey(keyId),
      list: () => d.serviceAccounts().map((sa) => ({ clientId: sa.clientId, email: sa.email, projectId: sa.projectId, keyIds: [...sa.keys.keys()] })),
    };
    this.delegation = {
      authorize: (clientId, scopes) => d.authorizeDelegation(clientId, scopes),
      revoke: (clientId) => d.revokeDelegation(clientId),
      list: () => d.delegations(),
    };
  }

  get sharedContacts(): DomainSharedContactsEmulator {
    return this.dsc;
  }

  get people(): PeopleEmulator {
    return this.peopleApi;
  }

  get m8Root(): string {
    return `${this.url}${DSC_ROOT_PATH}`;
  }

  get requests(): RecordedRequest[] {
    return this.server.requests;
  }

  get lastAuthorizationRequest(): Record<string, string> | null {
    return this.oauth.lastAuthorizationRequest;
  }

  registerClient(c: OAuthClientRegistration): void {
    this.state.registerClient(c);
  }

  setConsent(c: ConsentOptions): void {
    this.state.setConsent(c);
  }

  setAccessTokenTtl(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds <= 0) throw new RangeError('setAccessTokenTtl: seconds must be a finite number > 0');
    this.state.accessTokenTtlSeconds = seconds;
  }

  failNextRefresh(error: RefreshFailure = 'invalid_grant', count = 1): void {
    this.state.failNextRefresh(error, count);
  }

  omitRefreshTokenOnce(): void {
    this.state.omitRefreshTokenOnce();
  }

  revokeAllTokens(): void {
    this.state.revokeAll();
  }

  setEndpointFault(target: FaultTarget, fault: EndpointFault | null): void {
    if (fault === null) this.faults.delete(target);
    else this.faults.set(target, fault);
    if (fault !== 'hang') this.server.releaseHung();
  }

  get hungRequests(): string[] {
    return this.server.hungPaths;
  }

  private faultOf(path: string): EndpointFault | null {
    if (path === OAUTH_PATHS.token) return this.faults.get('token') ?? null;
    if (path === OAUTH_PATHS.revoke) return this.faults.get('revoke') ?? null;
    const oauth = (Object.values(OAUTH_PATHS) as string[]).includes(path) || path.startsWith('/oauth2/') || path.startsWith('/userinfo/');
    return oauth ? null : (this.faults.get('api') ?? null);
  }

  advanceTime(seconds: number): void {
    this.state.advanceTime(seconds);
  }

  reset(): void {
    this.faults.clear();
    this.server.releaseHung();
    this.state.reset();
    this.directory.reset();
    this.oauth.lastAuthorizationRequest = null;
    this.calendar.reset();
    this.chromePrinters.reset();
    this.dsc.reset();
    this.peopleApi.reset();
  }

  clearRequests(): void {
    this.server.requests.length = 0;
  }

  route(method: string, pattern: RegExp, handler: RouteHandler): void {
    this.server.route(method, pattern, handler);
  }

  authenticate(req: Pick<EmulatorRequest, 'headers'> & { record?: RecordedRequest }, requiredScope?: string | readonly string[]): AuthenticatedCaller | GoogleApiError {
    return this.oauth.authenticate(req, requiredScope);
  }

  sendApiError(res: ServerResponse, err: GoogleApiError): void {
    sendApiError(res, err);
  }

  sendJson(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void {
    sendJson(res, status, body, headers);
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
