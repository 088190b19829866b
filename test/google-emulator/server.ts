import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GoogleApiError, internalError, invalidJson, notFound, OAuthError, payloadTooLarge } from './errors';
import { BodyParseError, BodyTooLarge, MAX_BODY_BYTES, onBeforeEnd, parseBody, readBody, runBeforeEnd, sendApiError, sendHtml, sendJson, type EmulatorRequest, type RecordedRequest } from './http-io';

/**
 * How a faulty endpoint answers every request: `hang` reads the request and never answers (until
 * the client gives up or the fault is cleared); `garbage` answers 200 with an HTML page, as a
 * captive portal or a broken proxy would; `bad-gateway` answers 502 with an HTML page.
 */
export type EndpointFault = 'hang' | 'garbage' | 'bad-gateway';

export type RouteHandler = (req: EmulatorRequest, res: ServerResponse, match: RegExpMatchArray) => void | Promise<void>;

interface Route {
  method: string;
  pattern: RegExp;
  handler: RouteHandler;
}

export interface EmulatorServerOptions {
  /** Keep every request in {@link EmulatorServer.requests} (default true; a long benchmark run may turn it off). */
  recordRequests?: boolean;
  /** Called with each request once it has been answered. */
  onRequest?: (r: RecordedRequest) => void;
}

/** The HTTP front: reads and caps bodies, dispatches to routes by method and path pattern, and records every exchange. */
export class EmulatorServer {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: Route[] = [];
  private readonly server: Server;
  /** Requests left unanswered by a `hang` fault, with their paths. */
  private readonly hung = new Map<ServerResponse, string>();
  /** Decides the fault (if any) of a request, after its body was read. */
  faultFor: ((req: EmulatorRequest) => EndpointFault | null) | null = null;

  constructor(private readonly options: EmulatorServerOptions = {}) {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 65_000; // like the gateway's: a reused idle socket is not closed under its client
  }

  /**
   * Adds a route. `method` is an HTTP method or `*`; `pattern` is tested against the path (no
   * query string), so anchor it (`/^\/calendar\/v3\/…$/`). Routes are tried in the order added.
   * A handler must answer (or destroy the response) before its promise settles; it may throw a GoogleApiError or an
   * OAuthError, which is sent as such.
   */
  route(method: string, pattern: RegExp, handler: RouteHandler): void {
    if (pattern.global || pattern.sticky) throw new TypeError('route: the pattern must not be global or sticky');
    this.routes.push({ method: method.toUpperCase(), pattern, handler });
  }

  /** Starts listening; resolves with the base URL (`http://host:port`). */
  async listen(port: number, host: string): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address() as AddressInfo;
    const h = host.includes(':') ? `[${host}]` : host;
    return `http://${h}:${address.port}`;
  }

  /** Stops accepting connections, lets requests in flight finish (≤ 1 s), and closes kept-alive sockets. */
  async close(): Promise<void> {
    this.releaseHung();
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve, reject) => this.server.close((err) => (err ? reject(err) : resolve())));
    this.server.closeIdleConnections();
    const force = setTimeout(() => this.server.closeAllConnections(), 1000);
    force.unref();
    try {
      await closed;
    } finally {
      clearTimeout(force);
    }
  }

  /** Paths of the requests a `hang` fault holds now. */
  get hungPaths(): string[] {
    return [...this.hung.values()];
  }

  /** Cuts the connections of the requests a `hang` fault holds (their clients see a reset). */
  releaseHung(): void {
    for (const res of this.hung.keys()) res.destroy();
    this.hung.clear();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: undefined,
      status: 0,
      at: new Date(),
    };
    onBeforeEnd(res, () => {
      record.status = res.headersSent ? res.statusCode : 0;
      if (this.options.recordRequests !== false) this.requests.push(record);
      this.options.onRequest?.(record);
    });
    // A handler that wrote to `res` directly: record when the response is done.
    res.once('finish', () => runBeforeEnd(res));
    res.once('close', () => runBeforeEnd(res));

    try {
      let rawBody: Buffer;
      try {
        rawBody = await readBody(req, MAX_BODY_BYTES);
      } catch (err) {
        if (!(err instanceof BodyTooLarge)) throw err;
        res.setHeader('connection', 'close');
        sendApiError(res, payloadTooLarge(MAX_BODY_BYTES));
        return;
      }
      try {
        record.body = parseBody(req.headers['content-type'], rawBody);
      } catch (err) {
        if (!(err instanceof BodyParseError)) throw err;
        record.body = rawBody.toString('utf8');
        sendApiError(res, invalidJson(err.message));
        return;
      }
      const request: EmulatorRequest = {
        method,
        path: record.path,
        query: record.query,
        headers: req.headers,
        body: record.body,
        rawBody,
        url: new URL(`${url.pathname}${url.search}`, `http://${req.headers.host ?? 'emulator.invalid'}`),
        raw: req,
        record,
      };
      const fault = this.faultFor?.(request) ?? null;
      if (fault === 'hang') {
        this.hung.set(res, record.path);
        res.once('close', () => this.hung.delete(res));
        return;
      }
      if (fault) {
        sendHtml(res, fault === 'garbage' ? 200 : 502, fault === 'garbage' ? '<html><body>Welcome to the hotel network</body></html>' : '<html><body>502 Bad Gateway</body></html>');
        return;
      }
      const route = this.match(method, record.path);
      if (!route) {
        sendApiError(res, notFound(record.path));
        return;
      }
      await route.route.handler(request, res, route.match);
      // A handler may also cut the connection on purpose (fault injection): that is an answer too.
      if (!res.headersSent && !res.destroyed) throw new Error(`the handler of ${method} ${record.path} returned without answering`);
    } catch (err) {
      this.fail(res, err, `${method} ${record.path}`);
    }
  }

  private match(method: string, path: string): { route: Route; match: RegExpMatchArray } | null {
    for (const route of this.routes) {
      if (route.method !== '*' && route.method !== method) continue;
      const match = path.match(route.pattern);
      if (match) return { route, match };
    }
    return null;
  }

  private fail(res: ServerResponse, err: unknown, where: string): void {
    if (res.headersSent) {
      if (!res.writableEnded) res.destroy();
      if (!(err instanceof GoogleApiError || err instanceof OAuthError)) console.error(`[google-emulator] ${where}:`, err);
      return;
    }
    if (err instanceof GoogleApiError) sendApiError(res, err);
    else if (err instanceof OAuthError) sendJson(res, err.httpStatus, err.toJSON());
    else {
      console.error(`[google-emulator] ${where}:`, err);
      sendApiError(res, internalError());
    }
  }
}
