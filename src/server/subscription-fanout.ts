import { createSourceEventStream, execute, GraphQLError, type DocumentNode, type ExecutionArgs, type ExecutionResult, type FormattedExecutionResult } from 'graphql';
import { createHash } from 'node:crypto';
import type { WebSocket } from 'ws';
import type { Caller } from '../kernel/caller';
import type { Logger } from '../kernel/logger';
import { isStateStream } from '../kernel/pubsub';
import { createContext, type GatewayContext, type GatewayServices } from '../schema/context';

/** Close code for a client that does not read its messages fast enough (graphql-ws leaves 4400–4499 to applications). */
export const SLOW_CONSUMER_CLOSE = 4408;

/** How an event's execution result becomes the `payload` of a `next` message (error masking, limits, logging). */
export type NextFormatter = (result: ExecutionResult, context: GatewayContext, log: () => Logger) => FormattedExecutionResult;

/** One subscription operation of one socket, as graphql-ws knows it (its `id`). */
export interface FanOutSubscriber {
  socket: WebSocket;
  id: string;
  caller: Caller;
  /** The socket's logger (request id, socket id). */
  log: Logger;
}

export interface FanOutOptions {
  /** WS_MAX_BUFFERED_BYTES: past this many bytes waiting in a socket's send buffer, the socket is closed with 4408. */
  maxBufferedBytes: number;
  /** WS_BEHIND_BUFFERED_BYTES: past this many, a socket is behind: state streams send it only their latest event. */
  behindBufferedBytes: number;
}

/**
 * The key of a group: subscribers with equal keys receive the very same messages.
 *
 * Why it is safe: an event's result depends on the document and operation, the variables, and the
 * context the resolvers see. The resolvers reachable from `Subscription` (syncProgress,
 * cacheReset, googleConnectionChanged, printJobUpdated and the fields below them) read only the
 * caller's tenant (topic, tenant-filtered EntityManager and loaders) and roles (`@Authorized`,
 * field-level checks included); none reads the caller's `sub`. The group executes with a caller
 * that has the tenant and roles but refuses to tell its `sub` (see `groupCaller`), so a resolver
 * added later that reads it fails loudly instead of answering one user's data to another.
 * The document is compared by identity (parsed documents are cached, so one text is one object
 * while it stays in the cache) and variables as sent: equal operations seen as different only make
 * two groups, never one.
 */
export function groupKey(document: string, caller: Caller, operationName: string | null | undefined, variables: unknown): string {
  const roles = [...new Set(caller.roles)].sort().join(',');
  return JSON.stringify([document, operationName ?? null, variables ?? null, caller.tenant, roles]);
}

/** The caller a group executes with: the members' tenant and roles; its `sub` is nobody's in particular. */
export function groupCaller(tenant: string, roles: Caller['roles']): Caller {
  const known: Omit<Caller, 'sub'> = { tenant, roles: [...roles] };
  const caller = Object.defineProperty(known, 'sub', {
    enumerable: false,
    get() {
      throw new Error('a resolver reached from a subscription read the caller’s sub: shared subscription groups are keyed by tenant and roles only (see groupKey)');
    },
  });
  return caller as Caller;
}

/** A member: its graphql-ws iterator's state and what is waiting for it while it is behind. */
interface Member {
  sub: FanOutSubscriber;
  /** `{"id":"…","type":"next","payload":` — the only part of a message that differs per member. */
  prefix: string;
  /** The latest payload not yet sent to a socket that is behind (state streams only). */
  pending: string | null;
  sentAny: boolean;
  left: boolean;
  /** Settles the iterator's pending next(): done, or the stream's error. */
  settle: ((error?: unknown) => void) | null;
  settled: { error?: unknown } | null;
  /** ws calls it when a message was written out: a member that is behind may have caught up. */
  onFlushed: () => void;
}

