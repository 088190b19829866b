import { syncJobsOf, type GatewayModule } from '../../kernel/module';
import { SYNC_PROGRESS } from '../../sync/sync-events';
import { fillSyncModuleEnum } from './sync-module.enum';
import { SyncRunResolver } from './sync-run.resolver';
import { SyncModulesResolver } from './sync-modules.resolver';
import { SyncScheduleResolver } from './sync-schedule.resolver';

/**
 * The sync engine's GraphQL face: runs, their errors, schedules, cancellation and the progress
 * subscription. On whenever an enabled module has a sync job.
 */
export const syncModule: GatewayModule = {
  name: 'sync',
  enabledWhen: (enabled) => syncJobsOf(enabled).length > 0,
  resolvers: [SyncRunResolver, SyncScheduleResolver, SyncModulesResolver],
  topics: [SYNC_PROGRESS],
  beforeSchema: fillSyncModuleEnum,
};
