import type { Logger } from '../kernel/logger';
import type { PgPubSub } from '../kernel/pubsub';
import type { ItemOutcome } from '../kernel/sync-job';
import { SYNC_PROGRESS, type SyncCounters, type SyncProgressPayload } from './sync-events';
import type { SyncRun } from './sync-run.entity';

export type { ItemOutcome };

export type Counters = SyncCounters;

/** A progress event from a run's current state. */
export function progressPayload(run: { id: string; module: string; phase: string | null; message: string | null }, counters: Counters, status: string, final: boolean): SyncProgressPayload {
  const { total, processed, created, updated, deleted, skipped, failed } = counters;
  return { runId: run.id, module: run.module, status, phase: run.phase, total, processed, created, updated, deleted, skipped, failed, message: run.message, at: new Date().toISOString(), final };
}

export const PUBLISH_INTERVAL_MS = 100; // ≤ 10 events per second per run
export const PERSIST_INTERVAL_MS = 1000;

/** Writes counters and cursor (and renews the lease); answers whether cancellation was asked. */
export type PersistFn = (state: Counters & { phase: string | null; message: string | null; cursor: unknown }) => Promise<{ cancelRequested: boolean }>;

/**
 * A run's progress: counters in memory, persisted with the job's cursor at most every second
 * (so a resumed run neither loses nor double-counts items), published at most every 100 ms.
 * The first and the final event are always published.
 */
export class ProgressReporter {
  readonly counters: Counters;
  phase: string | null;
  message: string | null;
  cursor: unknown;
  private lastPublish = 0;
  private publishChain: Promise<void> = Promise.resolve();
  private pendingPublish: NodeJS.Timeout | null = null;
  private dirty = false;
  private status: string;
  private sealed = false;
  /** When the job last completed an item, set a total or changed phase (the engine's stall watchdog reads it). */
  lastProgressAt = Date.now();

  constructor(
    private readonly run: Pick<SyncRun, 'id' | 'module' | 'tenant' | 'status' | 'phase' | 'message' | 'cursor'> & Counters,
    private readonly pubsub: PgPubSub,
    private readonly persistFn: PersistFn,
    private readonly log: Logger,
    private readonly onCancelRequested: () => void,
  ) {
    this.counters = {
      total: run.total,
      processed: run.processed,
      created: run.created,
      updated: run.updated,
      deleted: run.deleted,
      skipped: run.skipped,
      failed: run.failed,
    };
    this.phase = run.phase;
    this.message = run.message;
    this.cursor = run.cursor;
    this.status = run.status;
  }

  setTotal(total: number): void {
    this.counters.total = total;
    this.touch();
  }

  setPhase(phase: string, message: string | null = null): void {
    this.phase = phase;
    this.message = message;
    this.touch(true);
  }

  /** One item done. `cursor` (if given) is where a resumed run continues after this item. */
  item(outcome: ItemOutcome, cursor?: unknown): void {
    this.counters.processed++;
    this.counters[outcome]++;
    if (cursor !== undefined) this.cursor = cursor;
    this.touch();
  }

  private touch(force = false): void {
    if (this.sealed) return;
    this.lastProgressAt = Date.now();
    this.dirty = true;
    const now = Date.now();
    // publishNow never rejects: a failed publish is logged inside its chain.
    if (force || now - this.lastPublish >= PUBLISH_INTERVAL_MS) {
      void this.publishNow(false);
    } else if (!this.pendingPublish) {
      // Trailing edge: the last change within a window is still published.
      this.pendingPublish = setTimeout(() => void this.publishNow(false), PUBLISH_INTERVAL_MS - (now - this.lastPublish));
      this.pendingPublish.unref();
    }
  }

  snapshot(status = this.status, final = false): SyncProgressPayload {
    return progressPayload({ id: this.run.id, module: this.run.module, phase: this.phase, message: this.message }, this.counters, status, final);
  }

  /** Publishes in order; a failed publish is logged, never thrown into the job. */
  publishNow(final: boolean, status = this.status): Promise<void> {
    if (this.pendingPublish) {
      clearTimeout(this.pendingPublish);
      this.pendingPublish = null;
    }
    this.lastPublish = Date.now();
    this.status = status;
    const payload = this.snapshot(status, final);
    this.publishChain = this.publishChain.then(() => this.pubsub.publish(SYNC_PROGRESS, this.run.tenant, payload).catch((err) => this.log.warn({ err }, 'could not publish sync progress')));
    return this.publishChain;
  }

  /** Persists when something changed (or always, as a heartbeat); stops the job on cancellation. */
  async persist(always = false): Promise<void> {
    if (!this.dirty && !always) return;
    this.dirty = false;
    const { cancelRequested } = await this.persistFn({ ...this.counters, phase: this.phase, message: this.message, cursor: this.cursor });
    if (cancelRequested) this.onCancelRequested();
  }

  /** After the final event: a job left behind can no longer publish. */
  seal(): void {
    this.sealed = true;
    if (this.pendingPublish) {
      clearTimeout(this.pendingPublish);
      this.pendingPublish = null;
    }
  }

  markStatus(status: string): void {
    this.status = status;
  }

  async drain(): Promise<void> {
    if (this.pendingPublish) {
      clearTimeout(this.pendingPublish);
      this.pendingPublish = null;
    }
    await this.publishChain;
  }
}
