import { abortReason, sleep as abortableSleep } from './retry-policy';

/** Float slack so that a token refilled as 0.9999999 after the computed wait still counts. */
const EPSILON = 1e-9;

export interface TokenBucketOptions {
  ratePerMinute: number;
  /** Tokens that may be spent at once after a quiet spell; default one second's worth, at least 1. */
  burst?: number;
  /** A monotonic clock in ms (default `performance.now`). */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/** Paces calls to `ratePerMinute` with bursts up to `burst`; waiters are served first come, first served. */
export class TokenBucket {
  private ratePerMs = 0;
  private burst = 1;
  private readonly defaultBurst: boolean;
  private tokens: number;
  private last: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly queue: Waiter[] = [];
  private pumping = false;
  /** Wakes the pump early when every waiter has gone. */
  private idle: AbortController | null = null;

  constructor(options: TokenBucketOptions) {
    this.now = options.now ?? (() => performance.now());
    this.sleep = options.sleep ?? abortableSleep;
    this.defaultBurst = options.burst === undefined;
    this.applyRate(options.ratePerMinute, options.burst);
    this.tokens = this.burst;
    this.last = this.now();
  }

  /** Changes the rate (and the default burst with it); waiters keep their turn. */
  setRate(ratePerMinute: number, burst?: number): void {
    this.refill();
    this.applyRate(ratePerMinute, burst);
    this.tokens = Math.min(this.tokens, this.burst);
  }

  /** Waits for a token. An abort removes the waiter and rejects with the signal's reason. */
  take(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    if (this.tryTake()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject };
      if (signal) {
        waiter.signal = signal;
        waiter.onAbort = () => {
          this.queue.splice(this.queue.indexOf(waiter), 1);
          if (this.queue.length === 0) this.idle?.abort();
          reject(abortReason(signal));
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.queue.push(waiter);
      void this.pump();
    });
  }

  /** Takes a token if one is there and nobody is waiting. */
  tryTake(): boolean {
    if (this.queue.length > 0) return false;
    this.refill();
    if (this.tokens < 1 - EPSILON) return false;
    this.tokens = Math.max(0, this.tokens - 1);
    return true;
  }

  /** Whole tokens available right now (0 while anybody waits). */
  available(): number {
    if (this.queue.length > 0) return 0;
    this.refill();
    return Math.floor(this.tokens + EPSILON);
  }

  private applyRate(ratePerMinute: number, burst: number | undefined): void {
    if (!(Number.isFinite(ratePerMinute) && ratePerMinute > 0)) throw new RangeError(`ratePerMinute must be a positive number, got ${ratePerMinute}`);
    if (burst !== undefined && !(Number.isFinite(burst) && burst >= 1)) throw new RangeError(`burst must be a number ≥ 1, got ${burst}`);
    this.ratePerMs = ratePerMinute / 60_000;
    if (burst !== undefined) this.burst = burst;
    else if (this.defaultBurst) this.burst = Math.max(1, Math.floor(ratePerMinute / 60));
  }

  /** Hands out tokens to the queue in order, sleeping until the next one is due. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0) {
        this.refill();
        if (this.tokens >= 1 - EPSILON) {
          this.tokens = Math.max(0, this.tokens - 1);
          this.dequeue().resolve();
          continue;
        }
        const idle = (this.idle = new AbortController());
        try {
          await this.sleep(Math.max(1, Math.ceil((1 - this.tokens) / this.ratePerMs)), idle.signal);
        } catch (err) {
          if (!idle.signal.aborted) throw err;
        } finally {
          this.idle = null;
        }
      }
    } catch (err) {
      // A broken injected sleep: fail the waiters rather than leave them hanging.
      while (this.queue.length > 0) this.dequeue().reject(err);
    } finally {
      this.pumping = false;
    }
  }

  private dequeue(): Waiter {
    const waiter = this.queue.shift()!;
    if (waiter.onAbort) waiter.signal!.removeEventListener('abort', waiter.onAbort);
    return waiter;
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + Math.max(0, t - this.last) * this.ratePerMs);
    this.last = t;
  }
}

export interface RateLimiterOptions {
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Told how long each take() waited (seconds), e.g. for metrics. */
  onWait?: (api: string, seconds: number) => void;
}

/**
 * Token buckets per tenant and Google API, shared by all the sync workers of one process: one per
 * acting Google user (the tenant's authorized account, or each user a service account impersonates),
 * since Google's quotas are per user, plus one per tenant for the project-wide quota of the APIs
 * that declare one. The limits come from the enabled modules' declarations (config.rateLimits,
 * config.projectRateLimits).
 */
export class RateLimiter {
  private readonly limits = new Map<string, number>();
  private readonly projectLimits = new Map<string, number>();
  /** tenant → bucket key (`api`, `api␀subject`, `api␀*`) → bucket. */
  private readonly buckets = new Map<string, Map<string, TokenBucket>>();

