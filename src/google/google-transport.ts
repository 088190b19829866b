import type { OAuth2Client } from 'google-auth-library';
import { googleOutcome, type GatewayMetrics } from '../kernel/metrics';
import { GoogleGarbageError, timeoutOf } from './google-errors';

type Transporter = OAuth2Client['transporter'];
type RequestInterceptor = Parameters<Transporter['interceptors']['request']['add']>[0];
type ResponseInterceptor = Parameters<Transporter['interceptors']['response']['add']>[0];
type PreparedRequest = Parameters<NonNullable<NonNullable<RequestInterceptor>['resolved']>>[0];
type Answer = Parameters<NonNullable<NonNullable<ResponseInterceptor>['resolved']>>[0];

/** The OAuth endpoints whose calls are bounded and never retried by the transport. */
export interface OAuthEndpointUrls {
  tokenUrl: string;
  revokeUrl: string;
}

const withoutQuery = (url: string | URL): string => {
  const u = new URL(String(url));
  return `${u.origin}${u.pathname}`;
};

/**
 * Makes an OAuth2Client's transport, which carries its token calls and every googleapis call made
 * with it, safe against a Google that hangs or answers garbage:
 * - calls to the token and revocation endpoints are never retried by the transport (the
 *   single-use authorization code is POSTed once; the sync engine retries refreshes with backoff);
 * - a 2xx from the token endpoint that holds no access token, and a 2xx from an API that is an
 *   HTML page or JSON that does not parse, become a GoogleGarbageError instead of data.
 * The timeout itself comes from the client's `transporterOptions` and each API client's options.
 */
export function guardTransport(client: OAuth2Client, urls: OAuthEndpointUrls): void {
  const tokenUrl = withoutQuery(urls.tokenUrl);
  const oauthUrls = new Set([tokenUrl, withoutQuery(urls.revokeUrl)]);
  client.transporter.interceptors.request.add({
    resolved: async (config: PreparedRequest) => {
      if (oauthUrls.has(withoutQuery(config.url))) {
        config.retry = false;
        delete config.retryConfig;
      }
      return config;
    },
  });
  client.transporter.interceptors.response.add({
    resolved: async (answer: Answer) => {
      if (answer.status < 200 || answer.status >= 300 || answer.status === 204) return answer;
      const contentType = answer.headers.get('content-type');
      if (withoutQuery(answer.config.url) === tokenUrl) {
        const data: unknown = answer.data;
        const token = typeof data === 'object' && data !== null ? (data as { access_token?: unknown }).access_token : undefined;
        if (typeof token !== 'string' || token === '') throw new GoogleGarbageError('token', answer.status, contentType, tokenUrl);
        return answer;
      }
      if (oauthUrls.has(withoutQuery(answer.config.url))) return answer;
      // googleapis asks for no particular response type: a JSON API answer that is a string did not parse.
      const looksWrong = typeof answer.data === 'string' && answer.data !== '' && /json|html/i.test(contentType ?? '');
      if (looksWrong) throw new GoogleGarbageError('api', answer.status, contentType, withoutQuery(answer.config.url));
      return answer;
    },
  });
}

/**
 * The label of a Google request for metrics: `oauth-token` / `oauth-revoke`, else the API's first
 * path segment that is not a version (`calendar`, `m8`, `admin`, `people`, …). Our code picks the
 * paths, so the set stays small.
 */
export function apiLabelOf(url: string | URL, urls: OAuthEndpointUrls): string {
  const bare = withoutQuery(url);
  if (bare === withoutQuery(urls.tokenUrl)) return 'oauth-token';
  if (bare === withoutQuery(urls.revokeUrl)) return 'oauth-revoke';
  const segment = new URL(String(url)).pathname
    .split('/')
    .filter((s) => s !== '' && !/^v\d+(?:beta\d*)?$/.test(s))[0]
    ?.split(':')[0];
  return segment && /^[\w.-]{1,40}$/.test(segment) ? segment : 'other';
}

/** Counts every request the client's transport makes (its final outcome, after the transport's own retries). */
export function meterTransport(client: OAuth2Client, urls: OAuthEndpointUrls, metrics: GatewayMetrics): void {
  client.transporter.interceptors.response.add({
    resolved: async (answer: Answer) => {
      metrics.googleCalls.inc({ api: apiLabelOf(answer.config.url, urls), outcome: googleOutcome(answer.status) });
      return answer;
    },
    rejected: (err: unknown): never => {
      const e = err as { config?: { url?: string | URL }; response?: { status?: number }; status?: number };
      const url = err instanceof GoogleGarbageError ? err.url : e?.config?.url;
      let outcome: string;
      if (err instanceof GoogleGarbageError) outcome = 'garbage';
      else if (timeoutOf(err) !== false) outcome = 'timeout';
      else outcome = googleOutcome(e?.response?.status ?? e?.status);
      metrics.googleCalls.inc({ api: url ? apiLabelOf(url, urls) : 'other', outcome });
      throw err;
    },
  });
}
