import { randomBytes } from 'node:crypto';

export type EventStatus = 'confirmed' | 'tentative' | 'cancelled';
/** The API methods of `events` the emulator serves. */
export type CalendarMethod = 'insert' | 'get' | 'list' | 'patch' | 'update' | 'delete';
export type CalendarWriteMethod = 'insert' | 'patch' | 'update' | 'delete';
export type CalendarFaultKind = '5xx' | 'reset' | 'lostResponse' | 'latency';

export const CALENDAR_METHODS: readonly CalendarMethod[] = ['insert', 'get', 'list', 'patch', 'update', 'delete'];
export const WRITE_METHODS: readonly CalendarWriteMethod[] = ['insert', 'patch', 'update', 'delete'];
export const FAULT_KINDS: readonly CalendarFaultKind[] = ['5xx', 'reset', 'lostResponse', 'latency'];

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
  /** Requests per user (authenticated account) per rolling 60 s of the emulator clock. */
  perMinute: number;
  /** `403` (default): 403 rateLimitExceeded as the Calendar API usually answers; `429`: RESOURCE_EXHAUSTED. */
  style?: '403' | '429';
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

  quota: (Required<Omit<CalendarQuota, 'retryAfterSeconds'>> & { retryAfterSeconds?: number }) | null = null;
  private readonly quotaWindows = new Map<string, number[]>();
  quotaRejections = 0;

  private faults: ActiveFaults | null = null;
  latencyMs = 0;
  faultsInjected = zeroCounts(FAULT_KINDS);

  writeCount = 0;
  writesByMethod = zeroCounts(WRITE_METHODS);
  callsByMethod = zeroCounts(CALENDAR_METHODS);

  constructor(readonly now: () => number) {}

  // -- calendars -----------------------------------------------------------------------------

  /** The calendar, created on first use (any id exists unless marked missing). */
  calendar(id: string): CalendarRecord {
    let c = this.calendars.get(id);
    if (!c) {
      c = { id, epoch: ++this.epochs, events: new Map(), timeZone: 'UTC', missing: false, writeDenied: null, lastSeq: 0, lastUpdated: null, nextOrder: 0 };
      this.calendars.set(id, c);
    }
    return c;
  }

  peekCalendar(id: string): CalendarRecord | undefined {
    return this.calendars.get(id);
  }

  /** Later sync tokens of the calendar (all calendars without an id) answer 410 fullSyncRequired. */
  invalidateSyncTokens(id?: string): void {
    const targets = id === undefined ? [...this.calendars.values()] : [this.calendar(id)];
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
    if (!Number.isInteger(q.perMinute) || q.perMinute < 0) throw new RangeError('setQuota: perMinute must be an integer ≥ 0');
    if (q.style !== undefined && q.style !== '403' && q.style !== '429') throw new TypeError(`setQuota: unknown style "${String(q.style)}"`);
    if (q.retryAfterSeconds !== undefined && !(q.retryAfterSeconds >= 0)) throw new RangeError('setQuota: retryAfterSeconds must be ≥ 0');
    this.quota = { perMinute: q.perMinute, style: q.style ?? '403', reason: q.reason ?? 'rateLimitExceeded', retryAfterSeconds: q.retryAfterSeconds };
    this.quotaWindows.clear();
  }

  /** Counts a request of `user` against the quota; false (and a rejection counted) when the window is full. */
  takeQuota(user: string): boolean {
    if (!this.quota) return true;
    const now = this.now();
    const window = (this.quotaWindows.get(user) ?? []).filter((t) => t > now - 60_000);
    this.quotaWindows.set(user, window);
    if (window.length >= this.quota.perMinute) {
      this.quotaRejections++;
      return false;
    }
    window.push(now);
    return true;
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
  drawFault(method: CalendarMethod, httpMethod: string): { kind: CalendarFaultKind; latencyMs: number } | null {
    const f = this.faults;
    if (!f || f.remaining <= 0) return null;
    if (f.methods && !f.methods.has(method) && !f.methods.has(httpMethod.toLowerCase())) return null;
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
    this.faults = null;
    this.latencyMs = 0;
    this.faultsInjected = zeroCounts(FAULT_KINDS);
    this.writeCount = 0;
    this.writesByMethod = zeroCounts(WRITE_METHODS);
    this.callsByMethod = zeroCounts(CALENDAR_METHODS);
  }
}
