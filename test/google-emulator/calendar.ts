import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { dateToLocal, formatInZone, isDate, isTimeZone, localToInstant, parseDateTime, parseInstant, rfc3339Ms } from './calendar-time';
import {
  CALENDAR_METHODS,
  CalendarState as CalendarStateClass,
  RESOURCE_METHODS,
  roleRank,
  type AclRole,
  type AclRule,
  type AclScopeType,
  type CalendarResourceMethod,
  type QuotaKind,
  type CalendarEvent,
  type CalendarFaultKind,
  type CalendarFaultOptions,
  type CalendarMethod,
  type CalendarQuota,
  type CalendarRecord,
  type CalendarState,
  type CalendarWriteMethod,
  type EventContent,
  type EventDateTime,
  type EventStatus,
  type EventTime,
  type ExtendedProperties,
  type ReminderOverride,
  type StoredEvent,
  type WriteDenial,
} from './calendar-state';
import { GoogleApiError, type GoogleErrorDetail } from './errors';
import { runBeforeEnd, sendApiError, sendEmpty, sendJson, type EmulatorRequest } from './http-io';
import type { AuthenticatedCaller, OAuthEndpoints } from './oauth';
import type { EmulatorServer } from './server';
import { DEFAULT_ACCOUNT } from './state';
import { aclRuleView, calendarInfo, CalendarResources, type CalendarInfo } from './calendar-resources';

export const CALENDAR_SCOPE = 'https://www.googleapis.com/auth/calendar';
export const CALENDAR_EVENTS_SCOPE = 'https://www.googleapis.com/auth/calendar.events';
/** Writes need one of these scopes. */
export const CALENDAR_WRITE_SCOPES: readonly string[] = [CALENDAR_SCOPE, CALENDAR_EVENTS_SCOPE];
/** Reads also take the read-only variants. */
export const CALENDAR_READ_SCOPES: readonly string[] = [...CALENDAR_WRITE_SCOPES, `${CALENDAR_SCOPE}.readonly`, `${CALENDAR_EVENTS_SCOPE}.readonly`];
/** `calendars.insert/patch/update/delete` need one of these. */
export const CALENDARS_WRITE_SCOPES: readonly string[] = [CALENDAR_SCOPE, `${CALENDAR_SCOPE}.calendars`];
export const CALENDARS_READ_SCOPES: readonly string[] = [...CALENDARS_WRITE_SCOPES, `${CALENDAR_SCOPE}.readonly`, `${CALENDAR_SCOPE}.calendars.readonly`];
/** `acl.insert/patch/update/delete` need one of these. */
export const ACL_WRITE_SCOPES: readonly string[] = [CALENDAR_SCOPE, `${CALENDAR_SCOPE}.acls`];
export const ACL_READ_SCOPES: readonly string[] = [...ACL_WRITE_SCOPES, `${CALENDAR_SCOPE}.readonly`, `${CALENDAR_SCOPE}.acls.readonly`];
export const CALENDAR_LIST_SCOPES: readonly string[] = [CALENDAR_SCOPE, `${CALENDAR_SCOPE}.readonly`, `${CALENDAR_SCOPE}.calendarlist`, `${CALENDAR_SCOPE}.calendarlist.readonly`];

/** Paths of the `events` collection and of one event (the ids are URL-encoded, as googleapis sends them). */
export const CALENDAR_PATHS = {
  events: /^\/calendar\/v3\/calendars\/([^/]+)\/events$/,
  event: /^\/calendar\/v3\/calendars\/([^/]+)\/events\/([^/]+)$/,
  calendars: /^\/calendar\/v3\/calendars$/,
  calendar: /^\/calendar\/v3\/calendars\/([^/]+)$/,
  acl: /^\/calendar\/v3\/calendars\/([^/]+)\/acl$/,
  aclRule: /^\/calendar\/v3\/calendars\/([^/]+)\/acl\/([^/]+)$/,
  calendarList: /^\/calendar\/v3\/users\/me\/calendarList$/,
  calendarListEntry: /^\/calendar\/v3\/users\/me\/calendarList\/([^/]+)$/,
} as const;

