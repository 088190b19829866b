import { randomBytes } from 'node:crypto';
import { domainOf, type Directory } from './directory';

export type EventStatus = 'confirmed' | 'tentative' | 'cancelled';
/** The API methods of `events` the emulator serves. */
export type CalendarMethod = 'insert' | 'get' | 'list' | 'patch' | 'update' | 'delete';
export type CalendarWriteMethod = 'insert' | 'patch' | 'update' | 'delete';
export type CalendarFaultKind = '5xx' | 'reset' | 'lostResponse' | 'latency';

export const CALENDAR_METHODS: readonly CalendarMethod[] = ['insert', 'get', 'list', 'patch', 'update', 'delete'];
export const WRITE_METHODS: readonly CalendarWriteMethod[] = ['insert', 'patch', 'update', 'delete'];
export const FAULT_KINDS: readonly CalendarFaultKind[] = ['5xx', 'reset', 'lostResponse', 'latency'];
/** The methods of the other Calendar resources the emulator serves (`calendars`, `acl`, `calendarList`). */
export type CalendarResourceMethod =
  | 'calendars.insert'
  | 'calendars.get'
  | 'calendars.patch'
  | 'calendars.update'
  | 'calendars.delete'
  | 'acl.insert'
  | 'acl.get'
  | 'acl.list'
  | 'acl.patch'
  | 'acl.update'
  | 'acl.delete'
  | 'calendarList.list'
  | 'calendarList.get';
export const RESOURCE_METHODS: readonly CalendarResourceMethod[] = [
  'calendars.insert',
  'calendars.get',
  'calendars.patch',
  'calendars.update',
  'calendars.delete',
  'acl.insert',
  'acl.get',
  'acl.list',
  'acl.patch',
  'acl.update',
  'acl.delete',
  'calendarList.list',
  'calendarList.get',
];

/** Access roles of the Calendar API, weakest first. */
export type AclRole = 'none' | 'freeBusyReader' | 'reader' | 'writer' | 'owner';
export const ACL_ROLES: readonly AclRole[] = ['none', 'freeBusyReader', 'reader', 'writer', 'owner'];
export type AclScopeType = 'default' | 'user' | 'group' | 'domain';

/** An ACL rule as the API returns it. */
export interface AclRule {
  kind: 'calendar#aclRule';
  etag: string;
  /** `user:ana@example.com`, `group:…`, `domain:example.com`, `default`. */
  id: string;
  scope: { type: AclScopeType; value?: string };
  role: AclRole;
}

/** A rule as stored, with what the API does not show. */
export interface StoredAclRule {
  id: string;
  scope: { type: AclScopeType; value?: string };
  role: AclRole;
  etag: string;
  /** `sendNotifications` of the acl.insert / update that set it (true when not sent, as Google's default). */
  sendNotifications: boolean;
}

export const roleRank = (role: AclRole): number => ACL_ROLES.indexOf(role);

/** `start` / `end` of an event resource. */
export interface EventDateTime {
  date?: string;
  dateTime?: string;
  timeZone?: string;
}

export interface ReminderOverride {
  method: string;
  minutes: number;
}

export interface ExtendedProperties {
  private?: Record<string, string>;
  shared?: Record<string, string>;
}

/** An event resource as the API returns it (the fields this emulator keeps). */
export interface CalendarEvent {
  kind: 'calendar#event';
  etag: string;
  id: string;
  status: EventStatus;
  htmlLink: string;
  created: string;
  updated: string;
  summary?: string;
  description?: string;
  location?: string;
  colorId?: string;
  creator: { email: string; self?: boolean };
  organizer: { email: string; displayName?: string; self?: boolean };
  start: EventDateTime;
  end: EventDateTime;
  transparency?: string;
  visibility?: string;
  iCalUID: string;
  sequence: number;
  extendedProperties?: ExtendedProperties;
  reminders: { useDefault: boolean; overrides?: ReminderOverride[] };
  source?: { url: string; title?: string };
  eventType: 'default';
}

/** A start or an end as stored: an instant (rendered in the response's zone) or an all-day date. */
export type EventTime = { kind: 'dateTime'; instant: number; timeZone?: string } | { kind: 'date'; date: string; timeZone?: string };

