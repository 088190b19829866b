import type { EntityManager } from '@mikro-orm/postgresql';
import type { ErrorClass } from './errors';
import type { Logger } from './logger';
import type { GoogleApi } from './google-api';

/** How a run was started. */
export enum SyncTrigger {
  MANUAL = 'MANUAL',
  SCHEDULE = 'SCHEDULE',
  CLI = 'CLI',
}

/** What a run looks like to its job. */
export interface SyncRunInfo {
  id: string;
  tenant: string;
  module: string;
  full: boolean;
  trigger: SyncTrigger;
  /** How many times the run was picked up again after a worker stopped mid-run. */
  resumedCount: number;
  /** Where the job said (through progress.item) that a resumed run should continue; null at first. */
  cursor: unknown;
}

export type ItemOutcome = 'created' | 'updated' | 'deleted' | 'skipped' | 'failed';

/** A run's progress as its job reports it (the engine persists and publishes it). */
export interface SyncProgressSink {
  setTotal(total: number): void;
  setPhase(phase: string, message?: string | null): void;
  /** One item done; `cursor` is where a resumed run continues. */
  item(outcome: ItemOutcome, cursor?: unknown): void;
}

/** Tuning of the retry policy for one call (the engine's defaults otherwise). */
export interface RetryTuning {
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  maxTotalWaitMs?: number;
}

/** Everything a sync job gets from the engine. */
export interface SyncJobContext {
  run: SyncRunInfo;
  tenant: string;
  /** A fork of its own, filtered to the run's tenant. */
  em: EntityManager;
  log: Logger;
  progress: SyncProgressSink;
  /** Aborted on cancellation, shutdown, or a lost lease: stop at the next item. */
  signal: AbortSignal;
  /** The enabled modules' configuration sections (read the job's own with kernel/module's moduleConfig). */
  sections: Readonly<Record<string, unknown>>;
  /** The tenant's ready googleapis client for a declared API (token fresh, root URL, timeout, no retry of its own). */
  google<T>(api: GoogleApi<T>): Promise<T>;
  /**
   * A googleapis client of a declared API acting as `subject`, a user of the tenant's Workspace domain,
   * through the tenant's service account (domain-wide delegation). A subject Google refuses (not in
   * the domain, suspended) fails with an item error; a client id not authorized for the scopes, a run error.
   */
  googleAs<T>(api: GoogleApi<T>, subject: string): Promise<T>;
  /**
   * One Google call: paced by the rate limit of that API for the acting user (`as.subject`, an
   * impersonated user; default the tenant's authorized account) and the tenant's project-wide one,
   * and retried by the engine's policy (transient errors only).
   */
  call<T>(api: GoogleApi, fn: () => Promise<{ data: T }>, as?: { subject?: string | null }): Promise<T>;
  /** The engine's retry policy around any call; only transient errors are retried. */
  retry<T>(call: (attempt: number) => Promise<T>, options?: RetryTuning): Promise<T>;
  /** Waits for the rate limit of that API (for the acting user, then the project). */
  rateLimit(api: GoogleApi, as?: { subject?: string | null }): Promise<void>;
  /** Records an item Google refused for good and counts it as failed; the run goes on. */
  recordItemError(entityId: string, error: unknown, attempts?: number, cursor?: unknown): Promise<ErrorClass>;
}

/** A module's sync job: the engine runs it for one tenant at a time. */
export interface SyncJob {
  /** The module it belongs to (the queue and the runs' `module`). */
  module: string;
  /** Its value in the GraphQL `SyncModule` enum, e.g. TASKS. */
  key: string;
  name: string;
  /** The Google scopes its calls need (checked before the job starts). */
  googleScopes?: string[];
  run(ctx: SyncJobContext): Promise<void>;
}
