import type { SyncJob } from '../kernel/sync-job';

export type { ItemOutcome, RetryTuning, SyncJob, SyncJobContext, SyncProgressSink, SyncRunInfo } from '../kernel/sync-job';

const NAME = /^[a-z][a-z0-9-]{1,62}$/;
const KEY = /^[A-Z][A-Z0-9_]{0,62}$/;

/** Checks a module's sync job declaration once, at import. */
export function defineSyncJob(job: SyncJob): SyncJob {
  if (!NAME.test(job.module)) throw new Error(`sync job module "${job.module}" must be a lowercase name`);
  if (!NAME.test(job.name)) throw new Error(`sync job name "${job.name}" must be a lowercase name`);
  if (!KEY.test(job.key)) throw new Error(`sync job key "${job.key}" must be an upper-case GraphQL enum value such as TASKS`);
  return Object.freeze({ ...job });
}
