import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { NoSchemaIntrospectionCustomRule, type ParseOptions, type ValidationRule } from 'graphql';
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
  const rules: ValidationRule[] = [
    maxDepthRule({ n: limits.maxDepth, exposeLimits: true, flattenFragments: true }) as unknown as ValidationRule,
    maxAliasesRule({ n: limits.maxAliases, exposeLimits: true }) as unknown as ValidationRule,
    maxDirectivesRule({ n: limits.maxDirectives, exposeLimits: true }) as unknown as ValidationRule,
    costLimitRule({ maxCost: limits.maxCost, exposeLimits: true }) as unknown as ValidationRule,
  ];
  if (!config.introspection) rules.push(NoSchemaIntrospectionCustomRule);
  return { parseOptions: { maxTokens: limits.maxTokens }, validationRules: rules };
}
