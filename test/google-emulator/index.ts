import { CalendarControl, CalendarEndpoints } from './calendar';
import { ChromePrintersEndpoints } from './chrome-printers';
import { CalendarState } from './calendar-state';
import { DomainSharedContacts } from './contacts-dsc';
import { Directory } from './directory';
import { PeopleApi } from './contacts-people';
import { GoogleEmulatorInstance, type GoogleEmulator } from './emulator';
import { IdTokenSigner } from './id-token';
import { OAuthEndpoints } from './oauth';
import { EmulatorServer } from './server';
import { EmulatorState } from './state';
import type { RecordedRequest } from './http-io';

export type { FaultTarget, GoogleEmulator, GoogleEmulatorEnv, OAuth2ClientEndpointOverrides } from './emulator';
export type { AclRuleView, CalendarEmulator } from './calendar';
export type { CalendarInfo } from './calendar-resources';
export type { DelegationEmulator, DomainEmulator, ServiceAccountsEmulator } from './emulator';
export { EMULATOR_DOMAIN, type AccountKind, type DelegationEntry, type DomainUser, type ServiceAccountKey } from './directory';
export { GOOGLE_TOKEN_AUDIENCES, JWT_BEARER_GRANT } from './oauth';
export type { ChromePrinter, ChromePrintersEmulator, ChromePrintServer } from './chrome-printers';
export { CHROME_PRINTERS_PATHS, CHROME_PRINTERS_READONLY_SCOPE, CHROME_PRINTERS_SCOPE, EMULATOR_CUSTOMER_ID } from './chrome-printers';
export { M8_SCOPE, DSC_PATHS, type DomainSharedContactsEmulator, type DscContactView, type DscMethod, type DscWrite } from './contacts-dsc';
export { PEOPLE_SCOPE, PEOPLE_PATHS, type PeopleContactView, type PeopleEmulator, type PeopleMethod } from './contacts-people';
export type { ContactsFaultKind, ContactsFaultOptions, ContactsQuota } from './contacts-faults';
export {
  ACL_READ_SCOPES,
  ACL_WRITE_SCOPES,
  CALENDAR_EVENTS_SCOPE,
  CALENDAR_LIST_SCOPES,
  CALENDAR_PATHS,
  CALENDAR_READ_SCOPES,
  CALENDAR_SCOPE,
  CALENDAR_WRITE_SCOPES,
  CALENDARS_READ_SCOPES,
  CALENDARS_WRITE_SCOPES,
} from './calendar';
export type {
  AclRole,
  AclRule,
  AclScopeType,
  CalendarResourceMethod,
  QuotaKind,
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
export type { EmulatorRequest, RecordedRequest, RequestCaller } from './http-io';
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
 * OAuth (authorization code, refresh token, and the JWT bearer grant of service accounts), the
 * Calendar API v3 (`events`, `calendars`, `acl`, `calendarList`: see `emulator.calendar`), People
 * and the Domain Shared Contacts API (see `emulator.sharedContacts`).
 *
 * Google's rules of access hold: the Workspace domain `example.com` (`emulator.domain`) has users,
 * each owning a primary calendar (id = email); a token reaches only the calendars its account owns
 * or that an ACL grants it (404 notFound otherwise, 403 requiredAccessLevel for a write with
 * reader access). Service accounts (`emulator.serviceAccounts.create()` → the JSON key file)
 * impersonate users of the domain when `emulator.delegation.authorize(clientId, scopes)` lists
 * every requested scope. Quotas (`emulator.calendar.setQuota`) count per account and per project.
 * The README's "The Google emulator's Workspace" lists the whole control API.
 */
export async function startGoogleEmulator(options: GoogleEmulatorOptions = {}): Promise<GoogleEmulator> {
  const state = new EmulatorState();
  const directory = new Directory();
  const server = new EmulatorServer({ recordRequests: options.recordRequests, onRequest: options.onRequest });
  const oauth = new OAuthEndpoints(state, new IdTokenSigner(), directory);
  oauth.register(server);
  const calendarState = new CalendarState(() => state.now(), directory);
  new CalendarEndpoints(calendarState, oauth).register(server);
  const chromePrinters = new ChromePrintersEndpoints(oauth);
  chromePrinters.register(server);
  const dsc = new DomainSharedContacts(() => state.now(), oauth);
  dsc.register(server);
  const people = new PeopleApi(() => state.now(), oauth);
  people.register(server);
  const url = await server.listen(options.port ?? 0, options.host ?? '127.0.0.1');
  return new GoogleEmulatorInstance(url, server, oauth, state, directory, new CalendarControl(calendarState), chromePrinters, dsc, people);
}
