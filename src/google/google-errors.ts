import { DomainError, domainError, type ErrorClass } from '../kernel/errors';

export type { ErrorClass };

/** What a failed call to Google's OAuth endpoints said, without anything secret from the request. */
export interface OAuthFailure {
  status: number | null;
  /** Google's `error` field (`invalid_grant`, `invalid_client`, …) or a network error code. */
  error: string;
  description: string | null;
}

/** Google answered 2xx with something that is not what the endpoint sends (an HTML page from a proxy, a body that is not JSON, a token answer without a token). */
export class GoogleGarbageError extends Error {
  constructor(
    /** `token`: the OAuth token endpoint; `api`: a Google API. */
    readonly endpoint: 'token' | 'api',
    readonly status: number,
    readonly contentType: string | null,
    /** The request's URL without its query (for metrics; never the request itself, which may hold secrets). */
    readonly url: string | null = null,
  ) {
    super(endpoint === 'token' ? NOT_A_TOKEN : `Google answered with something that is not an API answer (HTTP ${status}${contentType ? `, ${contentType.split(';')[0]}` : ''})`);
    this.name = 'GoogleGarbageError';
  }
}

export const NOT_A_TOKEN = "Google's token endpoint answered with something that is not a token";

/** "Google did not answer within 30 s" (the timeout in seconds, to one decimal below 10 s). */
export function didNotAnswer(timeoutMs: number | null): string {
  if (timeoutMs === null) return 'Google did not answer in time';
  const s = timeoutMs / 1000;
  return `Google did not answer within ${s < 10 ? Number(s.toFixed(1)) : Math.round(s)} s`;
}

/**
 * Whether an error is a call that gave up waiting for Google: gaxios' timeout (an AbortError or a
 * TimeoutError from fetch) or a socket timeout. Returns the timeout in ms when the request names it,
 * null when it does not, or false when the error is something else. An abort whose signal names
 * another reason (cancellation, shutdown) is not a timeout.
 */
export function timeoutOf(err: unknown): number | null | false {
  let e: unknown = err;
  let config: Obj | null = null;
  for (let depth = 0; depth < 5 && isObj(e); depth++) {
    if (!config && isObj(e.config)) config = e.config;
    const name = e.name ?? e.code;
    if (name === 'TimeoutError' || e.code === 'ETIMEDOUT' || e.code === 'UND_ERR_HEADERS_TIMEOUT' || e.code === 'UND_ERR_BODY_TIMEOUT' || e.type === 'request-timeout' || name === 'AbortError') {
      const signal = config && isObj(config.signal) ? (config.signal as { aborted?: boolean; reason?: unknown }) : null;
      const reason = signal?.aborted ? signal.reason : undefined;
      if (name === 'AbortError' && isObj(reason) && reason.name !== 'TimeoutError') return false;
      return config && typeof config.timeout === 'number' && config.timeout > 0 ? config.timeout : null;
    }
    e = e.cause ?? e.error;
  }
  return false;
}

/**
 * Reads a google-auth-library / gaxios error. The raw error object carries the request body
 * (client secret, refresh token, code verifier): never log it, log this instead.
 */
export function describeOAuthFailure(err: unknown): OAuthFailure {
  const e = err as {
    response?: { status?: number; data?: { error?: unknown; error_description?: unknown } };
    code?: unknown;
    message?: unknown;
  };
  if (err instanceof GoogleGarbageError) return { status: err.status, error: 'not_a_token', description: err.message };
  const timeout = timeoutOf(err);
  if (timeout !== false) return { status: null, error: 'timeout', description: didNotAnswer(timeout) };
  const data = e?.response?.data;
  if (e?.response) {
    return {
      status: e.response.status ?? null,
      error: typeof data?.error === 'string' ? data.error : `http_${e.response.status ?? 'error'}`,
      description: typeof data?.error_description === 'string' ? data.error_description : null,
    };
  }
  const code = typeof e?.code === 'string' ? e.code : 'network_error';
  return { status: null, error: code, description: typeof e?.message === 'string' ? e.message.split('\n')[0]!.slice(0, 200) : null };
}

export function formatFailure(f: OAuthFailure): string {
  return `${f.error}${f.description ? `: ${f.description}` : ''}${f.status ? ` (HTTP ${f.status})` : ''}`;
}

export const googleNotAuthorized = (tenant: string, why: string | null): DomainError =>
  domainError('GOOGLE_NOT_AUTHORIZED', `Google is not authorized for tenant ${tenant}${why ? `: ${why}` : ''}. An admin must authorize again.`);

export const googleScopeMissing = (missing: string[]): DomainError =>
  domainError('GOOGLE_SCOPE_MISSING', `The Google authorization lacks ${missing.join(', ')}. An admin must authorize again and grant it.`, {
    scopes: missing,
  });

