import { GraphQLError } from 'graphql';

/**
 * What a failed call means for a sync run: `transient` (retry it later), `item` (this item is
 * rejected for good, the run goes on) or `fatal` (the run stops: lost authorization, exhausted
 * quota, or a bug of ours). `message` is short and safe to log or show: never the request.
 */
export interface ErrorClass {
  kind: 'transient' | 'item' | 'fatal';
  /** Google's reason (`notFound`, `rateLimitExceeded` …), `HTTP_<status>`, a network code or one of ours. */
  code: string;
  message: string;
  status: number | null;
  retryAfterMs: number | null;
}

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

/** A `Retry-After` longer than this is cut to it. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

const MESSAGE_LENGTH = 300;

/** Reasons Google gives for a short-term rate limit (legacy `errors[].reason` or AIP-193 `ErrorInfo.reason`). */
const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'RATE_LIMIT_EXCEEDED']);
/** Daily quota or Calendar usage limits: they last hours, retrying within the run does not help. */
const QUOTA_REASONS = new Set(['dailyLimitExceeded', 'quotaExceeded']);
const SCOPE_REASONS = new Set(['insufficientPermissions', 'ACCESS_TOKEN_SCOPE_INSUFFICIENT']);
/** The API is not enabled in the Google Cloud project: every call of the run would fail alike. */
const API_DISABLED_REASONS = new Set(['accessNotConfigured', 'SERVICE_DISABLED']);

/** Error codes of a connection that broke or never came up (Node, undici, node-fetch, gaxios). */
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null;
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const clip = (s: string): string => s.replace(/\s+/g, ' ').trim().slice(0, MESSAGE_LENGTH);

/** A failed call that `withRetry` gave up on; `cause` is the raw error: never log or stringify it. */
export class SyncCallError extends Error {
  readonly errorClass: ErrorClass;
  readonly attempts: number;

  constructor(errorClass: ErrorClass, attempts: number, cause: unknown) {
    super(errorClass.message, { cause });
    this.name = 'SyncCallError';
    this.errorClass = errorClass;
    this.attempts = attempts;
  }
}

/** Sorts any error thrown by a Google call (gaxios, fetch, our own GraphQLErrors) into an ErrorClass. */
export function classifyGoogleError(err: unknown, now: number = Date.now()): ErrorClass {
  if (err instanceof SyncCallError) return err.errorClass;
  const http = isObj(err) && isObj(err.response) && typeof err.response.status === 'number' ? err.response : null;
  if (http) return classifyHttp(http, now);
  if (err instanceof GraphQLError || (err instanceof Error && err.name === 'GraphQLError')) {
    const code = str((err as GraphQLError).extensions?.code) ?? 'INTERNAL';
    return { kind: code === 'GOOGLE_UNAVAILABLE' ? 'transient' : 'fatal', code, message: clip(err.message), status: null, retryAfterMs: null };
  }
  const network = networkCode(err);
  if (network) {
    return { kind: 'transient', code: network, message: `Network error talking to Google (${network})`, status: null, retryAfterMs: null };
  }
  if (isObj(err) && (err.name === 'AbortError' || err.code === 'AbortError')) {
    return { kind: 'fatal', code: 'ABORTED', message: 'The call to Google was aborted', status: null, retryAfterMs: null };
  }
  const what = err instanceof Error ? `${err.name}: ${err.message.split('\n')[0]}` : `a thrown ${typeof err}`;
  return { kind: 'fatal', code: 'INTERNAL', message: clip(`Internal error (${what})`), status: null, retryAfterMs: null };
}

