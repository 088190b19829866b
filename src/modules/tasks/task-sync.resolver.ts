import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireCaller, type GatewayContext, type GatewayServices } from '../../schema/context';
import { SyncTrigger } from '../../kernel/sync-job';
import { SyncRun } from '../../sync/sync-run.entity';
import { SyncTasksInput } from './task.inputs';

/** Starts the one-way sync of tasks to Google Calendar (progress: subscription syncProgress). */
@Resolver()
export class TaskSyncResolver {
  constructor(private readonly services: GatewayServices) {}

  @Authorized('admin')
  @Mutation(() => SyncRun, { description: 'Returns at once (QUEUED), or the run already queued or running' })
  syncTasks(@Ctx() ctx: GatewayContext, @Arg('input', () => SyncTasksInput, { nullable: true }) input: SyncTasksInput | null): Promise<SyncRun> {
    const caller = requireCaller(ctx);
    return this.services.sync.engine.enqueue({ tenant: caller.tenant, module: 'tasks', trigger: SyncTrigger.MANUAL, full: input?.full ?? false, requestedBy: caller.sub });
  }
}