/**
 * Subscription fan-out: subscribers of the same operation (same key) share one source stream; each
 * event is executed and serialized once per group and the same JSON is sent to every member's
 * socket, each message wrapped with the member's own operation id. Each subscriber is still
 * authorized on its own at subscribe time (its own context runs the subscribe resolver's checks).
 *
 * Send buffers are bounded: a socket whose unsent bytes pass `maxBufferedBytes` is closed with
 * 4408 and a log line. Of a state stream (`stateStream`), a socket that is behind gets only the
 * latest event when it has caught up; a member's first event and the stream's last are always sent.
 */
export class SubscriptionFanOut {
  private readonly groups = new Map<string, Group>();
  /** A serial per parsed document: the document's part of a group key. */
  private readonly documents = new WeakMap<DocumentNode, string>();
  private documentSerial = 0;

  constructor(
    private readonly services: GatewayServices,
    private readonly options: FanOutOptions,
    private readonly formatNext: NextFormatter,
  ) {}

  groupCount(): number {
    return this.groups.size;
  }

  /** What graphql-ws calls instead of graphql's `subscribe`: an iterator that ends with the group's stream. */
  async subscribe(args: ExecutionArgs, sub: FanOutSubscriber): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> {
    // The subscriber's own checks (authorization, arguments read by the subscribe resolver) with its own context.
    const own = await createSourceEventStream(args);
    if (!isAsyncIterable(own)) return own;
    const state = isStateStream(own);
    await own[Symbol.asyncIterator]().return?.();

    let document = this.documents.get(args.document);
    if (document === undefined) this.documents.set(args.document, (document = String(++this.documentSerial)));
    const key = groupKey(document, sub.caller, args.operationName, args.variableValues);
    let group = this.groups.get(key);
    if (!group) {
      // Logged by a digest of its key: variables stay out of the logs.
      const log = this.services.log.child({ subscriptionGroup: createHash('sha256').update(key).digest('hex').slice(0, 16), tenant: sub.caller.tenant, operationName: args.operationName ?? null });
      group = new Group(this, key, state, log);
      this.groups.set(key, group);
      this.services.metrics.subscriptionGroups.inc();
      const context = createContext(this.services, groupCaller(sub.caller.tenant, sub.caller.roles), () => group!.log);
      void group.run({ ...args, contextValue: context });
    }
    return group.join(sub);
  }

  /** @internal */
  drop(group: Group): void {
    if (this.groups.get(group.key) !== group) return;
    this.groups.delete(group.key);
    this.services.metrics.subscriptionGroups.dec();
  }

  /** @internal What the groups share. */
  readonly config = {
    ...this.options,
    formatNext: this.formatNext,
    metrics: this.services.metrics,
    executed: this.services.metrics.subscriptionEvents.labels('executed'),
    sent: this.services.metrics.subscriptionEvents.labels('sent'),
  };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** One shared source stream and the members it delivers to. */
class Group {
  private readonly members = new Set<Member>();
  /** The latest payload (state streams): a late member starts with it. */
  private latest: string | null = null;
  private source: AsyncIterator<unknown> | null = null;
  private ended = false;

  constructor(
    private readonly fanOut: SubscriptionFanOut,
    readonly key: string,
    private readonly state: boolean,
    readonly log: Logger,
  ) {}

