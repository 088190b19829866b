/**
 * The `extensions.code` values the gateway sends; frontends branch on these. Domain code throws
 * DomainError with one of them; the GraphQL edge (src/schema) turns it into a GraphQL error.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'GOOGLE_NOT_AUTHORIZED'
  | 'GOOGLE_SCOPE_MISSING'
  | 'GOOGLE_NOT_CONFIGURED'
  | 'GOOGLE_AUTHORIZATION_FAILED'
  | 'GOOGLE_UNAVAILABLE'
  | 'QUERY_TOO_COMPLEX'
  /** A printer (or print server) that is stopped, not accepting jobs, or does not answer. */
  | 'PRINTER_UNAVAILABLE'
  | 'RESULT_TOO_LARGE'
  | 'OPERATION_TIMEOUT'
  | 'BAD_REQUEST'
  | 'INTERNAL_SERVER_ERROR';

/** An expected failure with a code and details that are safe to show the caller (never a secret). */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Extra facts for the caller (`field`, `id`, `scopes`, `reason` …); sent as GraphQL extensions. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const domainError = (code: ErrorCode, message: string, details: Record<string, unknown> = {}): DomainError => new DomainError(code, message, details);

export const badUserInput = (message: string, field?: string): DomainError => new DomainError('BAD_USER_INPUT', message, field ? { field } : {});

export const notFound = (what: string, id: string): DomainError => new DomainError('NOT_FOUND', `${what} ${id} was not found`, { id });

export const forbidden = (message = 'Your role does not allow this operation'): DomainError => new DomainError('FORBIDDEN', message);

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
