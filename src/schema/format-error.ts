import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from '../kernel/logger';
import { domainErrorOf, extensionsOf } from './errors';

/** An error we did not mean to send: no domain error behind it and no code of ours (a bug). */
export function isUnexpected(error: GraphQLError): boolean {
  if (domainErrorOf(error)) return false;
  const code = error.extensions?.code;
  return !code || code === 'INTERNAL_SERVER_ERROR';
}

/** Logs the bugs among an operation's errors, in full, with the operation's logger (it carries the request id). */
export function logUnexpected(log: Logger, errors: readonly GraphQLError[]): void {
  for (const error of errors) if (isUnexpected(error)) log.error({ err: unwrapResolverError(error), path: error.path }, 'unexpected error while executing an operation');
}

/**
 * Domain errors and errors we meant to send (they carry an `extensions.code`) go out with their
 * code; anything else is a bug (logged by logUnexpected), sent as a bare "Internal server error"
 * outside development.
 */
export function errorFormatter(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Domain errors (thrown below the GraphQL edge) become GraphQL errors here, and only here.
    const domain = domainErrorOf(error);
    if (domain) return { ...formatted, message: withoutInputValues(domain.message), extensions: { ...formatted.extensions, ...extensionsOf(domain) } };
    const code = formatted.extensions?.code;
    if (code && code !== 'INTERNAL_SERVER_ERROR') return { ...formatted, message: withoutInputValues(formatted.message) };
    // Apollo refuses some requests with a 4xx status but no code (an APQ hash that does not match its query).
    if (!formatted.path && clientStatusOf(error)) return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
    if (development) return { ...formatted, extensions: { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' } };
    return {
      message: 'Internal server error',
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** The 4xx HTTP status an error asks for (`extensions.http.status`), else null. */
function clientStatusOf(error: unknown): number | null {
  const status = (error as { extensions?: { http?: { status?: unknown } } } | null)?.extensions?.http?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : null;
}

/**
 * graphql-js quotes a rejected variable's whole value ("got invalid value { clientSecret: … }");
 * inputs may hold secrets, so the value is dropped and the reason kept.
 */
export function withoutInputValues(message: string): string {
  const head = /^(Variable "\$[^"]+") got invalid value /.exec(message);
  if (!head) return message;
  // The reason follows the value's last "; " (a secret may itself contain "; ").
  const cut = message.lastIndexOf('; ');
  const reason = cut > head[0].length ? message.slice(cut + 2).replace(/(value): [\s\S]*$/, '$1') : '';
  return `${head[1]} got an invalid value${reason ? `; ${reason}` : ''}`;
}

export function formatGraphQLError(format: ReturnType<typeof errorFormatter>, error: GraphQLError): GraphQLFormattedError {
  return format(error.toJSON(), error);
}
