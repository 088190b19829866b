import { afterAll, beforeAll, expect, it } from 'vitest';
import { startGoogleTestBed, type GoogleTestBed } from '../../helpers/google';
import { syncTasks } from '../../helpers/sync';
import { TaskFixtures } from '../../helpers/tasks';
import { setCalendarSettings, setServiceAccount } from './helpers';

let bed: GoogleTestBed;
const ANA = 'ana@example.com';

beforeAll(async () => {
  // One call per second for Ana: her four tasks take about three seconds, longer than a token lives.
  bed = await startGoogleTestBed({ env: { GOOGLE_RATE_CALENDAR_PER_MINUTE: '60' } });
  bed.google.domain.addUser(ANA);
});
afterAll(() => bed?.stop());

it('a delegated token is replaced before it expires, so no call is ever sent with an expired one', async () => {
  const key = bed.google.serviceAccounts.create();
  const view = await setServiceAccount(bed, JSON.stringify(key));
  bed.google.delegation.authorize(key.client_id, view.delegationScopes.split(','));
  await setCalendarSettings(bed, { mode: 'DELEGATED' });
  const f = new TaskFixtures(bed.gw, bed.admin);
  const ana = await f.employee('Ana Pop', ANA);
  for (let i = 1; i <= 4; i++) await f.task({ title: `Task ${i}`, employeeId: ana, startDate: `2026-03-1${i}`, endDate: `2026-03-1${i}` });
  bed.google.setAccessTokenTtl(2);

  const run = await syncTasks(bed.gw.url, bed.admin, false, 60_000);
  expect(run).toMatchObject({ status: 'SUCCEEDED', created: 4, failed: 0 });
  const grants = bed.google.requests.filter((r) => r.path.endsWith('/token') && (r.body as Record<string, string>)?.grant_type === 'urn:ietf:params:oauth:grant-type:jwt-bearer');
  expect(grants.length).toBeGreaterThanOrEqual(2);
  expect(bed.google.requests.filter((r) => r.path.startsWith('/calendar/') && r.status === 401)).toEqual([]);
  expect(bed.google.calendar.events(ANA)).toHaveLength(4);
});
