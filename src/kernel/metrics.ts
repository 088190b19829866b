import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Operation names are chosen by clients: past this many distinct ones, new names are counted as "other". */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** What a scrape-time gauge reports: one value per label set. */
export type Sample<L extends string> = { labels: Partial<Record<L, string>>; value: number };

/**
 * The process's Prometheus metrics (prom-client), one registry per gateway: the layers record
 * into the fields below, and values that live elsewhere (the database, pg-boss) are read at
 * scrape time with `scraped`. Served at /metrics (see server/metrics.route.ts).
 */
export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly operationNames = new Set<string>();

  /** GraphQL operations over HTTP and WebSocket, by operation name and type. */
  readonly operationDuration = new Histogram({
    name: 'gateway_graphql_operation_duration_seconds',
    help: 'Time to answer a GraphQL operation (HTTP and WebSocket queries and mutations), by operation name and type',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  /** Errors sent to clients, by extensions.code. */
  readonly errors = new Counter({
    name: 'gateway_graphql_errors_total',
    help: 'GraphQL errors sent to clients, by extensions.code',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  /** Queries and mutations executed, by executor: compiled (graphql-jit) or graphql-js. */
  readonly executions = new Counter({
    name: 'gateway_graphql_executions_total',
    help: 'Queries and mutations executed, by executor: jit (compiled with graphql-jit) or graphql-js',
    labelNames: ['executor'] as const,
    registers: [this.registry],
  });

  /** GraphQL HTTP requests by the path that answered them: direct (known documents, no errors) or apollo (Apollo's request pipeline). */
  readonly httpPaths = new Counter({
    name: 'gateway_graphql_http_requests_total',
    help: "GraphQL HTTP requests by the path that answered them: direct (a known query or mutation answered without errors) or apollo (Apollo Server's request pipeline)",
    labelNames: ['path'] as const,
    registers: [this.registry],
  });

  readonly openSockets = new Gauge({ name: 'gateway_websocket_open_sockets', help: 'Open GraphQL WebSockets', registers: [this.registry] });
  readonly activeSubscriptions = new Gauge({ name: 'gateway_graphql_active_subscriptions', help: 'GraphQL subscriptions being served', registers: [this.registry] });

  /** Subscription events executed once for a group of subscribers (same document, variables, tenant and roles). */
  readonly subscriptionGroups = new Gauge({ name: 'gateway_subscription_groups', help: 'Groups of subscribers that share one execution per event', registers: [this.registry] });
  readonly subscriptionEvents = new Counter({
    name: 'gateway_subscription_events_total',
    help: 'Subscription events executed and serialized (once per group), and messages sent to subscribers',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });
  /** Progress events a socket that had fallen behind never got: a later state replaced them (the first and the final are always sent). */
  readonly coalescedEvents = new Counter({
    name: 'gateway_subscription_events_coalesced_total',
    help: 'Subscription events skipped for a socket that had fallen behind, a later state sent instead',
    registers: [this.registry],
  });
  /** Sockets closed with 4408 because their send buffer passed WS_MAX_BUFFERED_BYTES. */
  readonly slowConsumerDrops = new Counter({
    name: 'gateway_websocket_slow_consumer_drops_total',
    help: 'WebSockets closed (4408) because the client did not read fast enough and the send buffer passed WS_MAX_BUFFERED_BYTES',
    registers: [this.registry],
  });

  /** Every Google request, by API and outcome (ok, 429, 403, 4xx, 5xx, timeout, network, garbage: a 2xx that is not what the API answers). */
  readonly googleCalls = new Counter({
    name: 'gateway_google_calls_total',
    help: 'Requests to Google, by API and outcome (ok, 429, 403, 4xx, 5xx, timeout, network, garbage)',
    labelNames: ['api', 'outcome'] as const,
    registers: [this.registry],
  });

  /** How long sync jobs waited for their tenant's turn at an API. */
  readonly limiterWait = new Histogram({
    name: 'gateway_rate_limiter_wait_seconds',
    help: "Time a sync job waited for its tenant's turn at a Google API (per-tenant token bucket)",
    labelNames: ['api'] as const,
    buckets: [0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });

  constructor() {
    // Event-loop lag, heap, GC, CPU and file descriptors of the process.
    collectDefaultMetrics({ register: this.registry, prefix: 'gateway_' });
  }

  /** Counts errors sent to a client by their `extensions.code`. */
  countErrors(errors: readonly { extensions?: { code?: unknown } }[]): void {
    for (const e of errors) this.errors.inc({ code: String(e.extensions?.code ?? 'UNKNOWN') });
  }

  /** The label for an operation's name: bounded in length, count and characters. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.operationNames.has(name)) return name;
    if (!OPERATION_NAME.test(name) || this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }

  /** A gauge read at scrape time (a failing read leaves it empty for that scrape and is not fatal). */
  scraped<L extends string>(name: string, help: string, labelNames: readonly L[], read: () => Promise<Sample<L>[]>): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        let samples: Sample<L>[];
        try {
          samples = await read();
        } catch {
          return;
        }
        for (const s of samples) this.set(s.labels as Partial<Record<L, string | number>>, s.value);
      },
    });
  }

  /** The scrape, in Prometheus' text format. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** The outcome label of a Google request, from its HTTP status or error. */
export function googleOutcome(status: number | undefined, timedOut = false): string {
  if (timedOut) return 'timeout';
  if (status === undefined) return 'network';
  if (status < 400) return 'ok';
  if (status === 429 || status === 403) return String(status);
  return status >= 500 ? '5xx' : '4xx';
}