/** What tests see as `emulator.calendar`: the Calendar API's state, switches and counters. */
export interface CalendarEmulator {
  /**
   * The calendar's events as the API would return them (times in the calendar's zone), in creation
   * order; cancelled (deleted) ones only with `includeCancelled`. `primary` means the primary
   * calendar of the default account (admin@example.com); pass another account's email for theirs.
   * A calendar that does not exist has no events.
   */
  events(calendarId: string, options?: { includeCancelled?: boolean }): CalendarEvent[];
  /** One event, cancelled or not; undefined when the id was never used in the calendar (or there is no such calendar). */
  event(calendarId: string, eventId: string): CalendarEvent | undefined;
  /** Creates an event as the calendar's owner would in Google Calendar (validated like an insert; not an API write). */
  userInsert(calendarId: string, event: object): CalendarEvent;
  /** Edits an event as a user would: patch semantics, new etag, `updated` and `sequence`; shows up in sync tokens. */
  userEdit(calendarId: string, eventId: string, patch: object): CalendarEvent;
  /** Deletes an event as a user would (`status: 'cancelled'`, the id stays taken). */
  userDelete(calendarId: string, eventId: string): CalendarEvent;
  /** The calendar's zone (default `UTC`: event times come back in it) and name (default: its id). */
  setCalendar(calendarId: string, options: { timeZone?: string; summary?: string }): void;
  /**
   * Creates a secondary calendar owned by `owner` (an account: a domain user, an external account or a
   * service account), as its owner would in Google Calendar; returns its id (`c_…@group.calendar.google.com`
   * unless `id` is given).
   */
  createCalendar(owner: string, options?: { id?: string; summary?: string; timeZone?: string; description?: string }): string;
  /** The calendar as its owner sees it; undefined when there is none (a primary calendar exists while its account does). */
  calendar(calendarId: string): CalendarInfo | undefined;
  /** Calendars whose owner is `email`: its primary calendar (while the account exists) and the secondary ones it created. */
  calendarsOwnedBy(email: string): CalendarInfo[];
  /**
   * Shares the calendar as its owner would ("Share with specific people"): an ACL rule for `email`
   * (a user; or a group, a domain name, or nothing for `default`, with `scopeType`) with `role`.
   */
  share(calendarId: string, email: string, role: AclRole, scopeType?: AclScopeType): AclRuleView;
  /** Removes the rule of `email` (a user unless `scopeType` says otherwise). */
  unshare(calendarId: string, email: string, scopeType?: AclScopeType): void;
  /** The calendar's ACL (the owner's rule included), with the `sendNotifications` each rule was set with. */
  acl(calendarId: string): AclRuleView[];
  /** The role `email` has on the calendar (owner, ACL rules of the user, its groups, its domain, `default`). */
  accessRole(calendarId: string, email: string): AclRole;
  /** Writes answer 403: `forbidden` "Forbidden" (default) or `requiredAccessLevel` "You need to have writer access to this calendar.". */
  denyWrite(calendarId: string, reason?: WriteDenial): void;
  allowWrite(calendarId: string): void;
  /** Every call on the calendar answers 404 notFound (as if deleted). */
  markMissing(calendarId: string): void;
  markPresent(calendarId: string): void;
  /** Sync tokens issued so far for the calendar (every calendar without an id) answer 410 fullSyncRequired. */
  invalidateSyncTokens(calendarId?: string): void;
  /**
   * Request quotas over a rolling minute of the emulator clock, as Google counts them: per user per
   * project (the account a token acts as: the consenting user, the impersonated user, the service
   * account) and per project (every token of one OAuth client, or of one service account's project);
   * null lifts them. A refusal consumes nothing.
   */
  setQuota(quota: CalendarQuota | null): void;
  /** Requests refused by the quota so far. */
  readonly quotaRejections: number;
  /** The same, by the bucket that refused them. */
  readonly quotaRejectionsByKind: Readonly<Record<QuotaKind, number>>;
  /** Faults on a share of the requests (seeded PRNG); replaces earlier fault settings. */
  injectFaults(options: CalendarFaultOptions): void;
  clearFaults(): void;
  /** A fixed delay before every Calendar request is handled (benchmarks); 0 turns it off. */
  setLatency(ms: number): void;
  /** Faults applied so far, by kind. */
  readonly faultsInjected: Readonly<Record<CalendarFaultKind, number>>;
  /** Successful API writes of events (insert, patch, update, delete), including those whose answer a `lostResponse` fault swallowed. */
  readonly writeCount: number;
  readonly writesByMethod: Readonly<Record<CalendarWriteMethod, number>>;
  /** Every request that reached an `events` method, whatever its outcome. */
  readonly callsByMethod: Readonly<Record<CalendarMethod, number>>;
  /** Every request that reached a `calendars`, `acl` or `calendarList` method, whatever its outcome. */
  readonly callsByResourceMethod: Readonly<Record<CalendarResourceMethod, number>>;
  /** Calendar API requests that passed the bearer check, by the account they acted as (lower-case email). */
  readonly requestsBySubject: Readonly<Record<string, number>>;
  /** Forgets calendars, events, switches and counters. */
  reset(): void;
}

/** An ACL rule with what the owner's UI knows: whether its grantee was notified. */
export type AclRuleView = AclRule & { sendNotifications: boolean };

// ---------------------------------------------------------------------------------------------
// Errors, in the shapes the Calendar API answers with.

const STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  410: 'FAILED_PRECONDITION',
  412: 'FAILED_PRECONDITION',
  429: 'RESOURCE_EXHAUSTED',
  503: 'UNAVAILABLE',
};

export function apiError(
  code: number,
  reason: string,
  message: string,
  o: { domain?: string; location?: string; locationType?: string; status?: string; headers?: Record<string, string> } = {},
): GoogleApiError {
  const detail: GoogleErrorDetail = { domain: o.domain ?? 'global', reason, message };
  if (o.location !== undefined) {
    detail.locationType = o.locationType ?? 'parameter';
    detail.location = o.location;
  }
  return new GoogleApiError(code, message, o.status ?? STATUS[code] ?? 'UNKNOWN', [detail], o.headers ?? {});
}

export const invalid = (message: string, location?: string) => apiError(400, 'invalid', message, location ? { location } : {});
export const required = (message: string) => apiError(400, 'required', message);
export const badRequest = () => apiError(400, 'badRequest', 'Bad Request');
export const notFound = () => apiError(404, 'notFound', 'Not Found');
const duplicate = () => apiError(409, 'duplicate', 'The requested identifier already exists.');
const deleted = () => apiError(410, 'deleted', 'Resource has been deleted', { status: 'NOT_FOUND' });
export const conditionNotMet = () => apiError(412, 'conditionNotMet', 'Precondition Failed', { location: 'If-Match', locationType: 'header' });
export const backendError = () => apiError(503, 'backendError', 'Backend Error');
export const timeRangeEmpty = (location?: string) => apiError(400, 'timeRangeEmpty', 'The specified time range is empty.', { domain: 'calendar', ...(location ? { location } : {}) });
const fullSyncRequired = () => apiError(410, 'fullSyncRequired', 'Sync token is no longer valid, a full sync is required.', { domain: 'calendar', location: 'syncToken' });

function writeDenied(reason: WriteDenial): GoogleApiError {
  return reason === 'requiredAccessLevel' ? requiredAccessLevel('writer') : apiError(403, 'forbidden', 'Forbidden');
}

/** 403 for an account whose role on the calendar is below what the call needs. */
export function requiredAccessLevel(level: 'writer' | 'owner'): GoogleApiError {
  return apiError(403, 'requiredAccessLevel', `You need to have ${level} access to this calendar.`, { domain: 'calendar' });
}

export function invalidParameter(name: string, value: string, expected: string): GoogleApiError {
  return apiError(400, 'invalidParameter', `Invalid value '${value}'. ${expected}`, { location: name });
}

// ---------------------------------------------------------------------------------------------
// Event validation and rendering.

/** base32hex, lower case, 5–1024 characters: the ids a client may choose. */
const CLIENT_EVENT_ID = /^[a-v0-9]{5,1024}$/;
const STATUSES: readonly EventStatus[] = ['confirmed', 'tentative', 'cancelled'];
const TRANSPARENCIES = ['opaque', 'transparent'];
const VISIBILITIES = ['default', 'public', 'private', 'confidential'];
const TEXT_FIELDS = ['summary', 'description', 'location', 'colorId'] as const;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const present = (v: unknown) => v !== undefined && v !== null;
const clone = <T>(v: T): T => structuredClone(v);

/** Patch semantics: objects merge recursively, `null` removes a field, anything else (arrays too) replaces. */
export function mergePatch(target: Json, patch: Json): Json {
  const out: Json = { ...target };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (isObject(v) && isObject(out[k])) out[k] = mergePatch(out[k] as Json, v);
    else out[k] = clone(v);
  }
  return out;
}