  constructor(
    limits: Readonly<Record<string, number>>,
    private readonly options: RateLimiterOptions = {},
    projectLimits: Readonly<Record<string, number>> = {},
  ) {
    for (const [api, perMinute] of Object.entries(limits)) {
      this.limits.set(api, 1);
      this.setLimit(api, perMinute);
    }
    for (const [api, perMinute] of Object.entries(projectLimits)) this.setProjectLimit(api, perMinute);
  }

  /**
   * Waits for this tenant's turn to call this API as `subject` (an impersonated user; none: the
   * tenant's authorized account): the user's bucket first, then the tenant's project-wide one.
   */
  take(tenant: string, api: string, signal?: AbortSignal, subject?: string | null): Promise<void> {
    const user = this.bucket(tenant, api, subject ? `${api}\u0000${subject}` : api, this.known(api));
    const projectLimit = this.projectLimits.get(api);
    const taken = projectLimit === undefined ? user.take(signal) : user.take(signal).then(() => this.bucket(tenant, api, `${api}\u0000*`, projectLimit).take(signal));
    const onWait = this.options.onWait;
    if (!onWait) return taken;
    const started = performance.now();
    return taken.then(() => onWait(api, (performance.now() - started) / 1000));
  }

  /** The requests per minute allowed per acting user for an API. */
  limit(api: string): number {
    return this.known(api);
  }

  /** The project-wide requests per minute of an API per tenant (undefined: none). */
  projectLimit(api: string): number | undefined {
    return this.projectLimits.get(api);
  }

  /** Changes an API's per-user limit for every tenant, existing buckets included. */
  setLimit(api: string, perMinute: number): void {
    this.known(api);
    positive(api, perMinute);
    this.limits.set(api, perMinute);
    for (const perKey of this.buckets.values()) for (const [key, bucket] of perKey) if (key === api || (key.startsWith(`${api}\u0000`) && !key.endsWith('\u0000*'))) bucket.setRate(perMinute);
  }

  /** Changes an API's project-wide limit for every tenant. */
  setProjectLimit(api: string, perMinute: number): void {
    this.known(api);
    positive(api, perMinute);
    this.projectLimits.set(api, perMinute);
    for (const perKey of this.buckets.values()) perKey.get(`${api}\u0000*`)?.setRate(perMinute);
  }

  /** Drops a tenant's buckets (e.g. on disconnect); calls already waiting are still served. */
  forgetTenant(tenant: string): void {
    this.buckets.delete(tenant);
  }

  private known(api: string): number {
    const limit = this.limits.get(api);
    if (limit === undefined) throw new RangeError(`unknown Google API "${api}": no enabled module declares it`);
    return limit;
  }

  private bucket(tenant: string, api: string, key: string, perMinute: number): TokenBucket {
    let perKey = this.buckets.get(tenant);
    if (!perKey) this.buckets.set(tenant, (perKey = new Map()));
    let bucket = perKey.get(key);
    if (!bucket) {
      bucket = new TokenBucket({ ratePerMinute: perMinute, now: this.options.now, sleep: this.options.sleep });
      perKey.set(key, bucket);
    }
    return bucket;
  }
}

function positive(api: string, perMinute: number): void {
  if (!(Number.isFinite(perMinute) && perMinute > 0)) throw new RangeError(`the ${api} limit must be a positive number, got ${perMinute}`);
}
