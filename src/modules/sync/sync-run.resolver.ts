import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { notFound } from '../../kernel/errors';
import { checkTimeZone } from '../../kernel/time-zone';
import { uuid } from '../../kernel/validate';
import { ConnectionType, cursorKey, decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from '../../schema/connection';
import { requireCaller, type GatewayContext, type GatewayServices } from '../../schema/context';
import type { SyncProgressPayload } from '../../sync/sync-events';
import { SyncItemError } from '../../sync/sync-item-error.entity';
import { SyncRun } from '../../sync/sync-run.entity';
import { SyncSchedule } from '../../sync/sync-schedule.entity';
import { progressStream } from './progress-stream';
import { SyncModule } from './sync-module.enum';
import { SyncProgress } from './sync-progress.type';

const SyncRunConnection = ConnectionType(SyncRun, 'SyncRun');
/** Item errors shown per run. */
const ERRORS_PER_RUN = 500;

/** Runs, their errors and schedules; progress over the subscription. */
@Resolver(() => SyncRun)
export class SyncRunResolver {
  constructor(private readonly services: GatewayServices) {}

  @Authorized()
  @Query(() => SyncRun)
  async syncRun(@Ctx() ctx: GatewayContext, @Arg('id', () => ID) id: string): Promise<SyncRun> {
    const run = await ctx.em.findOne(SyncRun, { id: uuid(id, 'id') });
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
      const [createdAt, id] = decodeCursor(after, [cursorKey.instant(), cursorKey.id()]);
      where.$or = [{ createdAt: { $lt: createdAt } }, { createdAt, id: { $lt: id } }];
    }
    const rows = await ctx.em.find(SyncRun, where, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: n + 1 });
    return toConnection(rows, n, (r) => encodeCursor([r.createdAt.toISOString(), r.id]));
  }

  @FieldResolver(() => SyncModule)
  module(@Root() run: SyncRun): string {
    return run.module;
  }

  @FieldResolver(() => [SyncItemError], { description: `Items Google refused for good (at most ${ERRORS_PER_RUN})` })
  errors(@Ctx() ctx: GatewayContext, @Root() run: SyncRun): Promise<SyncItemError[]> {
    // One statement for every run of the page, at most ERRORS_PER_RUN rows of each.
    const tenant = requireCaller(ctx).tenant;
    return ctx.loaders
      .named<SyncItemError[]>('sync-item-errors', async (runIds) => {
        const rows: Record<string, unknown>[] = await ctx.em.getConnection().execute(
          /* syncItemErrorsOfRuns */ `SELECT * FROM (SELECT e.*, row_number() OVER (PARTITION BY e.run_id ORDER BY e.at, e.id) AS n
             FROM sync_item_error e WHERE e.tenant = ? AND e.run_id IN (?)) x WHERE x.n <= ? ORDER BY x.at, x.id`,
          [tenant, [...runIds], ERRORS_PER_RUN],
        );
        const byRun = new Map<string, SyncItemError[]>(runIds.map((id) => [id, []]));
        for (const { n: _n, ...row } of rows) byRun.get(String(row.run_id))?.push(ctx.em.map(SyncItemError, row));
        return runIds.map((id) => byRun.get(id) ?? []);
      })
      .load(run.id);
  }

  @Authorized('admin')
  @Mutation(() => SyncRun, { description: 'A queued run is cancelled at once; a running one stops at its next item' })
  async cancelSyncRun(@Ctx() ctx: GatewayContext, @Arg('id', () => ID) id: string): Promise<SyncRun> {
    const run = await this.services.sync.engine.cancel(requireCaller(ctx).tenant, uuid(id, 'id'));
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
    return this.services.sync.scheduler.set(caller.tenant, module, cron, checkTimeZone(timeZone ?? 'UTC'), caller.sub);
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
    description: 'Progress of one run (its current state first; completes after the final event) or of every run of a module',
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
