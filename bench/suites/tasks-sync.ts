import { seedTasks } from '../../src/modules/tasks/seed';
import { startGoogleEmulator } from '../../test/google-emulator';
import { shareEmployeeCalendars } from '../../test/helpers/google-domain';
import { queryDatabase } from '../lib/database';
import { gatewayDatabaseUrl } from '../lib/database-url';
import { startGateway } from '../lib/gateway';
import { graphql, runSync } from '../lib/sync-run';
import type { BenchContext, Row, Suite } from '../lib/types';

const QUOTA_PER_MINUTE = 6000;
const CLIENT = { clientId: 'bench.apps.googleusercontent.com', clientSecret: 'bench-secret' };

/**
 * First sync of 10,000 tasks / 50 employees to the Calendar emulator (20 ms latency, per-user quota
 * 6,000/min, the gateway's limiter set to match), then a sync with nothing changed.
 */
export const tasksSync: Suite = {
  name: 'tasks-sync',
  description: 'sync of 10,000 tasks (50 employees) to the Calendar emulator: 20 ms latency, quota 6,000 requests/min, limiter 6,000/min',
  async run(ctx: BenchContext): Promise<Row[]> {
    const google = await startGoogleEmulator({ recordRequests: false });
    ctx.defer(() => google.close());
    google.calendar.setLatency(20);
    google.calendar.setQuota({ perUserPerMinute: QUOTA_PER_MINUTE, style: '429' });
    const gw = await startGateway(ctx, { env: { ...google.env, GOOGLE_RATE_CALENDAR_PER_MINUTE: String(QUOTA_PER_MINUTE), GOOGLE_CALENDAR_CONCURRENCY: '4' } });
    google.registerClient({ ...CLIENT, redirectUris: [`http://localhost:${gw.port}/oauth/google/callback`] });
    const url = gatewayDatabaseUrl(ctx, gw);
    await seedTasks(url, { tenant: 'bench', employees: 50, tasks: 10_000, from: new Date('2026-01-01T00:00:00Z') });
    // The employees are users of the customer's domain who shared their calendars with the admin.
    shareEmployeeCalendars(google, await employeeCalendars(url));
    const admin = await gw.token({ tenant: 'bench', roles: ['admin'], sub: 'bench-admin' });

    // Connect Google as an admin would: credentials, consent, callback.
    await graphql(gw, admin, 'mutation($i: SetGoogleClientCredentialsInput!) { setGoogleClientCredentials(input: $i) { status } }', { i: CLIENT });
    const { requestGoogleAuthorization } = await graphql<{ requestGoogleAuthorization: { url: string } }>(gw, admin, 'mutation { requestGoogleAuthorization { url } }');
    const consent = await fetch(requestGoogleAuthorization.url, { redirect: 'manual' });
    const back = new URL(consent.headers.get('location')!);
    const cb = await fetch(`${gw.baseUrl}${back.pathname}${back.search}`);
    if (cb.status !== 200) throw new Error(`Google authorization failed: ${await cb.text()}`);

    const calls = () => Object.values(google.calendar.callsByMethod).reduce((a, b) => a + b, 0);
    ctx.log('tasks-sync: first sync of 10,000 tasks (about 2 minutes)');
    const callsBefore = calls();
    const first = await runSync(gw, admin, 'syncTasks', 500);
    const firstCalls = calls() - callsBefore;
    const rejections = google.calendar.quotaRejections;
    const writesBefore = google.calendar.writeCount;
    const second = await runSync(gw, admin, 'syncTasks', 500);
    const events = await countEvents(url);
    await gw.stop();
    const achievedPerMinute = firstCalls / (first.wallMs / 60_000);
    return [
      {
        label: 'first sync (10,000 creates)',
        figures: {
          status: first.status,
          created: first.created,
          failed: { value: first.failed, target: { op: '<=', value: 0 } },
          'wall s': { value: first.wallMs / 1000, digits: 1 },
          'Calendar calls': firstCalls,
          'calls/min': { value: achievedPerMinute, digits: 0 },
          'rate ÷ quota': { value: achievedPerMinute / QUOTA_PER_MINUTE, digits: 2, target: { op: '>=', value: 0.9 } },
          '429/403 provoked': rejections,
          'peak RSS MB': { value: first.peakRssMb, digits: 0 },
        },
        details: { linkedTasks: events },
      },
      {
        label: 'sync with nothing changed',
        figures: {
          status: second.status,
          skipped: second.skipped,
          writes: { value: google.calendar.writeCount - writesBefore, target: { op: '<=', value: 0 } },
          'wall s': { value: second.wallMs / 1000, digits: 1 },
          'peak RSS MB': { value: second.peakRssMb, digits: 0 },
        },
      },
    ];
  },
};

async function employeeCalendars(url: string): Promise<string[]> {
  return (await queryDatabase<{ calendar_id: string }>(url, `SELECT calendar_id FROM employee WHERE tenant = 'bench'`)).rows.map((r) => r.calendar_id);
}

async function countEvents(url: string): Promise<number> {
  return Number((await queryDatabase<{ n: string }>(url, `SELECT count(*) AS n FROM task_sync_link WHERE tenant = 'bench'`)).rows[0]!.n);
}
