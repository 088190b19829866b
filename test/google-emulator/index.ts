import { CalendarControl, CalendarEndpoints } from './calendar';
import { CalendarState } from './calendar-state';
import { GoogleEmulatorInstance, type GoogleEmulator } from './emulator';
import { IdTokenSigner } from './id-token';
import { OAuthEndpoints } from './oauth';
import { EmulatorServer } from './server';
import { EmulatorState } from './state';
import type { RecordedRequest } from './http-io';

export type { FaultTarget, GoogleEmulator, GoogleEmulatorEnv, OAuth2ClientEndpointOverrides } from './emulator';
export type { CalendarEmulator } from './calendar';
export { CALENDAR_EVENTS_SCOPE, CALENDAR_PATHS, CALENDAR_READ_SCOPES, CALENDAR_SCOPE, CALENDAR_WRITE_SCOPES } from './calendar';
export type {
  CalendarEvent,
  CalendarFaultKind,
  CalendarFaultOptions,
  CalendarMethod,
  CalendarQuota,
  CalendarWriteMethod,
  EventDateTime,
  EventStatus,
  ExtendedProperties,
  WriteDenial,
} from './calendar-state';
export type { EmulatorRequest, RecordedRequest } from './http-io';
export type { AuthenticatedCaller } from './oauth';
export type { EndpointFault, RouteHandler } from './server';
export type { ConsentOptions, GoogleAccount, OAuthClientRegistration, RefreshFailure } from './state';
export { GoogleApiError, OAuthError, insufficientScopes, invalidCredentials, loginRequired, notFound, type GoogleApiErrorBody, type GoogleErrorDetail } from './errors';
export { EMAIL_SCOPE, PROFILE_SCOPE } from './scopes';
export { DEFAULT_ACCOUNT } from './state';

export interface GoogleEmulatorOptions {
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Keep every request in `emulator.requests` (default true). */
  recordRequests?: boolean;
  /** Called with each request once it has been answered (e.g. to log it). */
  onRequest?: (r: RecordedRequest) => void;
}

/**
 * Starts a Google emulator: a real HTTP server that google-auth-library and googleapis reach
 * through `emulator.env` (the gateway's variables) or `emulator.oauth2ClientEndpoints`; it serves
 * OAuth and the Calendar API v3 `events` (see `emulator.calendar`).
 */
export async function startGoogleEmulator(options: GoogleEmulatorOptions = {}): Promise<GoogleEmulator> {
  const state = new EmulatorState();
  const server = new EmulatorServer({ recordRequests: options.recordRequests, onRequest: options.onRequest });
  const oauth = new OAuthEndpoints(state, new IdTokenSigner());
  oauth.register(server);
  const calendarState = new CalendarState(() => state.now());
  new CalendarEndpoints(calendarState, oauth).register(server);
  const url = await server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  return new GoogleEmulatorInstance(url, server, oauth, state, new CalendarControl(calendarState));
}
