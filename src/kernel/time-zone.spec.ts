import { describe, expect, it } from 'vitest';
import { DomainError } from './errors';
import { checkTimeZone, useDatabaseTimeZones } from './time-zone';

const refused = (tz: string) => {
  try {
    checkTimeZone(tz, 'zone');
  } catch (err) {
    return err instanceof DomainError && err.code === 'BAD_USER_INPUT' && err.details.field === 'zone';
  }
  return false;
};

describe('checkTimeZone', () => {
  it('returns the canonical name of zones both sides know', () => {
    useDatabaseTimeZones(['UTC', 'Etc/UTC', 'Europe/Bucharest', 'America/Los_Angeles', 'US/Pacific']);
    expect(checkTimeZone(' europe/bucharest ')).toBe('Europe/Bucharest');
    expect(checkTimeZone('US/Pacific')).toBe('America/Los_Angeles');
    expect(checkTimeZone('Etc/UTC')).toBe('UTC');
    expect(checkTimeZone('utc')).toBe('UTC');
  });

  it('refuses abbreviations, POSIX names and names one side does not know', () => {
    useDatabaseTimeZones(['UTC', 'Europe/Bucharest', 'EST5EDT', 'posix/Europe/Bucharest', 'Atlantis/Nowhere']);
    for (const tz of ['PST', 'EST5EDT', 'GMT', 'posix/Europe/Bucharest', 'US/Pacific', 'Atlantis/Nowhere', '', ' ', 'Europe/Bucharest\u0000', 'a'.repeat(100)]) {
      expect(refused(tz), tz).toBe(true);
    }
  });
});
