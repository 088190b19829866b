import { afterAll, describe, expect, it } from 'vitest';
import { gql } from '../../helpers/client';
import { createTestDatabase, dbQuery, type TestDatabase } from '../../helpers/database';
import { startTestGateway, testEnv, type TestGateway } from '../../helpers/gateway';
import { connectGoogle, shareEmployeeCalendars, startGoogleTestBed, type GoogleTestBed } from '../../helpers/google';
import { startGatewayProcess, type GatewayProcess } from '../../helpers/process';
import { TaskFixtures } from '../../helpers/tasks';

const TASKS = 60;
const CALENDARS = ['ana@acme.test', 'bob@acme.test'];

let db: TestDatabase;
let setup: GoogleTestBed | null = null;
let child: GatewayProcess | null = null;
let survivor: TestGateway | null = null;

afterAll(async () => {
  child?.proc.kill('SIGKILL');
  await survivor?.stop();
  await setup?.gw.stop().catch(() => undefined);
  await setup?.google.close();
  await db?.drop();
});

describe('a tasks sync whose worker is killed mid-run', () => {
  it('is resumed from its checkpoint: processed == total and each task counted once, one event per task in Google', async () => {
    db = await createTestDatabase();
    // Connect Google and write the tasks through a first gateway, then stop it (the emulator stays).
    setup = await startGoogleTestBed({ database: db });
    await connectGoogle(setup);
    const fx = new TaskFixtures(setup.gw, setup.admin);
    const employees = [await fx.employee('Ana', CALENDARS[0]), await fx.employee('Bob', CALENDARS[1])];
    shareEmployeeCalendars(setup.google, CALENDARS);
    for (let i = 0; i < TASKS; i++) await fx.task({ title: `Task ${i}`, employeeId: employees[i % 2], startDate: '2026-03-10', endDate: '2026-03-10' });
    await setup.gw.stop();
    const google = setup.google;
    google.calendar.setLatency(60); // ~4 s for the run, one call at a time

    child = await startGatewayProcess(
      testEnv(db.url, { ...google.env, LOG_LEVEL: 'warn', SYNC_LEASE_SECONDS: '2', SYNC_HOUSEKEEPING_SECONDS: '0.5', SYNC_POLL_SECONDS: '0.5', GOOGLE_CALENDAR_CONCURRENCY: '2' }),
    );
    const queued = await gql<{ syncTasks: { id: string } }>(child.url, 'mutation { syncTasks { id } }', { token: setup.admin });
    const runId = queued.body.data!.syncTasks.id;
    const progress = async () => (await dbQuery(db.url, 'SELECT status, processed FROM sync_run WHERE id = $1', [runId])).rows[0] as { status: string; processed: number };
    await expect.poll(async () => (await progress()).processed >= 15, { timeout: 60_000, interval: 50 }).toBe(true);
    child.proc.kill('SIGKILL');
    await child.exited;
    const atKill = await progress();
    expect(atKill.status).toBe('RUNNING');
    expect(atKill.processed).toBeLessThan(TASKS);

    // A live worker notices the lapsed lease and resumes the run from its checkpoint.
    survivor = await startTestGateway({
      database: { url: db.url },
      env: { ...google.env },
      syncOptions: { concurrency: 1, leaseSeconds: 2, pollingIntervalSeconds: 0.5, housekeepingSeconds: 0.5 },
    });
    await expect.poll(async () => (await progress()).status, { timeout: 60_000, interval: 200 }).not.toBe('RUNNING');
    const run = (await dbQuery(db.url, 'SELECT status, total, processed, created, updated, deleted, skipped, failed, resumed_count FROM sync_run WHERE id = $1', [runId])).rows[0];
    expect(run).toMatchObject({ status: 'SUCCEEDED', total: TASKS, processed: TASKS, failed: 0, deleted: 0, resumed_count: 1 });
    expect(run.created + run.updated + run.skipped).toBe(TASKS);
    // Only the tasks done after the last checkpoint (about a second of work) are seen again, as skipped.
    expect(run.skipped).toBeLessThan(TASKS - atKill.processed);

    const events = CALENDARS.flatMap((c) => google.calendar.events(c).map((e) => e.id));
    expect(events).toHaveLength(TASKS);
    expect(new Set(events).size).toBe(TASKS);
  }, 180_000);
});
