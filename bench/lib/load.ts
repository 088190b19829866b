import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  durationSec: number;
  /** Seconds before a request counts as a timeout (error); default 10. */
  timeoutSec?: number;
}

export interface LoadResult {
  /** Mean requests per second (autocannon's per-second samples). */
  rps: number;
  /** Latency percentiles in ms. */
  p50: number;
  p99: number;
  latencyAvg: number;
  /** Responses with a status outside 2xx. */
  non2xx: number;
  /** Connection errors and timeouts. */
  errors: number;
  timeouts: number;
  /** Completed requests (any status). */
  requests: number;
  durationSec: number;
  statusCodes: Record<string, number>;
}

/** One autocannon run (in this process). */
export async function load(opts: LoadOptions): Promise<LoadResult> {
  const r = await autocannon({
    url: opts.url,
    method: opts.method ?? 'GET',
    headers: opts.headers,
    body: opts.body,
    connections: opts.connections,
    duration: opts.durationSec,
    timeout: opts.timeoutSec ?? 10,
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, s] of Object.entries(r.statusCodeStats ?? {})) statusCodes[code] = s.count;
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    latencyAvg: r.latency.average,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    requests: r.requests.total,
    durationSec: r.duration,
    statusCodes,
  };
}

/** A discarded warm-up run of `warmupSec` (skipped when 0), then the measured run. */
export async function loadWithWarmup(opts: LoadOptions, warmupSec: number): Promise<LoadResult & { warmup: LoadResult | null }> {
  const warmup = warmupSec > 0 ? await load({ ...opts, durationSec: warmupSec }) : null;
  const measured = await load(opts);
  return { ...measured, warmup };
}
