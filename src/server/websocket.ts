import { GraphQLError, getOperationAST, parse, specifiedRules, subscribe, validate, type DocumentNode, type ExecutionResult, type FormattedExecutionResult, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Logger } from '../kernel/logger';
import { WebSocketServer } from 'ws';
import { InvalidTokenError, type Caller } from '../schema/caller';
import { createContext, type GatewayContext, type GatewayServices } from '../schema/context';
import { errorFormatter, formatGraphQLError, logUnexpected } from '../schema/format-error';
import type { Hardening } from '../schema/hardening';
import { OperationGuard } from '../schema/operation-limits';
import { requestIdOf } from './http-server';
import type { OperationExecutor } from '../schema/compiled-execution';
import type { TrustedDocuments } from '../schema/trusted-documents';
import { trustedSubscribePayload } from './trusted-request';
import { SubscriptionFanOut, type FanOutSubscriber } from './subscription-fanout';

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** setTimeout's longest delay (about 24.8 days); a longer-lived token re-arms its timer. */
const MAX_TIMER_MS = 2 ** 31 - 1;

type SocketExtra = {
  caller?: Caller;
  /** Closes the socket when its token expires. */
  expiry?: NodeJS.Timeout;
  /** The socket's logger: its request id comes from the upgrade request's x-request-id, or is ours. */
  log?: Logger;
};

/** A code and a first message per refused operation, like Apollo's over HTTP. */
function coded(errors: readonly GraphQLError[], code: string): GraphQLError[] {
  return errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, extensions: { ...e.extensions, code } }));
}

/**
 * The document a subscribe message names: a trusted document by `documentId` or APQ hash (parsed
 * and validated at start), or its query text, parsed and validated once per text. With
 * GRAPHQL_TRUSTED_DOCUMENTS_ONLY, only trusted documents.
 */
function documentResolver(trusted: TrustedDocuments, check: (query: string) => DocumentNode | readonly GraphQLError[]) {
  return (payload: Record<string, unknown>): DocumentNode | readonly GraphQLError[] => {
    const named = trustedSubscribePayload(trusted, payload);
    if (named instanceof GraphQLError) return [new GraphQLError(named.message, { extensions: { code: named.extensions.code } })];
    return named.document ?? check(named.text);
  };
}

/**
 * GraphQL over WebSocket (graphql-ws protocol) on the HTTP server's /graphql path. The token
 * comes in `connection_init` ({ authorization: "Bearer …" }); a bad or missing one closes the
 * socket with 4403, and so does the token's expiry (a client reconnects with a fresh token).
 * A caller (tenant + sub) has at most WS_MAX_SOCKETS_PER_CALLER sockets open; one more is closed
 * with 4429. Operations are parsed and validated with the same limits as over HTTP. Subscription
 * events are delivered by the fan-out (subscription-fanout.ts): once per group of equal
 * subscribers, with bounded send buffers (a client that does not read is closed with 4408).
 */
