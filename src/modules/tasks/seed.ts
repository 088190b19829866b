import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { ensureTenantRow } from '../../db/tenant-registry';

export interface SeedOptions {
  tenant: string;
  employees: number;
  tasks: number;
  partners?: number;
  projects?: number;
  /** The year the tasks are spread over starts here (default: 6 months ago). */
  from?: Date;
}

export interface SeedResult {
  employees: number;
  partners: number;
  projects: number;
  tasks: number;
  ms: number;
}

const FIRST = ['Ana', 'Bogdan', 'Cristina', 'Dan', 'Elena', 'Florin', 'Gabriela', 'Horia', 'Ioana', 'Mihai', 'Oana', 'Radu', 'Sorina', 'Vlad'];
const LAST = ['Popescu', 'Ionescu', 'Pop', 'Stan', 'Dumitru', 'Matei', 'Constantin', 'Marin', 'Tudor', 'Barbu'];
const WHAT = ['Client visit', 'Installation', 'Offer follow-up', 'Training', 'Inventory', 'Audit', 'Delivery', 'Support call', 'Site survey', 'Contract review'];

/**
 * Fills a tenant with a realistic data set in a few statements (PostgreSQL generates the tasks):
 * tasks spread over a year, 30 min to 2 days long, one in ten all-day, most with a partner and
 * half with a project of that partner.
 */
export async function seedTasks(databaseUrl: string, o: SeedOptions): Promise<SeedResult> {
  const t0 = Date.now();
  const partners = o.partners ?? Math.max(1, Math.round(o.employees / 4));
  const projects = o.projects ?? partners * 2;
  const from = o.from ?? new Date(Date.now() - 183 * 86_400_000);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await ensureTenantRow(client, o.tenant);
    const tz: string = (await client.query('SELECT time_zone FROM tenant WHERE id = $1', [o.tenant])).rows[0].time_zone;
    const employeeIds = Array.from({ length: o.employees }, () => randomUUID());
    const partnerIds = Array.from({ length: partners }, () => randomUUID());
    const projectIds = Array.from({ length: projects }, () => randomUUID());
    const names = employeeIds.map((_, i) => `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i + 1}`);
    await client.query(
      /* seedEmployees */ `INSERT INTO employee (id, tenant, name, email, calendar_id, active, created_at, updated_at)
       SELECT id, $1::text, name, 'employee' || m || '@' || $1::text || '.example', 'employee' || m || '@' || $1::text || '.example', true, now(), now()
       FROM (SELECT id, name, n + (SELECT count(*) FROM employee WHERE tenant = $1::text) AS m
             FROM unnest($2::uuid[], $3::text[]) WITH ORDINALITY AS u(id, name, n)) numbered`,
      [o.tenant, employeeIds, names],
    );
    await client.query(
      /* seedPartners */ `INSERT INTO partner (id, tenant, name, fiscal_code, created_at, updated_at)
       SELECT id, $1::text, 'Partner ' || n || ' SRL', 'RO' || (1000000 + n), now(), now() FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, n)`,
      [o.tenant, partnerIds],
    );
    await client.query(
      /* seedProjects */ `INSERT INTO project (id, tenant, name, partner_id, created_at, updated_at)
       SELECT id, $1::text, 'Project ' || n, ($3::uuid[])[1 + (n % array_length($3::uuid[], 1))], now(), now() FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, n)`,
      [o.tenant, projectIds, partnerIds],
    );
    // Project p belongs to partner (p mod partners): a task with a project takes that project's partner.
    await client.query(
      /* seedTasks */ `WITH g AS (
         SELECT n, random() AS r1, random() AS r2, random() AS r3, random() AS r4 FROM generate_series(1, $2::int) AS n
       ), shaped AS (
         SELECT n, r1, r2, r3, r4,
           (r3 < 0.1) AS all_day,
           date_trunc('hour', $3::timestamptz + (r1 * interval '365 days')) + ((floor(r2 * 4) * 15) || ' minutes')::interval AS start_at,
           1 + floor(r4 * array_length($5::uuid[], 1))::int AS proj_idx
         FROM g
       ), picked AS (
         SELECT s.*,
           CASE WHEN s.r2 < 0.5 THEN ($5::uuid[])[s.proj_idx] END AS project_id,
           CASE WHEN s.r2 < 0.5 THEN ($6::uuid[])[1 + (s.proj_idx % array_length($6::uuid[], 1))]
                WHEN s.r2 < 0.85 THEN ($6::uuid[])[1 + floor(s.r4 * array_length($6::uuid[], 1))::int] END AS partner_id,
           (s.start_at AT TIME ZONE $7)::date AS first_day,
           (s.start_at + (interval '30 minutes' * (1 + floor(s.r4 * 8)))) AS end_at
         FROM shaped s
       )
       INSERT INTO task (id, tenant, title, description, location, employee_id, partner_id, project_id, starts_at, ends_at, start_date, end_date,
                         status, range_start, range_end, created_at, updated_at)
       SELECT gen_random_uuid(), $1::text, ($8::text[])[1 + (n % array_length($8::text[], 1))] || ' #' || n, 'Seeded task ' || n, NULL,
         ($4::uuid[])[1 + (n % array_length($4::uuid[], 1))], partner_id, project_id,
         CASE WHEN all_day THEN NULL ELSE start_at END, CASE WHEN all_day THEN NULL ELSE end_at END,
         CASE WHEN all_day THEN first_day END, CASE WHEN all_day THEN first_day + floor(r1 * 3)::int END,
         (ARRAY['OPEN','OPEN','IN_PROGRESS','DONE'])[1 + (n % 4)],
         CASE WHEN all_day THEN first_day::timestamp AT TIME ZONE $7 ELSE start_at END,
         CASE WHEN all_day THEN (first_day + floor(r1 * 3)::int + 1)::timestamp AT TIME ZONE $7 ELSE end_at END,
         now(), now()
       FROM picked`,
      [o.tenant, o.tasks, from, employeeIds, projectIds, partnerIds, tz, WHAT],
    );
    await client.query('COMMIT');
    await client.query('ANALYZE task');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
  return { employees: o.employees, partners, projects, tasks: o.tasks, ms: Date.now() - t0 };
}
