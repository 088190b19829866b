import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { NoSchemaIntrospectionCustomRule, type GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import type { GatewayConfig } from '../config';

/**
 * The query limits, applied identically over HTTP (Apollo) and WebSocket (graphql-ws), which
 * would otherwise validate with graphql's default rules only.
 */
export interface Hardening {
  parseOptions: ParseOptions;
  validationRules: ValidationRule[];
}

export function hardening(config: GatewayConfig): Hardening {
  const { limits } = config;
  // Report a rejection as a validation error (HTTP 400) instead of throwing out of validate().
  const report = {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [(ctx: ValidationContext | null, err: GraphQLError) => ctx?.reportError(err)],
  };
  const rules: ValidationRule[] = [
    maxDepthRule({ ...report, n: limits.maxDepth, flattenFragments: true }),
    maxAliasesRule({ ...report, n: limits.maxAliases }),
    maxDirectivesRule({ ...report, n: limits.maxDirectives }),
    costLimitRule({ ...report, maxCost: limits.maxCost }),
  ];
  if (!config.introspection) rules.push(NoSchemaIntrospectionCustomRule);
  return { parseOptions: { maxTokens: limits.maxTokens }, validationRules: rules };
}