function classifyHttp(response: Obj, now: number): ErrorClass {
  const status = response.status as number;
  const data = response.data;
  const error = isObj(data) ? data.error : undefined;
  const body = isObj(error) ? error : {};
  const errors = Array.isArray(body.errors) ? body.errors : [];
  const details = Array.isArray(body.details) ? body.details : [];
  const reason =
    str(isObj(errors[0]) ? errors[0].reason : undefined) ??
    str(details.map((d) => (isObj(d) ? d.reason : undefined)).find((r) => typeof r === 'string'));
  const oauthError = str(error);
  const googleMessage = oauthError
    ? str(isObj(data) ? data.error_description : undefined)
    : (str(body.message) ?? (typeof data === 'string' && !data.trimStart().startsWith('<') ? str(data) : null));
  const code = reason ?? oauthError ?? `HTTP_${status}`;
  const said = clip(`HTTP ${status}${code === `HTTP_${status}` ? '' : ` ${code}`}${googleMessage ? `: ${googleMessage}` : ''}`);
  const result = (kind: ErrorClass['kind'], resultCode: string, message: string): ErrorClass => ({
    kind,
    code: resultCode,
    message: clip(message),
    status,
    retryAfterMs: retryAfter(response.headers, now),
  });

  if (oauthError && status < 500) {
    return oauthError === 'invalid_grant'
      ? result('fatal', 'GOOGLE_NOT_AUTHORIZED', `Google revoked or expired the authorization (${said}). An admin must authorize again.`)
      : result('fatal', 'GOOGLE_AUTHORIZATION_FAILED', `Google's token endpoint refused the client (${said})`);
  }
  if (status === 401) return result('fatal', 'GOOGLE_NOT_AUTHORIZED', `Google rejected the credentials (${said}). An admin must authorize again.`);
  if (reason && QUOTA_REASONS.has(reason)) {
    return result('fatal', 'GOOGLE_QUOTA_EXCEEDED', `Google usage limit reached (${said}); the run stops, try again later`);
  }
  if ((reason && RATE_LIMIT_REASONS.has(reason)) || status === 408 || status === 429 || status >= 500) return result('transient', code, said);
  const scopeMissing =
    (reason && SCOPE_REASONS.has(reason)) || (body.status === 'PERMISSION_DENIED' && /insufficient authentication scopes/i.test(str(body.message) ?? ''));
  if (scopeMissing) return result('fatal', 'GOOGLE_SCOPE_MISSING', `The Google authorization lacks a scope this call needs (${said}). An admin must authorize again.`);
  if (reason && API_DISABLED_REASONS.has(reason)) return result('fatal', 'GOOGLE_API_DISABLED', `The Google API is not enabled for the project (${said})`);
  if (status >= 400) return result('item', code, said);
  return result('fatal', 'INTERNAL', `Unexpected answer from Google (${said})`);
}

/** The network code of an error or of its causes (gaxios wraps fetch's TypeError, which wraps the socket error). */
function networkCode(err: unknown): string | null {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && isObj(e); depth++) {
    if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return e.code;
    // AbortSignal.timeout's DOMException (gaxios copies its name into `code`), node-fetch's timeout.
    if (e.name === 'TimeoutError' || e.code === 'TimeoutError' || e.type === 'request-timeout') return 'ETIMEDOUT';
    e = e.cause ?? e.error;
  }
  return null;
}

/** `Retry-After` in ms (seconds or an HTTP-date), capped at MAX_RETRY_AFTER_MS; headers may be a `Headers` or a plain object. */
function retryAfter(headers: unknown, now: number): number | null {
  let raw: unknown;
  if (isObj(headers) && typeof headers.get === 'function') raw = (headers as unknown as Headers).get('retry-after');
  else if (isObj(headers)) raw = Object.entries(headers).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
  if (Array.isArray(raw)) raw = raw[0];
  const value = str(typeof raw === 'string' ? raw.trim() : null);
  if (!value) return null;
  const ms = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isNaN(ms) ? null : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, Math.ceil(ms)));
}

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
 * `maxTotalWaitMs`. Any other outcome throws a SyncCallError; an abort throws the signal's reason.
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
      if (error.kind !== 'transient' || attempt >= o.maxAttempts) throw new SyncCallError(error, attempt, err);
      const delayMs = backoffDelay(attempt, o, error.retryAfterMs);
      if (waited + delayMs > o.maxTotalWaitMs) throw new SyncCallError(error, attempt, err);
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
