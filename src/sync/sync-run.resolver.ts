import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { ConnectionType, decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from '../schema/connection';
import { requireCaller, type GatewayContext, type GatewayServices } from '../schema/context';
import { notFound } from '../schema/errors';
import type { SyncProgressPayload } from '../schema/topics';
import { SyncItemError } from './sync-item-error.entity';
import { SyncModule } from './sync-module';
import { SyncProgress } from './sync-progress.type';
import { SyncRun } from './sync-run.entity';
import { SyncSchedule } from './sync-schedule.entity';
import { progressStream } from './progress-stream';

const SyncRunConnection = ConnectionType(SyncRun, 'SyncRun');

/** Runs, their errors and schedules; progress over the subscription. */
@Resolver(() => SyncRun)
export class SyncRunResolver {
  constructor(private readonly services: GatewayServices) {}

  @Authorized()
  @Query(() => SyncRun)
  async syncRun(@Ctx() ctx: GatewayContext, @Arg('id', () => ID) id: string): Promise<SyncRun> {
    const run = await ctx.em.findOne(SyncRun, { id });
    if (!run) throw notFound('SyncRun', id);
    return run;
  }

  @Authorized()
  @Query(() => SyncRunConnection, { description: 'Runs of the tenant, newest first' })
  async syncRuns(
    @Ctx() ctx: GatewayContext,
    @Arg('module', () => SyncModule, { nullable: true }) module: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<SyncRun>> {
    const n = pageSize(first);
    const where: Record<string, unknown> = module ? { module } : {};
    if (after) {
      const [createdAt, id] = decodeCursor(after, 2) as [string, string];
      where.$or = [{ createdAt: { $lt: new Date(createdAt) } }, { createdAt: new Date(createdAt), id: { $lt: id } }];
    }
    const rows = await ctx.em.find(SyncRun, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: n + 1 });
    return toConnection(rows, n, (r) => encodeCursor([r.createdAt.toISOString(), r.id]));
  }

  @FieldResolver(() => SyncModule)
  module(@Root() run: SyncRun): string {
    return run.module;
  }

  @FieldResolver(() => [SyncItemError], { description: 'Items Google refused for good (at most 500)' })
  errors(@Ctx() ctx: GatewayContext, @Root() run: SyncRun): Promise<SyncItemError[]> {
    return ctx.em.find(SyncItemError, { run: run.id }, { orderBy: { at: 'asc' }, limit: 500 });
  }

  @Authorized('admin')
  @Mutation(() => SyncRun, { description: 'A queued run is cancelled at once; a running one stops at its next item' })
  async cancelSyncRun(@Ctx() ctx: GatewayContext, @Arg('id', () => ID) id: string): Promise<SyncRun> {
    const run = await this.services.sync.engine.cancel(requireCaller(ctx).tenant, id);
    if (!run) throw notFound('SyncRun', id);
    return run;
  }

  @Authorized('admin')
  @Mutation(() => SyncSchedule, { description: 'Runs the module’s sync on a cron schedule (trigger SCHEDULE)' })
  setSyncSchedule(
    @Ctx() ctx: GatewayContext,
    @Arg('module', () => SyncModule) module: string,
    @Arg('cron') cron: string,
    @Arg('timeZone', () => String, { nullable: true, description: 'IANA zone; default UTC' }) timeZone: string | null,
  ): Promise<SyncSchedule> {
    const caller = requireCaller(ctx);
    return this.services.sync.scheduler.set(caller.tenant, module, cron, timeZone ?? 'UTC', caller.sub);
  }

  @Authorized('admin')
  @Mutation(() => Boolean, { description: 'True when there was a schedule to remove' })
  clearSyncSchedule(@Ctx() ctx: GatewayContext, @Arg('module', () => SyncModule) module: string): Promise<boolean> {
    return this.services.sync.scheduler.clear(requireCaller(ctx).tenant, module);
  }

  @Authorized()
  @Query(() => [SyncSchedule])
  syncSchedules(@Ctx() ctx: GatewayContext): Promise<SyncSchedule[]> {
    return ctx.em.find(SyncSchedule, {}, { orderBy: { module: 'asc' } });
  }

  @Authorized()
  @Subscription(() => SyncProgress, {
    description: "Progress of one run (its current state first; completes after the final event) or of every run of a module",
    subscribe: ({ args, context }) => progressStream(context as GatewayContext, args.runId ?? null, args.module ?? null),
  })
  syncProgress(
    @Root() payload: SyncProgressPayload,
    @Arg('runId', () => ID, { nullable: true }) _runId: string | null,
    @Arg('module', () => SyncModule, { nullable: true }) _module: string | null,
  ): SyncProgress {
    return SyncProgress.from(payload);
  }
}