function parseTime(value: unknown, which: 'start' | 'end'): EventTime {
  if (!present(value)) throw required(`Missing ${which} time.`);
  if (!isObject(value)) throw invalid(`Invalid ${which} time.`);
  const { date, dateTime, timeZone } = value;
  if (present(timeZone) && (typeof timeZone !== 'string' || !isTimeZone(timeZone))) throw invalid(`Invalid time zone definition for ${which} time.`);
  const zone = present(timeZone) ? (timeZone as string) : undefined;
  if (present(dateTime)) {
    if (present(date) || typeof dateTime !== 'string') throw invalid(`Invalid ${which} time.`);
    const parsed = parseDateTime(dateTime);
    if (!parsed) throw invalid(`Invalid ${which} time.`);
    let instant: number;
    if (parsed.offsetMs !== null) instant = parseInstant(dateTime)!;
    else if (zone) instant = localToInstant(parsed.local, zone);
    else throw required(`Missing time zone definition for ${which} time.`);
    return zone ? { kind: 'dateTime', instant, timeZone: zone } : { kind: 'dateTime', instant };
  }
  if (present(date)) {
    if (typeof date !== 'string' || !isDate(date)) throw invalid(`Invalid ${which} time.`);
    return zone ? { kind: 'date', date, timeZone: zone } : { kind: 'date', date };
  }
  throw required(`Missing ${which} time.`);
}

function stringMap(value: unknown, field: string): Record<string, string> | undefined {
  if (!present(value)) return undefined;
  if (!isObject(value)) throw invalid(`Invalid value for: ${field}`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
    else throw invalid(`Invalid value for: ${field}`);
  }
  return out;
}

/**
 * Validates an event body (an insert or update body, or a patched event) the way the Calendar API
 * does. Read-only fields (`id`, `etag`, `created`, `creator`, …) are not looked at.
 */
export function normalizeContent(body: Json): EventContent {
  const end = parseTime(body.end, 'end');
  const start = parseTime(body.start, 'start');
  if (start.kind !== end.kind) throw invalid('Start and end times must either both be date or both be dateTime.');
  if (start.kind === 'dateTime' && end.kind === 'dateTime' && end.instant < start.instant) throw timeRangeEmpty();
  if (start.kind === 'date' && end.kind === 'date' && end.date <= start.date) throw timeRangeEmpty();

  const status = present(body.status) ? body.status : 'confirmed';
  if (!STATUSES.includes(status as EventStatus)) throw invalid('Invalid value for: status');
  const content: EventContent = { status: status as EventStatus, start, end };
  for (const f of TEXT_FIELDS) {
    const v = body[f];
    if (!present(v)) continue;
    if (typeof v !== 'string') throw invalid(`Invalid value for: ${f}`);
    content[f] = v;
  }
  if (present(body.transparency)) {
    if (!TRANSPARENCIES.includes(body.transparency as string)) throw invalid('Invalid value for: transparency');
    content.transparency = body.transparency as string;
  }
  if (present(body.visibility)) {
    if (!VISIBILITIES.includes(body.visibility as string)) throw invalid('Invalid value for: visibility');
    content.visibility = body.visibility as string;
  }
  if (present(body.extendedProperties)) {
    if (!isObject(body.extendedProperties)) throw invalid('Invalid value for: extendedProperties');
    const priv = stringMap(body.extendedProperties.private, 'extendedProperties.private');
    const shared = stringMap(body.extendedProperties.shared, 'extendedProperties.shared');
    const ext: ExtendedProperties = {};
    if (priv) ext.private = priv;
    if (shared) ext.shared = shared;
    content.extendedProperties = ext;
  }
  if (present(body.reminders)) {
    const r = body.reminders;
    if (!isObject(r)) throw invalid('Invalid value for: reminders');
    const useDefault = r.useDefault === true;
    let overrides: ReminderOverride[] | undefined;
    if (present(r.overrides)) {
      if (!Array.isArray(r.overrides)) throw invalid('Invalid value for: reminders.overrides');
      overrides = r.overrides.map((o: unknown) => {
        if (!isObject(o) || (o.method !== 'email' && o.method !== 'popup')) throw invalid('Invalid reminder method.');
        const minutes = Number(o.minutes);
        if (!Number.isInteger(minutes) || minutes < 0 || minutes > 40320) throw invalid('Invalid reminder minutes value.');
        return { method: o.method, minutes };
      });
      if (useDefault && overrides.length > 0) {
        throw apiError(400, 'cannotUseDefaultRemindersAndSpecifyOverride', 'Cannot specify both default reminders and overrides at the same time.');
      }
      if (overrides.length > 5) throw apiError(400, 'tooManyReminders', 'Too many reminders.');
    }
    content.reminders = overrides && overrides.length ? { useDefault, overrides } : { useDefault };
  }
  if (present(body.source)) {
    const s = body.source;
    if (!isObject(s) || typeof s.url !== 'string') throw invalid('Invalid value for: source');
    content.source = typeof s.title === 'string' ? { url: s.url, title: s.title } : { url: s.url };
  }
  if (present(body.sequence)) {
    const n = Number(body.sequence);
    if (!Number.isInteger(n) || n < 0) throw invalid('Invalid value for: sequence');
    content.sequence = n;
  }
  return content;
}

function renderTime(t: EventTime, zone: string): EventDateTime {
  const out: EventDateTime = t.kind === 'date' ? { date: t.date } : { dateTime: formatInZone(t.instant, zone) };
  if (t.timeZone) out.timeZone = t.timeZone;
  return out;
}

function htmlLink(eventId: string, calendarId: string): string {
  return `https://www.google.com/calendar/event?eid=${Buffer.from(`${eventId} ${calendarId}`).toString('base64url')}`;
}

