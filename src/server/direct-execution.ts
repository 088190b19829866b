import type { DocumentNode, ExecutionResult, OperationDefinitionNode } from 'graphql';
import type { IncomingHttpHeaders } from 'node:http';
import type { GatewayMetrics } from '../kernel/metrics';
import type { OperationExecutor } from '../schema/compiled-execution';
import type { GatewayContext } from '../schema/context';
import type { OperationGuard } from '../schema/operation-limits';
import type { TrustedDocuments } from '../schema/trusted-documents';
import { BoundedLru } from './document-caches';

/** A document Apollo parsed and validated, with its operations by name and the one to run when none is named. */
interface KnownDocument {
  document: DocumentNode;
  named: Map<string, OperationDefinitionNode>;
  /** The document's operation when it holds exactly one, else null. */
  only: OperationDefinitionNode | null;
}

/** A POST this path can run: a known document, its query or mutation, and the request's variables. */
export interface DirectPlan {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
  contentType: string;
}

/** What running a plan gave: the answer to send, or Apollo to answer (refused, or executed with errors: see takePrecomputed). */
export type DirectOutcome = { kind: 'answer'; body: string; contentType: string } | { kind: 'apollo' };

/** Where an execution of the direct path waits for Apollo to answer it (Apollo copies the context's own properties). */
const PRECOMPUTED = Symbol('precomputed execution');

type Precomputed = { result: ExecutionResult } | { thrown: unknown };

/**
 * The execution the direct path made, for Apollo to answer, taken once: its result, or what it
 * threw (thrown again, so that Apollo answers it as when it executes itself); undefined when
 * there is none.
 */
export function takePrecomputed(context: object): ExecutionResult | undefined {
  const held: unknown = Reflect.get(context, PRECOMPUTED);
  if (held === undefined) return undefined;
  Reflect.set(context, PRECOMPUTED, undefined);
  const precomputed = held as Precomputed;
  if ('thrown' in precomputed) throw precomputed.thrown;
  return precomputed.result;
}