/** The writable content of an event, validated. */
export interface EventContent {
  status: EventStatus;
  start: EventTime;
  end: EventTime;
  summary?: string;
  description?: string;
  location?: string;
  colorId?: string;
  transparency?: string;
  visibility?: string;
  extendedProperties?: ExtendedProperties;
  reminders?: { useDefault: boolean; overrides?: ReminderOverride[] };
  source?: { url: string; title?: string };
  /** As sent by the client (checked against the stored one); absent when not sent. */
  sequence?: number;
}

export interface StoredEvent {
  id: string;
  calendarId: string;
  /** Creation order in the calendar (the default list order). */
  order: number;
  /** The change counter value of the last write (sync tokens). */
  seq: number;
  etag: string;
  created: number;
  updated: number;
  creatorEmail: string;
  sequence: number;
  content: Omit<EventContent, 'sequence'>;
}

/** How writes to a calendar are refused: Google's two reasons for a calendar the caller may only read. */
export type WriteDenial = 'forbidden' | 'requiredAccessLevel';

export interface CalendarRecord {
  /** The resolved id (`primary` is the account's email). */
  id: string;
  /** The owner's email (lower case): the account of a primary calendar, the creator of a secondary one. */
  owner: string;
  /** A user's primary calendar (id = email): it cannot be deleted. */
  primary: boolean;
  description?: string;
  location?: string;
  etag: string;
  /** ACL rules by id; the owner's own `user:` rule is among them. */
  acl: Map<string, StoredAclRule>;
  /** Sync tokens carry it; a new epoch (reset, invalidation) makes older tokens answer 410. */
  epoch: number;
  events: Map<string, StoredEvent>;
  timeZone: string;
  summary?: string;
  missing: boolean;
  writeDenied: WriteDenial | null;
  /** The change counter value of the last write to this calendar (0: none). */
  lastSeq: number;
  lastUpdated: number | null;
  nextOrder: number;
}

export interface CalendarQuota {
  /** Requests per user (the account a token acts as) per project per rolling 60 s of the emulator clock (Google: 600). */
  perUserPerMinute?: number;
  /** Requests per project (every token of one OAuth client, or of one service account's project) per rolling 60 s (Google: 10,000). */
  perProjectPerMinute?: number;
  /** Former name of {@link perUserPerMinute}. */
  perMinute?: number;
  /** `403` (default): 403 rateLimitExceeded as the Calendar API usually answers; `429`: RESOURCE_EXHAUSTED. */
  style?: '403' | '429';
  /** Same as `style`, as a number. */
  status?: 403 | 429;
  /** `rateLimitExceeded` (default) or `userRateLimitExceeded`. */
  reason?: 'rateLimitExceeded' | 'userRateLimitExceeded';
  /** Adds `Retry-After: <seconds>` to the refusals. */
  retryAfterSeconds?: number;
}

export interface CalendarFaultOptions {
  /** Probability (0..1) that a matching request gets a fault. */
  rate: number;
  kinds: readonly CalendarFaultKind[];
  /** Delay of the `latency` kind (default 1000 ms). */
  latencyMs?: number;
  /** PRNG seed: the same seed and the same request sequence give the same faults (default: random). */
  seed?: number;
  /** Only these API methods (`insert`, `get`, `list`, `patch`, `update`, `delete`) or HTTP verbs (`POST`, …); default all. */
  methods?: readonly string[];
  /** Stop after this many faults (default unlimited). */
  maxFaults?: number;
}

export type QuotaKind = 'user' | 'project';

export interface ActiveQuota {
  perUser: number | null;
  perProject: number | null;
  style: '403' | '429';
  reason: 'rateLimitExceeded' | 'userRateLimitExceeded';
  retryAfterSeconds?: number;
}

interface ActiveFaults {
  rate: number;
  kinds: CalendarFaultKind[];
  latencyMs: number;
  methods: Set<string> | null;
  random: () => number;
  remaining: number;
}

const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';
const zeroCounts = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** mulberry32: a small seeded PRNG, so that a test can replay the same faults. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The Calendar API's memory: calendars and their events, the change counter, quotas, faults and counters. */
export class CalendarState {
  private readonly calendars = new Map<string, CalendarRecord>();
  /** Global change counter: every write takes the next value (sync tokens compare against it). */
  private seq = 0;
  private epochs = 0;
  private lastEtag = 0n;