/** The event resource; `viewer` (the caller's email) adds the `self` flags. */
export function renderEvent(ev: StoredEvent, cal: CalendarRecord, zone: string, viewer?: string): CalendarEvent {
  const c = ev.content;
  const out: CalendarEvent = {
    kind: 'calendar#event',
    etag: ev.etag,
    id: ev.id,
    status: c.status,
    htmlLink: htmlLink(ev.id, cal.id),
    created: rfc3339Ms(ev.created),
    updated: rfc3339Ms(ev.updated),
  } as CalendarEvent;
  for (const f of TEXT_FIELDS) if (c[f] !== undefined) out[f] = c[f];
  out.creator = viewer !== undefined && viewer === ev.creatorEmail ? { email: ev.creatorEmail, self: true } : { email: ev.creatorEmail };
  out.organizer = { email: cal.id };
  if (cal.summary !== undefined && cal.summary !== cal.id) out.organizer.displayName = cal.summary;
  if (viewer !== undefined) out.organizer.self = true;
  out.start = renderTime(c.start, zone);
  out.end = renderTime(c.end, zone);
  if (c.transparency !== undefined) out.transparency = c.transparency;
  if (c.visibility !== undefined) out.visibility = c.visibility;
  out.iCalUID = `${ev.id}@google.com`;
  out.sequence = ev.sequence;
  if (c.extendedProperties !== undefined) out.extendedProperties = clone(c.extendedProperties);
  out.reminders = c.reminders ? clone(c.reminders) : { useDefault: true };
  if (c.source !== undefined) out.source = { ...c.source };
  out.eventType = 'default';
  return out;
}

/** The stored event as a request body (what a patch merges into). */
function asInput(ev: StoredEvent, cal: CalendarRecord): Json {
  const { start, end, ...rest } = clone(ev.content);
  return { ...rest, start: renderTime(start, cal.timeZone), end: renderTime(end, cal.timeZone), sequence: ev.sequence };
}

function instantOf(t: EventTime, cal: CalendarRecord): number {
  return t.kind === 'dateTime' ? t.instant : localToInstant(dateToLocal(t.date), t.timeZone ?? cal.timeZone);
}

// ---------------------------------------------------------------------------------------------
// Query parameters.

export function boolParam(query: Record<string, string>, name: string): boolean | undefined {
  const v = query[name];
  if (v === undefined) return undefined;
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw invalidParameter(name, v, "Values must match the following regular expression: 'true|false'");
}

export function intParam(query: Record<string, string>, name: string, min: number, max: number): number | undefined {
  const v = query[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^-?\d+$/.test(v) || n < min || n > max) throw invalidParameter(name, v, `Values must be within the range: [${min}, ${max}]`);
  return n;
}

function enumParam<T extends string>(query: Record<string, string>, name: string, values: readonly T[]): T | undefined {
  const v = query[name];
  if (v === undefined) return undefined;
  if (!values.includes(v as T)) throw invalidParameter(name, v, `Values must match the following regular expression: '${values.join('|')}'`);
  return v as T;
}

function instantParam(query: Record<string, string>, name: string): number | undefined {
  const v = query[name];
  if (v === undefined) return undefined;
  const t = parseInstant(v);
  if (t === null) throw apiError(400, 'badRequest', 'Bad Request', { location: name });
  return t;
}

/** `key=value` constraints of `privateExtendedProperty` / `sharedExtendedProperty` (repeatable, all must hold). */
function propertyConstraints(url: URL, name: string): [string, string][] {
  return url.searchParams.getAll(name).map((c) => {
    const eq = c.indexOf('=');
    if (eq <= 0) throw invalid(`Invalid ${name} constraint: ${c}`, name);
    return [c.slice(0, eq), c.slice(eq + 1)];
  });
}

/** Parameters that cannot go with a `syncToken` (Google's list). */
const NOT_WITH_SYNC_TOKEN = ['iCalUID', 'orderBy', 'privateExtendedProperty', 'q', 'sharedExtendedProperty', 'timeMin', 'timeMax', 'updatedMin'];

interface SyncToken {
  c: string;
  e: number;
  s: number;
}
interface PageToken {
  f: string;
  k: [number, number];
  s: number;
}

export function encodeToken(prefix: string, value: object): string {
  return `${prefix}${Buffer.from(JSON.stringify(value)).toString('base64url')}`;
}

export function decodeToken(prefix: string, token: string): Json | null {
  if (!token.startsWith(prefix)) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(token.slice(prefix.length), 'base64url').toString('utf8'));
    return isObject(v) ? v : null;
  } catch {
    return null;
  }
}

const isInt = (v: unknown): v is number => Number.isInteger(v);

// ---------------------------------------------------------------------------------------------
// Endpoints.

export interface Outcome {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const WRITES: ReadonlySet<CalendarMethod> = new Set(['insert', 'patch', 'update', 'delete']);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type AnyMethod = CalendarMethod | CalendarResourceMethod;
/** What a method needs: the scopes (any one) and the handler, run once the caller passed the bearer check, the quota and the faults. */
type Handler = (caller: AuthenticatedCaller, req: EmulatorRequest, match: RegExpMatchArray) => Outcome;

/** Google Calendar API v3: `events` (insert, get, list, patch, update, delete), `calendars`, `acl` and `calendarList`. */
export class CalendarEndpoints {
  private readonly resources: CalendarResources;

  constructor(
    private readonly state: CalendarState,
    private readonly oauth: Pick<OAuthEndpoints, 'authenticate'>,
  ) {
    this.resources = new CalendarResources(state);
  }

