import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { GatewayMetrics } from '../kernel/metrics';
import type { GatewayContext, GatewayServices } from '../schema/context';
import { unauthenticated } from '../schema/errors';
import { errorFormatter, logUnexpected } from '../schema/format-error';
import type { Hardening } from '../schema/hardening';
import { isIntrospectionOnly } from '../schema/introspection-only';

/**
 * Without a token, only `__typename` and introspection may be asked; the bugs among an operation's
 * errors are logged with the request's logger (it carries the request id).
 */
const requestPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation, document }) {
        if (!contextValue.caller && !(operation && isIntrospectionOnly(operation, document))) throw unauthenticated();
      },
      async didEncounterErrors({ contextValue, errors }) {
        logUnexpected(contextValue.log, errors);
      },
    };
  },
};

/** Duration by operation name and type, and errors by code, as sent (after formatting). */
function metricsPlugin(metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operation, operationName, response }) {
          const type = operation?.operation ?? 'unknown';
          metrics.operationDuration.observe({ operation: metrics.operationLabel(operationName), type }, (performance.now() - started) / 1000);
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (errors) for (const e of errors) metrics.errors.inc({ code: String(e.extensions?.code ?? 'UNKNOWN') });
        },
      };
    },
  };
}

export function createApollo(schema: GraphQLSchema, services: GatewayServices, limits: Hardening): ApolloServer<GatewayContext> {
  const { config, log } = services;
  // No cache hints are used: without the cache-control plugin Apollo does not wrap every field resolver.
  const plugins: ApolloServerPlugin<GatewayContext>[] = [requestPlugin, metricsPlugin(services.metrics), ApolloServerPluginCacheControlDisabled()];
  if (config.production) plugins.push(ApolloServerPluginLandingPageDisabled());
  return new ApolloServer<GatewayContext>({
    schema,
    csrfPrevention: true,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.development,
    hideSchemaDetailsFromClientErrors: !config.introspection,
    allowBatchedHttpRequests: false,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    formatError: errorFormatter(config.development),
    logger: {
      debug: (m) => log.debug(m),
      info: (m) => log.info(m),
      warn: (m) => log.warn(m),
      error: (m) => log.error(m),
    },
    plugins,
  });
}
