import { registerEnumType } from 'type-graphql';
import { SyncTrigger } from '../kernel/sync-job';

export { SyncTrigger };

export enum SyncStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  PARTIAL = 'PARTIAL',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(SyncStatus, {
  name: 'SyncStatus',
  valuesConfig: {
    PARTIAL: { description: 'Finished, but some items failed (see errors)' },
    FAILED: { description: 'Stopped by an error that concerns the whole run (see error)' },
  },
});

export const FINAL_STATUSES: readonly SyncStatus[] = [SyncStatus.SUCCEEDED, SyncStatus.PARTIAL, SyncStatus.FAILED, SyncStatus.CANCELLED];

/** Has a run with this status ended? */
export function isFinalStatus(status: string): boolean {
  return (FINAL_STATUSES as readonly string[]).includes(status);
}

registerEnumType(SyncTrigger, { name: 'SyncTrigger' });
