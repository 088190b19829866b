import {
  GraphQLError,
  Kind,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isCompositeType,
  isListType,
  isObjectType,
  isInterfaceType,
  visit,
  defaultFieldResolver,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type FragmentDefinitionNode,
} from 'graphql';
import type { GatewayConfig } from '../config';
import type { Caller } from '../kernel/caller';
import { DomainError, domainError } from '../kernel/errors';

/** What a field declares about its cost (type-graphql: `@Extensions({ cost: … })`). */
export interface FieldCost {
  /** Runs under the per-caller concurrency limit (GRAPHQL_EXPENSIVE_PER_CALLER) and the operation's deadline. */
  expensive?: boolean;
  /** The list items the field will produce, estimated from its arguments and what is selected under it. */
  estimate?: (args: Record<string, unknown>, selection: SelectionProbe, caller: Caller | null) => number;
}

/** Looks under a field of the operation: is a path selected, and with which arguments (of its first occurrence). */
export interface SelectionProbe {
  selects(path: readonly string[]): boolean;
  args(path: readonly string[]): Record<string, unknown> | null;
}

export const resultTooLarge = (message: string, details: Record<string, unknown> = {}): DomainError => domainError('RESULT_TOO_LARGE', `${message}; narrow the range or paginate`, details);

/**
 * List items completed in one turn of the event loop once an answer is bigger than that (see
 * OperationBudget.pace), and at most half the cap. Answers of up to this size (a month of a
 * 100,000-task tenant is about 8,500) complete exactly as without pacing.
 */
const ITEMS_PER_TURN = 10_000;

/**
 * The limits of one operation: list items produced so far against GRAPHQL_MAX_RESULT_OBJECTS, and
 * its deadline (GRAPHQL_TIMEOUT_MS). Inactive (no counting, no deadline) until `start()`:
 * subscriptions never start one.
 */
export class OperationBudget {
  produced = 0;
  deadline = Number.POSITIVE_INFINITY;
  active = false;
  /** The error that stopped the operation; every later list or expensive field fails with it. */
  stopped: DomainError | null = null;

  constructor(
    readonly maxObjects: number,
    readonly timeoutMs: number,
  ) {}

  start(now = Date.now()): void {
    this.active = true;
    this.deadline = now + this.timeoutMs;
  }

  remaining(): number {
    return this.maxObjects - this.produced;
  }

  msLeft(): number {
    return this.deadline - Date.now();
  }

  stop(error: DomainError): DomainError {
    this.stopped ??= error;
    return this.stopped;
  }

  timedOut(): DomainError {
    return this.stop(domainError('OPERATION_TIMEOUT', `The operation ran longer than ${this.timeoutMs} ms and was stopped; narrow the range or paginate`, { timeoutMs: this.timeoutMs }));
  }

  private paced: Promise<void> | null = null;
  private itemsThisTurn = 0;

  /**
   * Hands a counted list back for completion. A small answer gets it at once (no cost); once an
   * answer passes ITEMS_PER_TURN items (at most half the cap), lists are handed out in order, that many per
   * turn of the event loop, so that a big answer does not hold the process (health checks, other
   * requests) for the whole of its completion. Never rejects: once stopped, lists come back empty.
   */
  pace<T>(list: T[]): T[] | Promise<T[]> {
    const perTurn = Math.min(ITEMS_PER_TURN, Math.ceil(this.maxObjects / 2));
    if (!this.paced) {
      this.itemsThisTurn += list.length;
      if (this.itemsThisTurn < perTurn) return list;
      this.paced = Promise.resolve();
    }
    const n = list.length;
    this.paced = this.paced.then(() => {
      if (this.itemsThisTurn < perTurn) {
        this.itemsThisTurn += n;
        return;
      }
      this.itemsThisTurn = n;
      return new Promise<void>((resolve) => setImmediate(resolve));
    });
    return this.paced.then(() => {
      if (!this.stopped && Date.now() > this.deadline) this.timedOut();
      return this.stopped ? [] : list;
    });
  }

  /**
   * Counts `n` list items. False once the cap or the deadline is passed: the operation is stopped
   * (its answer becomes that one error) and the list must be left empty. It does not throw: when a
   * field fails into a non-null parent, graphql-js abandons the promises of its siblings, and a
   * later rejection among them would be unhandled.
   */
  take(n: number): boolean {
    if (this.stopped) return false;
    this.produced += n;
    if (this.produced > this.maxObjects) {
      this.stop(resultTooLarge(`The answer would hold more than ${this.maxObjects} objects`, { limit: this.maxObjects }));
      return false;
    }
    if (Date.now() > this.deadline) {
      this.timedOut();
      return false;
    }
    return true;
  }
}

/** A context that carries an operation budget (the GraphQL context does). */
interface Budgeted {
  caller: Caller | null;
  operation: OperationBudget;
}

/**
 * At most `limit` expensive fields of one caller run at once in this process; the others wait
 * (aliases of one operation run one after another), until their operation's deadline.
 */