export function attachGraphQLWebSocket(
  httpServer: Server,
  schema: GraphQLSchema,
  services: GatewayServices,
  limits: Hardening,
  execution: { executor: OperationExecutor; trusted: TrustedDocuments },
  path = '/graphql',
) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: services.config.limits.maxBodyBytes });
  const format = errorFormatter(services.config.development);
  const socketLog = (extra: SocketExtra & { request: IncomingMessage }): Logger => (extra.log ??= services.log.child({ requestId: requestIdOf(extra.request), socketId: randomUUID() }));
  const rules = [...specifiedRules, ...limits.validationRules];
  const guard = new OperationGuard(schema);
  const maxSocketsPerCaller = services.config.limits.maxSocketsPerCaller;
  const socketsPerCaller = new Map<string, number>();
  // Like Apollo's document store: a query text is parsed and validated once, not per subscriber.
  const checked = new Map<string, DocumentNode | readonly GraphQLError[]>();
  const check = (query: string): DocumentNode | readonly GraphQLError[] => {
    const hit = checked.get(query);
    if (hit) return hit;
    let result: DocumentNode | readonly GraphQLError[];
    try {
      const document = parse(query, limits.parseOptions);
      const errors = validate(schema, document, rules);
      result = errors.length ? coded(errors, 'GRAPHQL_VALIDATION_FAILED') : document;
    } catch (err) {
      result = coded([err instanceof GraphQLError ? err : new GraphQLError(String(err))], 'GRAPHQL_PARSE_FAILED');
    }
    if (checked.size >= 1000) checked.delete(checked.keys().next().value!);
    checked.set(query, result);
    return result;
  };
  const documentOf = documentResolver(execution.trusted, check);

  /**
   * The `payload` of a `next` message: an operation stopped by its limits answers only that error,
   * as over HTTP; errors are masked, the bugs among them logged, and counted by code.
   */
  const formatNext = (result: ExecutionResult, context: GatewayContext | undefined, log: () => Logger): FormattedExecutionResult => {
    const stopped = context?.operation.stopped;
    if (stopped) return { errors: [format({ message: stopped.message }, stopped)] };
    if (!result.errors?.length) return result as FormattedExecutionResult;
    logUnexpected(log(), result.errors);
    const errors = result.errors.map((e) => formatGraphQLError(format, e));
    services.metrics.countErrors(errors);
    return { ...result, errors };
  };
  // Subscriptions: one execution and one serialization per group of equal subscribers and event.
  const { maxBufferedBytes, behindBufferedBytes } = services.config.delivery;
  const fanOut = new SubscriptionFanOut(services, { maxBufferedBytes, behindBufferedBytes }, formatNext);
  /** The subscriber behind a subscription's context (set in onSubscribe, read in subscribe). */
  const subscribers = new WeakMap<object, FanOutSubscriber>();
  services.metrics.scraped('gateway_websocket_buffered_bytes', 'Bytes waiting in the send buffers of all GraphQL WebSockets', [], async () => {
    let bytes = 0;
    for (const socket of wss.clients) bytes += socket.bufferedAmount;
    return [{ labels: {}, value: bytes }];
  });

  const disposable = useServer<Record<string, unknown> | undefined, SocketExtra>(
    {
      schema,
      // Queries and mutations: compiled (GRAPHQL_JIT) like over HTTP; subscriptions: graphql-js.
      execute: (args) => execution.executor.execute(args),
      isProd: !services.config.development,
      subscribe: (args) => {
        const subscriber = subscribers.get(args.contextValue as object);
        return subscriber ? fanOut.subscribe(args, subscriber) : subscribe(args);
      },
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        if (typeof header !== 'string') return false;
        try {
          const session = await services.verifier.sessionOf(header);
          if (!session) return false;
          const { caller, exp } = session;
          const key = `${caller.tenant}\u0000${caller.sub}`;
          const open = socketsPerCaller.get(key) ?? 0;
          if (open >= maxSocketsPerCaller) {
            // 4429 is final for graphql-ws clients: they do not retry in a loop.
            ctx.extra.socket.close(4429, `Too many open sockets for this caller (at most ${maxSocketsPerCaller})`);
            return false;
          }
          socketsPerCaller.set(key, open + 1);
          services.metrics.openSockets.inc();
          ctx.extra.socket.once('close', () => {
            services.metrics.openSockets.dec();
            clearTimeout(ctx.extra.expiry);
            const left = (socketsPerCaller.get(key) ?? 1) - 1;
            if (left > 0) socketsPerCaller.set(key, left);
            else socketsPerCaller.delete(key);
          });
          await services.tenants.ensure(caller.tenant);
          // The socket lives as long as its token: at expiry it closes with 4403, its subscriptions
          // end, and the client reconnects with a fresh token in connection_init.
          const expired = () => ctx.extra.socket.close(4403, 'The token has expired: reconnect with a fresh token');
          const leftMs = exp * 1000 - Date.now();
          if (leftMs <= 0) return false;
          const at = (ms: number) => {
            ctx.extra.expiry = setTimeout(() => (ms > MAX_TIMER_MS ? at(ms - MAX_TIMER_MS) : expired()), Math.min(ms, MAX_TIMER_MS));
            ctx.extra.expiry.unref();
          };
          at(leftMs);
          ctx.extra.caller = caller;
          return true;
        } catch (err) {
          if (err instanceof InvalidTokenError) return false;
          throw err;
        }
      },
      onSubscribe: (ctx, _id, payload) => {
        const document = documentOf(Object.fromEntries(Object.entries(payload)));
        if (Array.isArray(document)) {
          services.metrics.countErrors(document as readonly GraphQLError[]);
          return document as readonly GraphQLError[];
        }
        const contextValue = createContext(services, ctx.extra.caller ?? null, () => socketLog(ctx.extra).child({ operationId: _id }));
        // The same input checks, size estimate and budget as over HTTP.
        const operation = getOperationAST(document as DocumentNode, payload.operationName);
        const refused = operation && guard.check(document as DocumentNode, operation, payload.variables, contextValue);
        if (refused) {
          services.metrics.countErrors(refused);
          return refused.map((e) => new GraphQLError(e.message, { extensions: { ...e.extensions, http: undefined } }));
        }
        if (operation?.operation === 'subscription' && ctx.extra.caller) {
          subscribers.set(contextValue, { socket: ctx.extra.socket, id: _id, caller: ctx.extra.caller, log: socketLog(ctx.extra) });
        }
        return {
          schema,
          document: document as DocumentNode,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
        };
      },
      onOperation: (_ctx, _id, _payload, args, result) => {
        // A subscription is served until its iterator ends; queries and mutations answer once.
        if (!isAsyncIterable(result)) return;
        services.metrics.activeSubscriptions.inc();
        const iterator = result[Symbol.asyncIterator]();
        let ended = false;
        const end = () => {
          if (!ended) services.metrics.activeSubscriptions.dec();
          ended = true;
        };
        // An async generator's shape (graphql-ws calls return() on it when the client or socket ends it).
        const counted: AsyncGenerator<unknown> = {
          next: () =>
            iterator.next().then(
              (r) => (r.done && end(), r),
              (err: unknown) => (end(), Promise.reject(err)),
            ),
          return: (value?: unknown) => (end(), iterator.return ? iterator.return(value) : Promise.resolve({ done: true as const, value: undefined })),
          throw: (err?: unknown) => (end(), iterator.throw ? iterator.throw(err) : Promise.reject(err)),
          [Symbol.asyncIterator]() {
            return this;
          },
        };
        return counted as typeof result;
      },
      onNext: (ctx, id, _payload, args, result) => {
        // Queries and mutations (subscription events are sent by the fan-out).
        const formatted = formatNext(result, args.contextValue as GatewayContext | undefined, () => socketLog(ctx.extra).child({ operationId: id }));
        return formatted === result ? undefined : formatted;
      },
      onError: (ctx, id, _payload, errors) => {
        logUnexpected(socketLog(ctx.extra).child({ operationId: id }), errors);
        const formatted = errors.map((e) => formatGraphQLError(format, e));
        services.metrics.countErrors(formatted);
        return formatted;
      },
    },
    wss,
  );

  httpServer.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== path) {
      socket.write('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  return {
    clientCount: () => wss.clients.size,
    /** Groups of subscribers sharing one execution per event. */
    subscriptionGroupCount: () => fanOut.groupCount(),
    /** Closes every socket with 1001 (going away) and stops accepting new ones. */
    async close(): Promise<void> {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
