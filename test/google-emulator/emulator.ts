import type { ServerResponse } from 'node:http';
import type { CalendarEmulator } from './calendar';
import type { GoogleApiError } from './errors';
import { sendApiError, sendJson, type EmulatorRequest, type RecordedRequest } from './http-io';
import { OAUTH_PATHS, type AuthenticatedCaller, type OAuthEndpoints } from './oauth';
import type { EmulatorServer, EndpointFault, RouteHandler } from './server';
import type { ConsentOptions, EmulatorState, OAuthClientRegistration, RefreshFailure } from './state';

/** The variables that point the gateway at the emulator. */
export interface GoogleEmulatorEnv {
  GOOGLE_API_ROOT: string;
  GOOGLE_OAUTH_AUTH_URL: string;
  GOOGLE_OAUTH_TOKEN_URL: string;
  GOOGLE_OAUTH_REVOKE_URL: string;
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
  /** Moves the emulator's clock forward (tokens, codes and quota windows move with it). */
  advanceTime(seconds: number): void;
  /** Forgets codes, tokens, consent script, switches, clock offset and the Calendar state; keeps clients, routes and recorded requests. */
  reset(): void;
  /** Every request answered, in the order the answers were sent. */
  readonly requests: RecordedRequest[];
  clearRequests(): void;
  /** Adds an API route (after the built-in OAuth and Calendar ones, which win on the same path); see {@link EmulatorServer.route}. */
  route(method: string, pattern: RegExp, handler: RouteHandler): void;
  /** Checks `Authorization: Bearer`, expiry, revocation and scope (one scope, or a list of which any one suffices). */
  authenticate(req: Pick<EmulatorRequest, 'headers'>, requiredScope?: string | readonly string[]): AuthenticatedCaller | GoogleApiError;
  /** Google's JSON error shape: `{ error: { code, message, status, errors: [{ domain, reason, message }] } }`. */
  sendApiError(res: ServerResponse, err: GoogleApiError): void;
  sendJson(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

/** The emulator as tests see it: a thin facade over the server, the OAuth endpoints, the state and the Calendar API. */
export class GoogleEmulatorInstance implements GoogleEmulator {
  readonly env: GoogleEmulatorEnv;
  readonly oauth2ClientEndpoints: OAuth2ClientEndpointOverrides;
  private readonly faults = new Map<FaultTarget, EndpointFault>();

  constructor(
    readonly url: string,
    private readonly server: EmulatorServer,
    private readonly oauth: OAuthEndpoints,
    private readonly state: EmulatorState,
    readonly calendar: CalendarEmulator,
  ) {
    this.env = {
      GOOGLE_API_ROOT: url,
      GOOGLE_OAUTH_AUTH_URL: `${url}${OAUTH_PATHS.auth}`,
      GOOGLE_OAUTH_TOKEN_URL: `${url}${OAUTH_PATHS.token}`,
      GOOGLE_OAUTH_REVOKE_URL: `${url}${OAUTH_PATHS.revoke}`,
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
    this.oauth.lastAuthorizationRequest = null;
    this.calendar.reset();
  }

  clearRequests(): void {
    this.server.requests.length = 0;
  }

  route(method: string, pattern: RegExp, handler: RouteHandler): void {
    this.server.route(method, pattern, handler);
  }

  authenticate(req: Pick<EmulatorRequest, 'headers'>, requiredScope?: string | readonly string[]): AuthenticatedCaller | GoogleApiError {
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
