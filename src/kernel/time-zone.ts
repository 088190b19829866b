import { badUserInput } from './errors';

/** An IANA time zone name, or BAD_USER_INPUT naming `field`. */
export function checkTimeZone(timeZone: string, field = 'timeZone'): string {
  const tz = timeZone.trim();
  try {
    if (!tz) throw new Error('empty');
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return tz;
  } catch {
    throw badUserInput(`unknown time zone "${timeZone}" (expected an IANA name such as Europe/Bucharest)`, field);
  }
}
