import { badUserInput } from './errors';

/**
 * The zone names PostgreSQL knows (`pg_timezone_names`), by lower-cased name, read once at start-up
 * (useDatabaseTimeZones). Until then only JavaScript's zones are checked.
 */
let databaseZones: ReadonlyMap<string, string> | null = null;

/** Hands over PostgreSQL's zone names (`SELECT name FROM pg_timezone_names`). */
export function useDatabaseTimeZones(names: Iterable<string>): void {
  const zones = new Map<string, string>();
  for (const name of names) zones.set(name.toLowerCase(), name);
  databaseZones = zones;
}

/** Names of compiled-zone folders and files in PostgreSQL's list that are not zones to store. */
const NOT_A_ZONE = /^(posix|right)\/|^(posixrules|localtime|factory)$/i;

/** JavaScript's canonical name of a zone, or null when Intl does not know it. */
function intlName(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * One validator for every time-zone argument: an IANA zone (Area/Location, or UTC) that both
 * JavaScript (Intl) and PostgreSQL know, so that both compute the same local times. Returns the
 * canonical name to store (Intl's, e.g. `europe/bucharest` → `Europe/Bucharest`, `US/Pacific` →
 * `America/Los_Angeles`). Abbreviations and POSIX-style names (`PST`, `EST5EDT`), names only one of
 * the two knows (`US/Pacific-New`) and anything else are BAD_USER_INPUT naming `field`.
 */
export function checkTimeZone(timeZone: string, field = 'timeZone'): string {
  const refuse = () => badUserInput(`unknown time zone "${timeZone.slice(0, 100)}" (expected an IANA name such as Europe/Bucharest or UTC)`, field);
  const name = timeZone.trim();
  if (!name || name.length > 64 || !/^[A-Za-z0-9_+\-/]+$/.test(name) || NOT_A_ZONE.test(name)) throw refuse();
  if (!name.includes('/') && name.toUpperCase() !== 'UTC') throw refuse();
  const pgName = databaseZones ? databaseZones.get(name.toLowerCase()) : name;
  if (!pgName) throw refuse();
  const canonical = intlName(pgName);
  if (!canonical) throw refuse();
  // Intl's canonical name, when PostgreSQL knows it too (it knows the IANA links); else PostgreSQL's spelling.
  if (!databaseZones || databaseZones.get(canonical.toLowerCase()) === canonical) return canonical;
  return pgName;
}