  quota: ActiveQuota | null = null;
  private readonly quotaWindows = new Map<string, number[]>();
  quotaRejections = 0;
  quotaRejectionsByKind: Record<QuotaKind, number> = { user: 0, project: 0 };
  /** Calendar API requests by the account they acted as (after the bearer check). */
  requestsBySubject = new Map<string, number>();

  private faults: ActiveFaults | null = null;
  latencyMs = 0;
  faultsInjected = zeroCounts(FAULT_KINDS);

  writeCount = 0;
  writesByMethod = zeroCounts(WRITE_METHODS);
  callsByMethod = zeroCounts(CALENDAR_METHODS);
  callsByResourceMethod = zeroCounts(RESOURCE_METHODS);

  constructor(
    readonly now: () => number,
    readonly directory: Directory,
  ) {
    directory.onRemove = (email) => this.calendars.delete(email);
  }

  // -- calendars -----------------------------------------------------------------------------

  /**
   * The calendar with this id, or undefined when there is none: a secondary calendar exists once
   * created; an account's primary calendar (id = its email) exists as long as the account does.
   */
  find(id: string): CalendarRecord | undefined {
    const c = this.calendars.get(id) ?? this.calendars.get(id.toLowerCase());
    if (c) return c;
    const account = this.directory.account(id);
    return account ? this.newCalendar(account.email, account.email, true) : undefined;
  }

  /** Creates a calendar owned by `owner` (a secondary one unless `primary`). */
  newCalendar(id: string, owner: string, primary: boolean, options: { summary?: string; timeZone?: string; description?: string; location?: string } = {}): CalendarRecord {
    const ownerEmail = owner.toLowerCase();
    const c: CalendarRecord = {
      id,
      owner: ownerEmail,
      primary,
      etag: this.nextEtag(),
      acl: new Map(),
      epoch: ++this.epochs,
      events: new Map(),
      timeZone: options.timeZone ?? 'UTC',
      summary: options.summary,
      description: options.description,
      location: options.location,
      missing: false,
      writeDenied: null,
      lastSeq: 0,
      lastUpdated: null,
      nextOrder: 0,
    };
    this.putRule(c, { type: 'user', value: ownerEmail }, 'owner', false);
    this.calendars.set(id, c);
    return c;
  }

  /** A new secondary calendar id, in Google's form. */
  newCalendarId(): string {
    for (;;) {
      const id = `c_${randomBytes(32).toString('hex')}@group.calendar.google.com`;
      if (!this.calendars.has(id)) return id;
    }
  }

  deleteCalendar(c: CalendarRecord): void {
    this.calendars.delete(c.id);
  }

  /** Every calendar that exists now (primary calendars only once they were used). */
  allCalendars(): CalendarRecord[] {
    return [...this.calendars.values()];
  }

  // -- access --------------------------------------------------------------------------------

  /** The rule id of a scope, as Google forms it. */
  static ruleId(scope: { type: AclScopeType; value?: string }): string {
    return scope.type === 'default' ? 'default' : `${scope.type}:${scope.value!.toLowerCase()}`;
  }

  putRule(c: CalendarRecord, scope: { type: AclScopeType; value?: string }, role: AclRole, sendNotifications: boolean): StoredAclRule {
    const normalized = scope.type === 'default' ? { type: scope.type } : { type: scope.type, value: scope.value!.toLowerCase() };
    const rule: StoredAclRule = { id: CalendarState.ruleId(normalized), scope: normalized, role, etag: this.nextEtag(), sendNotifications };
    c.acl.set(rule.id, rule);
    return rule;
  }

  /**
   * The caller's effective role on the calendar: the strongest of its owner status, its own
   * `user:` rule, its groups' rules, its domain's rule (for users of the domain) and the `default` rule.
   */
  roleOf(c: CalendarRecord, email: string): AclRole {
    const e = email.toLowerCase();
    if (c.owner === e) return 'owner';
    const ids = [`user:${e}`, 'default', ...this.directory.groupsOf(e).map((g) => `group:${g}`)];
    const account = this.directory.account(e);
    if (account?.kind === 'user') ids.push(`domain:${domainOf(e)}`);
    let best: AclRole = 'none';
    for (const id of ids) {
      const r = c.acl.get(id);
      if (r && roleRank(r.role) > roleRank(best)) best = r.role;
    }
    return best;
  }

