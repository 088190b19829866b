import { describe, expect, it } from 'vitest';
import { isoWeekLabel, parseLocalDate, periodsBetween, startOfLocalDay, zoneOffsetMs } from './zoned-time';

const TZ = 'Europe/Bucharest';
const hours = (p: { start: Date; end: Date }) => (p.end.getTime() - p.start.getTime()) / 3_600_000;

describe('zoned time in Europe/Bucharest', () => {
  it('knows the offsets around the DST changes of 2026', () => {
    expect(zoneOffsetMs(new Date('2026-01-15T12:00:00Z'), TZ)).toBe(2 * 3600_000);
    expect(zoneOffsetMs(new Date('2026-07-15T12:00:00Z'), TZ)).toBe(3 * 3600_000);
  });

  it('starts local days at local midnight', () => {
    expect(startOfLocalDay(parseLocalDate('2026-03-29'), TZ).toISOString()).toBe('2026-03-28T22:00:00.000Z');
    expect(startOfLocalDay(parseLocalDate('2026-03-30'), TZ).toISOString()).toBe('2026-03-29T21:00:00.000Z');
    expect(startOfLocalDay(parseLocalDate('2026-10-25'), TZ).toISOString()).toBe('2026-10-24T21:00:00.000Z');
    expect(startOfLocalDay(parseLocalDate('2026-10-26'), TZ).toISOString()).toBe('2026-10-25T22:00:00.000Z');
  });

  it('makes 23-hour and 25-hour days on DST change days', () => {
    const march = periodsBetween(new Date('2026-03-28T22:00:00Z'), new Date('2026-03-30T21:00:00Z'), 'DAY', TZ);
    expect(march.map((p) => [p.key, hours(p)])).toEqual([
      ['2026-03-29', 23],
      ['2026-03-30', 24],
    ]);
    const october = periodsBetween(new Date('2026-10-24T21:00:00Z'), new Date('2026-10-25T22:00:00Z'), 'DAY', TZ);
    expect(october.map((p) => [p.key, hours(p)])).toEqual([['2026-10-25', 25]]);
  });

  it('starts weeks on Monday and months on the first, across year ends', () => {
    const weeks = periodsBetween(new Date('2026-12-30T10:00:00Z'), new Date('2027-01-12T10:00:00Z'), 'WEEK', TZ);
    expect(weeks.map((p) => p.key)).toEqual(['2026-W53', '2027-W01', '2027-W02']);
    expect(weeks[0]!.start.toISOString()).toBe('2026-12-27T22:00:00.000Z'); // Monday 28 Dec, 00:00 local
    const months = periodsBetween(new Date('2026-01-31T10:00:00Z'), new Date('2026-03-01T10:00:00Z'), 'MONTH', TZ);
    expect(months.map((p) => [p.key, p.start.toISOString()])).toEqual([
      ['2026-01', '2025-12-31T22:00:00.000Z'],
      ['2026-02', '2026-01-31T22:00:00.000Z'],
      ['2026-03', '2026-02-28T22:00:00.000Z'],
    ]);
    expect(isoWeekLabel(parseLocalDate('2026-03-23'))).toBe('2026-W13');
  });

  it('rejects dates that do not exist', () => {
    expect(() => parseLocalDate('2026-02-30')).toThrow();
    expect(() => parseLocalDate('2026-2-3')).toThrow();
  });
});
