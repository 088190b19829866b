import { ApolloServer, type ApolloServerOptionsWithGateway, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { GatewayMetrics } from '../kernel/metrics';
import type { GatewayContext, GatewayServices } from '../schema/context';
import { unauthenticated } from '../schema/errors';
import { errorFormatter, logUnexpected } from '../schema/format-error';
import type { Hardening } from '../schema/hardening';
import { isIntrospectionOnly } from '../schema/introspection-only';
import type { OperationGuard } from '../schema/operation-limits';
import { gatewayError } from '../schema/errors';
import type { OperationExecutor } from '../schema/compiled-execution';
import type { TrustedDocuments } from '../schema/trusted-documents';
import { documentStore, persistedQueryCache } from './document-caches';
import { takePrecomputed, type DirectExecution } from './direct-execution';

/**
 * Without a token, only `__typename` and introspection may be asked; subscriptions need the
 * WebSocket; the operation guard checks inputs and the estimated size before execution; an
 * operation stopped by its limits answers only that error (not the partial data); the bugs among
 * an operation's errors are logged with the request's logger (it carries the request id).
 */
function requestPlugin(guard: OperationGuard, format: ReturnType<typeof errorFormatter>, direct: DirectExecution | null): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document, request }) {
          // Parsed and validated: the direct path may run this text from now on.
          if (direct && typeof request.query === 'string' && operation && operation.operation !== 'subscription') direct.learn(request.query, document);
          if (!contextValue.caller && !(operation && isIntrospectionOnly(operation, document))) throw unauthenticated();
          if (!operation) return;
          if (operation.operation === 'subscription') {
            throw gatewayError('BAD_REQUEST', 'Subscriptions are served over WebSocket (graphql-ws) on this same URL, not over HTTP', { http: { status: 400 } });
          }
          const refused = guard.check(document, operation, request.variables, contextValue);
          if (refused) throw refused[0]!;
        },
        async didEncounterErrors({ contextValue, errors }) {
          logUnexpected(contextValue.log, errors);
        },
        async willSendResponse({ contextValue, response }) {
          const stopped = contextValue.operation.stopped;
          if (!stopped || response.body.kind !== 'single') return;
          const error: GraphQLFormattedError = format({ message: stopped.message }, stopped);
          response.body.singleResult = { data: null, errors: [error] };
        },
      };
    },
  };
}

/** Duration by operation name and type, and errors by code, as sent (after formatting). */
function metricsPlugin(metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operation, operationName, request, response }) {
          const type = operation?.operation ?? 'unknown';
          // A refused document has no resolved operation: the name the client sent stands for it.
          metrics.operationDuration.observe({ operation: metrics.operationLabel(operationName ?? request.operationName), type }, (performance.now() - started) / 1000);
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (errors) metrics.countErrors(errors);
        },
      };
    },
  };
}

/**
 * Apollo executes through its gateway interface, whose `load()` hands over our executor (compiled
 * operations); parsing, validation, the plugins and error formatting stay Apollo's. Without
 * GRAPHQL_JIT Apollo executes with graphql-js itself, as it always did.
 */
type GatewayInterface = ApolloServerOptionsWithGateway<GatewayContext>['gateway'];

function gatewayOf(schema: GraphQLSchema, executor: OperationExecutor): GatewayInterface {
  let notify: ((schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void) | null = null;
  const gateway: GatewayInterface = {
    onSchemaLoadOrUpdate(callback) {
      notify = callback;
      return () => (notify = null);
    },
    async load() {
      notify?.({ apiSchema: schema, coreSupergraphSdl: '' });
      return {
        // A result the direct path executed (it has errors) is answered as it is: no resolver runs twice.
        executor: async (request) =>
          takePrecomputed(request.context) ??
          executor.execute({ schema, document: request.document, contextValue: request.context, variableValues: request.request.variables, operationName: request.request.operationName }),
      };
    },
    async stop() {},
  };
  return gateway;
}

export function createApollo(
  schema: GraphQLSchema,
  services: GatewayServices,
  limits: Hardening,
  executor: OperationExecutor,
  trusted: TrustedDocuments,
  guard: OperationGuard,
  direct: DirectExecution | null,
): ApolloServer<GatewayContext> {
  const { config, log } = services;
  // No cache hints are used: without the cache-control plugin Apollo does not wrap every field resolver.
  const format = errorFormatter(config.development);
  const plugins: ApolloServerPlugin<GatewayContext>[] = [requestPlugin(guard, format, direct), metricsPlugin(services.metrics), ApolloServerPluginCacheControlDisabled()];
  if (config.production) plugins.push(ApolloServerPluginLandingPageDisabled());
  return new ApolloServer<GatewayContext>({
    ...(executor.jit ? { gateway: gatewayOf(schema, executor) } : { schema }),
    documentStore: documentStore(trusted),
    persistedQueries: { cache: persistedQueryCache(trusted) },
    csrfPrevention: true,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.development,
    hideSchemaDetailsFromClientErrors: !config.introspection,
    allowBatchedHttpRequests: false,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    formatError: format,
    logger: {
      debug: (m) => log.debug(m),
      info: (m) => log.info(m),
      warn: (m) => log.warn(m),
      error: (m) => log.error(m),
    },
    plugins,
  });
}
