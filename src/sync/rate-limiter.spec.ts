import { afterEach, describe, expect, it, vi } from 'vitest';
import { RateLimiter, TokenBucket } from './rate-limiter';

/** A clock that only moves when somebody sleeps on it. */
function fakeClock() {
  const clock = {
    t: 0,
    sleeps: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('TokenBucket', () => {
  it('paces 5 takes at 60/min with burst 1 over 4 seconds', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ ratePerMinute: 60, burst: 1, now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 5; i++) await bucket.take();
    expect(clock.t).toBe(4000);
  });

  it('serves concurrent waiters first come, first served', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ ratePerMinute: 60, burst: 1, now: clock.now, sleep: clock.sleep });
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3, 4].map((i) => bucket.take().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(clock.t).toBe(4000);
  });

  it('does not let tryTake jump the queue', async () => {
    vi.useFakeTimers();
    const bucket = new TokenBucket({ ratePerMinute: 60, burst: 1, now: () => Date.now() });
    expect(bucket.tryTake()).toBe(true);
    const waiting = bucket.take();
    await vi.advanceTimersByTimeAsync(999);
    expect(bucket.tryTake()).toBe(false);
    expect(bucket.available()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    await vi.advanceTimersByTimeAsync(1000);
    expect(bucket.available()).toBe(1);
    expect(bucket.tryTake()).toBe(true);
  });

  it('allows a burst after a quiet spell, then the rate', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket({ ratePerMinute: 600, now: clock.now, sleep: clock.sleep });
    expect(bucket.available()).toBe(10); // default burst: one second's worth
    for (let i = 0; i < 10; i++) expect(bucket.tryTake()).toBe(true);
    expect(bucket.tryTake()).toBe(false);
    await bucket.take();
    expect(clock.t).toBe(100);
    clock.t += 60_000;
    expect(bucket.available()).toBe(10);
  });

  it('defaults the burst to 1 below 60 per minute', () => {
    const bucket = new TokenBucket({ ratePerMinute: 30, now: () => 0 });
    expect(bucket.available()).toBe(1);
  });

  it('removes an aborted waiter and serves the next one in its place', async () => {
    vi.useFakeTimers();
    const bucket = new TokenBucket({ ratePerMinute: 60, burst: 1, now: () => Date.now() });
    await bucket.take();
    const done: string[] = [];
    const controller = new AbortController();
    const reason = new Error('cancelled');
    const a = bucket.take().then(() => done.push('a'));
    const b = bucket.take(controller.signal).then(
      () => done.push('b'),
      (err: unknown) => done.push(err === reason ? 'b aborted' : 'b failed'),
    );
    const c = bucket.take().then(() => done.push('c'));
    controller.abort(reason);
    await b;
    await vi.advanceTimersByTimeAsync(1000);
    await a;
    await vi.advanceTimersByTimeAsync(1000);
    await c;
    expect(done).toEqual(['b aborted', 'a', 'c']);
  });

  it('rejects at once with an already aborted signal, and leaves no timer once every waiter is gone', async () => {
    vi.useFakeTimers();
    const bucket = new TokenBucket({ ratePerMinute: 1, burst: 1, now: () => Date.now() });
    await expect(bucket.take(AbortSignal.abort(new Error('early')))).rejects.toThrow('early');
    await bucket.take();
    const controller = new AbortController();
    const waiting = bucket.take(controller.signal);
    await vi.advanceTimersByTimeAsync(10);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('fails the waiters rather than hang when its sleep breaks', async () => {
    const bucket = new TokenBucket({ ratePerMinute: 60, burst: 1, now: () => 0, sleep: () => Promise.reject(new Error('broken sleep')) });
    await bucket.take();
    await expect(bucket.take()).rejects.toThrow('broken sleep');
  });

  it('rejects a rate or burst that is not positive', () => {
    expect(() => new TokenBucket({ ratePerMinute: 0 })).toThrow(RangeError);
    expect(() => new TokenBucket({ ratePerMinute: Number.NaN })).toThrow(RangeError);
    expect(() => new TokenBucket({ ratePerMinute: 60, burst: 0.5 })).toThrow(RangeError);
  });
});

describe('RateLimiter', () => {
  it("keeps tenants' and APIs' buckets apart", async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ people: 60, calendar: 600 }, clock);
    await limiter.take('acme', 'people');
    await limiter.take('globex', 'people');
    await limiter.take('acme', 'calendar');
    expect(clock.t).toBe(0);
    await limiter.take('acme', 'people');
    expect(clock.t).toBe(1000);
  });

  it('starts a forgotten tenant afresh', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ people: 60, calendar: 600 }, clock);
    await limiter.take('acme', 'people');
    limiter.forgetTenant('acme');
    await limiter.take('acme', 'people');
    expect(clock.t).toBe(0);
  });

  it('applies setLimit to existing buckets', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ people: 60, calendar: 600 }, clock);
    await limiter.take('acme', 'people');
    limiter.setLimit('people', 6);
    await limiter.take('acme', 'people');
    expect(clock.t).toBe(10_000);
    expect(limiter.limit('people')).toBe(6);
    expect(() => limiter.setLimit('people', -1)).toThrow(RangeError);
  });

  it('refuses an API no module declared', () => {
    const limiter = new RateLimiter({ calendar: 600 });
    expect(() => limiter.take('acme', 'drive')).toThrow(RangeError);
    expect(() => limiter.setLimit('drive', 5)).toThrow(/no enabled module declares it/);
  });
});

describe('RateLimiter per acting user and per project', () => {
  it('gives each impersonated user a bucket of its own: a busy user does not slow another', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ calendar: 60 }, clock);
    await limiter.take('acme', 'calendar', undefined, 'ana@x.test');
    await limiter.take('acme', 'calendar', undefined, 'ana@x.test');
    expect(clock.t).toBe(1000);
    await limiter.take('acme', 'calendar', undefined, 'bob@x.test');
    await limiter.take('acme', 'calendar');
    expect(clock.t).toBe(1000);
  });

  it('also paces every user of a tenant together by the project-wide limit', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ calendar: 600 }, clock, { calendar: 120 });
    expect(limiter.projectLimit('calendar')).toBe(120);
    for (const user of ['a', 'b', 'c', 'd']) await limiter.take('acme', 'calendar', undefined, user);
    // Burst 2, then one every 500 ms; other tenants have their own project bucket.
    expect(clock.t).toBe(1000);
    await limiter.take('other', 'calendar', undefined, 'a');
    expect(clock.t).toBe(1000);
  });

  it('changes the per-user rate of every user bucket, not the project one', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ calendar: 60 }, clock, { calendar: 60_000 });
    await limiter.take('acme', 'calendar', undefined, 'ana');
    limiter.setLimit('calendar', 120);
    await limiter.take('acme', 'calendar', undefined, 'ana');
    await limiter.take('acme', 'calendar', undefined, 'ana');
    expect(clock.t).toBe(1000);
    expect(() => limiter.setProjectLimit('calendar', 0)).toThrow(RangeError);
  });
});
