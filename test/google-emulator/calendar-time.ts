/** Times as the Calendar API reads and writes them: RFC 3339 instants, local times in an IANA zone, all-day dates. */

/** A wall-clock time without a zone. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DDTHH:mm:ss[.fff]` with an optional offset (`Z`, `±hh:mm`); `offsetMs` is null for a local time. */
export function parseDateTime(s: string): { local: LocalDateTime; offsetMs: number | null } | null {
  const m = DATE_TIME.exec(s);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const ms = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
  let offsetMs: number | null = null;
  const off = m[8];
  if (off !== undefined) {
    if (off === 'Z' || off === 'z') offsetMs = 0;
    else {
      const oh = Number(off.slice(1, 3));
      const om = Number(off.slice(4, 6));
      if (oh > 23 || om > 59) return null;
      offsetMs = (off[0] === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
    }
  }
  return { local: { year, month, day, hour, minute, second, ms }, offsetMs };
}

/** An RFC 3339 timestamp that carries an offset, as milliseconds since the epoch; null otherwise. */
export function parseInstant(s: string): number | null {
  const p = parseDateTime(s);
  return p && p.offsetMs !== null ? localAsUtc(p.local) - p.offsetMs : null;
}

/** `YYYY-MM-DD` (a real calendar day). */
export function isDate(s: string): boolean {
  const m = DATE.exec(s);
  return !!m && validDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function dateToLocal(s: string): LocalDateTime {
  const [year, month, day] = s.split('-').map(Number) as [number, number, number];
  return { year, month, day, hour: 0, minute: 0, second: 0, ms: 0 };
}

function validDate(y: number, mo: number, d: number): boolean {
  if (y < 1 || mo < 1 || mo > 12 || d < 1) return false;
  const t = new Date(Date.UTC(2000, mo - 1, d));
  t.setUTCFullYear(y);
  return t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** The wall-clock time read as if it were UTC. */
function localAsUtc(l: LocalDateTime): number {
  const d = new Date(Date.UTC(2000, l.month - 1, l.day, l.hour, l.minute, l.second, l.ms));
  d.setUTCFullYear(l.year);
  return d.getTime();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether `zone` is an IANA time zone name this runtime knows. */
export function isTimeZone(zone: string): boolean {
  if (!zone || /^[+-]/.test(zone)) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    formatters.delete(zone);
    return false;
  }
}

/** The offset of `zone` from UTC at `instant`, in milliseconds. */
export function zoneOffsetMs(instant: number, zone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const parts: Record<string, string> = {};
  for (const p of formatter(zone).formatToParts(new Date(whole))) parts[p.type] = p.value;
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - Number(parts.year) : Number(parts.year);
  const local = localAsUtc({
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    ms: 0,
  });
  return local - whole;
}

/** The instant a wall-clock time denotes in `zone` (a time skipped by a DST change moves forward, as Google does). */
export function localToInstant(local: LocalDateTime, zone: string): number {
  const guess = localAsUtc(local);
  const first = zoneOffsetMs(guess, zone);
  const t = guess - first;
  const second = zoneOffsetMs(t, zone);
  return second === first ? t : guess - Math.min(first, second);
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu', 'Universal', 'Zulu']);

/** `YYYY-MM-DDTHH:mm:ss±hh:mm` in `zone` (whole seconds; `Z` for a UTC zone), the way event times come back. */
export function formatInZone(instant: number, zone: string): string {
  const offset = UTC_ZONES.has(zone) ? 0 : zoneOffsetMs(instant, zone);
  const d = new Date(Math.floor(instant / 1000) * 1000 + offset);
  const y = d.getUTCFullYear();
  const base = `${y < 0 ? '-' : ''}${pad(y, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (UTC_ZONES.has(zone)) return `${base}Z`;
  const minutes = Math.round(offset / 60_000);
  return `${base}${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** `YYYY-MM-DDTHH:mm:ss.sssZ`: `created`, `updated` and a list's `updated`. */
export function rfc3339Ms(instant: number): string {
  return new Date(instant).toISOString();
}
