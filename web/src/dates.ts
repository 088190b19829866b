/** Calendar arithmetic in the tenant's time zone (IANA), with local dates as YYYY-MM-DD strings. */

const partsCache = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    partsCache.set(timeZone, f);
  }
  return f;
}

function formattedWallTime(ms: number, timeZone: string): string {
  const p: Record<string, string> = {};
  for (const { type, value } of formatter(timeZone).formatToParts(new Date(ms))) p[type] = value;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
}

/**
 * UTC offsets by time zone and quarter hour: zones change offset only on a quarter hour, so one
 * Intl call per quarter hour serves every instant in it (a calendar of thousands of tasks needs
 * a few hundred calls instead of thousands).
 */
const offsets = new Map<string, number>();
const QUARTER = 15 * 60_000;

/** The wall-clock time of an instant in `timeZone`, as a floating ISO string (YYYY-MM-DDTHH:mm:ss). */
export function wallTime(instant: string | Date, timeZone: string): string {
  const ms = new Date(instant).getTime();
  const quarter = Math.floor(ms / QUARTER) * QUARTER;
  const key = `${timeZone}|${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 50_000) offsets.clear();
    offset = Date.parse(`${formattedWallTime(quarter, timeZone)}Z`) - quarter;
    offsets.set(key, offset);
  }
  const shown = new Date(ms + offset);
  // Seconds come from the instant itself (the offset is whole minutes), milliseconds are dropped.
  return shown.toISOString().slice(0, 19);
}

const asUtc = (floating: string) => Date.parse(`${floating.length === 16 ? `${floating}:00` : floating}Z`);

/** The instant at which `timeZone`'s clocks show `floating` (YYYY-MM-DDTHH:mm[:ss]); gaps resolve forward. */
export function zonedToInstant(floating: string, timeZone: string): Date {
  const target = asUtc(floating);
  let guess = target;
  for (let i = 0; i < 3; i++) {
    const shown = asUtc(wallTime(new Date(guess), timeZone));
    if (shown === target) break;
    guess += target - shown;
  }
  return new Date(guess);
}

export const today = (timeZone: string) => wallTime(new Date(), timeZone).slice(0, 10);

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function addMonths(date: string, n: number): string {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
}

/** Monday on or before `date` (ISO weeks). */
export function startOfWeek(date: string): string {
  const dow = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -dow);
}

export const startOfMonth = (date: string) => `${date.slice(0, 7)}-01`;
