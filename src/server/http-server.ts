import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../kernel/logger';
import { sendJson } from './graphql-http';
import { isClientAbort } from './read-body';

/** A route gets the request's own logger (it carries the request id), made on first use. */
export type Route = (req: IncomingMessage, res: ServerResponse, search: string, log: () => Logger) => Promise<void>;

/** A request id a client or proxy may send (x-request-id); anything else is replaced by ours. */
const REQUEST_ID = /^[\w.:@-]{1,128}$/;

/** The request's id: the caller's `x-request-id` when it is sane, else a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const sent = req.headers['x-request-id'];
  return typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : randomUUID();
}

const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, apollo-require-preflight, x-apollo-operation-name, x-request-id',
  'access-control-expose-headers': 'x-request-id',
  'access-control-max-age': '600',
};

/**
 * The process's one HTTP server: exact-path routes, CORS for bearer-token clients, and a count
 * of requests in flight so that shutdown can drain them.
 */
export class HttpServer {
  readonly server: Server;
  private inFlight = 0;
  private drainWaiters: (() => void)[] = [];
  private closing = false;

  constructor(
    private readonly routes: Record<string, Route>,
    private readonly log: Logger,
    /** Answers every path without an exact route (the console's static files); else 404. */
    private readonly fallback: Route | null = null,
  ) {
    this.server = createServer((req, res) => this.handle(req, res));
    // Longer than the idle timeouts of load balancers (60 s) and of HTTP clients that reuse sockets
    // (they close theirs a second before the server's "Keep-Alive: timeout" hint): with a short
    // timeout, a client may send on a socket at the moment the server closes it (ECONNRESET).
    this.server.keepAliveTimeout = 65_000;
    this.server.headersTimeout = 66_000;
    this.server.requestTimeout = 60_000;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    const pathname = q === -1 ? raw : raw.slice(0, q);
    const search = q === -1 ? '' : raw.slice(q);
    for (const [k, v] of Object.entries(CORS_HEADERS)) res.setHeader(k, v);
    if (this.closing) res.setHeader('connection', 'close');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    // Own keys only: "/constructor" must not find Object.prototype's.
    const route = Object.hasOwn(this.routes, pathname) ? this.routes[pathname] : this.fallback;
    if (!route) {
      sendJson(res, 404, { error: 'not found' });
      return;
    }
    this.inFlight++;
    res.once('close', () => {
      this.inFlight--;
      if (this.inFlight === 0) for (const w of this.drainWaiters.splice(0)) w();
    });
    let child: Logger | null = null;
    const log = () => (child ??= this.log.child({ requestId }));
    route(req, res, search, log).catch((err: unknown) => {
      if (isClientAbort(err, req)) {
        log().debug({ path: pathname }, 'the client closed the connection before the answer');
        res.destroy();
        return;
      }
      log().error({ err, path: pathname }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.destroy();
    });
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (err: NodeJS.ErrnoException) => {
        this.server.off('listening', onListening);
        reject(err);
      };
      const onListening = () => {
        this.server.off('error', onError);
        const addr = this.server.address();
        resolve(typeof addr === 'object' && addr ? addr.port : port);
      };
      this.server.once('error', onError);
      this.server.once('listening', onListening);
      this.server.listen(port, host);
    });
  }

  /** Stops accepting, lets requests in flight finish (up to `timeoutMs`), then closes idle sockets. */
  async close(timeoutMs: number): Promise<void> {
    this.closing = true;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    const drained = this.inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => this.drainWaiters.push(resolve));
    await Promise.race([drained, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
    this.server.closeAllConnections();
    await closed;
  }
}
