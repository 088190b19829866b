import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { syncJobsOf } from '../../kernel/module';
import { pageSize } from '../../schema/connection';
import { requireCaller, type GatewayContext } from '../../schema/context';
import { SyncRun } from '../../sync/sync-run.entity';
import { SyncSchedule } from '../../sync/sync-schedule.entity';
import { SyncModuleInfo } from './sync-module-info.type';

/** The enabled modules with a sync job, each with its latest runs and schedule (one statement each for all modules). */
@Resolver(() => SyncModuleInfo)
export class SyncModulesResolver {
  @Authorized()
  @Query(() => [SyncModuleInfo], { description: 'The enabled modules that sync to Google, in the order they are registered' })
  syncModules(@Ctx() ctx: GatewayContext): SyncModuleInfo[] {
    return syncJobsOf(ctx.services.modules).map((job) => Object.assign(new SyncModuleInfo(), { module: job.module, name: job.module, job: job.name }));
  }

  @FieldResolver(() => [SyncRun], { description: "The module's latest runs, newest first (default 10)" })
  recentRuns(@Ctx() ctx: GatewayContext, @Root() info: SyncModuleInfo, @Arg('first', () => Int, { nullable: true }) first: number | null): Promise<SyncRun[]> {
    const n = pageSize(first, 10);
    const tenant = requireCaller(ctx).tenant;
    return ctx.loaders
      .named<SyncRun[]>(`sync-recent-runs-${n}`, async (modules) => {
        const rows: Record<string, unknown>[] = await ctx.em.getConnection().execute(
          /* recentSyncRunsOfModules */ `SELECT * FROM (SELECT r.*, row_number() OVER (PARTITION BY r.module ORDER BY r.created_at DESC, r.id DESC) AS n
             FROM sync_run r WHERE r.tenant = ? AND r.module IN (?)) x WHERE x.n <= ? ORDER BY x.created_at DESC, x.id DESC`,
          [tenant, [...modules], n],
        );
        const byModule = new Map<string, SyncRun[]>(modules.map((m) => [m, []]));
        for (const { n: _n, ...row } of rows) byModule.get(String(row.module))?.push(ctx.em.map(SyncRun, row));
        return modules.map((m) => byModule.get(m) ?? []);
      })
      .load(info.module);
  }

  @FieldResolver(() => SyncSchedule, { nullable: true, description: "The module's schedule, if it has one" })
  schedule(@Ctx() ctx: GatewayContext, @Root() info: SyncModuleInfo): Promise<SyncSchedule | null> {
    return ctx.loaders
      .named<SyncSchedule | null>('sync-schedules', async (modules) => {
        const rows = await ctx.em.find(SyncSchedule, { module: { $in: [...modules] } });
        return modules.map((m) => rows.find((s) => s.module === m) ?? null);
      })
      .load(info.module);
  }
}