  register(server: EmulatorServer): void {
    const events = (method: CalendarMethod): [readonly string[], Handler] => [
      WRITES.has(method) ? CALENDAR_WRITE_SCOPES : CALENDAR_READ_SCOPES,
      (caller, req, match) => this.events(method, caller, req, match),
    ];
    const routes: [string, RegExp, AnyMethod, readonly string[], Handler][] = [
      ['GET', CALENDAR_PATHS.events, 'list', ...events('list')],
      ['POST', CALENDAR_PATHS.events, 'insert', ...events('insert')],
      ['GET', CALENDAR_PATHS.event, 'get', ...events('get')],
      ['PATCH', CALENDAR_PATHS.event, 'patch', ...events('patch')],
      ['PUT', CALENDAR_PATHS.event, 'update', ...events('update')],
      ['DELETE', CALENDAR_PATHS.event, 'delete', ...events('delete')],
      ['POST', CALENDAR_PATHS.calendars, 'calendars.insert', CALENDARS_WRITE_SCOPES, (c, r) => this.resources.insertCalendar(c, r)],
      ['GET', CALENDAR_PATHS.calendar, 'calendars.get', CALENDARS_READ_SCOPES, (c, r, m) => this.resources.getCalendar(c, m)],
      ['PATCH', CALENDAR_PATHS.calendar, 'calendars.patch', CALENDARS_WRITE_SCOPES, (c, r, m) => this.resources.modifyCalendar(c, r, m, 'patch')],
      ['PUT', CALENDAR_PATHS.calendar, 'calendars.update', CALENDARS_WRITE_SCOPES, (c, r, m) => this.resources.modifyCalendar(c, r, m, 'update')],
      ['DELETE', CALENDAR_PATHS.calendar, 'calendars.delete', CALENDARS_WRITE_SCOPES, (c, r, m) => this.resources.deleteCalendar(c, m)],
      ['GET', CALENDAR_PATHS.acl, 'acl.list', ACL_READ_SCOPES, (c, r, m) => this.resources.listAcl(c, r, m)],
      ['POST', CALENDAR_PATHS.acl, 'acl.insert', ACL_WRITE_SCOPES, (c, r, m) => this.resources.insertRule(c, r, m)],
      ['GET', CALENDAR_PATHS.aclRule, 'acl.get', ACL_READ_SCOPES, (c, r, m) => this.resources.getRule(c, m)],
      ['PATCH', CALENDAR_PATHS.aclRule, 'acl.patch', ACL_WRITE_SCOPES, (c, r, m) => this.resources.modifyRule(c, r, m, 'patch')],
      ['PUT', CALENDAR_PATHS.aclRule, 'acl.update', ACL_WRITE_SCOPES, (c, r, m) => this.resources.modifyRule(c, r, m, 'update')],
      ['DELETE', CALENDAR_PATHS.aclRule, 'acl.delete', ACL_WRITE_SCOPES, (c, r, m) => this.resources.deleteRule(c, m)],
      ['GET', CALENDAR_PATHS.calendarList, 'calendarList.list', CALENDAR_LIST_SCOPES, (c, r) => this.resources.listCalendarList(c, r)],
      ['GET', CALENDAR_PATHS.calendarListEntry, 'calendarList.get', CALENDAR_LIST_SCOPES, (c, r, m) => this.resources.getCalendarListEntry(c, m)],
    ];
    for (const [verb, pattern, method, scopes, handler] of routes) {
      server.route(verb, pattern, (req, res, m) => this.dispatch(method, scopes, handler, req, res, m));
    }
  }

  /** Latency and faults around the method itself. */
  private async dispatch(method: AnyMethod, scopes: readonly string[], handler: Handler, req: EmulatorRequest, res: ServerResponse, match: RegExpMatchArray): Promise<void> {
    if ((CALENDAR_METHODS as readonly string[]).includes(method)) this.state.callsByMethod[method as CalendarMethod]++;
    else this.state.callsByResourceMethod[method as CalendarResourceMethod]++;
    const fault = this.state.drawFault(method, req.method);
    let delay = this.state.latencyMs;
    if (fault?.kind === 'latency') {
      this.state.faultsInjected.latency++;
      delay += fault.latencyMs;
    }
    if (delay > 0) await sleep(delay);
    if (res.destroyed) return cut(res); // the client gave up meanwhile
    if (fault?.kind === 'reset') {
      this.state.faultsInjected.reset++;
      return cut(res);
    }
    let outcome: Outcome;
    try {
      outcome = this.execute(scopes, handler, req, match, fault?.kind === '5xx');
    } catch (err) {
      if (!(err instanceof GoogleApiError)) throw err;
      outcome = { status: err.code, body: err };
    }
    if (fault?.kind === 'lostResponse') {
      this.state.faultsInjected.lostResponse++;
      return cut(res);
    }
    if (outcome.body instanceof GoogleApiError) sendApiError(res, outcome.body);
    else if (outcome.body === undefined) sendEmpty(res, outcome.status, outcome.headers);
    else sendJson(res, outcome.status, outcome.body, outcome.headers);
  }

  private execute(scopes: readonly string[], handler: Handler, req: EmulatorRequest, match: RegExpMatchArray, fail5xx: boolean): Outcome {
    const caller = this.oauth.authenticate(req, scopes);
    if (caller instanceof GoogleApiError) throw caller;
    const subject = caller.account.email.toLowerCase();
    this.state.requestsBySubject.set(subject, (this.state.requestsBySubject.get(subject) ?? 0) + 1);
    const refused = this.state.takeQuota(subject, caller.project);
    if (refused) throw this.quotaError(refused);
    if (fail5xx) {
      this.state.faultsInjected['5xx']++;
      throw backendError();
    }
    return handler(caller, req, match);
  }

  /** The `events` methods: the calendar must be visible to the caller, and writable for writes. */
  private events(method: CalendarMethod, caller: AuthenticatedCaller, req: EmulatorRequest, match: RegExpMatchArray): Outcome {
    const calendarId = decode(match[1]!);
    const eventId = match[2] === undefined ? undefined : decode(match[2]);
    if (calendarId === null || eventId === null) throw notFound();
    const cal = this.state.find(calendarId === 'primary' ? caller.account.email : calendarId);
    if (!cal || cal.missing) throw notFound();
    const role = this.state.roleOf(cal, caller.account.email);
    if (role === 'none') throw notFound();
    if (WRITES.has(method) && !cal.writeDenied && roleRank(role) < roleRank('writer')) throw requiredAccessLevel('writer');
    if (method === 'get' && role === 'freeBusyReader') throw notFound();
    switch (method) {
      case 'insert':
        return this.insert(cal, req, caller);
      case 'list':
        return this.list(cal, req, caller, role);
      case 'get':
        return this.get(cal, eventId!, req, caller);
      case 'patch':
      case 'update':
        return this.modify(method, cal, eventId!, req, caller);
      case 'delete':
        return this.delete(cal, eventId!, req);
    }
  }

  /** A per-user refusal says the quota's `reason`; a per-project one is always `rateLimitExceeded`. */
  private quotaError(kind: QuotaKind): GoogleApiError {
    const q = this.state.quota!;
    const reason = kind === 'user' ? q.reason : 'rateLimitExceeded';
    const message = reason === 'userRateLimitExceeded' ? 'User Rate Limit Exceeded' : 'Rate Limit Exceeded';
    const headers: Record<string, string> = q.retryAfterSeconds !== undefined ? { 'retry-after': String(q.retryAfterSeconds) } : {};
    return q.style === '429'
      ? apiError(429, reason, message, { domain: 'usageLimits', status: 'RESOURCE_EXHAUSTED', headers })
      : apiError(403, reason, message, { domain: 'usageLimits', status: 'PERMISSION_DENIED', headers });
  }

  private countWrite(method: CalendarWriteMethod): void {
    this.state.writeCount++;
    this.state.writesByMethod[method]++;
  }

