import { Field, ID, Int, ObjectType } from 'type-graphql';
import { progressPayload } from '../../sync/progress-reporter';
import type { SyncProgressPayload } from '../../sync/sync-events';
import { SyncStatus } from '../../sync/sync-module';
import type { SyncRun } from '../../sync/sync-run.entity';
import { SyncModule } from './sync-module.enum';

/** One progress event of a run (≤ 10 per second per run; the first and the final always sent). */
@ObjectType({ description: 'Progress of a sync run; the first and the final event of a run are always sent', simpleResolvers: true })
export class SyncProgress {
  @Field(() => ID)
  runId!: string;

  @Field(() => SyncModule)
  module!: string;

  @Field(() => SyncStatus)
  status!: SyncStatus;

  @Field(() => String, { nullable: true })
  phase!: string | null;

  @Field(() => Int) total!: number;
  @Field(() => Int) processed!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) deleted!: number;
  @Field(() => Int) skipped!: number;
  @Field(() => Int) failed!: number;

  @Field(() => String, { nullable: true })
  message!: string | null;

  @Field({ description: 'True on the last event of the run' })
  final!: boolean;

  @Field()
  at!: Date;

  /** One object per event, shared by every subscriber the event reaches. */
  private static readonly converted = new WeakMap<SyncProgressPayload, SyncProgress>();

  static from(p: SyncProgressPayload): SyncProgress {
    let out = SyncProgress.converted.get(p);
    if (!out) {
      out = Object.assign(new SyncProgress(), { ...p, status: p.status as SyncStatus, at: new Date(p.at) });
      SyncProgress.converted.set(p, out);
    }
    return out;
  }

  static ofRun(run: SyncRun, final: boolean): SyncProgressPayload {
    return progressPayload(run, run, run.status, final);
  }
}
