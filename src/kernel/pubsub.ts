import pg from 'pg';
import type { Logger } from './logger';
import type { TopicName, TopicPayloads } from './topics';

const CHANNEL = 'gateway_events';
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7900;
const MAX_QUEUED_PER_SUBSCRIBER = 10_000;

interface Envelope {
  t: TopicName;
  k: string;
  p: unknown;
}

interface Subscriber {
  push(payload: unknown): void;
  /** The listener was down: events may have been lost. */
  gap(lostAt: Date): void;
  end(): void;
}

/**
 * Yielded (to subscribers that ask for it) after the LISTEN connection came back: events published
 * since `lostAt` may have been lost, so re-read the state from the database.
 */
export class PubSubGap {
  constructor(readonly lostAt: Date) {}
}

/** Raised when a subscriber does not keep up and its queue overflows. */
export class SubscriberOverflowError extends Error {}

/**
 * Pub/sub over PostgreSQL LISTEN/NOTIFY: an event published by any gateway process on the same
 * database reaches the subscribers of every process. Local delivery also goes through
 * PostgreSQL, so all processes see events in the same order.
 */
export class PgPubSub {
  private listener: pg.Client | null = null;
  private readonly publisher: pg.Pool;
  private readonly subscribers = new Map<string, Set<Subscriber>>();
  private readonly topicHandlers = new Map<TopicName, Set<(tenant: string, payload: unknown) => void>>();
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  /** When the LISTEN connection was lost, while it is down. */
  private lostAt: Date | null = null;

  private readonly topics: ReadonlySet<string>;

  constructor(
    private readonly databaseUrl: string,
    private readonly log: Logger,
    /** The declared topics (the kernel's, the layers' and the enabled modules'); any other is refused. */
    topics: readonly string[],
  ) {
    this.topics = new Set(topics);
    this.publisher = new pg.Pool({ connectionString: databaseUrl, max: 4, idleTimeoutMillis: 30_000 });
    this.publisher.on('error', (err) => this.log.warn({ err }, 'pub/sub publisher connection error'));
  }

  async start(): Promise<void> {
    await this.connectListener();
  }