export class CallerGate {
  private readonly callers = new Map<string, { running: number; waiting: (() => void)[] }>();

  constructor(private readonly limit: number) {}

  async acquire(key: string, budget: OperationBudget): Promise<() => void> {
    let slot = this.callers.get(key);
    if (!slot) this.callers.set(key, (slot = { running: 0, waiting: [] }));
    const held = slot;
    if (held.running < this.limit) held.running++;
    else {
      const ms = budget.msLeft();
      if (ms <= 0) throw budget.timedOut();
      // A releasing field hands its place over directly (running stays the same).
      await new Promise<void>((resolve, reject) => {
        const wake = () => {
          if (timer) clearTimeout(timer);
          resolve();
        };
        const timer = Number.isFinite(ms)
          ? setTimeout(() => {
              held.waiting = held.waiting.filter((w) => w !== wake);
              reject(budget.timedOut());
            }, ms)
          : null;
        held.waiting.push(wake);
      });
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = held.waiting.shift();
      if (next) next();
      else if (--held.running === 0) this.callers.delete(key);
    };
  }
}

/**
 * Marks a promise handed to graphql-js as handled: when a sibling field fails synchronously into a
 * non-null parent, graphql-js abandons the promises it already holds, and a later rejection of
 * one of them (a stopped operation) would otherwise end the process as an unhandled rejection.
 */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

const costOf = (field: GraphQLField<unknown, unknown>): FieldCost | undefined => (field.extensions as { cost?: FieldCost } | undefined)?.cost;

/**
 * Wraps the schema's resolvers once: every field returning a list counts its items against the
 * operation's budget (one addition per list, not per item), and expensive fields run under the
 * per-caller gate, with the deadline checked before they start.
 */
export function limitResolvers(schema: GraphQLSchema, config: Pick<GatewayConfig, 'limits'>): GraphQLSchema {
  const gate = new CallerGate(config.limits.expensivePerCaller);
  const subscription = schema.getSubscriptionType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type)) || type === subscription) continue;
    for (const field of Object.values(type.getFields())) {
      const inner = field.resolve ?? defaultFieldResolver;
      if (costOf(field)?.expensive) {
        const expensive = async (source: unknown, args: Record<string, unknown>, ctx: Budgeted, info: Parameters<typeof inner>[3]) => {
          const budget = ctx.operation;
          if (budget.stopped) throw budget.stopped;
          if (budget.msLeft() <= 0) throw budget.timedOut();
          const release = await gate.acquire(ctx.caller ? `${ctx.caller.tenant}\u0000${ctx.caller.sub}` : '', budget);
          try {
            if (budget.stopped) throw budget.stopped;
            return await inner(source, args, ctx, info);
          } finally {
            release();
          }
        };
        field.resolve = (source, args, ctx: Budgeted, info) => handled(expensive(source, args, ctx, info));
      } else if (isListType(getNullableType(field.type)) && isCompositeType(getNamedType(field.type))) {
        field.resolve = (source, args, ctx: Budgeted, info) => {
          const result: unknown = inner(source, args, ctx, info);
          const budget = ctx.operation;
          if (!budget.active) return result;
          if (result instanceof Promise) {
            return result.then((list: unknown) => {
              if (!Array.isArray(list)) return list;
              return budget.take(list.length) ? budget.pace(list) : [];
            });
          }
          if (!Array.isArray(result)) return result;
          return budget.take(result.length) ? budget.pace(result) : [];
        };
      }
    }
  }
  return schema;
}

/** Facts about a document that do not depend on variables, computed once per parsed document. */
interface DocumentFacts {
  /** A string literal holds a NUL character. */
  nulLiteral: boolean;
  /** Names of cost-declaring fields appear in it (only then is the estimate walked). */
  costFields: boolean;
}

const NUL = '\u0000';

/** Where a NUL character sits in a variable's value (`$input.title`), or null. */
function nulPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = nulPath(value[i], `${path}[${i}]`, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const [key, v] of Object.entries(value)) {
    const hit = nulPath(v, `${path}.${key}`, depth + 1);
    if (hit) return hit;
  }
  return null;
}

const badInput = (message: string, field: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } } });

/**
 * The checks of one operation once it is parsed, validated and chosen, before it executes (over
 * HTTP and WebSocket alike): no NUL character in any string input (PostgreSQL refuses them in
 * text), and an estimated size within GRAPHQL_MAX_RESULT_OBJECTS. Starts the operation's budget
 * for queries and mutations.
 */
export class OperationGuard {
  private readonly facts = new WeakMap<DocumentNode, DocumentFacts>();
  private readonly costFieldNames = new Set<string>();

  constructor(private readonly schema: GraphQLSchema) {
    for (const type of Object.values(schema.getTypeMap())) {
      if (!(isObjectType(type) || isInterfaceType(type))) continue;
      for (const field of Object.values(type.getFields())) if (costOf(field)?.estimate) this.costFieldNames.add(field.name);
    }
  }

