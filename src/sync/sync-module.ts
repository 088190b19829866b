import { registerEnumType } from 'type-graphql';

/**
 * The modules that sync to Google (GraphQL `SyncModule`). The value is the module's name.
 * Test-only job modules add themselves with `registerSyncModule` before the schema is built.
 */
export const SyncModule: Record<string, string> = {
  TASKS: 'tasks',
  CONTACTS: 'contacts',
  PRINTERS: 'printers',
};
registerEnumType(SyncModule, { name: 'SyncModule', description: 'A module that syncs to Google' });

export function registerSyncModule(key: string, moduleName: string): void {
  SyncModule[key] = moduleName;
}

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

export enum SyncTrigger {
  MANUAL = 'MANUAL',
  SCHEDULE = 'SCHEDULE',
  CLI = 'CLI',
}
registerEnumType(SyncTrigger, { name: 'SyncTrigger' });
