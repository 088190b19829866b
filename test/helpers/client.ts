import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: { data?: T | null; errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[] };
}

/** POSTs a GraphQL operation with fetch, as a frontend would. */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  options: { token?: string; variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<GqlResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const text = await res.text();
  let body: GqlResponse<T>['body'];
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`non-JSON response ${res.status}: ${text.slice(0, 200)}`);
  }
  return { status: res.status, headers: res.headers, body };
}

export function errorCodes(res: GqlResponse): unknown[] {
  return (res.body.errors ?? []).map((e) => e.extensions?.code);
}

/** A graphql-ws client (the real one) authenticating in connection_init. */
export function wsClient(url: string, token?: string, extra: { onClose?: (code: number, reason: string) => void } = {}): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
    on: {
      closed: (event) => {
        const e = event as { code: number; reason: string };
        extra.onClose?.(e.code, e.reason);
      },
    },
  });
}

/** Collects a subscription's events; `next(n)` waits for the n-th. */
export function collect<T = unknown>(client: Client, query: string, variables?: Record<string, unknown>) {
  const events: T[] = [];
  const errors: unknown[] = [];
  let completed = false;
  const waiters: (() => void)[] = [];
  const notify = () => waiters.splice(0).forEach((w) => w());
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        events.push(value as T);
        notify();
      },
      error: (err) => {
        errors.push(err);
        notify();
      },
      complete: () => {
        completed = true;
        notify();
      },
    },
  );
  return {
    events,
    errors,
    get completed() {
      return completed;
    },
    dispose,
    async until(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`timed out waiting; events=${JSON.stringify(events)} errors=${JSON.stringify(errors)}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, Math.min(left, 100));
          waiters.push(() => {
            clearTimeout(t);
            resolve();
          });
        });
      }
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
