import { GraphQLError } from 'graphql';

/** The `extensions.code` values the gateway sends; frontends branch on these. */
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
  | 'INTERNAL_SERVER_ERROR';

export function gatewayError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const unauthenticated = (message = 'A valid bearer token is required') =>
  gatewayError('UNAUTHENTICATED', message, { http: { status: 401 } });

export const forbidden = (message = 'Your role does not allow this operation') => gatewayError('FORBIDDEN', message);

export const badUserInput = (message: string, field?: string) =>
  gatewayError('BAD_USER_INPUT', message, field ? { field } : {});

export const notFound = (what: string, id: string) => gatewayError('NOT_FOUND', `${what} ${id} was not found`, { id });