export const googleUnavailable = (f: OAuthFailure): DomainError =>
  domainError(
    'GOOGLE_UNAVAILABLE',
    f.error === 'timeout' || f.error === 'not_a_token'
      ? `${f.description} (refreshing the access token); try again later`
      : `Google's token endpoint did not answer as expected (${formatFailure(f)}); try again later`,
    { transient: true },
  );

/** A `Retry-After` longer than this is cut to it. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

const MESSAGE_LENGTH = 300;

/** What an admin reads for an error that is a bug of the gateway (its details go to the log only). */
export const INTERNAL_MESSAGE = "Unexpected error in the gateway; an operator finds the details in the gateway's log";

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

/** A failed Google call that was given up on (see sync's `withRetry`); `cause` is the raw error: never log or stringify it. */
export class GoogleCallError extends Error {
  readonly errorClass: ErrorClass;
  readonly attempts: number;

  constructor(errorClass: ErrorClass, attempts: number, cause: unknown) {
    super(errorClass.message, { cause });
    this.name = 'GoogleCallError';
    this.errorClass = errorClass;
    this.attempts = attempts;
  }
}

/** Sorts any error thrown by a Google call (gaxios, fetch, our own domain errors) into an ErrorClass. */
export function classifyGoogleError(err: unknown, now: number = Date.now()): ErrorClass {
  if (err instanceof GoogleCallError) return err.errorClass;
  if (err instanceof GoogleGarbageError) return { kind: 'transient', code: 'GOOGLE_BAD_ANSWER', message: err.message, status: err.status, retryAfterMs: null };
  const http = isObj(err) && isObj(err.response) && typeof err.response.status === 'number' ? err.response : null;
  if (http) return classifyHttp(http, now);
  if (err instanceof DomainError) {
    return { kind: err.code === 'GOOGLE_UNAVAILABLE' ? 'transient' : 'fatal', code: err.code, message: clip(err.message), status: null, retryAfterMs: null };
  }
  // A timeout (or an abort that is not the caller's: callers check their own signal first) is worth another try.
  const timeout = timeoutOf(err);
  if (timeout !== false) return { kind: 'transient', code: 'GOOGLE_TIMEOUT', message: didNotAnswer(timeout), status: null, retryAfterMs: null };
  const network = networkCode(err);
  if (network) {
    return { kind: 'transient', code: network, message: `Network error talking to Google (${network})`, status: null, retryAfterMs: null };
  }
  if (isObj(err) && [err, err.cause, err.error].some((e) => isObj(e) && (e.name === 'AbortError' || e.code === 'AbortError'))) {
    return { kind: 'fatal', code: 'ABORTED', message: 'The call to Google was stopped by the gateway (cancelled or shutting down)', status: null, retryAfterMs: null };
  }
  // A bug of ours: what it says stays in the log (the caller logs the error), never in what an admin reads.
  return { kind: 'fatal', code: 'INTERNAL', message: INTERNAL_MESSAGE, status: null, retryAfterMs: null };
}

function classifyHttp(response: Obj, now: number): ErrorClass {
  const status = response.status as number;
  const data = response.data;
  const error = isObj(data) ? data.error : undefined;
  const body = isObj(error) ? error : {};
  const errors = Array.isArray(body.errors) ? body.errors : [];
  const details = Array.isArray(body.details) ? body.details : [];
  const reason = str(isObj(errors[0]) ? errors[0].reason : undefined) ?? str(details.map((d) => (isObj(d) ? d.reason : undefined)).find((r) => typeof r === 'string'));
  const oauthError = str(error);
  const googleMessage = oauthError ? str(isObj(data) ? data.error_description : undefined) : (str(body.message) ?? (typeof data === 'string' && !data.trimStart().startsWith('<') ? str(data) : null));
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
  const scopeMissing = (reason && SCOPE_REASONS.has(reason)) || (body.status === 'PERMISSION_DENIED' && /insufficient authentication scopes/i.test(str(body.message) ?? ''));
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
  const get = isObj(headers) ? headers.get : undefined;
  if (typeof get === 'function') raw = get.call(headers, 'retry-after');
  else if (isObj(headers)) raw = Object.entries(headers).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
  if (Array.isArray(raw)) raw = raw[0];
  const value = str(typeof raw === 'string' ? raw.trim() : null);
  if (!value) return null;
  const ms = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  return Number.isNaN(ms) ? null : Math.min(MAX_RETRY_AFTER_MS, Math.max(0, Math.ceil(ms)));
}

/** The HTTP status of a failed Google call (raw, or given up on after retries), or null. */
export function httpStatusOf(err: unknown): number | null {
  if (err instanceof GoogleCallError) return err.errorClass.status;
  return isObj(err) && isObj(err.response) && typeof err.response.status === 'number' ? err.response.status : null;
}
