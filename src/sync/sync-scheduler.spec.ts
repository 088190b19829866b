import { describe, expect, it } from 'vitest';
import { shortestCronInterval } from './sync-scheduler';

const monday = new Date('2026-03-23T10:00:00Z');

describe('shortestCronInterval', () => {
  it('finds the shortest gap between consecutive firings', () => {
    expect(shortestCronInterval('*/5 * * * *', 'UTC', monday)).toBe(300);
    expect(shortestCronInterval('0,3 * * * *', 'UTC', monday)).toBe(180);
    expect(shortestCronInterval('*/10 * * * * *', 'UTC', monday)).toBe(10);
    expect(shortestCronInterval('0 2 * * 1-5', 'UTC', monday)).toBe(86_400);
  });

  it('sees a short gap that only comes once a year', () => {
    expect(shortestCronInterval('0,1 0 1 1 *', 'Europe/Bucharest', monday)).toBe(60);
  });

  it('measures real time across a daylight-saving change', () => {
    // 29 March 2026, Bucharest: 03:00 becomes 04:00; hourly firings stay an hour apart.
    expect(shortestCronInterval('0 * * * *', 'Europe/Bucharest', new Date('2026-03-28T00:00:00Z'))).toBe(3600);
  });
});
