/** Calendar arithmetic in a tenant's IANA time zone, on top of Intl (no library). */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalDateParts {
  year: number;
  month: number; // 1-12
  day: number;
}

/** The wall-clock parts of an instant in a zone. */
export function localParts(instant: Date, timeZone: string): LocalDateParts & { hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** Offset of the zone from UTC at an instant, in ms (Bucharest summer: +3 h). */
export function zoneOffsetMs(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant at which a local date starts (00:00 there), DST-aware. */
export function startOfLocalDay(date: LocalDateParts, timeZone: string): Date {
  const guess = Date.UTC(date.year, date.month - 1, date.day);
  let t = guess - zoneOffsetMs(new Date(guess), timeZone);
  // Once more with the offset at the candidate (DST may differ between the guess and midnight).
  t = guess - zoneOffsetMs(new Date(t), timeZone);
  return new Date(t);
}

export function parseLocalDate(value: string): LocalDateParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw new Error(`not a local date: ${value}`);
  const parts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
  if (check.getUTCFullYear() !== parts.year || check.getUTCMonth() !== parts.month - 1 || check.getUTCDate() !== parts.day) {
    throw new Error(`not a calendar date: ${value}`);
  }
  return parts;
}

export function formatLocalDate(d: LocalDateParts): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Adds days to a local date (pure calendar arithmetic). */
export function addDays(d: LocalDateParts, days: number): LocalDateParts {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export function addMonths(d: LocalDateParts, months: number): LocalDateParts {
  const t = new Date(Date.UTC(d.year, d.month - 1 + months, 1));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: 1 };
}

/** ISO weekday, Monday = 1 … Sunday = 7. */
export function isoWeekday(d: LocalDateParts): number {
  const w = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO week label, e.g. 2026-W13 (the week's Thursday decides the year). */
export function isoWeekLabel(monday: LocalDateParts): string {
  const thursday = addDays(monday, 3);
  const jan1 = Date.UTC(thursday.year, 0, 1);
  const week = Math.floor((Date.UTC(thursday.year, thursday.month - 1, thursday.day) - jan1) / 86_400_000 / 7) + 1;
  return `${thursday.year}-W${String(week).padStart(2, '0')}`;
}

export type PeriodUnit = 'DAY' | 'WEEK' | 'MONTH';

export interface Period {
  key: string;
  label: string;
  start: Date;
  end: Date;
}

/** The local calendar periods (days, ISO weeks from Monday, months) that overlap [from, to). */
export function periodsBetween(from: Date, to: Date, unit: PeriodUnit, timeZone: string): Period[] {
  const first = localParts(from, timeZone);
  let cursor: LocalDateParts = { year: first.year, month: first.month, day: first.day };
  if (unit === 'WEEK') cursor = addDays(cursor, 1 - isoWeekday(cursor));
  if (unit === 'MONTH') cursor = { year: cursor.year, month: cursor.month, day: 1 };
  const next = (d: LocalDateParts) => (unit === 'DAY' ? addDays(d, 1) : unit === 'WEEK' ? addDays(d, 7) : addMonths(d, 1));
  const periods: Period[] = [];
  let start = startOfLocalDay(cursor, timeZone);
  while (start < to) {
    const following = next(cursor);
    const end = startOfLocalDay(following, timeZone);
    const key = unit === 'DAY' ? formatLocalDate(cursor) : unit === 'WEEK' ? isoWeekLabel(cursor) : formatLocalDate(cursor).slice(0, 7);
    periods.push({ key, label: key, start, end });
    cursor = following;
    start = end;
  }
  return periods;
}
