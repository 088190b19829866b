import { badUserInput, notFound } from '../../kernel/errors';
import { uuid } from '../../kernel/validate';
import { requireCaller, type GatewayContext } from '../../schema/context';
import { SYNC_PROGRESS, type SyncProgressPayload } from '../../sync/sync-events';
import { isFinalStatus } from '../../sync/sync-module';
import { SyncRun } from '../../sync/sync-run.entity';
import { SyncProgress } from './sync-progress.type';

/**
 * The events of one run (its current state first, then live events, ending after the final one)
 * or of every run of a module, for the caller's tenant only.
 */
export async function* progressStream(ctx: GatewayContext, runId: string | null, module: string | null): AsyncGenerator<SyncProgressPayload> {
  const caller = requireCaller(ctx);
  if (!runId && !module) throw badUserInput('Give runId or module', 'runId');
  // Subscribe before reading the run, so that no event falls between the two.
  const events = ctx.services.pubsub.subscribe(SYNC_PROGRESS, caller.tenant);
  try {
    if (runId) {
      const run = await ctx.em.findOne(SyncRun, { id: uuid(runId, 'runId') });
      if (!run) throw notFound('SyncRun', runId);
      const final = isFinalStatus(run.status);
      yield SyncProgress.ofRun(run, final);
      if (final) return;
    }
    for await (const event of events) {
      if (runId && event.runId !== runId) continue;
      if (module && event.module !== module) continue;
      yield event;
      if (runId && event.final) return;
    }
  } finally {
    await events.return?.();
  }
}
