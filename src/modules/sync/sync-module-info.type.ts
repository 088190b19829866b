import { Field, ObjectType } from 'type-graphql';
import { SyncModule } from './sync-module.enum';

/** An enabled module that has a sync job: what a client needs to show one card per module. */
@ObjectType({ description: 'An enabled module with a sync job; its recent runs and schedule come with it' })
export class SyncModuleInfo {
  @Field(() => SyncModule)
  module!: string;

  @Field({ description: "The module's name (e.g. tasks)" })
  name!: string;

  @Field({ description: "The sync job's name (e.g. tasks-to-google-calendar)" })
  job!: string;
}