  private insert(cal: CalendarRecord, req: EmulatorRequest, caller: AuthenticatedCaller): Outcome {
    if (cal.writeDenied) throw writeDenied(cal.writeDenied);
    checkWriteQuery(req.query);
    intParam(req.query, 'conferenceDataVersion', 0, 1);
    const zone = responseZone(req.query, cal);
    const body = requestBody(req.body);
    let id: string | undefined;
    if (present(body.id)) {
      if (typeof body.id !== 'string' || !CLIENT_EVENT_ID.test(body.id)) throw invalid('Invalid resource id value.');
      id = body.id;
    }
    const content = normalizeContent(body);
    if (id !== undefined && cal.events.has(id)) throw duplicate();
    const ev = this.state.create(cal, id ?? this.state.newEventId(cal), content, caller.account.email);
    this.countWrite('insert');
    return eventOutcome(ev, cal, zone, caller);
  }

  private get(cal: CalendarRecord, eventId: string, req: EmulatorRequest, caller: AuthenticatedCaller): Outcome {
    const zone = responseZone(req.query, cal);
    const ev = cal.events.get(eventId);
    if (!ev) throw notFound();
    const inm = req.headers['if-none-match'];
    if (inm !== undefined && etagMatches(inm, ev.etag)) return { status: 304, headers: { etag: ev.etag } };
    return eventOutcome(ev, cal, zone, caller);
  }

  private modify(method: 'patch' | 'update', cal: CalendarRecord, eventId: string, req: EmulatorRequest, caller: AuthenticatedCaller): Outcome {
    if (cal.writeDenied) throw writeDenied(cal.writeDenied);
    checkWriteQuery(req.query);
    intParam(req.query, 'conferenceDataVersion', 0, 1);
    const zone = responseZone(req.query, cal);
    const ev = cal.events.get(eventId);
    if (!ev) throw notFound();
    checkIfMatch(req, ev);
    const body = requestBody(req.body);
    const input = method === 'patch' ? mergePatch(asInput(ev, cal), body) : body;
    const content = normalizeContent(input);
    if (content.sequence !== undefined && content.sequence < ev.sequence) {
      throw invalid('Invalid sequence value. The specified sequence number is below the current sequence number of the resource.');
    }
    this.state.modify(cal, ev, content);
    this.countWrite(method);
    return eventOutcome(ev, cal, zone, caller);
  }

  private delete(cal: CalendarRecord, eventId: string, req: EmulatorRequest): Outcome {
    if (cal.writeDenied) throw writeDenied(cal.writeDenied);
    checkWriteQuery(req.query);
    const ev = cal.events.get(eventId);
    if (!ev) throw notFound();
    if (ev.content.status === 'cancelled') throw deleted();
    checkIfMatch(req, ev);
    this.state.cancel(cal, ev);
    this.countWrite('delete');
    return { status: 204 };
  }

  private list(cal: CalendarRecord, req: EmulatorRequest, caller: AuthenticatedCaller, role: AclRole): Outcome {
    const q = req.query;
    const maxResults = Math.min(intParam(q, 'maxResults', 1, 2_147_483_647) ?? 250, 2500);
    const showDeleted = boolParam(q, 'showDeleted');
    const singleEvents = boolParam(q, 'singleEvents');
    boolParam(q, 'showHiddenInvitations');
    boolParam(q, 'alwaysIncludeEmail');
    intParam(q, 'maxAttendees', 1, 2_147_483_647);
    const orderBy = enumParam(q, 'orderBy', ['startTime', 'updated'] as const);
    const zone = responseZone(q, cal);
    const syncTokenParam = q.syncToken;
    let since: number | null = null;
    if (syncTokenParam !== undefined) {
      const used = NOT_WITH_SYNC_TOKEN.find((name) => req.url.searchParams.has(name));
      if (used) throw invalid(`The ${used} parameter cannot be used together with syncToken.`, used);
      if (showDeleted === false) throw invalid('Deleted events are always included in an incremental sync: showDeleted cannot be false with syncToken.', 'showDeleted');
      const t = decodeToken('S', syncTokenParam) as Partial<SyncToken> | null;
      if (!t || typeof t.c !== 'string' || !isInt(t.e) || !isInt(t.s) || t.c !== cal.id) throw invalid('Invalid sync token value.', 'syncToken');
      if (t.e !== cal.epoch) throw fullSyncRequired();
      since = t.s;
    }
    const timeMin = instantParam(q, 'timeMin');
    const timeMax = instantParam(q, 'timeMax');
    const updatedMin = instantParam(q, 'updatedMin');
    if (timeMin !== undefined && timeMax !== undefined && timeMax <= timeMin) throw timeRangeEmpty('timeMax');
    if (orderBy === 'startTime' && singleEvents !== true) {
      throw apiError(400, 'badRequest', 'The requested ordering is not available for the particular query.', { location: 'orderBy' });
    }
    const privateProps = propertyConstraints(req.url, 'privateExtendedProperty');
    const sharedProps = propertyConstraints(req.url, 'sharedExtendedProperty');
    const text = q.q?.toLowerCase();
    const iCalUID = q.iCalUID;

    // The page token remembers the query it belongs to, where the last page stopped, and the change counter at the first page.
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([...req.url.searchParams].filter(([k]) => k !== 'pageToken' && k !== 'maxResults').sort()))
      .digest('base64url')
      .slice(0, 16);
    let after: [number, number] | null = null;
    let snapshot = this.state.currentSeq();
    if (q.pageToken !== undefined) {
      const p = decodeToken('P', q.pageToken) as Partial<PageToken> | null;
      const ok = p && p.f === fingerprint && Array.isArray(p.k) && p.k.length === 2 && p.k.every(isInt) && isInt(p.s);
      if (!ok) throw invalid('Invalid page token value.', 'pageToken');
      after = p.k as [number, number];
      snapshot = p.s as number;
    }

