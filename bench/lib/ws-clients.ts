import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface WsClientsOptions {
  /** ws://host:port/graphql */
  url: string;
  /** Sent in connection_init, e.g. `{ authorization: 'Bearer …' }`; a function gives client i its own (e.g. one user each). */
  connectionParams: Record<string, unknown> | ((index: number) => Record<string, unknown>);
  count: number;
  /** Clients connecting at once (default 100): the next batch starts when this one is acknowledged. */
  batchSize?: number;
  /** Per batch (default 15 s). */
  batchTimeoutMs?: number;
}

export interface WsClients {
  clients: Client[];
  /** Milliseconds from the first connect to the last connection_ack. */
  connectMs: number;
  /** Sockets closed after their ack, by close code (e.g. the server going away), counted as they happen. */
  closedEarly: Map<number, number>;
  /** Disposes every client (close 1000) and waits for the sockets to close. Idempotent. */
  closeAll(): Promise<void>;
}

/**
 * Opens `count` graphql-ws clients (the real client over the `ws` package, non-lazy, no retries),
 * in batches, each acknowledged by the server (connection_ack) before the next batch starts.
 * Rejects (after closing what was opened) when a client cannot connect.
 */
export async function openWsClients(opts: WsClientsOptions): Promise<WsClients> {
  const batchSize = opts.batchSize ?? 100;
  const batchTimeoutMs = opts.batchTimeoutMs ?? 15_000;
  const clients: Client[] = [];
  const closedEarly = new Map<number, number>();
  let closing = false;
  let closed: Promise<void> | null = null;
  const closeAll = () =>
    (closed ??= (async () => {
      closing = true;
      await Promise.allSettled(clients.map((c) => c.dispose()));
    })());

  const paramsOf = (i: number) => (typeof opts.connectionParams === 'function' ? opts.connectionParams(i) : opts.connectionParams);
  const openOne = (index: number) =>
    new Promise<Client>((resolve, reject) => {
      let acked = false;
      const client: Client = createClient({
        url: opts.url,
        webSocketImpl: WebSocket,
        connectionParams: paramsOf(index),
        lazy: false,
        retryAttempts: 0,
        onNonLazyError: (err) => {
          if (!acked) reject(new Error(`a WebSocket client could not connect: ${describe(err)}`));
        },
        on: {
          connected: () => {
            acked = true;
            resolve(client);
          },
          closed: (event) => {
            const code = (event as { code?: number }).code ?? 0;
            if (!acked) reject(new Error(`a WebSocket client was closed before connection_ack: ${describe(event)}`));
            else if (!closing) closedEarly.set(code, (closedEarly.get(code) ?? 0) + 1);
          },
        },
      });
      clients.push(client);
    });

  const started = Date.now();
  try {
    for (let done = 0; done < opts.count; done += batchSize) {
      const n = Math.min(batchSize, opts.count - done);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`WebSocket clients ${done + 1}–${done + n} not acknowledged within ${batchTimeoutMs / 1000} s`)), batchTimeoutMs);
      });
      try {
        await Promise.race([Promise.all(Array.from({ length: n }, (_, i) => openOne(done + i))), timeout]);
      } finally {
        clearTimeout(timer);
      }
    }
  } catch (err) {
    await closeAll();
    throw err;
  }
  return { clients, connectMs: Date.now() - started, closedEarly, closeAll };
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  const e = err as { code?: number; reason?: string; message?: string } | null;
  if (e && typeof e === 'object' && ('code' in e || 'reason' in e)) return `close ${e.code ?? '?'}${e.reason ? ` ${e.reason}` : ''}`;
  if (e && typeof e === 'object' && 'message' in e) return String(e.message);
  return String(err);
}
