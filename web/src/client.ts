import { Client, cacheExchange, fetchExchange, subscriptionExchange, type CombinedError } from 'urql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';

/** Why the gateway stopped accepting the token: 4403 closes the socket at the token's expiry. */
export type AuthLost = 'expired' | 'refused';

const AUTH_CLOSE_CODES = new Set([4401, 4403]);

/** One graphql-ws socket per signed-in session, shared by the urql clients made for it. */
export function createSocket(token: string, onAuthLost: (why: AuthLost) => void): WsClient {
  const url = new URL('/graphql', window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return createWsClient({
    url: url.href,
    lazy: true,
    lazyCloseTimeout: 3_000,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 8,
    shouldRetry: (e) => !(e && typeof e === 'object' && 'code' in e && AUTH_CLOSE_CODES.has((e as CloseEvent).code)),
    on: {
      closed: (e) => {
        const code = e && typeof e === 'object' && 'code' in e ? (e as CloseEvent).code : 0;
        if (AUTH_CLOSE_CODES.has(code)) onAuthLost(code === 4403 && /expired/i.test((e as CloseEvent).reason) ? 'expired' : 'refused');
      },
    },
  });
}

/**
 * An urql client with a document cache: queries and mutations over HTTP, subscriptions over the
 * socket. A new one (same socket) is made when `cacheReset` arrives: the old cache is dropped and
 * every screen's query runs again.
 */
export function createGraphQLClient(token: string, socket: WsClient, onAuthLost: (why: AuthLost) => void): Client {
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    // apollo-require-preflight: the gateway takes a multipart request (a file upload) only with it (CSRF prevention).
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } }),
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      if (res.status === 401) onAuthLost('refused');
      return res;
    },
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              const unsubscribe = socket.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}

/** The GraphQL error code of a failed operation (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, …). */
export function errorCode(error: CombinedError | undefined): string | null {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : null;
}

/** The input field a BAD_USER_INPUT error names (`extensions.field`), to show the message beside it. */
export function fieldErrors(error: CombinedError | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of error?.graphQLErrors ?? []) {
    const field = e.extensions?.field;
    if (typeof field === 'string') out[field] = e.message;
  }
  return out;
}

/** A message to show for a failed operation. */
export function errorMessage(error: CombinedError | undefined): string | null {
  if (!error) return null;
  if (error.graphQLErrors.length) return error.graphQLErrors.map((e) => e.message).join('; ');
  return error.networkError?.message ?? error.message;
}
