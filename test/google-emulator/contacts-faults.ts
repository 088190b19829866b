import type { ServerResponse } from 'node:http';
import { seededRandom } from './calendar-state';
import { runBeforeEnd } from './http-io';

/** The faults the contacts APIs can inject, as the Calendar API's: a 503, a reset before, a response lost after the write, extra latency. */
export type ContactsFaultKind = '5xx' | 'reset' | 'lostResponse' | 'latency';
export const CONTACTS_FAULT_KINDS: readonly ContactsFaultKind[] = ['5xx', 'reset', 'lostResponse', 'latency'];

export interface ContactsFaultOptions {
  /** Probability (0..1) that a matching request gets a fault. */
  rate: number;
  kinds: readonly ContactsFaultKind[];
  /** Delay of the `latency` kind (default 1000 ms). */
  latencyMs?: number;
  /** PRNG seed (default: random). */
  seed?: number;
  /** Only these methods of the API (e.g. `batch`, `list`, `batchCreateContacts`); default all. */
  methods?: readonly string[];
  /** Stop after this many faults (default unlimited). */
  maxFaults?: number;
}

export interface ContactsQuota {
  /** Requests per user per rolling 60 s; past it, 429 RESOURCE_EXHAUSTED. */
  perMinute: number;
  retryAfterSeconds?: number;
}

const zero = () => Object.fromEntries(CONTACTS_FAULT_KINDS.map((k) => [k, 0])) as Record<ContactsFaultKind, number>;

/** Fault, quota and latency switches of one emulated API (the same semantics as the Calendar part's). */
export class FaultSwitch {
  private faults: (Required<Omit<ContactsFaultOptions, 'seed' | 'methods' | 'maxFaults'>> & { methods: Set<string> | null; random: () => number; remaining: number }) | null = null;
  private quota: ContactsQuota | null = null;
  private readonly windows = new Map<string, number[]>();
  latencyMs = 0;
  quotaRejections = 0;
  faultsInjected = zero();

  constructor(private readonly now: () => number) {}

  inject(o: ContactsFaultOptions): void {
    if (!(o.rate >= 0 && o.rate <= 1)) throw new RangeError('injectFaults: rate must be between 0 and 1');
    if (!o.kinds.length || o.kinds.some((k) => !CONTACTS_FAULT_KINDS.includes(k))) throw new TypeError(`injectFaults: kinds must be some of ${CONTACTS_FAULT_KINDS.join(', ')}`);
    this.faults = {
      rate: o.rate,
      kinds: [...o.kinds],
      latencyMs: o.latencyMs ?? 1000,
      methods: o.methods ? new Set(o.methods) : null,
      random: seededRandom(o.seed ?? Math.floor(Math.random() * 2 ** 32)),
      remaining: o.maxFaults ?? Number.POSITIVE_INFINITY,
    };
  }

  clear(): void {
    this.faults = null;
  }

  setQuota(q: ContactsQuota | null): void {
    if (q && !(Number.isInteger(q.perMinute) && q.perMinute >= 0)) throw new RangeError('setQuota: perMinute must be an integer ≥ 0');
    this.quota = q;
    this.windows.clear();
  }

  setLatency(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('setLatency: ms must be a finite number ≥ 0');
    this.latencyMs = ms;
  }

  /** Counts a request of `user`; false (a rejection counted) when the window is full. */
  takeQuota(user: string): boolean {
    if (!this.quota) return true;
    const now = this.now();
    const window = (this.windows.get(user) ?? []).filter((t) => t > now - 60_000);
    this.windows.set(user, window);
    if (window.length >= this.quota.perMinute) {
      this.quotaRejections++;
      return false;
    }
    window.push(now);
    return true;
  }

  get retryAfterSeconds(): number | undefined {
    return this.quota?.retryAfterSeconds;
  }

  draw(method: string): { kind: ContactsFaultKind; latencyMs: number } | null {
    const f = this.faults;
    if (!f || f.remaining <= 0) return null;
    if (f.methods && !f.methods.has(method)) return null;
    if (!(f.random() < f.rate)) return null;
    f.remaining--;
    const kind = f.kinds[Math.min(f.kinds.length - 1, Math.floor(f.random() * f.kinds.length))]!;
    return { kind, latencyMs: f.latencyMs };
  }

  reset(): void {
    this.faults = null;
    this.quota = null;
    this.windows.clear();
    this.latencyMs = 0;
    this.quotaRejections = 0;
    this.faultsInjected = zero();
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Cuts the connection without an answer (the client sees a reset). */
export function cut(res: ServerResponse): void {
  runBeforeEnd(res);
  const socket = res.socket;
  if (socket && !socket.destroyed) socket.resetAndDestroy();
  if (!res.destroyed) res.destroy();
}

/** An answer an emulated call produced (sent, or lost by a fault). */
export interface Answer {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

/**
 * Runs one API call under the switches: latency, then a reset (nothing done), a 503 (nothing
 * done: `execute` gets `fail5xx` and answers it itself), or the call with its answer lost afterwards.
 */
export async function underFaults(sw: FaultSwitch, method: string, res: ServerResponse, execute: (fail5xx: boolean) => Answer): Promise<void> {
  const fault = sw.draw(method);
  let delay = sw.latencyMs;
  if (fault?.kind === 'latency') {
    sw.faultsInjected.latency++;
    delay += fault.latencyMs;
  }
  if (delay > 0) await sleep(delay);
  if (res.destroyed) return cut(res);
  if (fault?.kind === 'reset') {
    sw.faultsInjected.reset++;
    return cut(res);
  }
  if (fault?.kind === '5xx') sw.faultsInjected['5xx']++;
  const answer = execute(fault?.kind === '5xx');
  if (fault?.kind === 'lostResponse') {
    // The work is done; the answer never leaves.
    sw.faultsInjected.lostResponse++;
    return cut(res);
  }
  const body = Buffer.from(answer.body, 'utf8');
  res.writeHead(answer.status, { 'content-type': answer.contentType, 'content-length': body.length, ...answer.headers });
  runBeforeEnd(res);
  res.end(body);
}

/**
 * The fault controls both contacts APIs of the emulator expose (quota, injected faults, latency),
 * over one FaultSwitch; `methods` are the names faults may be aimed at.
 */
export abstract class ContactsFaultControls {
  protected readonly sw: FaultSwitch;

  constructor(
    now: () => number,
    private readonly methods: readonly string[],
  ) {
    this.sw = new FaultSwitch(now);
  }

  setQuota(quota: ContactsQuota | null): void {
    this.sw.setQuota(quota);
  }

  injectFaults(options: ContactsFaultOptions): void {
    const bad = options.methods?.find((m) => !this.methods.includes(m));
    if (bad) throw new TypeError(`injectFaults: unknown method "${bad}" (expected ${this.methods.join(', ')})`);
    this.sw.inject(options);
  }

  clearFaults(): void {
    this.sw.clear();
  }

  setLatency(ms: number): void {
    this.sw.setLatency(ms);
  }

  get faultsInjected(): Readonly<Record<ContactsFaultKind, number>> {
    return { ...this.sw.faultsInjected };
  }
}
