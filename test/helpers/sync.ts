import type { SyncCounters } from '../../src/sync/sync-events';
import { isFinalStatus } from '../../src/sync/sync-module';
import { gql, sleep } from './client';

export interface RunView extends SyncCounters {
  id: string;
  status: string;
  trigger: string;
  resumedCount: number;
  error: string | null;
  errors: { entityId: string; code: string; message: string; attempts: number }[];
}

const FIELDS = 'id status trigger total processed created updated deleted skipped failed resumedCount error errors { entityId code message attempts }';

/** Polls a run until it reaches a final status. */
export async function waitForRun(url: string, token: string, id: string, timeoutMs = 60_000): Promise<RunView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await gql<{ syncRun: RunView }>(url, `query($id: ID!) { syncRun(id: $id) { ${FIELDS} } }`, { token, variables: { id } });
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    const run = res.body.data!.syncRun;
    if (isFinalStatus(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run ${id} still ${run.status} after ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** Runs `syncTasks` and waits for the run to end. */
export async function syncTasks(url: string, token: string, full = false, timeoutMs?: number): Promise<RunView> {
  const res = await gql<{ syncTasks: { id: string } }>(url, 'mutation($full: Boolean) { syncTasks(input: { full: $full }) { id } }', { token, variables: { full } });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return waitForRun(url, token, res.body.data!.syncTasks.id, timeoutMs);
}