  private factsOf(document: DocumentNode): DocumentFacts {
    let facts = this.facts.get(document);
    if (facts) return facts;
    facts = { nulLiteral: false, costFields: false };
    const f = facts;
    const names = this.costFieldNames;
    visit(document, {
      StringValue(node) {
        if (node.value.includes(NUL)) f.nulLiteral = true;
      },
      Field(node) {
        if (names.has(node.name.value)) f.costFields = true;
      },
    });
    this.facts.set(document, facts);
    return facts;
  }

  /** Errors to answer instead of executing, or null; starts `ctx.operation` for queries and mutations. */
  check(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | null | undefined, ctx: Budgeted): GraphQLError[] | null {
    const facts = this.factsOf(document);
    if (facts.nulLiteral) return [badInput('Text arguments must not contain NUL characters', 'query')];
    if (variables) {
      for (const [name, value] of Object.entries(variables)) {
        const at = nulPath(value, `$${name}`);
        if (at) return [badInput(`${at} must not contain NUL characters`, at)];
      }
    }
    if (operation.operation !== 'subscription') ctx.operation.start();
    if (!facts.costFields) return null;
    const coerced = getVariableValues(this.schema, operation.variableDefinitions ?? [], variables ?? {});
    // Bad variables are reported by execution itself, with graphql's own messages.
    if (coerced.errors) return null;
    const estimate = this.estimate(document, operation, coerced.coerced, ctx.caller);
    if (estimate > ctx.operation.maxObjects) {
      return [
        new GraphQLError(`The answer would hold about ${Math.round(estimate)} objects, more than ${ctx.operation.maxObjects}; narrow the range or paginate`, {
          extensions: { code: 'RESULT_TOO_LARGE', estimated: Math.round(estimate), limit: ctx.operation.maxObjects, http: { status: 400 } },
        }),
      ];
    }
    return null;
  }

  /** The sum of the estimates of every cost-declaring field the operation selects (aliases count each). */
  estimate(document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>, caller: Caller | null): number {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const root = operation.operation === 'query' ? this.schema.getQueryType() : operation.operation === 'mutation' ? this.schema.getMutationType() : this.schema.getSubscriptionType();
    if (!root) return 0;
    let total = 0;
    const walk = (type: GraphQLCompositeType, selections: SelectionSetNode, depth: number): void => {
      if (depth > 50) return;
      for (const sel of selections.selections) {
        if (sel.kind === Kind.FRAGMENT_SPREAD) {
          const fragment = fragments.get(sel.name.value);
          const on = fragment && this.schema.getType(fragment.typeCondition.name.value);
          if (fragment && on && isCompositeType(on)) walk(on, fragment.selectionSet, depth + 1);
        } else if (sel.kind === Kind.INLINE_FRAGMENT) {
          const on = sel.typeCondition ? this.schema.getType(sel.typeCondition.name.value) : type;
          if (on && isCompositeType(on)) walk(on, sel.selectionSet, depth + 1);
        } else if (isObjectType(type) || isInterfaceType(type)) {
          const field = type.getFields()[sel.name.value];
          if (!field) continue;
          const cost = costOf(field);
          if (cost?.estimate) total += cost.estimate(getArgumentValues(field, sel, variables), probe(field, sel, fragments, variables), caller);
          const child = getNamedType(field.type);
          if (sel.selectionSet && isCompositeType(child)) walk(child, sel.selectionSet, depth + 1);
        }
      }
    };
    walk(root, operation.selectionSet, 0);
    return total;
  }
}

/** A SelectionProbe under one field node. */
function probe(field: GraphQLField<unknown, unknown>, node: FieldNode, fragments: Map<string, FragmentDefinitionNode>, variables: Record<string, unknown>): SelectionProbe {
  const find = (path: readonly string[]): { field: GraphQLField<unknown, unknown>; node: FieldNode } | null => {
    let current = [{ field, node }];
    for (const name of path) {
      const next: { field: GraphQLField<unknown, unknown>; node: FieldNode }[] = [];
      for (const { field: f, node: n } of current) {
        const type = getNamedType(f.type);
        if (!n.selectionSet || !(isObjectType(type) || isInterfaceType(type))) continue;
        const childField = type.getFields()[name];
        if (!childField) continue;
        const collect = (set: SelectionSetNode, depth: number): void => {
          if (depth > 20) return;
          for (const s of set.selections) {
            if (s.kind === Kind.FIELD && s.name.value === name) next.push({ field: childField, node: s });
            else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet, depth + 1);
            else if (s.kind === Kind.FRAGMENT_SPREAD) {
              const fr = fragments.get(s.name.value);
              if (fr) collect(fr.selectionSet, depth + 1);
            }
          }
        };
        collect(n.selectionSet, 0);
      }
      if (!next.length) return null;
      current = next;
    }
    return current[0] ?? null;
  };
  return {
    selects: (path) => find(path) !== null,
    args: (path) => {
      const hit = find(path);
      return hit ? getArgumentValues(hit.field, hit.node, variables) : null;
    },
  };
}
