import { GraphQLError } from 'graphql';
import { DomainError, type ErrorCode } from '../kernel/errors';

export type { ErrorCode };

/** An error the GraphQL edge itself raises (authentication, limits); domain code throws DomainError. */
export function gatewayError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const unauthenticated = (message = 'A valid bearer token is required') => gatewayError('UNAUTHENTICATED', message, { http: { status: 401 } });

/** The DomainError behind a GraphQL error (graphql-js wraps what a resolver throws), if any. */
export function domainErrorOf(error: unknown): DomainError | null {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e; depth++) {
    if (e instanceof DomainError) return e;
    e = e instanceof GraphQLError ? e.originalError : null;
  }
  return null;
}

/** The one mapping from a domain error to what a GraphQL client receives in `extensions`. */
export function extensionsOf(error: DomainError): Record<string, unknown> {
  return { ...error.details, code: error.code };
}
