import { FieldResolver, Resolver, Root } from 'type-graphql';
import { SyncSchedule } from '../../sync/sync-schedule.entity';
import { SyncModule } from './sync-module.enum';

/** Exposes which module a schedule belongs to, as the SyncModule enum. */
@Resolver(() => SyncSchedule)
export class SyncScheduleResolver {
  @FieldResolver(() => SyncModule)
  module(@Root() schedule: SyncSchedule): string {
    return schedule.module;
  }
}
