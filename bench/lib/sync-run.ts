import { isFinalStatus } from '../../src/sync/sync-module';
import type { RunningGateway } from './gateway';

/** POSTs a GraphQL operation to the gateway; an error answer throws. */
export async function graphql<T>(gw: RunningGateway, token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await fetch(gw.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`GraphQL error: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** A sync run as it ended, with its wall time from the mutation and the gateway's peak RSS meanwhile. */
export interface TimedRun {
  status: string;
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  error: string | null;
  wallMs: number;
  peakRssMb: number;
}

/** Starts a module's sync (`mutation { <mutation> { id } }`) and polls its run every `pollMs` until it ends. */
export async function runSync(gw: RunningGateway, token: string, mutation: string, pollMs: number): Promise<TimedRun> {
  const t0 = performance.now();
  const started = await graphql<Record<string, { id: string }>>(gw, token, `mutation { ${mutation} { id } }`);
  const id = started[mutation]!.id;
  let peak = 0;
  for (;;) {
    peak = Math.max(peak, (await gw.rssKb()) ?? 0);
    const { syncRun } = await graphql<{ syncRun: Omit<TimedRun, 'wallMs' | 'peakRssMb'> }>(gw, token, 'query($id: ID!) { syncRun(id: $id) { status created updated skipped failed error } }', { id });
    if (isFinalStatus(syncRun.status)) return { ...syncRun, wallMs: performance.now() - t0, peakRssMb: peak / 1024 };
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