    const key = (ev: StoredEvent): [number, number] => {
      if (since !== null) return [ev.seq, ev.order];
      if (orderBy === 'startTime') return [instantOf(ev.content.start, cal), ev.order];
      if (orderBy === 'updated') return [ev.updated, ev.order];
      return [ev.order, 0];
    };
    const matches = (ev: StoredEvent): boolean => {
      const c = ev.content;
      if (since !== null) return ev.seq > since;
      if (c.status === 'cancelled' && showDeleted !== true) return false;
      for (const [k, v] of privateProps) if (c.extendedProperties?.private?.[k] !== v) return false;
      for (const [k, v] of sharedProps) if (c.extendedProperties?.shared?.[k] !== v) return false;
      if (timeMin !== undefined && instantOf(c.end, cal) <= timeMin) return false;
      if (timeMax !== undefined && instantOf(c.start, cal) >= timeMax) return false;
      if (updatedMin !== undefined && ev.updated < updatedMin) return false;
      if (iCalUID !== undefined && `${ev.id}@google.com` !== iCalUID) return false;
      if (text !== undefined && ![c.summary, c.description, c.location].some((s) => s?.toLowerCase().includes(text))) return false;
      return true;
    };
    const greater = (a: [number, number], b: [number, number]) => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
    const selected = [...cal.events.values()]
      .filter(matches)
      .map((ev) => ({ ev, k: key(ev) }))
      .filter((x) => after === null || greater(x.k, after))
      .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1]);
    const page = selected.slice(0, maxResults);
    const body: Json = {
      kind: 'calendar#events',
      etag: `"p${cal.epoch.toString(32)}${cal.lastSeq.toString(32).padStart(8, '0')}g"`,
      summary: cal.summary ?? cal.id,
      updated: rfc3339Ms(cal.lastUpdated ?? this.state.now()),
      timeZone: cal.timeZone,
      accessRole: cal.writeDenied && roleRank(role) > roleRank('reader') ? 'reader' : role,
      defaultReminders: [],
    };
    if (selected.length > maxResults) {
      body.nextPageToken = encodeToken('P', { f: fingerprint, k: page.at(-1)!.k, s: snapshot } satisfies PageToken);
    } else {
      body.nextSyncToken = encodeToken('S', { c: cal.id, e: cal.epoch, s: snapshot } satisfies SyncToken);
    }
    body.items = page.map((x) => (role === 'freeBusyReader' ? freeBusyView(renderEvent(x.ev, cal, zone, caller.account.email)) : renderEvent(x.ev, cal, zone, caller.account.email)));
    return { status: 200, body };
  }
}

/** What a free/busy reader sees of an event: when, not what. */
function freeBusyView(ev: CalendarEvent): CalendarEvent {
  const { kind, etag, id, status, start, end, transparency } = ev;
  return { kind, etag, id, status, start, end, ...(transparency ? { transparency } : {}) } as CalendarEvent;
}

function eventOutcome(ev: StoredEvent, cal: CalendarRecord, zone: string, caller: AuthenticatedCaller): Outcome {
  return { status: 200, body: renderEvent(ev, cal, zone, caller.account.email), headers: { etag: ev.etag } };
}

export function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export function requestBody(body: unknown): Json {
  if (body === undefined) return {};
  if (!isObject(body)) throw badRequest();
  return body;
}

function checkWriteQuery(query: Record<string, string>): void {
  enumParam(query, 'sendUpdates', ['all', 'externalOnly', 'none'] as const);
  boolParam(query, 'sendNotifications');
  boolParam(query, 'supportsAttachments');
  intParam(query, 'maxAttendees', 1, 2_147_483_647);
}

function responseZone(query: Record<string, string>, cal: CalendarRecord): string {
  const z = query.timeZone;
  if (z === undefined) return cal.timeZone;
  if (!isTimeZone(z)) throw invalid('Invalid time zone definition.', 'timeZone');
  return z;
}

