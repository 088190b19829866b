import type { GraphQLError } from 'graphql';
import { gatewayError } from '../schema/errors';

/** What a failed call to Google's OAuth endpoints said, without anything secret from the request. */
export interface OAuthFailure {
  status: number | null;
  /** Google's `error` field (`invalid_grant`, `invalid_client`, …) or a network error code. */
  error: string;
  description: string | null;
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

export const googleNotAuthorized = (tenant: string, why: string | null): GraphQLError =>
  gatewayError('GOOGLE_NOT_AUTHORIZED', `Google is not authorized for tenant ${tenant}${why ? `: ${why}` : ''}. An admin must authorize again.`);

export const googleScopeMissing = (missing: string[]): GraphQLError =>
  gatewayError('GOOGLE_SCOPE_MISSING', `The Google authorization lacks ${missing.join(', ')}. An admin must authorize again and grant it.`, {
    scopes: missing,
  });

export const googleUnavailable = (f: OAuthFailure): GraphQLError =>
  gatewayError('GOOGLE_UNAVAILABLE', `Google's token endpoint did not answer as expected (${formatFailure(f)}); try again later`, {
    transient: true,
  });
