import { Gaxios } from 'gaxios';
import { GraphQLError } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import {
  classifyGoogleError,
  didNotAnswer,
  GoogleCallError,
  GoogleGarbageError,
  googleNotAuthorized,
  googleScopeMissing,
  googleUnavailable,
  MAX_RETRY_AFTER_MS,
  type ErrorClass,
} from '../google/google-errors';
import { backoffDelay, withRetry } from './retry-policy';

const TOKEN = 'ya29.secret-access-token';
const REFRESH = '1//secret-refresh-token';

/** A real GaxiosError, as googleapis throws it, for a Google answer with this status and body. */
async function googleError(status: number, body: unknown, headers: Record<string, string> = {}, url = 'https://www.googleapis.com/calendar/v3/calendars/primary/events'): Promise<unknown> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/html' : 'application/json';
  return fail({ status, headers: { 'content-type': type, ...headers }, text, url });
}

/** A real GaxiosError for a request that never got an answer (fetch's `TypeError: fetch failed` with a cause). */
async function networkError(cause: unknown): Promise<unknown> {
  return fail({ thrown: Object.assign(new TypeError('fetch failed'), { cause }) });
}

async function fail(o: { status?: number; headers?: Record<string, string>; text?: string; url?: string; thrown?: unknown }): Promise<unknown> {
  try {
    await new Gaxios().request({
      url: o.url ?? 'https://www.googleapis.com/calendar/v3/calendars/primary/events',
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}` },
      data: { refresh_token: REFRESH, summary: 'Meeting' },
      retry: false,
      fetchImplementation: async () => {
        if (o.thrown !== undefined) throw o.thrown;
        return new Response(o.text, { status: o.status, headers: o.headers });
      },
    });
  } catch (err) {
    return err;
  }
  throw new Error('the request was expected to fail');
}

/** A real gaxios request with a timeout, to a fetch that waits on the signal (as a server that never answers). */
async function gaxiosTimeout(timeout: number, signal?: AbortSignal): Promise<unknown> {
  try {
    await new Gaxios().request({
      url: 'https://www.googleapis.com/calendar/v3/calendars/primary/events',
      retry: false,
      timeout,
      signal,
      fetchImplementation: (_url, init) =>
        new Promise((_resolve, reject) => {
          const s = (init as { signal: AbortSignal }).signal;
          const abort = () => reject(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }));
          if (s.aborted) abort();
          else s.addEventListener('abort', abort);
        }),
    });
  } catch (err) {
    return err;
  }
  throw new Error('the request was expected to fail');
}

async function callerAbort(): Promise<unknown> {
  const controller = new AbortController();
  const pending = gaxiosTimeout(60_000, controller.signal);
  controller.abort(new Error('cancelled'));
  return pending;
}

const legacy = (code: number, reason: string, message: string, domain = 'global') => ({
  error: { code, message, errors: [{ domain, reason, message }] },
});
const socketError = (code: string) => Object.assign(new Error(`read ${code}`), { code });

function expectSafe(c: ErrorClass): void {
  const text = JSON.stringify(c);
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(REFRESH);
  expect(c.message.length).toBeLessThanOrEqual(300);
}

describe('classifyGoogleError', () => {
  const table: [string, () => Promise<unknown>, Pick<ErrorClass, 'kind' | 'code'> & { status?: number | null }][] = [
    [
      '429 RESOURCE_EXHAUSTED (People API)',
      () =>
        googleError(429, {
          error: {
            code: 429,
            message: "Quota exceeded for quota metric 'Critical read requests' and limit 'Critical read requests per minute per user'",
            status: 'RESOURCE_EXHAUSTED',
            details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'RATE_LIMIT_EXCEEDED', domain: 'googleapis.com' }],
          },
        }),
      { kind: 'transient', code: 'RATE_LIMIT_EXCEEDED', status: 429 },
    ],
    ['429 without a body', () => googleError(429, ''), { kind: 'transient', code: 'HTTP_429', status: 429 }],
    ['403 rateLimitExceeded', () => googleError(403, legacy(403, 'rateLimitExceeded', 'Rate Limit Exceeded', 'usageLimits')), { kind: 'transient', code: 'rateLimitExceeded' }],
    ['403 userRateLimitExceeded', () => googleError(403, legacy(403, 'userRateLimitExceeded', 'User Rate Limit Exceeded', 'usageLimits')), { kind: 'transient', code: 'userRateLimitExceeded' }],
    ['403 forbidden on a calendar', () => googleError(403, legacy(403, 'forbidden', 'Forbidden')), { kind: 'item', code: 'forbidden', status: 403 }],
    ['403 requiredAccessLevel', () => googleError(403, legacy(403, 'requiredAccessLevel', 'You need to have writer access to this calendar.')), { kind: 'item', code: 'requiredAccessLevel' }],
    [
      '403 insufficientPermissions (scope)',
      () =>
        googleError(403, {
          error: {
            code: 403,
            message: 'Request had insufficient authentication scopes.',
            status: 'PERMISSION_DENIED',
            errors: [{ domain: 'global', reason: 'insufficientPermissions', message: 'Insufficient Permission' }],
          },
        }),
      { kind: 'fatal', code: 'GOOGLE_SCOPE_MISSING', status: 403 },
    ],
    [
      '403 PERMISSION_DENIED about scopes, AIP-193 only',
      () => googleError(403, { error: { code: 403, message: 'Request had insufficient authentication scopes.', status: 'PERMISSION_DENIED' } }),
      { kind: 'fatal', code: 'GOOGLE_SCOPE_MISSING' },
    ],
    [
      '403 quotaExceeded (Calendar usage limits)',
      () => googleError(403, legacy(403, 'quotaExceeded', 'Calendar usage limits exceeded.', 'usageLimits')),
      { kind: 'fatal', code: 'GOOGLE_QUOTA_EXCEEDED' },
    ],
    ['403 dailyLimitExceeded', () => googleError(403, legacy(403, 'dailyLimitExceeded', 'Daily Limit Exceeded', 'usageLimits')), { kind: 'fatal', code: 'GOOGLE_QUOTA_EXCEEDED' }],
    [
      '403 accessNotConfigured',
      () => googleError(403, legacy(403, 'accessNotConfigured', 'Calendar API has not been used in project 1 before or it is disabled.', 'usageLimits')),
      { kind: 'fatal', code: 'GOOGLE_API_DISABLED' },
    ],
    ['401 invalid credentials', () => googleError(401, legacy(401, 'authError', 'Invalid Credentials')), { kind: 'fatal', code: 'GOOGLE_NOT_AUTHORIZED', status: 401 }],
    [
      'invalid_grant from the token endpoint',
      () => googleError(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }, {}, 'https://oauth2.googleapis.com/token'),
      { kind: 'fatal', code: 'GOOGLE_NOT_AUTHORIZED', status: 400 },
    ],
    [
      'invalid_client from the token endpoint',
      () => googleError(401, { error: 'invalid_client', error_description: 'Unauthorized' }, {}, 'https://oauth2.googleapis.com/token'),
      { kind: 'fatal', code: 'GOOGLE_AUTHORIZATION_FAILED' },
    ],
    ['400 invalid', () => googleError(400, legacy(400, 'invalid', 'Invalid start time.')), { kind: 'item', code: 'invalid', status: 400 }],
    ['404 notFound', () => googleError(404, legacy(404, 'notFound', 'Not Found')), { kind: 'item', code: 'notFound', status: 404 }],
    ['404 with an HTML body', () => googleError(404, '<html><body>Not Found</body></html>'), { kind: 'item', code: 'HTTP_404', status: 404 }],
    ['409 duplicate', () => googleError(409, legacy(409, 'duplicate', 'The requested identifier already exists.')), { kind: 'item', code: 'duplicate' }],
    ['410 deleted', () => googleError(410, legacy(410, 'deleted', 'Resource has been deleted')), { kind: 'item', code: 'deleted', status: 410 }],
    ['412 failedPrecondition', () => googleError(412, { error: { code: 412, message: 'Precondition failed', status: 'FAILED_PRECONDITION' } }), { kind: 'item', code: 'HTTP_412' }],
    ['408', () => googleError(408, ''), { kind: 'transient', code: 'HTTP_408' }],
    ['500 backendError', () => googleError(500, legacy(500, 'backendError', 'Backend Error')), { kind: 'transient', code: 'backendError', status: 500 }],
    ['502 with an HTML page', () => googleError(502, '<!DOCTYPE html><html><title>Error 502 (Server Error)!!1</title></html>'), { kind: 'transient', code: 'HTTP_502', status: 502 }],
    ['503', () => googleError(503, { error: { code: 503, message: 'The service is currently unavailable.', status: 'UNAVAILABLE' } }), { kind: 'transient', code: 'HTTP_503' }],
    ['ECONNRESET through fetch', () => networkError(socketError('ECONNRESET')), { kind: 'transient', code: 'ECONNRESET', status: null }],
    ['ETIMEDOUT through fetch', () => networkError(socketError('ETIMEDOUT')), { kind: 'transient', code: 'GOOGLE_TIMEOUT' }],
    ['undici socket error', () => networkError(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' })), { kind: 'transient', code: 'UND_ERR_SOCKET' }],
    ['a bare ENOTFOUND', async () => socketError('ENOTFOUND'), { kind: 'transient', code: 'ENOTFOUND' }],
    ['node-fetch request-timeout', async () => Object.assign(new Error('network timeout at: https://x'), { type: 'request-timeout' }), { kind: 'transient', code: 'GOOGLE_TIMEOUT' }],
    [
      'a gaxios timeout (AbortSignal.timeout)',
      async () => {
        const signal = AbortSignal.timeout(1);
        await new Promise((resolve) => signal.addEventListener('abort', resolve));
        return fail({ thrown: signal.reason });
      },
      { kind: 'transient', code: 'GOOGLE_TIMEOUT' },
    ],
    // What Node's fetch throws when gaxios' timeout signal fires: an AbortError, not a TimeoutError.
    ['a gaxios timeout (AbortError from fetch)', () => gaxiosTimeout(5), { kind: 'transient', code: 'GOOGLE_TIMEOUT' }],
    ['an abort of the caller (not a timeout)', () => callerAbort(), { kind: 'fatal', code: 'ABORTED' }],
    ['a 200 HTML page where JSON was expected', async () => new GoogleGarbageError('api', 200, 'text/html'), { kind: 'transient', code: 'GOOGLE_BAD_ANSWER', status: 200 }],
    ['fetch failed for a bug of ours', () => networkError(new Error('invalid header value')), { kind: 'fatal', code: 'INTERNAL' }],
    ['a plain Error', async () => new Error('boom'), { kind: 'fatal', code: 'INTERNAL', status: null }],
    ['a TypeError of our own', async () => new TypeError("Cannot read properties of undefined (reading 'id')"), { kind: 'fatal', code: 'INTERNAL' }],
    ['a thrown string', async () => 'oops', { kind: 'fatal', code: 'INTERNAL' }],
    ['GraphQLError GOOGLE_NOT_AUTHORIZED', async () => googleNotAuthorized('acme', 'invalid_grant'), { kind: 'fatal', code: 'GOOGLE_NOT_AUTHORIZED' }],
    ['GraphQLError GOOGLE_SCOPE_MISSING', async () => googleScopeMissing(['https://www.googleapis.com/auth/contacts']), { kind: 'fatal', code: 'GOOGLE_SCOPE_MISSING' }],
    ['GraphQLError GOOGLE_UNAVAILABLE', async () => googleUnavailable({ status: 503, error: 'http_503', description: null }), { kind: 'transient', code: 'GOOGLE_UNAVAILABLE' }],
    ['a GraphQLError without a code', async () => new GraphQLError('something'), { kind: 'fatal', code: 'INTERNAL' }],
  ];

  it.each(table)('%s', async (_name, make, expected) => {
    const c = classifyGoogleError(await make());
    expect(c).toMatchObject(expected);
    expectSafe(c);
  });

  it('says the status and Google message, not the request', async () => {
    const c = classifyGoogleError(await googleError(404, legacy(404, 'notFound', 'Not Found')));
    expect(c.message).toBe('HTTP 404 notFound: Not Found');
    const scope = classifyGoogleError(await googleError(403, legacy(403, 'insufficientPermissions', 'Insufficient Permission')));
    expect(scope.message).toMatch(/lacks a scope.*HTTP 403 insufficientPermissions: Insufficient Permission/);
    const grant = classifyGoogleError(await googleError(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }));
    expect(grant.message).toContain('invalid_grant: Token has been expired or revoked.');
    expect(classifyGoogleError(await networkError(socketError('ECONNRESET'))).message).toBe('Network error talking to Google (ECONNRESET)');
    expect(classifyGoogleError(await gaxiosTimeout(300)).message).toBe('Google did not answer within 0.3 s');
    expect([didNotAnswer(30_000), didNotAnswer(2500), didNotAnswer(null)]).toEqual(['Google did not answer within 30 s', 'Google did not answer within 2.5 s', 'Google did not answer in time']);
  });

  it('never shows what an internal error says (the log has it)', () => {
    const c = classifyGoogleError(Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' }));
    expect(c).toMatchObject({ kind: 'fatal', code: 'INTERNAL' });
    expect(c.message).not.toMatch(/Knex|pool/);
  });

  it('cuts long Google messages to 300 characters', async () => {
    const c = classifyGoogleError(await googleError(400, legacy(400, 'invalid', 'x'.repeat(1000))));
    expect(c.message.length).toBe(300);
  });

  it('reads Retry-After in seconds from a Headers instance', async () => {
    const c = classifyGoogleError(await googleError(429, '', { 'Retry-After': '7' }));
    expect(c.retryAfterMs).toBe(7000);
  });

  it('reads Retry-After as an HTTP date', async () => {
    const now = Date.parse('2026-03-02T10:00:00Z');
    const c = classifyGoogleError(await googleError(503, '', { 'Retry-After': 'Mon, 02 Mar 2026 10:00:30 GMT' }), now);
    expect(c.retryAfterMs).toBe(30_000);
    const past = classifyGoogleError(await googleError(503, '', { 'Retry-After': 'Mon, 02 Mar 2026 09:00:00 GMT' }), now);
    expect(past.retryAfterMs).toBe(0);
  });

  it('reads Retry-After from plain-object headers, caps it and ignores garbage', () => {
    const plain = (value: string) => ({ response: { status: 429, data: {}, headers: { 'retry-after': value } } });
    expect(classifyGoogleError({ response: { status: 429, data: {}, headers: { 'Retry-After': '120' } } }).retryAfterMs).toBe(120_000);
    expect(classifyGoogleError(plain('86400')).retryAfterMs).toBe(MAX_RETRY_AFTER_MS);
    expect(classifyGoogleError(plain('soon')).retryAfterMs).toBeNull();
    expect(classifyGoogleError({ response: { status: 429, data: {} } }).retryAfterMs).toBeNull();
  });

  it('keeps the class of a GoogleCallError', () => {
    const inner: ErrorClass = { kind: 'item', code: 'notFound', message: 'HTTP 404 notFound', status: 404, retryAfterMs: null };
    expect(classifyGoogleError(new GoogleCallError(inner, 1, new Error('x')))).toBe(inner);
  });
});

describe('backoffDelay', () => {
  it('doubles the cap from the base up to maxDelayMs', () => {
    const top = { baseDelayMs: 500, maxDelayMs: 32_000, random: () => 1 };
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50, 5000].map((a) => backoffDelay(a, top, null))).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 32_000, 32_000, 32_000, 32_000]);
  });

  it('jitters fully within [0, cap]', () => {
    expect(backoffDelay(3, { random: () => 0 }, null)).toBe(0);
    expect(backoffDelay(3, { random: () => 0.5 }, null)).toBe(1000);
    for (let i = 0; i < 500; i++) {
      const d = backoffDelay(4, {}, null);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(4000);
    }
  });

  it('waits at least Retry-After', () => {
    expect(backoffDelay(1, { random: () => 1 }, 7000)).toBe(7000);
    expect(backoffDelay(8, { random: () => 1 }, 7000)).toBe(32_000);
  });
});

describe('withRetry', () => {
  function fakeTime() {
    const sleeps: number[] = [];
    return { sleeps, sleep: async (ms: number) => void sleeps.push(ms), random: () => 1 };
  }

  it('succeeds after two transient failures', async () => {
    const time = fakeTime();
    const unavailable = await googleError(503, '');
    const fn = vi.fn(async (attempt: number) => {
      if (attempt < 3) throw unavailable;
      return 'ok';
    });
    const onRetry = vi.fn();
    await expect(withRetry(fn, { ...time, onRetry })).resolves.toBe('ok');
    expect(fn).toHaveBeenCalledTimes(3);
    expect(onRetry.mock.calls.map(([i]) => [i.attempt, i.delayMs, i.error.code])).toEqual([
      [1, 500, 'HTTP_503'],
      [2, 1000, 'HTTP_503'],
    ]);
    expect(time.sleeps).toEqual([500, 1000]);
  });

  it('gives up after maxAttempts with a GoogleCallError that holds the last error', async () => {
    const time = fakeTime();
    const limited = await googleError(403, legacy(403, 'rateLimitExceeded', 'Rate Limit Exceeded'));
    const fn = vi.fn(async () => {
      throw limited;
    });
    const err = (await withRetry(fn, { ...time, maxAttempts: 4 }).catch((e: unknown) => e)) as GoogleCallError;
    expect(err).toBeInstanceOf(GoogleCallError);
    expect(fn).toHaveBeenCalledTimes(4);
    expect(err.attempts).toBe(4);
    expect(err.errorClass).toMatchObject({ kind: 'transient', code: 'rateLimitExceeded' });
    expect(err.message).toBe('HTTP 403 rateLimitExceeded: Rate Limit Exceeded');
    expect(err.cause).toBe(limited);
    expect(JSON.stringify(err)).not.toContain(TOKEN);
    expect(time.sleeps).toEqual([500, 1000, 2000]);
  });

  it('never sleeps past maxTotalWaitMs', async () => {
    const time = fakeTime();
    const fn = vi.fn(async () => {
      throw await googleError(500, '');
    });
    const err = (await withRetry(fn, { ...time, baseDelayMs: 1000, maxTotalWaitMs: 2500 }).catch((e: unknown) => e)) as GoogleCallError;
    expect(time.sleeps).toEqual([1000]);
    expect(fn).toHaveBeenCalledTimes(2);
    expect(err.attempts).toBe(2);
  });

  it('honours Retry-After, and gives up when it does not fit in the budget', async () => {
    const time = fakeTime();
    const limited = await googleError(429, '', { 'Retry-After': '7' });
    let calls = 0;
    await withRetry(
      async () => {
        if (++calls === 1) throw limited;
      },
      { ...time, random: () => 0 },
    );
    expect(time.sleeps).toEqual([7000]);

    const tooLong = await googleError(429, '', { 'Retry-After': '300' });
    const fn = vi.fn(async () => {
      throw tooLong;
    });
    await expect(withRetry(fn, { ...time, maxTotalWaitMs: 60_000 })).rejects.toBeInstanceOf(GoogleCallError);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['item', () => googleError(404, legacy(404, 'notFound', 'Not Found'))],
    ['fatal', () => googleError(401, legacy(401, 'authError', 'Invalid Credentials'))],
    ['fatal', async () => new TypeError('a bug')],
  ])('does not retry a %s error', async (kind, make) => {
    const time = fakeTime();
    const error = await make();
    const fn = vi.fn(async () => {
      throw error;
    });
    const err = (await withRetry(fn, time).catch((e: unknown) => e)) as GoogleCallError;
    expect(fn).toHaveBeenCalledTimes(1);
    expect(err.errorClass.kind).toBe(kind);
    expect(err.attempts).toBe(1);
    expect(time.sleeps).toEqual([]);
  });

  it('takes a custom classifier', async () => {
    const fn = vi.fn(async () => {
      throw new Error('flaky');
    });
    const classify = (): ErrorClass => ({ kind: 'transient', code: 'FLAKY', message: 'flaky', status: null, retryAfterMs: null });
    await expect(withRetry(fn, { ...fakeTime(), classify, maxAttempts: 3 })).rejects.toMatchObject({ attempts: 3, errorClass: { code: 'FLAKY' } });
  });

  it('stops at once when the signal aborts during a (real) sleep', async () => {
    const controller = new AbortController();
    const reason = new Error('run cancelled');
    const unavailable = await googleError(503, '');
    const fn = vi.fn(async () => {
      throw unavailable;
    });
    const started = performance.now();
    const pending = withRetry(fn, { signal: controller.signal, baseDelayMs: 60_000, random: () => 1 });
    setTimeout(() => controller.abort(reason), 20);
    await expect(pending).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('throws an AbortError when aborted without a reason, and does not start when already aborted', async () => {
    const controller = new AbortController();
    const pending = withRetry(
      async () => {
        throw await googleError(503, '');
      },
      { signal: controller.signal, baseDelayMs: 60_000, random: () => 1 },
    );
    setTimeout(() => controller.abort(), 5);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    const fn = vi.fn(async () => 1);
    await expect(withRetry(fn, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(fn).not.toHaveBeenCalled();
  });
});
