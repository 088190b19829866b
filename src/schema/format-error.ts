import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logger';

/**
 * Errors we meant to send (they carry an `extensions.code`) go out as they are; anything else
 * is a bug: logged in full, and sent as a bare "Internal server error" outside development.
 */
export function errorFormatter(development: boolean, log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
    const original = unwrapResolverError(error);
    log.error({ err: original, path: formatted.path }, 'unexpected error while executing an operation');
    if (development) return { ...formatted, extensions: { ...formatted.extensions, code: 'INTERNAL_SERVER_ERROR' } };
    return {
      message: 'Internal server error',
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

export function formatGraphQLError(format: ReturnType<typeof errorFormatter>, error: GraphQLError): GraphQLFormattedError {
  return format(error.toJSON(), error);
}
