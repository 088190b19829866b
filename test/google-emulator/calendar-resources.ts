import { apiError, boolParam, decode, decodeToken, encodeToken, intParam, invalid, notFound, required, requestBody, requiredAccessLevel, type Outcome } from './calendar';
import { isTimeZone } from './calendar-time';
import { ACL_ROLES, CalendarState, roleRank, type AclRole, type AclRule, type AclScopeType, type CalendarRecord, type StoredAclRule } from './calendar-state';
import type { EmulatorRequest } from './http-io';
import type { AuthenticatedCaller } from './oauth';

/** A calendar as tests read it (`emulator.calendar.calendar(id)`, `calendarsOwnedBy(email)`). */
export interface CalendarInfo {
  id: string;
  owner: string;
  primary: boolean;
  summary: string;
  timeZone: string;
  description?: string;
  location?: string;
}

type Json = Record<string, unknown>;
const SCOPE_TYPES: readonly AclScopeType[] = ['default', 'user', 'group', 'domain'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DOMAIN = /^[a-z0-9-]+(\.[a-z0-9-]+)+$/i;

export function calendarInfo(c: CalendarRecord): CalendarInfo {
  const out: CalendarInfo = { id: c.id, owner: c.owner, primary: c.primary, summary: c.summary ?? c.id, timeZone: c.timeZone };
  if (c.description !== undefined) out.description = c.description;
  if (c.location !== undefined) out.location = c.location;
  return out;
}

export function aclRule(r: StoredAclRule): AclRule {
  return { kind: 'calendar#aclRule', etag: r.etag, id: r.id, scope: { ...r.scope }, role: r.role };
}

export function aclRuleView(r: StoredAclRule): AclRule & { sendNotifications: boolean } {
  return { ...aclRule(r), sendNotifications: r.sendNotifications };
}

function calendarResource(c: CalendarRecord): Json {
  const out: Json = { kind: 'calendar#calendar', etag: c.etag, id: c.id, summary: c.summary ?? c.id };
  if (c.description !== undefined) out.description = c.description;
  if (c.location !== undefined) out.location = c.location;
  out.timeZone = c.timeZone;
  out.conferenceProperties = { allowedConferenceSolutionTypes: ['hangoutsMeet'] };
  return out;
}

const cannotChangeOwnAcl = () => apiError(403, 'cannotChangeOwnAcl', 'Cannot change your own access level.', { domain: 'calendar' });

/**
 * The Calendar API's `calendars`, `acl` and `calendarList` resources. Access follows the caller's
 * role: none → 404 notFound (the calendar is invisible); reading the ACL needs writer; changing the
 * calendar or its ACL, and deleting it, need owner (403 requiredAccessLevel otherwise).
 */
export class CalendarResources {
  constructor(private readonly state: CalendarState) {}

  /** The calendar of the path, visible to the caller (404 otherwise), and the caller's role on it. */
  private visible(caller: AuthenticatedCaller, segment: string): { cal: CalendarRecord; role: AclRole } {
    const id = decode(segment);
    if (id === null) throw notFound();
    const cal = this.state.find(id === 'primary' ? caller.account.email : id);
    if (!cal || cal.missing) throw notFound();
    const role = this.state.roleOf(cal, caller.account.email);
    if (role === 'none') throw notFound();
    return { cal, role };
  }

  private atLeast(role: AclRole, needed: 'writer' | 'owner'): void {
    if (roleRank(role) < roleRank(needed)) throw requiredAccessLevel(needed);
  }

  // -- calendars -----------------------------------------------------------------------------

  insertCalendar(caller: AuthenticatedCaller, req: EmulatorRequest): Outcome {
    const body = requestBody(req.body);
    const fields = calendarFields(body, true);
    const cal = this.state.newCalendar(this.state.newCalendarId(), caller.account.email, false, fields);
    return { status: 200, body: calendarResource(cal) };
  }

  getCalendar(caller: AuthenticatedCaller, match: RegExpMatchArray): Outcome {
    const { cal } = this.visible(caller, match[1]!);
    return { status: 200, body: calendarResource(cal) };
  }

  modifyCalendar(caller: AuthenticatedCaller, req: EmulatorRequest, match: RegExpMatchArray, how: 'patch' | 'update'): Outcome {
    const { cal, role } = this.visible(caller, match[1]!);
    this.atLeast(role, 'owner');
    const fields = calendarFields(requestBody(req.body), how === 'update');
    if (how === 'update') {
      cal.description = undefined;
      cal.location = undefined;
    }
    if (fields.summary !== undefined) cal.summary = fields.summary;
    if (fields.timeZone !== undefined) cal.timeZone = fields.timeZone;
    if (fields.description !== undefined) cal.description = fields.description;
    if (fields.location !== undefined) cal.location = fields.location;
    cal.etag = this.state.nextEtag();
    return { status: 200, body: calendarResource(cal) };
  }

  deleteCalendar(caller: AuthenticatedCaller, match: RegExpMatchArray): Outcome {
    const { cal, role } = this.visible(caller, match[1]!);
    this.atLeast(role, 'owner');
    if (cal.primary) throw apiError(400, 'cannotDeletePrimaryCalendar', 'Cannot delete primary calendar. Use calendars.clear to remove its events.', { domain: 'calendar' });
    this.state.deleteCalendar(cal);
    return { status: 204 };
  }

  // -- acl -----------------------------------------------------------------------------------

  listAcl(caller: AuthenticatedCaller, req: EmulatorRequest, match: RegExpMatchArray): Outcome {
    const { cal, role } = this.visible(caller, match[1]!);
    this.atLeast(role, 'writer');
    const maxResults = Math.min(intParam(req.query, 'maxResults', 1, 2_147_483_647) ?? 100, 250);
    boolParam(req.query, 'showDeleted');
    if (req.query.syncToken !== undefined) throw invalid('Sync tokens are not supported by this emulator for acl.list.', 'syncToken');
    let offset = 0;
    if (req.query.pageToken !== undefined) {
      const t = decodeToken('A', req.query.pageToken);
      if (!t || t.c !== cal.id || !Number.isInteger(t.o)) throw invalid('Invalid page token value.', 'pageToken');
      offset = t.o as number;
    }
    const rules = [...cal.acl.values()];
    const page = rules.slice(offset, offset + maxResults);
    const body: Json = { kind: 'calendar#acl', etag: `"${cal.etag.replace(/"/g, '')}a"`, items: page.map(aclRule) };
    if (offset + maxResults < rules.length) body.nextPageToken = encodeToken('A', { c: cal.id, o: offset + maxResults });
    return { status: 200, body };
  }

  getRule(caller: AuthenticatedCaller, match: RegExpMatchArray): Outcome {
    const { cal, role } = this.visible(caller, match[1]!);
    this.atLeast(role, 'writer');
    return { status: 200, body: aclRule(this.rule(cal, match[2]!)) };
  }

  insertRule(caller: AuthenticatedCaller, req: EmulatorRequest, match: RegExpMatchArray): Outcome {
    const { cal, role } = this.visible(caller, match[1]!);
    this.atLeast(role, 'owner');
    const sendNotifications = boolParam(req.query, 'sendNotifications') ?? true;
    const body = requestBody(req.body);
    const scope = parseScope(body.scope);
    const newRole = parseRole(body.role);
    this.checkNotOwn(cal, caller, CalendarState.ruleId(scope));
    const rule = this.state.putRule(cal, scope, newRole, sendNotifications);
    return { status: 200, body: aclRule(rule) };
  }

  modifyRule(caller: AuthenticatedCaller, req: EmulatorRequest, match: RegExpMatchArray, how: 'patch' | 'update'): Outcome {
    const { cal, role } = this.visible(caller, match[1]!);
    this.atLeast(role, 'owner');
    const existing = this.rule(cal, match[2]!);
    const sendNotifications = boolParam(req.query, 'sendNotifications') ?? true;
    const body = requestBody(req.body);
    if (body.scope !== undefined && body.scope !== null) {
      const scope = parseScope(body.scope);
      if (CalendarState.ruleId(scope) !== existing.id) throw invalid('The scope of a rule cannot be changed.');
    }
    const newRole = body.role === undefined && how === 'patch' ? existing.role : parseRole(body.role);
    this.checkNotOwn(cal, caller, existing.id);
    const rule = this.state.putRule(cal, existing.scope, newRole, sendNotifications);
    return { status: 200, body: aclRule(rule) };
  }

  deleteRule(caller: AuthenticatedCaller, match: RegExpMatchArray): Outcome {
    const { cal, role } = this.visible(caller, match[1]!);
    this.atLeast(role, 'owner');
    const existing = this.rule(cal, match[2]!);
    this.checkNotOwn(cal, caller, existing.id);
    if (existing.id === `user:${cal.owner}`) throw cannotChangeOwnAcl();
    cal.acl.delete(existing.id);
    return { status: 204 };
  }

  private rule(cal: CalendarRecord, segment: string): StoredAclRule {
    const id = decode(segment);
    const rule = id === null ? undefined : (cal.acl.get(id) ?? cal.acl.get(id.toLowerCase()));
    if (!rule) throw notFound();
    return rule;
  }

  private checkNotOwn(cal: CalendarRecord, caller: AuthenticatedCaller, ruleId: string): void {
    if (ruleId === `user:${caller.account.email.toLowerCase()}` || ruleId === `user:${cal.owner}`) throw cannotChangeOwnAcl();
  }

  // -- calendarList --------------------------------------------------------------------------

  /** The caller's own primary calendar, those it owns, and those shared with it (or its groups) by name. */
  private listed(caller: AuthenticatedCaller): { cal: CalendarRecord; role: AclRole }[] {
    const email = caller.account.email.toLowerCase();
    const own = this.state.find(email);
    const names = new Set([`user:${email}`, ...this.state.directory.groupsOf(email).map((g) => `group:${g}`)]);
    const out: { cal: CalendarRecord; role: AclRole }[] = own && !own.missing ? [{ cal: own, role: 'owner' }] : [];
    for (const cal of this.state.allCalendars()) {
      if (cal === own || cal.missing) continue;
      if (cal.owner !== email && ![...names].some((n) => cal.acl.has(n))) continue;
      const role = this.state.roleOf(cal, email);
      if (role !== 'none') out.push({ cal, role });
    }
    return out;
  }

  listCalendarList(caller: AuthenticatedCaller, req: EmulatorRequest): Outcome {
    const q = req.query;
    const maxResults = Math.min(intParam(q, 'maxResults', 1, 2_147_483_647) ?? 100, 250);
    boolParam(q, 'showDeleted');
    boolParam(q, 'showHidden');
    const min = q.minAccessRole;
    if (min !== undefined && !ACL_ROLES.includes(min as AclRole))
      throw invalid(`Invalid value '${min}'. Values must match the following regular expression: 'freeBusyReader|owner|reader|writer'`, 'minAccessRole');
    if (q.syncToken !== undefined) throw invalid('Sync tokens are not supported by this emulator for calendarList.list.', 'syncToken');
    const all = this.listed(caller).filter((x) => min === undefined || roleRank(x.role) >= roleRank(min as AclRole));
    let offset = 0;
    if (q.pageToken !== undefined) {
      const t = decodeToken('L', q.pageToken);
      if (!t || !Number.isInteger(t.o)) throw invalid('Invalid page token value.', 'pageToken');
      offset = t.o as number;
    }
    const page = all.slice(offset, offset + maxResults);
    const body: Json = { kind: 'calendar#calendarList', etag: `"l${this.state.nextEtag().replace(/"/g, '')}"`, items: page.map((x) => listEntry(x.cal, x.role, caller)) };
    if (offset + maxResults < all.length) body.nextPageToken = encodeToken('L', { o: offset + maxResults });
    return { status: 200, body };
  }

  getCalendarListEntry(caller: AuthenticatedCaller, match: RegExpMatchArray): Outcome {
    const id = decode(match[1]!);
    if (id === null) throw notFound();
    const wanted = id === 'primary' ? caller.account.email.toLowerCase() : id;
    const entry = this.listed(caller).find((x) => x.cal.id === wanted || x.cal.id === wanted.toLowerCase());
    if (!entry) throw notFound();
    return { status: 200, body: listEntry(entry.cal, entry.role, caller) };
  }
}

function listEntry(cal: CalendarRecord, role: AclRole, caller: AuthenticatedCaller): Json {
  const out: Json = { kind: 'calendar#calendarListEntry', etag: cal.etag, id: cal.id, summary: cal.summary ?? cal.id };
  if (cal.description !== undefined) out.description = cal.description;
  out.timeZone = cal.timeZone;
  out.accessRole = role;
  out.defaultReminders = [];
  if (cal.primary && cal.owner === caller.account.email.toLowerCase()) {
    out.primary = true;
    out.selected = true;
  }
  return out;
}

function calendarFields(body: Json, summaryRequired: boolean): { summary?: string; timeZone?: string; description?: string; location?: string } {
  const out: { summary?: string; timeZone?: string; description?: string; location?: string } = {};
  if (body.summary === undefined || body.summary === null || body.summary === '') {
    if (summaryRequired) throw required('Missing title.');
  } else if (typeof body.summary !== 'string') throw invalid('Invalid value for: summary');
  else out.summary = body.summary;
  if (body.timeZone !== undefined && body.timeZone !== null) {
    if (typeof body.timeZone !== 'string' || !isTimeZone(body.timeZone)) throw invalid('Invalid time zone definition.');
    out.timeZone = body.timeZone;
  }
  for (const f of ['description', 'location'] as const) {
    const v = body[f];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') throw invalid(`Invalid value for: ${f}`);
    out[f] = v;
  }
  return out;
}

function parseRole(value: unknown): AclRole {
  if (value === undefined || value === null) throw required('Missing role.');
  if (typeof value !== 'string' || !ACL_ROLES.includes(value as AclRole)) throw invalid('Invalid value for: role');
  return value as AclRole;
}

function parseScope(value: unknown): { type: AclScopeType; value?: string } {
  if (value === undefined || value === null) throw required('Missing scope.');
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid('Invalid value for: scope');
  const { type, value: v } = value as Json;
  if (typeof type !== 'string' || !SCOPE_TYPES.includes(type as AclScopeType)) throw invalid('Invalid scope type.');
  if (type === 'default') {
    if (v !== undefined && v !== null && v !== '') throw invalid('Scope of type default cannot have a value.');
    return { type: 'default' };
  }
  if (typeof v !== 'string' || v === '') throw required('Missing scope value.');
  const ok = type === 'domain' ? DOMAIN.test(v) : EMAIL.test(v);
  if (!ok) throw invalid(`Invalid scope value: ${v}`);
  return { type: type as AclScopeType, value: v.toLowerCase() };
}
