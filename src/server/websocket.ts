import { GraphQLError, getOperationAST, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
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

type SocketExtra = {
  caller?: Caller;
  /** The socket's logger: its request id comes from the upgrade request's x-request-id, or is ours. */
  log?: Logger;
};

/** A code and a first message per refused operation, like Apollo's over HTTP. */
function coded(errors: readonly GraphQLError[], code: string): GraphQLError[] {
  return errors.map((e) => new GraphQLError(e.message, { nodes: e.nodes, source: e.source, positions: e.positions, extensions: { ...e.extensions, code } }));
}

/**
 * GraphQL over WebSocket (graphql-ws protocol) on the HTTP server's /graphql path. The token
 * comes in `connection_init` ({ authorization: "Bearer …" }); a bad or missing one closes the
 * socket with 4403. Operations are parsed and validated with the same limits as over HTTP.
 */
export function attachGraphQLWebSocket(httpServer: Server, schema: GraphQLSchema, services: GatewayServices, limits: Hardening, path = '/graphql') {
  const wss = new WebSocketServer({ noServer: true, maxPayload: services.config.limits.maxBodyBytes });
  const format = errorFormatter(services.config.development);
  const socketLog = (extra: SocketExtra & { request: IncomingMessage }): Logger => (extra.log ??= services.log.child({ requestId: requestIdOf(extra.request), socketId: randomUUID() }));
  const rules = [...specifiedRules, ...limits.validationRules];
  const guard = new OperationGuard(schema);
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

  const disposable = useServer<Record<string, unknown> | undefined, SocketExtra>(
    {
      schema,
      isProd: !services.config.development,
      onConnect: async (ctx) => {
        const header = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        if (typeof header !== 'string') return false;
        try {
          const caller = await services.verifier.fromAuthorizationHeader(header);
          if (!caller) return false;
          await services.tenants.ensure(caller.tenant);
          ctx.extra.caller = caller;
          return true;
        } catch (err) {
          if (err instanceof InvalidTokenError) return false;
          throw err;
        }
      },
      onSubscribe: (ctx, _id, payload) => {
        const document = check(payload.query);
        if (Array.isArray(document)) return document as readonly GraphQLError[];
        const contextValue = createContext(services, ctx.extra.caller ?? null, () => socketLog(ctx.extra).child({ operationId: _id }));
        // The same input checks, size estimate and budget as over HTTP.
        const operation = getOperationAST(document as DocumentNode, payload.operationName);
        const refused = operation && guard.check(document as DocumentNode, operation, payload.variables, contextValue);
        if (refused) return refused.map((e) => new GraphQLError(e.message, { extensions: { ...e.extensions, http: undefined } }));
        return {
          schema,
          document: document as DocumentNode,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
        };
      },
      onNext: (ctx, id, _payload, args, result) => {
        // An operation stopped by its limits answers only that error, as over HTTP.
        const stopped = (args.contextValue as GatewayContext | undefined)?.operation.stopped;
        if (stopped) return { errors: [format({ message: stopped.message }, stopped)] };
        if (!result.errors?.length) return;
        logUnexpected(socketLog(ctx.extra).child({ operationId: id }), result.errors);
        return { ...result, errors: result.errors.map((e) => formatGraphQLError(format, e)) };
      },
      onError: (ctx, id, _payload, errors) => {
        logUnexpected(socketLog(ctx.extra).child({ operationId: id }), errors);
        return errors.map((e) => formatGraphQLError(format, e));
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
    /** Closes every socket with 1001 (going away) and stops accepting new ones. */
    async close(): Promise<void> {
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
