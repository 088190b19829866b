import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTasks } from '../../../src/modules/tasks/seed';
import { gql } from '../../helpers/client';
import { dbQuery } from '../../helpers/database';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw?.stop());

describe('seed', () => {
  it('fills a consistent tenant that the calendar serves', async () => {
    const r = await seedTasks(gw.databaseUrl, { tenant: 'seeded', employees: 20, tasks: 5000, from: new Date('2026-01-01T00:00:00Z') });
    expect(r).toMatchObject({ employees: 20, tasks: 5000 });
    const stats = await dbQuery(
      gw.databaseUrl,
      `SELECT count(*)::int AS n, count(start_date)::int AS all_day,
         count(*) FILTER (WHERE range_end <= range_start)::int AS bad_ranges,
         count(*) FILTER (WHERE project_id IS NOT NULL AND partner_id IS DISTINCT FROM (SELECT partner_id FROM project p WHERE p.id = project_id))::int AS bad_partners
       FROM task WHERE tenant = 'seeded'`,
    );
    expect(stats.rows[0]).toMatchObject({ n: 5000, bad_ranges: 0, bad_partners: 0 });
    expect(stats.rows[0].all_day).toBeGreaterThan(300);
    const res = await gql<{ taskCalendar: { totalTasks: number; groups: { taskCount: number }[] } }>(
      gw.url,
      '{ taskCalendar(range: {from: "2026-06-01T00:00:00Z", to: "2026-07-01T00:00:00Z"}, groupBy: EMPLOYEE) { totalTasks groups { taskCount } } }',
      { token: await gw.token('seeded') },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.taskCalendar.groups).toHaveLength(20);
    expect(res.body.data!.taskCalendar.totalTasks).toBeGreaterThan(300);
    // Seeding the tenant again adds employees with emails of their own.
    await seedTasks(gw.databaseUrl, { tenant: 'seeded', employees: 3, tasks: 10 });
    const emails = await dbQuery(gw.databaseUrl, `SELECT count(*)::int AS n, count(DISTINCT lower(email))::int AS distinct FROM employee WHERE tenant = 'seeded'`);
    expect(emails.rows[0]).toEqual({ n: 23, distinct: 23 });
  });
});
