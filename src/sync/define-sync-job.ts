import type { EntityManager } from '@mikro-orm/postgresql';
import type { OAuth2Client } from 'google-auth-library';
import type { Logger } from '../logger';
import type { ProgressReporter } from './progress-reporter';
import type { GoogleApi } from './rate-limiter';
import type { ErrorClass, RetryOptions } from './retry-policy';
import type { SyncTrigger } from './sync-module';

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

/** Everything a sync job gets from the engine. */
export interface SyncJobContext {
  run: SyncRunInfo;
  tenant: string;
  /** A fork of its own, filtered to the run's tenant. */
  em: EntityManager;
  log: Logger;
  progress: ProgressReporter;
  /** Aborted on cancellation, shutdown, or a lost lease: stop at the next item. */
  signal: AbortSignal;
  /** The tenant's ready Google client (token refreshed; fails fast when authorization is lost). */
  google(scopes?: string[]): Promise<OAuth2Client>;
  /** GOOGLE_API_ROOT with a trailing slash: the `rootUrl` of every googleapis client. */
  googleRootUrl: string;
  /** The engine's retry policy around one Google call; only transient errors are retried. */
  retry<T>(call: (attempt: number) => Promise<T>, options?: Partial<RetryOptions>): Promise<T>;
  /** Waits for the tenant's rate limit of that API. */
  rateLimit(api: GoogleApi): Promise<void>;
  /** Records an item Google refused for good and counts it as failed; the run goes on. */
  recordItemError(entityId: string, error: unknown, attempts?: number, cursor?: unknown): Promise<ErrorClass>;
}

/** A module's sync job: one per module; the engine runs it for one tenant at a time. */
export interface SyncJob {
  module: string;
  name: string;
  /** The Google scopes its calls need (checked before the job starts). */
  googleScopes?: string[];
  run(ctx: SyncJobContext): Promise<void>;
}

const NAME = /^[a-z][a-z0-9-]{1,62}$/;

export function defineSyncJob(job: SyncJob): SyncJob {
  if (!NAME.test(job.module)) throw new Error(`sync job module "${job.module}" must be a lowercase name`);
  if (!NAME.test(job.name)) throw new Error(`sync job name "${job.name}" must be a lowercase name`);
  return Object.freeze({ ...job });
}
