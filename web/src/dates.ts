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

/** The wall-clock time of an instant in `timeZone`, as a floating ISO string (YYYY-MM-DDTHH:mm:ss). */
export function wallTime(instant: string | Date, timeZone: string): string {
  const p: Record<string, string> = {};
  for (const { type, value } of formatter(timeZone).formatToParts(new Date(instant))) p[type] = value;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}`;
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
