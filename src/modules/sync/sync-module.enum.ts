import { registerEnumType } from 'type-graphql';
import { syncJobsOf, type GatewayModule } from '../../kernel/module';

/**
 * GraphQL `SyncModule`: one value per enabled module's sync job (key → module name), filled from
 * the enabled modules just before the schema is built (type-graphql reads it then).
 */
export const SyncModule: Record<string, string> = {};
registerEnumType(SyncModule, { name: 'SyncModule', description: 'A module that syncs to Google' });

export function fillSyncModuleEnum(enabled: readonly GatewayModule[]): void {
  for (const key of Object.keys(SyncModule)) delete SyncModule[key];
  for (const job of syncJobsOf(enabled)) {
    if (SyncModule[job.key] && SyncModule[job.key] !== job.module) throw new Error(`SyncModule key ${job.key} is used by ${SyncModule[job.key]} and ${job.module}`);
    SyncModule[job.key] = job.module;
  }
}
