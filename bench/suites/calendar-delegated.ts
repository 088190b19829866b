import { seedTasks } from '../../src/modules/tasks/seed';
import { startGoogleEmulator } from '../../test/google-emulator';
import { queryDatabase } from '../lib/database';
import { gatewayDatabaseUrl } from '../lib/database-url';
import { startGateway } from '../lib/gateway';
import { graphql, runSync } from '../lib/sync-run';
import type { BenchContext, Row, Suite } from '../lib/types';

const PER_USER = 600;
const PER_PROJECT = 10_000;
const TASKS = 10_000;
const EMPLOYEES = 50;

/**
 * First sync of 10,000 tasks over 50 employees in DELEGATED mode: a service account impersonates
 * each employee (JWT bearer grant at the emulator), so each has its own per-user bucket and the
 * tenant shares one project-wide bucket. Emulator: 20 ms latency, 600/min per user, 10,000/min per
 * project; the gateway's limiter set to the same. A single admin bucket would cap it at 600/min.
 */
export const calendarDelegated: Suite = {
  name: 'calendar-delegated',
  description: `first sync of ${TASKS.toLocaleString('en')} tasks (${EMPLOYEES} employees) by domain-wide delegation: 20 ms latency, quota ${PER_USER}/min per user and ${PER_PROJECT.toLocaleString('en')}/min per project`,
  async run(ctx: BenchContext): Promise<Row[]> {
    const google = await startGoogleEmulator({ recordRequests: false });
    ctx.defer(() => google.close());
    google.calendar.setLatency(20);
    google.calendar.setQuota({ perUserPerMinute: PER_USER, perProjectPerMinute: PER_PROJECT });
    const gw = await startGateway(ctx, {
      env: { ...google.env, GOOGLE_RATE_CALENDAR_PER_MINUTE: String(PER_USER), GOOGLE_RATE_CALENDAR_PROJECT_PER_MINUTE: String(PER_PROJECT) },
    });
    const url = gatewayDatabaseUrl(ctx, gw);
    await seedTasks(url, { tenant: 'bench', employees: EMPLOYEES, tasks: TASKS, from: new Date('2026-01-01T00:00:00Z') });
    for (const email of await employeeEmails(url)) {
      const domain = email.slice(email.indexOf('@') + 1);
      if (!google.domain.domains().includes(domain)) google.domain.addDomain(domain);
      google.domain.addUser(email);
    }
    const admin = await gw.token({ tenant: 'bench', roles: ['admin'], sub: 'bench-admin' });

    // What an admin does: upload the key, paste client id + scopes in the Admin console, switch the mode.
    const key = google.serviceAccounts.create();
    const { setGoogleServiceAccount } = await graphql<{ setGoogleServiceAccount: { delegationScopes: string } }>(
      gw,
      admin,
      'mutation($i: SetGoogleServiceAccountInput!) { setGoogleServiceAccount(input: $i) { delegationScopes } }',
      { i: { keyJson: JSON.stringify(key) } },
    );
    google.delegation.authorize(key.client_id, setGoogleServiceAccount.delegationScopes.split(','));
    await graphql(gw, admin, 'mutation { updateCalendarSettings(input: {mode: DELEGATED}) { mode } }');

    const calls = () => Object.values(google.calendar.callsByMethod).reduce((a, b) => a + b, 0);
    ctx.log(`calendar-delegated: first sync of ${TASKS} tasks (about 1 minute)`);
    const first = await runSync(gw, admin, 'syncTasks', 500);
    const firstCalls = calls();
    const rejections = google.calendar.quotaRejections;
    const subjects = Object.keys(google.calendar.requestsBySubject).length;
    await gw.stop();
    const achievedPerMinute = firstCalls / (first.wallMs / 60_000);
    return [
      {
        label: `first sync (${TASKS.toLocaleString('en')} creates, ${EMPLOYEES} users)`,
        figures: {
          status: first.status,
          created: first.created,
          failed: { value: first.failed, target: { op: '<=', value: 0 } },
          'wall s': { value: first.wallMs / 1000, digits: 1 },
          'Calendar calls': firstCalls,
          'calls/min': { value: achievedPerMinute, digits: 0 },
          'rate ÷ project quota': { value: achievedPerMinute / PER_PROJECT, digits: 2, target: { op: '>=', value: 0.9 } },
          '429/403 provoked': { value: rejections, target: { op: '<=', value: 0 } },
          'peak RSS MB': { value: first.peakRssMb, digits: 0 },
        },
        details: { actingUsers: subjects, quotaRejectionsByKind: google.calendar.quotaRejectionsByKind, error: first.error },
      },
    ];
  },
};

async function employeeEmails(url: string): Promise<string[]> {
  return (await queryDatabase<{ email: string }>(url, `SELECT email FROM employee WHERE tenant = 'bench'`)).rows.map((r) => r.email);
}
