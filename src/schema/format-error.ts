import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, Kind, parse, print, visit, type ASTNode, type GraphQLFormattedError, type Location } from 'graphql';
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
    if (code && code !== 'INTERNAL_SERVER_ERROR') return { ...formatted, message: withoutSecretLiterals(withoutInputValues(formatted.message), error) };
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

/** Arguments and input fields whose values are never repeated back (client secrets, tokens, codes). */
const SENSITIVE = /secret|password|token|credential|^code$|privateKey|keyJson/i;

const VALUE_KINDS = new Set<string>([Kind.INT, Kind.FLOAT, Kind.STRING, Kind.BOOLEAN, Kind.NULL, Kind.ENUM, Kind.LIST, Kind.OBJECT]);

/**
 * graphql-js also quotes a rejected inline value ("String cannot represent a non string value:
 * s3cr3t" for `clientSecret: s3cr3t` typed without quotes). When that value sits under a
 * sensitive argument or input field, it is replaced by "[hidden]". Only errors pay for this.
 */
export function withoutSecretLiterals(message: string, error: unknown): string {
  if (!(error instanceof GraphQLError) || !error.source || !error.nodes?.length) return message;
  const values = error.nodes.filter((n): n is ASTNode & { loc: Location } => VALUE_KINDS.has(n.kind) && n.loc !== undefined);
  if (!values.length) return message;
  let document;
  try {
    document = parse(error.source.body);
  } catch {
    return message;
  }
  const inside = (outer: Location | undefined, at: number) => outer !== undefined && outer.start <= at && at < outer.end;
  const hidden = new Set<string>();
  visit(document, {
    enter(node) {
      if (node.kind !== Kind.ARGUMENT && node.kind !== Kind.OBJECT_FIELD) return;
      if (!SENSITIVE.test(node.name.value)) return;
      for (const v of values) if (inside(node.value.loc, v.loc.start)) hidden.add(print(v));
    },
  });
  let out = message;
  for (const text of hidden) out = out.split(text).join('[hidden]');
  return out;
}

export function formatGraphQLError(format: ReturnType<typeof errorFormatter>, error: GraphQLError): GraphQLFormattedError {
  return format(error.toJSON(), error);
}
