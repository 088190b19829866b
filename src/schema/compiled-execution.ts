import {
  BREAK,
  GraphQLError,
  TypeInfo,
  execute,
  getNullableType,
  getOperationAST,
  isListType,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Logger } from '../kernel/logger';
import type { GatewayMetrics } from '../kernel/metrics';

/** Documents whose compiled operations are kept; the least recently used one goes first. */
const MAX_DOCUMENTS = 1000;

type Compiled = CompiledQuery | null;

/**
 * Runs queries and mutations: compiled with graphql-jit (once per document and operation, kept in
 * a bounded LRU), or with graphql-js when GRAPHQL_JIT=false, when graphql-jit cannot compile an
 * operation (logged once per document) and for subscriptions. With `listsOnly` (the gateway's
 * default; GRAPHQL_JIT_ALL=true compiles all), documents that select no list run with graphql-js
 * too: compiled code pays off where lists multiply the resolver calls and costs more per call on
 * a handful of fields (bench/results/2026-12-05-gateway-overhead-*: the 100-task page −45 % CPU,
 * `viewer` +110 µs). Errors come back as graphql-js GraphQLErrors, so that formatting, logging
 * and metrics see what they saw before.
 */
export class OperationExecutor {
  private readonly documents = new Map<DocumentNode, Map<string, Compiled>>();
  private readonly compiledRuns;
  private readonly graphqlJsRuns;

  constructor(
    readonly schema: GraphQLSchema,
    private readonly log: Logger,
    metrics: GatewayMetrics,
    readonly jit: boolean,
    private readonly maxDocuments = MAX_DOCUMENTS,
    private readonly listsOnly = false,
  ) {
    this.compiledRuns = metrics.executions.labels('jit');
    this.graphqlJsRuns = metrics.executions.labels('graphql-js');
  }

  /** Compiled operations held (for tests and metrics). */
  get size(): number {
    return this.documents.size;
  }

  /** Compiles a document's operations ahead of their first request (trusted documents at start). */
  prepare(document: DocumentNode): void {
    if (!this.jit) return;
    for (const d of document.definitions) if (d.kind === 'OperationDefinition' && d.operation !== 'subscription') this.compiled(document, d.name?.value);
  }

  execute(args: ExecutionArgs): ExecutionResult | Promise<ExecutionResult> {
    const query = this.jit ? this.compiled(args.document, args.operationName ?? undefined) : null;
    if (!query) {
      this.graphqlJsRuns.inc();
      return execute(args);
    }
    this.compiledRuns.inc();
    const result = query.query(args.rootValue, args.contextValue, args.variableValues ?? {});
    if (result instanceof Promise) return result.then((r) => this.settle(r, args));
    return this.settle(result, args);
  }

  private settle(result: ExecutionResult, args: ExecutionArgs): ExecutionResult | Promise<ExecutionResult> {
    if (!result.errors?.length) return result;
    // Bad variables stop graphql-jit before any resolver runs: graphql-js says it in its own words.
    if (!('data' in result)) return execute(args);
    // graphql-js's key order: errors, then data.
    return { errors: result.errors.map(asGraphQLJsError), data: result.data };
  }

  /** The compiled operation, or null when it runs with graphql-js. */
  private compiled(document: DocumentNode, operationName: string | undefined): Compiled {
    const key = operationName ?? '';
    let operations = this.documents.get(document);
    if (operations) {
      const hit = operations.get(key);
      if (hit !== undefined) {
        // Most recently used goes last.
        if (this.documents.size > 1) {
          this.documents.delete(document);
          this.documents.set(document, operations);
        }
        return hit;
      }
    } else {
      if (this.documents.size >= this.maxDocuments) this.documents.delete(this.documents.keys().next().value!);
      this.documents.set(document, (operations = new Map()));
    }
    // Documents that select no list run with graphql-js: not compiled at all.
    const compiled = this.listsOnly && !selectsList(this.schema, document) ? null : this.compile(document, operationName);
    operations.set(key, compiled);
    return compiled;
  }

  private compile(document: DocumentNode, operationName: string | undefined): Compiled {
    const operation = getOperationAST(document, operationName);
    // Unknown operations are reported by graphql-js; subscriptions are not executed here.
    if (!operation || operation.operation === 'subscription') return null;
    let reason: unknown;
    try {
      const compiled = compileQuery(this.schema, document, operationName, { disablingCapturingStackErrors: true });
      if (isCompiledQuery(compiled)) return compiled;
      reason = compiled.errors?.map((e) => e.message).join('; ');
    } catch (err) {
      reason = err instanceof Error ? err.message : String(err);
    }
    this.log.warn({ operationName: operation.name?.value ?? null, reason }, 'graphql-jit cannot compile this operation; it runs with graphql-js');
    return null;
  }
}

/** Whether any field the document selects (its fragments included) returns a list. */
export function selectsList(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const type = typeInfo.getType();
        if (type && isListType(getNullableType(type))) {
          found = true;
          return BREAK;
        }
        return undefined;
      },
    }),
  );
  return found;
}

/**
 * graphql-jit's errors only look like graphql-js's (no nodes, extensions may be missing); the same
 * error as graphql-js would make, with graphql-jit's locations.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const original = error.originalError;
  const converted = new GraphQLError(error.message, {
    path: error.path,
    originalError: original,
    extensions: error.extensions ?? (original as { extensions?: Record<string, unknown> } | undefined)?.extensions,
  });
  if (error.locations?.length) (converted as { locations?: unknown }).locations = error.locations;
  return converted;
}
