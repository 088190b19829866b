import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../../helpers/client';
import { dbQuery } from '../../helpers/database';
import { connectGoogle, shareEmployeeCalendars, startGoogleTestBed, type GoogleTestBed } from '../../helpers/google';
import { waitForRun, type RunView } from '../../helpers/sync';
import { TaskFixtures } from '../../helpers/tasks';
import { planWalker, WALKER_TABLE_SQL, walkerModule } from '../../fixtures/walker';

/**
 * Runs stuck on a Google that never answers, with a request timeout far longer than the test
 * (60 s): cancelSyncRun aborts the call in flight, and the watchdog fails a run that makes no
 * progress, even while its lease is renewed; neither then blocks the next run.
 */
const STALL_MS = 1500;
/** Far below the 60 s request timeout: only an abort ends the call this soon. */
const BOUNDED_MS = 15_000;

let bed: GoogleTestBed;
let stallBed: GoogleTestBed;

beforeAll(async () => {
  const env = { GOOGLE_REQUEST_TIMEOUT_MS: '60000', GOOGLE_CALENDAR_CONCURRENCY: '1' };
  bed = await startGoogleTestBed({ env, extraModules: [walkerModule] });
  stallBed = await startGoogleTestBed({
    env,
    extraModules: [walkerModule],
    syncOptions: { concurrency: 2, leaseSeconds: 3, pollingIntervalSeconds: 0.5, housekeepingSeconds: 0.5, stallTimeoutMs: STALL_MS },
  });
  for (const b of [bed, stallBed]) {
    await dbQuery(b.gw.databaseUrl, WALKER_TABLE_SQL);
    b.google.setAccessTokenTtl(60); // every run refreshes its token first
    await connectGoogle(b);
    const fx = new TaskFixtures(b.gw, b.admin);
    const ana = await fx.employee('Ana', 'ana@acme.test');
    shareEmployeeCalendars(b.google, ['ana@acme.test']);
    await fx.task({ title: 'Visit', employeeId: ana, startDate: '2026-03-10', endDate: '2026-03-10' });
  }
});
afterAll(async () => {
  await bed?.stop();
  await stallBed?.stop();
});

async function startSync(b: GoogleTestBed, mutation = 'syncTasks(input: { full: true })'): Promise<string> {
  const res = await gql<Record<string, { id: string }>>(b.gw.url, `mutation { run: ${mutation} { id } }`, { token: b.admin });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!.run!.id;
}

/** Waits (bounded) until the emulator holds a request the gateway sent, unanswered, on a path that passes `test`. */
async function untilHung(b: GoogleTestBed, test: (path: string) => boolean): Promise<void> {
  await expect.poll(() => b.google.hungRequests.some(test), { timeout: BOUNDED_MS, interval: 25 }).toBe(true);
}

async function cancel(b: GoogleTestBed, id: string): Promise<number> {
  const started = Date.now();
  const res = await gql(b.gw.url, 'mutation($id: ID!) { cancelSyncRun(id: $id) { status } }', { token: b.admin, variables: { id } });
  expect(res.body.errors).toBeUndefined();
  return started;
}

describe('cancelSyncRun on a run waiting for Google', () => {
  it('aborts the Calendar call in flight: the run is CANCELLED promptly and the call is cut', async () => {
    bed.google.setEndpointFault('api', 'hang');
    try {
      const id = await startSync(bed);
      await untilHung(bed, (p) => p.startsWith('/calendar/'));
      const started = await cancel(bed, id);
      const run = await waitForRun(bed.gw.url, bed.admin, id, BOUNDED_MS);
      expect(run.status).toBe('CANCELLED');
      expect(Date.now() - started).toBeLessThan(BOUNDED_MS);
      // The gateway closed the hung request itself (the emulator records it, unanswered).
      await expect.poll(() => bed.google.requests.filter((r) => r.path.startsWith('/calendar/') && r.status === 0).length).toBe(1);
    } finally {
      bed.google.setEndpointFault('api', null);
    }
  });

  it('aborts a token refresh in flight the same way', async () => {
    bed.google.setEndpointFault('token', 'hang');
    try {
      const id = await startSync(bed);
      await untilHung(bed, (p) => p === '/token');
      await cancel(bed, id);
      expect((await waitForRun(bed.gw.url, bed.admin, id, BOUNDED_MS)).status).toBe('CANCELLED');
    } finally {
      bed.google.setEndpointFault('token', null);
    }
    // Nothing is left blocking: the next run goes through.
    const next = await startSync(bed);
    expect((await waitForRun(bed.gw.url, bed.admin, next, BOUNDED_MS)).status).toBe('SUCCEEDED');
  });

  it('cancelling a wedged job (it ignores its signal) ends its run CANCELLED all the same', async () => {
    await planWalker(bed.gw.databaseUrl, 'acme', { items: 5, hangAt: 1 });
    const id = await startSync(bed, 'syncWalker');
    await expect.poll(async () => (await dbQuery(bed.gw.databaseUrl, 'SELECT processed FROM sync_run WHERE id = $1', [id])).rows[0].processed, { timeout: BOUNDED_MS }).toBe(1);
    await cancel(bed, id);
    expect((await waitForRun(bed.gw.url, bed.admin, id, BOUNDED_MS)).status).toBe('CANCELLED');
  });
});

describe('the stall watchdog (SYNC_STALL_TIMEOUT_MS)', () => {
  it('fails a run waiting on a call that does not answer, though its lease is renewed; syncTasks then starts a new run', async () => {
    stallBed.google.setEndpointFault('api', 'hang');
    let run: RunView;
    try {
      const id = await startSync(stallBed);
      await untilHung(stallBed, (p) => p.startsWith('/calendar/'));
      run = await waitForRun(stallBed.gw.url, stallBed.admin, id, BOUNDED_MS);
    } finally {
      stallBed.google.setEndpointFault('api', null);
    }
    expect(run.status).toBe('FAILED');
    expect(run.error).toMatch(/^The sync made no progress for 1\.5 s/);
    const next = await startSync(stallBed);
    expect(next).not.toBe(run.id);
    expect((await waitForRun(stallBed.gw.url, stallBed.admin, next, BOUNDED_MS)).status).toBe('SUCCEEDED');
  });

  it('ends the run of a job that ignores its signal (wedged), so that it no longer blocks the next one', async () => {
    await planWalker(stallBed.gw.databaseUrl, 'acme', { items: 5, hangAt: 2 });
    const id = await startSync(stallBed, 'syncWalker');
    const run = await waitForRun(stallBed.gw.url, stallBed.admin, id, BOUNDED_MS);
    expect(run).toMatchObject({ status: 'FAILED', processed: 2 });
    expect(run.error).toMatch(/made no progress/);
    expect(stallBed.gw.logs.some((l) => /did not unwind/.test(String(l.msg)))).toBe(true);

    await planWalker(stallBed.gw.databaseUrl, 'acme', { items: 5 });
    const next = await startSync(stallBed, 'syncWalker');
    expect(next).not.toBe(id);
    expect((await waitForRun(stallBed.gw.url, stallBed.admin, next, BOUNDED_MS)).status).toBe('SUCCEEDED');
  });
});
