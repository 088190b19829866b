import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../../helpers/client';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { waitForRun } from '../../helpers/sync';

interface ModuleView {
  module: string;
  name: string;
  job: string;
  recentRuns: { id: string; module: string; status: string }[];
  schedule: { cron: string; timeZone: string; nextRunAt: string } | null;
}
const QUERY = '{ modules syncModules { module name job recentRuns(first: 5) { id module status } schedule { cron timeZone nextRunAt } } }';

let gw: TestGateway;
let admin: string;

beforeAll(async () => {
  gw = await startTestGateway({ env: { MODULES: 'auth,tasks,printers' } });
  admin = await gw.token('acme', ['admin'], 'admin-1');
});
afterAll(() => gw?.stop());

async function modules(token = admin) {
  const res = await gql<{ modules: string[]; syncModules: ModuleView[] }>(gw.url, QUERY, { token });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!;
}

describe('syncModules and modules: what a client shows one card or screen for', () => {
  it('lists the enabled modules with a sync job, in registry order, and the modules served', async () => {
    const data = await modules();
    expect(data.modules).toEqual(['auth', 'sync', 'tasks', 'printers']);
    expect(data.syncModules.map((m) => [m.module, m.name, m.job])).toEqual([
      ['TASKS', 'tasks', 'tasks-to-google-calendar'],
      ['PRINTERS', 'printers', 'printers-sync'],
    ]);
    expect(data.syncModules.every((m) => m.recentRuns.length === 0 && m.schedule === null)).toBe(true);
  });

  it("each module carries its own runs (newest first, the caller's tenant only) and its schedule", async () => {
    const started = await gql<{ syncPrinters: { id: string } }>(gw.url, 'mutation { syncPrinters { id } }', { token: admin });
    expect(started.body.errors).toBeUndefined();
    const run = await waitForRun(gw.url, admin, started.body.data!.syncPrinters.id);
    const set = await gql(gw.url, 'mutation { setSyncSchedule(module: TASKS, cron: "0 3 * * *", timeZone: "Europe/Bucharest") { nextRunAt } }', { token: admin });
    expect(set.body.errors).toBeUndefined();

    const data = await modules();
    const [tasks, printers] = data.syncModules;
    expect(printers!.recentRuns).toEqual([{ id: run.id, module: 'PRINTERS', status: run.status }]);
    expect(printers!.schedule).toBeNull();
    expect(tasks!.recentRuns).toEqual([]);
    expect(tasks!.schedule).toMatchObject({ cron: '0 3 * * *', timeZone: 'Europe/Bucharest' });

    // Another tenant sees neither the run nor the schedule.
    const other = await modules(await gw.token('globex', ['user'], 'u-1'));
    expect(other.syncModules.flatMap((m) => m.recentRuns)).toEqual([]);
    expect(other.syncModules.map((m) => m.schedule)).toEqual([null, null]);
  });

  it('refuses a page size out of range on the field', async () => {
    const res = await gql(gw.url, '{ syncModules { recentRuns(first: 0) { id } } }', { token: admin });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('asks for a token', async () => {
    const res = await gql(gw.url, '{ syncModules { module } }');
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
