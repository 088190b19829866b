import { badUserInput, notFound } from '../../kernel/errors';
import { PubSubGap, stateStream } from '../../kernel/pubsub';
import { uuid } from '../../kernel/validate';
import { requireCaller, type GatewayContext } from '../../schema/context';
import { SYNC_PROGRESS, type SyncProgressPayload } from '../../sync/sync-events';
import { isFinalStatus, SyncStatus } from '../../sync/sync-module';
import { SyncRun } from '../../sync/sync-run.entity';
import { SyncProgress } from './sync-progress.type';

/**
 * syncProgress's event stream. Following one run, each event is the run's whole state (a snapshot
 * first), so it is a state stream: subscribers sharing it may start at, or skip to, the latest event.
 * Following a module, events of different runs interleave and every one is delivered.
 */
export function progressStream(ctx: GatewayContext, runId: string | null, module: string | null): AsyncGenerator<SyncProgressPayload> {
  const events = progressEvents(ctx, runId, module);
  return runId ? stateStream(events) : events;
}

/**
 * The events of one run (its current state first, then live events, ending after the final one)
 * or of every run of a module, for the caller's tenant only. When this process's LISTEN connection
 * was down, events may have been lost: the run (or the module's runs active or finished since the
 * loss) is read again and its current state sent, so that no subscriber misses a final state.
 */
async function* progressEvents(ctx: GatewayContext, runId: string | null, module: string | null): AsyncGenerator<SyncProgressPayload> {
  const caller = requireCaller(ctx);
  if (!runId && !module) throw badUserInput('Give runId or module', 'runId');
  // Subscribe before reading the run, so that no event falls between the two.
  const events = ctx.services.pubsub.subscribe(SYNC_PROGRESS, caller.tenant, { gaps: true });
  /** Items processed as last sent, per run: counters in the table lag up to a second behind the events. */
  const sent = new Map<string, number>();
  /** Runs whose final state was sent (a re-read after a reconnect does not send it twice). */
  const ended = new Set<string>();
  try {
    if (runId) {
      const run = await ctx.em.findOne(SyncRun, { id: uuid(runId, 'runId') });
      if (!run) throw notFound('SyncRun', runId);
      const final = isFinalStatus(run.status);
      yield SyncProgress.ofRun(run, final);
      if (final) return;
    }
    for await (const event of events) {
      if (event instanceof PubSubGap) {
        // refresh: the request's identity map holds the run as first read. The margin covers the
        // database's clock being a little behind this process's (ended runs are sent once anyway).
        const runs = runId
          ? await ctx.em.find(SyncRun, { id: runId }, { refresh: true })
          : await ctx.em.find(
              SyncRun,
              { module: module!, $or: [{ status: { $in: [SyncStatus.QUEUED, SyncStatus.RUNNING] } }, { finishedAt: { $gte: new Date(event.lostAt.getTime() - 5000) } }] },
              { refresh: true, orderBy: { createdAt: 'asc' } },
            );
        for (const run of runs) {
          const final = isFinalStatus(run.status);
          if (final ? ended.has(run.id) : run.processed < (sent.get(run.id) ?? 0)) continue;
          if (final) ended.add(run.id);
          yield SyncProgress.ofRun(run, final);
          if (runId && final) return;
        }
        continue;
      }
      if (runId && event.runId !== runId) continue;
      if (module && event.module !== module) continue;
      if (event.final) {
        sent.delete(event.runId);
        ended.add(event.runId);
      } else sent.set(event.runId, event.processed);
      yield event;
      if (runId && event.final) return;
    }
  } finally {
    await events.return?.();
  }
}