  join(sub: FanOutSubscriber): AsyncGenerator<ExecutionResult> {
    const member: Member = {
      sub,
      prefix: `{"id":${JSON.stringify(sub.id)},"type":"next","payload":`,
      pending: null,
      sentAny: false,
      left: false,
      settle: null,
      settled: null,
      onFlushed: () => {
        if (member.pending !== null && !member.left && sub.socket.bufferedAmount <= this.fanOut.config.behindBufferedBytes) this.sendPending(member);
      },
    };
    this.members.add(member);
    if (this.latest !== null) this.deliver(member, this.latest);
    const leave = () => {
      if (member.left) return;
      member.left = true;
      member.pending = null;
      this.members.delete(member);
      if (this.members.size === 0) this.close();
    };
    const finish = (): Promise<IteratorResult<ExecutionResult>> => {
      leave();
      member.settle?.();
      return Promise.resolve({ value: undefined, done: true });
    };
    const iterator: AsyncGenerator<ExecutionResult> = {
      // Never yields: messages go straight to the socket. It ends when the group's stream does.
      next: () =>
        new Promise((resolve, reject) => {
          const settle = (error?: unknown) => {
            member.settle = null;
            if (error === undefined) resolve({ value: undefined, done: true });
            else reject(error);
          };
          if (member.settled) settle(member.settled.error);
          else if (member.left) settle();
          else member.settle = settle;
        }),
      return: finish,
      throw: finish,
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  /** Every member left: the stream is stopped (a generator stops at its next event). */
  private close(): void {
    this.fanOut.drop(this);
    if (this.ended) return;
    this.ended = true;
    void this.source?.return?.().catch(() => undefined);
  }

  async run(args: ExecutionArgs): Promise<void> {
    const { executed, formatNext } = this.fanOut.config;
    const context = args.contextValue as GatewayContext;
    let failure: unknown;
    try {
      const source = await createSourceEventStream(args);
      if (!isAsyncIterable(source)) {
        // The subscribers' own checks passed; the group's failed all the same: they get its errors.
        this.broadcast(JSON.stringify(formatNext(source, context, () => this.log)));
        return;
      }
      this.source = source[Symbol.asyncIterator]();
      if (this.ended) {
        await this.source.return?.();
        return;
      }
      for (;;) {
        const step = await this.source.next();
        if (step.done || this.ended) break;
        const result = await execute({ ...args, rootValue: step.value });
        const payload = JSON.stringify(formatNext(result, context, () => this.log));
        executed.inc();
        if (this.state) this.latest = payload;
        this.broadcast(payload);
      }
    } catch (err) {
      failure = err instanceof Error ? err : new GraphQLError(String(err));
    } finally {
      // No one joins a finished stream: the next subscriber starts a new one.
      this.fanOut.drop(this);
      this.ended = true;
      for (const member of [...this.members]) {
        // The last event is never skipped, even for a socket that is behind.
        if (member.pending !== null) this.sendPending(member, true);
        member.settled = failure === undefined ? {} : { error: failure };
        member.settle?.(failure);
      }
      this.members.clear();
    }
  }

  private broadcast(payload: string): void {
    for (const member of this.members) this.deliver(member, payload);
  }

  private deliver(member: Member, payload: string): void {
    const { behindBufferedBytes, metrics } = this.fanOut.config;
    const socket = member.sub.socket;
    if (socket.readyState !== socket.OPEN) return;
    if (this.state && member.sentAny && socket.bufferedAmount > behindBufferedBytes) {
      // Behind: the latest state waits and replaces what was waiting; it goes out once the socket drains.
      if (member.pending !== null) metrics.coalescedEvents.inc();
      member.pending = payload;
      return;
    }
    if (member.pending !== null) {
      metrics.coalescedEvents.inc();
      member.pending = null;
    }
    this.send(member, payload);
  }

  private sendPending(member: Member, last = false): void {
    const payload = member.pending!;
    member.pending = null;
    if (member.sub.socket.readyState !== member.sub.socket.OPEN) return;
    if (!last && member.sub.socket.bufferedAmount > this.fanOut.config.behindBufferedBytes) {
      member.pending = payload;
      return;
    }
    this.send(member, payload);
  }

  private send(member: Member, payload: string): void {
    const { maxBufferedBytes, metrics, sent } = this.fanOut.config;
    const socket = member.sub.socket;
    const buffered = socket.bufferedAmount;
    if (buffered > maxBufferedBytes) {
      metrics.slowConsumerDrops.inc();
      member.sub.log.warn(
        { operationId: member.sub.id, tenant: member.sub.caller.tenant, bufferedBytes: buffered, maxBufferedBytes },
        'closing a WebSocket whose client does not read its messages (slow consumer)',
      );
      socket.close(SLOW_CONSUMER_CLOSE, 'Slow consumer: the client did not read its messages fast enough');
      return;
    }
    member.sentAny = true;
    sent.inc();
    socket.send(member.prefix + payload + '}', member.onFlushed);
  }
}