/** `If-Match` / `If-None-Match`: a list of (possibly weak) etags, or `*`. */
function etagMatches(header: string | string[], etag: string): boolean {
  const values = (Array.isArray(header) ? header.join(',') : header).split(',').map((s) => s.trim().replace(/^W\//, ''));
  return values.some((v) => v === '*' || v === etag);
}

function checkIfMatch(req: EmulatorRequest, ev: StoredEvent): void {
  const h = req.headers['if-match'];
  if (h !== undefined && !etagMatches(h, ev.etag)) throw conditionNotMet();
}

/** Closes the connection without an answer, with a TCP reset: the client sees ECONNRESET. */
function cut(res: ServerResponse): void {
  runBeforeEnd(res);
  const socket = res.socket;
  if (socket && !socket.destroyed) socket.resetAndDestroy();
  if (!res.destroyed) res.destroy();
}

// ---------------------------------------------------------------------------------------------
// What tests hold: `emulator.calendar`.

/** The test-side control of the Calendar API (see {@link CalendarEmulator}). */
export class CalendarControl implements CalendarEmulator {
  constructor(private readonly state: CalendarState) {}

  private id(calendarId: string): string {
    return calendarId === 'primary' ? DEFAULT_ACCOUNT.email : calendarId;
  }

  private resolve(calendarId: string): CalendarRecord {
    const cal = this.state.find(this.id(calendarId));
    if (!cal) {
      throw new Error(
        `calendar emulator: no calendar "${calendarId}" (a primary calendar exists once its account does: emulator.domain.addUser(); a secondary one once created: emulator.calendar.createCalendar())`,
      );
    }
    return cal;
  }

  private find(calendarId: string, eventId: string): { cal: CalendarRecord; ev: StoredEvent } {
    const cal = this.resolve(calendarId);
    const ev = cal.events.get(eventId);
    if (!ev) throw new Error(`calendar emulator: no event "${eventId}" in calendar "${cal.id}"`);
    return { cal, ev };
  }

  events(calendarId: string, options: { includeCancelled?: boolean } = {}): CalendarEvent[] {
    const cal = this.state.find(this.id(calendarId));
    if (!cal) return [];
    return [...cal.events.values()]
      .filter((ev) => options.includeCancelled || ev.content.status !== 'cancelled')
      .sort((a, b) => a.order - b.order)
      .map((ev) => renderEvent(ev, cal, cal.timeZone));
  }

  event(calendarId: string, eventId: string): CalendarEvent | undefined {
    const cal = this.state.find(this.id(calendarId));
    const ev = cal?.events.get(eventId);
    return ev && renderEvent(ev, cal!, cal!.timeZone);
  }

  userInsert(calendarId: string, input: object): CalendarEvent {
    const event = userBody(input);
    const cal = this.resolve(calendarId);
    let id: string | undefined;
    if (present(event.id)) {
      if (typeof event.id !== 'string' || !CLIENT_EVENT_ID.test(event.id)) throw invalid('Invalid resource id value.');
      if (cal.events.has(event.id)) throw duplicate();
      id = event.id;
    }
    const ev = this.state.create(cal, id ?? this.state.newEventId(cal), normalizeContent(event), cal.owner);
    return renderEvent(ev, cal, cal.timeZone);
  }

  userEdit(calendarId: string, eventId: string, patch: object): CalendarEvent {
    const { cal, ev } = this.find(calendarId, eventId);
    this.state.modify(cal, ev, normalizeContent(mergePatch(asInput(ev, cal), userBody(patch))));
    return renderEvent(ev, cal, cal.timeZone);
  }

  userDelete(calendarId: string, eventId: string): CalendarEvent {
    const { cal, ev } = this.find(calendarId, eventId);
    if (ev.content.status !== 'cancelled') this.state.cancel(cal, ev);
    return renderEvent(ev, cal, cal.timeZone);
  }

  createCalendar(owner: string, options: { id?: string; summary?: string; timeZone?: string; description?: string } = {}): string {
    const account = this.state.directory.account(owner);
    if (!account) throw new Error(`createCalendar: no account ${owner} (emulator.domain.addUser() or addExternalAccount() first)`);
    if (options.timeZone !== undefined && !isTimeZone(options.timeZone)) throw new RangeError(`createCalendar: unknown time zone "${options.timeZone}"`);
    const id = options.id ?? this.state.newCalendarId();
    if (this.state.find(id)) throw new Error(`createCalendar: calendar ${id} already exists`);
    this.state.newCalendar(id, account.email, false, { summary: options.summary, timeZone: options.timeZone, description: options.description });
    return id;
  }

  calendar(calendarId: string): CalendarInfo | undefined {
    const cal = this.state.find(this.id(calendarId));
    return cal && calendarInfo(cal);
  }

  calendarsOwnedBy(email: string): CalendarInfo[] {
    const owner = email.toLowerCase();
    const primary = this.state.directory.account(owner) ? this.state.find(owner) : undefined;
    const others = this.state.allCalendars().filter((c) => c.owner === owner && !c.primary);
    return [...(primary ? [primary] : []), ...others].map(calendarInfo);
  }

  share(calendarId: string, email: string, role: AclRole, scopeType: AclScopeType = 'user'): AclRuleView {
    if (!(['none', 'freeBusyReader', 'reader', 'writer', 'owner'] as const).includes(role)) throw new TypeError(`share: unknown role "${String(role)}"`);
    if (!(['user', 'group', 'domain', 'default'] as const).includes(scopeType)) throw new TypeError(`share: unknown scope type "${String(scopeType)}"`);
    const cal = this.resolve(calendarId);
    const rule = this.state.putRule(cal, scopeType === 'default' ? { type: 'default' } : { type: scopeType, value: email }, role, false);
    return aclRuleView(rule);
  }

  unshare(calendarId: string, email: string, scopeType: AclScopeType = 'user'): void {
    const cal = this.resolve(calendarId);
    cal.acl.delete(CalendarStateClass.ruleId(scopeType === 'default' ? { type: 'default' } : { type: scopeType, value: email }));
  }

  acl(calendarId: string): AclRuleView[] {
    return [...this.resolve(calendarId).acl.values()].map(aclRuleView);
  }

  accessRole(calendarId: string, email: string): AclRole {
    const cal = this.state.find(this.id(calendarId));
    return cal && !cal.missing ? this.state.roleOf(cal, email) : 'none';
  }

  setCalendar(calendarId: string, options: { timeZone?: string; summary?: string }): void {
    if (options.timeZone !== undefined && !isTimeZone(options.timeZone)) throw new RangeError(`setCalendar: unknown time zone "${options.timeZone}"`);
    const cal = this.resolve(calendarId);
    if (options.timeZone !== undefined) cal.timeZone = options.timeZone;
    if (options.summary !== undefined) cal.summary = options.summary;
  }

  denyWrite(calendarId: string, reason: WriteDenial = 'forbidden'): void {
    if (reason !== 'forbidden' && reason !== 'requiredAccessLevel') throw new TypeError(`denyWrite: unknown reason "${String(reason)}"`);
    this.resolve(calendarId).writeDenied = reason;
  }

  allowWrite(calendarId: string): void {
    this.resolve(calendarId).writeDenied = null;
  }

  markMissing(calendarId: string): void {
    this.resolve(calendarId).missing = true;
  }

  markPresent(calendarId: string): void {
    this.resolve(calendarId).missing = false;
  }

  invalidateSyncTokens(calendarId?: string): void {
    this.state.invalidateSyncTokens(calendarId === undefined ? undefined : this.resolve(calendarId).id);
  }

  setQuota(quota: CalendarQuota | null): void {
    this.state.setQuota(quota);
  }

  get quotaRejections(): number {
    return this.state.quotaRejections;
  }

  injectFaults(options: CalendarFaultOptions): void {
    const known = new Set<string>([...CALENDAR_METHODS, ...RESOURCE_METHODS.map((m) => m.toLowerCase())]);
    const bad = options.methods?.find((m) => !known.has(m.toLowerCase()) && !HTTP_VERBS.has(m.toUpperCase()));
    if (bad !== undefined) throw new TypeError(`injectFaults: unknown method "${bad}" (expected ${[...CALENDAR_METHODS, ...RESOURCE_METHODS].join(', ')} or an HTTP verb)`);
    this.state.injectFaults(options);
  }

  clearFaults(): void {
    this.state.clearFaults();
  }

  setLatency(ms: number): void {
    this.state.setLatency(ms);
  }

  get faultsInjected(): Readonly<Record<CalendarFaultKind, number>> {
    return { ...this.state.faultsInjected };
  }

  get writeCount(): number {
    return this.state.writeCount;
  }

  get writesByMethod(): Readonly<Record<CalendarWriteMethod, number>> {
    return { ...this.state.writesByMethod };
  }

  get callsByMethod(): Readonly<Record<CalendarMethod, number>> {
    return { ...this.state.callsByMethod };
  }

  get callsByResourceMethod(): Readonly<Record<CalendarResourceMethod, number>> {
    return { ...this.state.callsByResourceMethod };
  }

  get requestsBySubject(): Readonly<Record<string, number>> {
    return Object.fromEntries(this.state.requestsBySubject);
  }

  get quotaRejectionsByKind(): Readonly<Record<QuotaKind, number>> {
    return { ...this.state.quotaRejectionsByKind };
  }

  reset(): void {
    this.state.reset();
  }
}

const HTTP_VERBS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** An event body handed to the test-side methods, as a JSON object (undefined fields dropped). */
function userBody(input: object): Json {
  if (!isObject(input)) throw new TypeError('calendar emulator: the event must be an object');
  return JSON.parse(JSON.stringify(input)) as Json;
}