  private async connectListener(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('notification', (msg) => this.onNotification(msg.payload));
    client.on('error', (err) => {
      this.log.warn({ err }, 'pub/sub listener lost its connection; reconnecting');
      this.scheduleReconnect(client);
    });
    client.on('end', () => this.scheduleReconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (err) {
      client.end().catch(() => undefined);
      throw err;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    const lostAt = this.lostAt;
    this.lostAt = null;
    if (lostAt) {
      this.log.info({ downMs: Date.now() - lostAt.getTime() }, 'pub/sub listener reconnected; subscribers re-read what they follow');
      for (const set of [...this.subscribers.values()]) for (const sub of [...set]) sub.gap(lostAt);
    }
  }

  /** Whether events reach this process now (the LISTEN connection is up); /readyz reports it. */
  isListening(): boolean {
    return this.listener !== null;
  }

  private scheduleReconnect(client: pg.Client): void {
    if (this.closed || this.listener !== client || this.reconnectTimer) return;
    this.listener = null;
    this.lostAt ??= new Date();
    client.end().catch(() => undefined);
    const attempt = (delay: number) => {
      this.reconnectTimer = setTimeout(() => {
        this.reconnectTimer = null;
        if (this.closed) return;
        this.connectListener().catch((err) => {
          this.log.warn({ err }, 'pub/sub reconnect failed');
          attempt(Math.min(delay * 2, 10_000));
        });
      }, delay);
    };
    attempt(250);
  }

  private onNotification(raw: string | undefined): void {
    if (!raw) return;
    let env: Envelope;
    try {
      env = JSON.parse(raw) as Envelope;
    } catch {
      this.log.warn('ignoring a malformed pub/sub notification');
      return;
    }
    for (const handler of this.topicHandlers.get(env.t) ?? []) {
      try {
        handler(env.k, env.p);
      } catch (err) {
        this.log.error({ err, topic: env.t }, 'pub/sub topic handler failed');
      }
    }
    for (const sub of this.subscribers.get(key(env.t, env.k)) ?? []) sub.push(env.p);
  }

  /** Publishes to every process; resolves once PostgreSQL has accepted the event. */
  async publish<T extends TopicName>(topic: T, tenant: string, payload: TopicPayloads[T]): Promise<void> {
    this.declared(topic);
    const body = JSON.stringify({ t: topic, k: tenant, p: payload } satisfies Envelope);
    if (Buffer.byteLength(body) > MAX_PAYLOAD_BYTES) {
      throw new Error(`pub/sub event on ${topic} is ${Buffer.byteLength(body)} bytes; the limit is ${MAX_PAYLOAD_BYTES}`);
    }
    await this.publisher.query(/* pubsubPublish */ 'SELECT pg_notify($1, $2)', [CHANNEL, body]);
  }

  /** In-process infrastructure hook: called for a topic's events of every tenant. */
  onTopic<T extends TopicName>(topic: T, handler: (tenant: string, payload: TopicPayloads[T]) => void): () => void {
    this.declared(topic);
    let set = this.topicHandlers.get(topic);
    if (!set) this.topicHandlers.set(topic, (set = new Set()));
    const h = handler as (tenant: string, payload: unknown) => void;
    set.add(h);
    return () => set.delete(h);
  }

  /**
   * One tenant's events of a topic, as an async iterator that GraphQL subscriptions consume. With
   * `gaps`, it also yields a PubSubGap after the LISTEN connection was lost and came back.
   */
  subscribe<T extends TopicName>(topic: T, tenant: string): AsyncIterableIterator<TopicPayloads[T]>;
  subscribe<T extends TopicName>(topic: T, tenant: string, options: { gaps: true }): AsyncIterableIterator<TopicPayloads[T] | PubSubGap>;
  subscribe<T extends TopicName>(topic: T, tenant: string, options: { gaps?: boolean } = {}): AsyncIterableIterator<TopicPayloads[T] | PubSubGap> {
    type Item = TopicPayloads[T] | PubSubGap;
    this.declared(topic);
    const k = key(topic, tenant);
    const queue: Item[] = [];
    let waiting: ((r: IteratorResult<Item>) => void) | null = null;
    let failWaiting: ((err: Error) => void) | null = null;
    let failure: Error | null = null;
    let done = false;

    const deliver = (item: Item) => {
      if (done) return;
      if (waiting) {
        const resolve = waiting;
        waiting = failWaiting = null;
        resolve({ value: item, done: false });
      } else if (queue.length >= MAX_QUEUED_PER_SUBSCRIBER) {
        failure = new SubscriberOverflowError(`subscriber to ${topic} fell ${MAX_QUEUED_PER_SUBSCRIBER} events behind`);
        stop();
      } else {
        queue.push(item);
      }
    };
    const subscriber: Subscriber = {
      push: (payload) => deliver(payload as TopicPayloads[T]),
      gap: (lostAt) => {
        if (options.gaps) deliver(new PubSubGap(lostAt));
      },
      end: () => stop(),
    };
    let set = this.subscribers.get(k);
    if (!set) this.subscribers.set(k, (set = new Set()));
    set.add(subscriber);

    const stop = () => {
      if (done) return;
      done = true;
      const s = this.subscribers.get(k);
      s?.delete(subscriber);
      if (s && s.size === 0) this.subscribers.delete(k);
      if (waiting) {
        const resolve = waiting;
        const reject = failWaiting;
        waiting = failWaiting = null;
        if (failure && reject) reject(failure);
        else resolve({ value: undefined, done: true });
      }
    };

    const iterator: AsyncIterableIterator<Item> = {
      next: () => {
        if (queue.length) return Promise.resolve({ value: queue.shift()!, done: false });
        if (failure) return Promise.reject(failure);
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => {
          waiting = resolve;
          failWaiting = reject;
        });
      },
      return: () => {
        queue.length = 0;
        stop();
        return Promise.resolve({ value: undefined, done: true });
      },
      throw: (err?: unknown) => {
        stop();
        return Promise.reject(err);
      },
      [Symbol.asyncIterator]() {
        return iterator;
      },
    };
    return iterator;
  }

  private declared(topic: string): void {
    if (!this.topics.has(topic)) throw new Error(`pub/sub topic "${topic}" is not declared by the kernel, a layer or an enabled module`);
  }

  subscriberCount(): number {
    let n = 0;
    for (const set of this.subscribers.values()) n += set.size;
    return n;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    for (const set of [...this.subscribers.values()]) for (const s of [...set]) s.end();
    const listener = this.listener;
    this.listener = null;
    await Promise.allSettled([listener?.end(), this.publisher.end()]);
  }
}

function key(topic: string, tenant: string): string {
  return `${topic}\u0000${tenant}`;
}

const CURRENT_STATE = Symbol.for('gateway.subscription.current-state');

/**
 * Marks a subscription's event stream as a state stream: its first event is a snapshot and every
 * later event is the whole current state again (e.g. a sync run's counters). Delivery may then
 * start a late subscriber of a shared stream at the latest event, and skip to the latest event for
 * a socket that has fallen behind; the first and the last event of the stream are always sent.
 */
export function stateStream<S extends object>(stream: S): S {
  Object.defineProperty(stream, CURRENT_STATE, { value: true });
  return stream;
}

export function isStateStream(stream: unknown): boolean {
  return typeof stream === 'object' && stream !== null && (stream as Record<symbol, unknown>)[CURRENT_STATE] === true;
}
