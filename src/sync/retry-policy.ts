import { classifyGoogleError, GoogleCallError, type ErrorClass } from '../google/google-errors';

export interface RetryOptions {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** The most time spent sleeping between attempts, all retries together (calls do not count). */
  maxTotalWaitMs: number;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** The clock (ms since the epoch) that an HTTP-date `Retry-After` is read against. */
  now?: () => number;
}

export const DEFAULT_RETRY_OPTIONS: Readonly<RetryOptions> = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 32_000,
  maxTotalWaitMs: 120_000,
};

/** Full-jitter exponential backoff for the retry after `attempt`, never shorter than `Retry-After`. */
export function backoffDelay(attempt: number, opts: Partial<RetryOptions> = {}, retryAfterMs: number | null = null): number {
  const base = opts.baseDelayMs ?? DEFAULT_RETRY_OPTIONS.baseDelayMs;
  const cap = Math.min(opts.maxDelayMs ?? DEFAULT_RETRY_OPTIONS.maxDelayMs, base * 2 ** Math.min(Math.max(attempt, 1) - 1, 30));
  const jittered = Math.round((opts.random ?? Math.random)() * cap);
  return retryAfterMs === null ? jittered : Math.max(retryAfterMs, jittered);
}

/** The reason an aborted signal carries (Node sets an AbortError DOMException when none was given). */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? Object.assign(new Error('This operation was aborted'), { name: 'AbortError' });
}

/** Waits `ms`; rejects at once with the signal's reason when it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export type WithRetryOptions = Partial<RetryOptions> & {
  signal?: AbortSignal;
  onRetry?: (info: { attempt: number; delayMs: number; error: ErrorClass }) => void;
  classify?: (err: unknown) => ErrorClass;
};

/**
 * Runs `fn` and retries it on transient errors only, with backoff, within `maxAttempts` and
 * `maxTotalWaitMs`. Any other outcome throws a GoogleCallError; an abort throws the signal's reason.
 * Retry only calls that are safe to repeat (reads, idempotent writes): that is the caller's call.
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, opts: WithRetryOptions = {}): Promise<T> {
  const o = { ...DEFAULT_RETRY_OPTIONS, ...definedOnly(opts) };
  const { signal, onRetry } = opts;
  const now = o.now ?? Date.now;
  const classify = opts.classify ?? ((err: unknown) => classifyGoogleError(err, now()));
  const pause = o.sleep ?? sleep;
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortReason(signal);
    try {
      return await fn(attempt);
    } catch (err) {
      if (signal?.aborted) throw abortReason(signal);
      const error = classify(err);
      if (error.kind !== 'transient' || attempt >= o.maxAttempts) throw new GoogleCallError(error, attempt, err);
      const delayMs = backoffDelay(attempt, o, error.retryAfterMs);
      if (waited + delayMs > o.maxTotalWaitMs) throw new GoogleCallError(error, attempt, err);
      onRetry?.({ attempt, delayMs, error });
      await pause(delayMs, signal);
      waited += delayMs;
    }
  }
}

/** Drops `undefined` values so that they do not override the defaults. */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