function precompute(context: GatewayContext, precomputed: Precomputed): void {
  Reflect.set(context, PRECOMPUTED, precomputed);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Accept headers whose content type Apollo chose are remembered (a handful in practice). */
const MAX_ACCEPT_HEADERS = 64;
const NO_ACCEPT = '';
const JSON_RESPONSE_TYPES = new Set(['application/json; charset=utf-8', 'application/graphql-response+json; charset=utf-8']);

/**
 * Queries and mutations over POST whose answer has no error, run without Apollo's request
 * pipeline: the document is one Apollo already parsed and validated (it is learned in the
 * request plugin's `didResolveOperation`; trusted documents are known from the start), and this
 * path does what that pipeline does for such a request: the same context, the same
 * authentication and operation-limit checks, the same executor, the same body
 * (`JSON.stringify({ data }) + "\n"`), content type (the one Apollo chose for the same `Accept`
 * header) and metrics. Anything else goes to Apollo: an unknown document, GET, uploads, APQ,
 * refused requests, and every result with errors, which Apollo formats, logs and answers from the
 * result already executed here (no resolver runs twice). test/integration/foundation/
 * direct-execution.test.ts sends the same requests through both paths and compares the answers
 * byte for byte.
 */
export class DirectExecution {
  /** Texts Apollo validated, kept while their summed length stays under 30 MB. */
  private readonly texts = new BoundedLru<KnownDocument>(30_000_000, (known) => known.document.loc?.end ?? 1000);
  /** The trusted documents by text: always known. */
  private readonly trustedTexts = new Map<string, KnownDocument>();
  /** Content types by Accept header, the least recently used evicted first. */
  private readonly contentTypes = new BoundedLru<string>(MAX_ACCEPT_HEADERS, () => 1);
  private readonly served;
  private readonly handedOver;

  constructor(
    private readonly executor: OperationExecutor,
    private readonly guard: OperationGuard,
    private readonly metrics: GatewayMetrics,
    private readonly trusted: TrustedDocuments,
  ) {
    for (const entry of trusted.all()) if (entry.document) this.trustedTexts.set(entry.text, known(entry.document));
    this.served = metrics.httpPaths.labels('direct');
    this.handedOver = metrics.httpPaths.labels('apollo');
  }

  /** A document Apollo parsed and validated for this text. */
  learn(text: string, document: DocumentNode): void {
    if (this.trustedTexts.has(text)) return;
    if (this.texts.get(text)?.document !== document) this.texts.set(text, known(document));
  }

  /**
   * The content type Apollo answered a POST with this Accept header with (only JSON ones: what
   * it negotiates for a single result). The least recently used header goes first.
   */
  learnContentType(accept: string | undefined, contentType: string | undefined): void {
    if (contentType && JSON_RESPONSE_TYPES.has(contentType)) this.contentTypes.set(accept ?? NO_ACCEPT, contentType);
  }

  /** Counts a request Apollo answers (for the metrics: direct vs apollo). */
  countApollo(): void {
    this.handedOver.inc();
  }

  /** The plan for a parsed POST body, or null when Apollo must serve it. */
  plan(headers: IncomingHttpHeaders, body: unknown): DirectPlan | null {
    if (!isRecord(body)) return null;
    const contentType = this.contentTypes.get(headers.accept ?? NO_ACCEPT);
    if (!contentType || !isJson(headers['content-type'])) return null;
    const { query, documentId, operationName, variables, extensions } = body;
    if (extensions !== undefined && extensions !== null && (!isRecord(extensions) || extensions.persistedQuery !== undefined)) return null;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
    if (variables !== undefined && variables !== null && !isRecord(variables)) return null;
    let knownDocument: KnownDocument | undefined;
    if (documentId !== undefined && documentId !== null) {
      if (typeof documentId !== 'string' || (query !== undefined && query !== null)) return null;
      const trusted = this.trusted.byId(documentId);
      knownDocument = trusted ? this.trustedTexts.get(trusted.text) : undefined;
    } else if (typeof query === 'string') {
      knownDocument = this.trustedTexts.get(query) ?? this.texts.get(query);
    }
    if (!knownDocument) return null;
    const name = operationName ?? undefined;
    const operation = operationOf(knownDocument, name);
    if (!operation || operation.operation === 'subscription') return null;
    return { document: knownDocument.document, operation, operationName: name, variables: variables ?? undefined, contentType };
  }

  /**
   * Runs a plan with the request's context. `apollo`: refused before execution (Apollo refuses it
   * in its words), or executed with errors or a throw, held on the context for Apollo to answer.
   */
  async run(plan: DirectPlan, context: GatewayContext): Promise<DirectOutcome> {
    if (!context.caller) return { kind: 'apollo' };
    const started = performance.now();
    try {
      if (this.guard.check(plan.document, plan.operation, plan.variables, context)) return { kind: 'apollo' };
    } catch {
      // Apollo checks again and answers what it throws, in its words.
      return { kind: 'apollo' };
    }
    let result: ExecutionResult;
    try {
      result = await this.executor.execute({ schema: this.executor.schema, document: plan.document, contextValue: context, variableValues: plan.variables, operationName: plan.operationName });
    } catch (thrown) {
      // Resolvers may have run: Apollo answers what was thrown without executing again.
      precompute(context, { thrown });
      return { kind: 'apollo' };
    }
    if (result.errors?.length || !('data' in result) || context.operation.stopped) {
      precompute(context, { result });
      return { kind: 'apollo' };
    }
    const body = JSON.stringify({ data: result.data }) + '\n';
    this.metrics.operationDuration.observe(
      { operation: this.metrics.operationLabel(plan.operation.name?.value ?? plan.operationName), type: plan.operation.operation },
      (performance.now() - started) / 1000,
    );
    this.served.inc();
    return { kind: 'answer', body, contentType: plan.contentType };
  }
}

function known(document: DocumentNode): KnownDocument {
  const named = new Map<string, OperationDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== 'OperationDefinition') continue;
    operations.push(definition);
    // graphql-js's getOperationAST takes the first of a name (validation refuses two anyway).
    if (definition.name && !named.has(definition.name.value)) named.set(definition.name.value, definition);
  }
  return { document, named, only: operations.length === 1 ? operations[0]! : null };
}

/** graphql-js's getOperationAST: the named operation, or the only one when none is named. */
function operationOf(knownDocument: KnownDocument, name: string | undefined): OperationDefinitionNode | null {
  return name === undefined ? knownDocument.only : (knownDocument.named.get(name) ?? null);
}

/** `application/json`, with any parameters (Apollo's CSRF prevention lets it through: it is not a "simple" type). */
function isJson(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase() === 'application/json';
}