  /** Later sync tokens of the calendar (all calendars without an id) answer 410 fullSyncRequired. */
  invalidateSyncTokens(id?: string): void {
    const one = id === undefined ? undefined : this.find(id);
    const targets = id === undefined ? [...this.calendars.values()] : one ? [one] : [];
    for (const c of targets) c.epoch = ++this.epochs;
  }

  // -- events --------------------------------------------------------------------------------

  /** 26 base32hex characters, as Google generates, unused in the calendar. */
  newEventId(c: CalendarRecord): string {
    for (;;) {
      const id = [...randomBytes(26)].map((b) => BASE32HEX[b & 31]).join('');
      if (!c.events.has(id)) return id;
    }
  }

  create(c: CalendarRecord, id: string, content: EventContent, creatorEmail: string): StoredEvent {
    const { sequence, ...rest } = content;
    const now = this.now();
    const ev: StoredEvent = {
      id,
      calendarId: c.id,
      order: c.nextOrder++,
      seq: 0,
      etag: '',
      created: now,
      updated: now,
      creatorEmail,
      sequence: sequence ?? 0,
      content: rest,
    };
    c.events.set(id, ev);
    this.touch(c, ev);
    return ev;
  }

  /** Replaces the content; the sequence goes up by one (or to the client's higher value). */
  modify(c: CalendarRecord, ev: StoredEvent, content: EventContent): void {
    const { sequence, ...rest } = content;
    ev.sequence = sequence !== undefined && sequence > ev.sequence ? sequence : ev.sequence + 1;
    ev.content = rest;
    this.touch(c, ev);
  }

  cancel(c: CalendarRecord, ev: StoredEvent): void {
    ev.content = { ...ev.content, status: 'cancelled' };
    this.touch(c, ev);
  }

  /** A write: new etag, `updated`, change counter. */
  private touch(c: CalendarRecord, ev: StoredEvent): void {
    const now = this.now();
    ev.updated = now;
    ev.etag = this.nextEtag();
    ev.seq = ++this.seq;
    c.lastSeq = ev.seq;
    c.lastUpdated = now;
  }

  /** The current value of the change counter (what a sync token issued now remembers). */
  currentSeq(): number {
    return this.seq;
  }

  /** A quoted 16-digit number that grows with every write, like Google's event etags. */
  nextEtag(): string {
    let n = BigInt(Math.floor(this.now())) * 2000n;
    if (n <= this.lastEtag) n = this.lastEtag + 1n;
    this.lastEtag = n;
    return `"${n}"`;
  }

  // -- quota ---------------------------------------------------------------------------------

  setQuota(q: CalendarQuota | null): void {
    if (q === null) {
      this.quota = null;
      this.quotaWindows.clear();
      return;
    }
    if (q.perMinute !== undefined && q.perUserPerMinute !== undefined) throw new TypeError('setQuota: perMinute is the former name of perUserPerMinute; give one of them');
    const perUser = q.perUserPerMinute ?? q.perMinute ?? null;
    const perProject = q.perProjectPerMinute ?? null;
    for (const [name, v] of [
      ['perUserPerMinute', perUser],
      ['perProjectPerMinute', perProject],
    ] as const) {
      if (v !== null && (!Number.isInteger(v) || v < 0)) throw new RangeError(`setQuota: ${name} must be an integer ≥ 0`);
    }
    if (perUser === null && perProject === null) throw new TypeError('setQuota: give perUserPerMinute and/or perProjectPerMinute (null lifts the quota)');
    if (q.style !== undefined && q.style !== '403' && q.style !== '429') throw new TypeError(`setQuota: unknown style "${String(q.style)}"`);
    if (q.status !== undefined && q.status !== 403 && q.status !== 429) throw new TypeError(`setQuota: unknown status "${String(q.status)}"`);
    if (q.style !== undefined && q.status !== undefined && q.style !== String(q.status)) throw new TypeError('setQuota: style and status disagree');
    if (q.reason !== undefined && q.reason !== 'rateLimitExceeded' && q.reason !== 'userRateLimitExceeded') throw new TypeError(`setQuota: unknown reason "${String(q.reason)}"`);
    if (q.retryAfterSeconds !== undefined && !(q.retryAfterSeconds >= 0)) throw new RangeError('setQuota: retryAfterSeconds must be ≥ 0');
    const style = q.style ?? (q.status === 429 ? '429' : '403');
    this.quota = { perUser, perProject, style, reason: q.reason ?? 'rateLimitExceeded', retryAfterSeconds: q.retryAfterSeconds };
    this.quotaWindows.clear();
  }

  /**
   * Counts a request of `user` (an account) within `project` against both buckets (the user's is per project, as Google's); answers which
   * bucket refused it (a refusal is counted and consumes nothing), or null when it may go on.
   */
  takeQuota(user: string, project: string): QuotaKind | null {
    const q = this.quota;
    if (!q) return null;
    const now = this.now();
    const windowOf = (key: string) => {
      const w = this.quotaWindows.get(key) ?? [];
      let drop = 0;
      while (drop < w.length && w[drop]! <= now - 60_000) drop++;
      if (drop) w.splice(0, drop);
      this.quotaWindows.set(key, w);
      return w;
    };
    const userWindow = q.perUser === null ? null : windowOf(`u\u0000${project}\u0000${user.toLowerCase()}`);
    const projectWindow = q.perProject === null ? null : windowOf(`p\u0000${project}`);
    let refused: QuotaKind | null = null;
    if (userWindow && userWindow.length >= q.perUser!) refused = 'user';
    else if (projectWindow && projectWindow.length >= q.perProject!) refused = 'project';
    if (refused) {
      this.quotaRejections++;
      this.quotaRejectionsByKind[refused]++;
      return refused;
    }
    userWindow?.push(now);
    projectWindow?.push(now);
    return null;
  }

  // -- faults --------------------------------------------------------------------------------

  injectFaults(o: CalendarFaultOptions): void {
    if (!(o.rate >= 0 && o.rate <= 1)) throw new RangeError('injectFaults: rate must be between 0 and 1');
    if (!Array.isArray(o.kinds) || o.kinds.length === 0) throw new TypeError('injectFaults: kinds must list at least one kind');
    const bad = o.kinds.find((k) => !FAULT_KINDS.includes(k));
    if (bad) throw new TypeError(`injectFaults: unknown kind "${String(bad)}" (expected ${FAULT_KINDS.join(', ')})`);
    if (o.latencyMs !== undefined && !(o.latencyMs >= 0)) throw new RangeError('injectFaults: latencyMs must be ≥ 0');
    if (o.maxFaults !== undefined && !(Number.isInteger(o.maxFaults) && o.maxFaults >= 0)) throw new RangeError('injectFaults: maxFaults must be an integer ≥ 0');
    this.faults = {
      rate: o.rate,
      kinds: [...o.kinds],
      latencyMs: o.latencyMs ?? 1000,
      methods: o.methods ? new Set(o.methods.map((m) => m.toLowerCase())) : null,
      random: seededRandom(o.seed ?? Math.floor(Math.random() * 2 ** 32)),
      remaining: o.maxFaults ?? Number.POSITIVE_INFINITY,
    };
  }

  clearFaults(): void {
    this.faults = null;
  }

  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('setLatency: ms must be a finite number ≥ 0');
    this.latencyMs = ms;
  }

  /** Decides whether this request gets a fault (and which); the caller counts it once it is applied. */
  drawFault(method: CalendarMethod | CalendarResourceMethod, httpMethod: string): { kind: CalendarFaultKind; latencyMs: number } | null {
    const f = this.faults;
    if (!f || f.remaining <= 0) return null;
    if (f.methods && !f.methods.has(method.toLowerCase()) && !f.methods.has(httpMethod.toLowerCase())) return null;
    if (!(f.random() < f.rate)) return null;
    f.remaining--;
    const kind = f.kinds[Math.min(f.kinds.length - 1, Math.floor(f.random() * f.kinds.length))]!;
    return { kind, latencyMs: f.latencyMs };
  }

  // -- reset ---------------------------------------------------------------------------------

  /** Forgets calendars, events, quotas, faults, latency and counters (sync tokens issued before answer 410). */
  reset(): void {
    this.calendars.clear();
    this.quota = null;
    this.quotaWindows.clear();
    this.quotaRejections = 0;
    this.quotaRejectionsByKind = { user: 0, project: 0 };
    this.requestsBySubject.clear();
    this.faults = null;
    this.latencyMs = 0;
    this.faultsInjected = zeroCounts(FAULT_KINDS);
    this.writeCount = 0;
    this.writesByMethod = zeroCounts(WRITE_METHODS);
    this.callsByMethod = zeroCounts(CALENDAR_METHODS);
    this.callsByResourceMethod = zeroCounts(RESOURCE_METHODS);
  }
}
