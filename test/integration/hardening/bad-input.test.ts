import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, errorCodes, gql, wsClient, type GqlResponse } from '../../helpers/client';
import { dbQuery } from '../../helpers/database';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { TaskFixtures } from '../../helpers/tasks';

let gw: TestGateway;
let admin: string;
let f: TaskFixtures;

beforeAll(async () => {
  gw = await startTestGateway({ env: { LOG_LEVEL: 'warn' } });
  admin = await gw.token('bad-input', ['admin']);
  f = new TaskFixtures(gw, admin);
  const ana = await f.employee('Ana Pop');
  await f.employee('Bogdan Ion');
  await f.employee('Cristi Stan');
  await f.task({ title: 'one', employeeId: ana, startsAt: '2026-03-02T08:00:00Z', endsAt: '2026-03-02T09:00:00Z' });
  await f.task({ title: 'two', employeeId: ana, startsAt: '2026-03-03T08:00:00Z', endsAt: '2026-03-03T09:00:00Z' });
});
afterAll(() => gw?.stop());

/** The one error of a refused operation: its code and the field it names. */
function refusal(res: GqlResponse): { code: unknown; field: unknown } {
  expect(res.body.errors).toHaveLength(1);
  const e = res.body.errors![0]!;
  return { code: e.extensions?.code, field: e.extensions?.field };
}

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

describe('bad input gets a 4xx-class code, never INTERNAL_SERVER_ERROR', () => {
  it('non-UUID ids in syncRun, cancelSyncRun, task, updateEmployee and id filters', async () => {
    for (const [query, field] of [
      ['{ syncRun(id: "x") { id } }', 'id'],
      ['mutation { cancelSyncRun(id: "1; drop table task") { id } }', 'id'],
      ['{ task(id: "not-a-uuid") { id } }', 'id'],
      ['mutation { updateEmployee(id: "42", input: { name: "x" }) { id } }', 'id'],
      ['{ tasks(filter: { employeeIds: ["nope"] }) { edges { cursor } } }', 'employeeIds'],
      ['{ taskCalendar(range: { from: "2026-03-01T00:00:00Z", to: "2026-03-02T00:00:00Z" }, groupBy: DAY, filter: { projectIds: ["x"] }) { totalTasks } }', 'projectIds'],
    ] as const) {
      expect(refusal(await gql(gw.url, query, { token: admin })), query).toEqual({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('a non-UUID runId in syncProgress over graphql-ws', async () => {
    const client = wsClient(gw.wsUrl, admin);
    try {
      const sub = collect(client, 'subscription { syncProgress(runId: "x") { status } }');
      await sub.until(() => sub.errors.length > 0);
      expect(sub.errors[0]).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'runId' } })]);
    } finally {
      await client.dispose();
    }
  });

  it('NUL characters in any text argument, in variables or literals, and nothing is written', async () => {
    const before = (await dbQuery(gw.databaseUrl, `SELECT count(*)::int AS n FROM partner WHERE tenant = 'bad-input'`)).rows[0]!.n;
    const cases: [string, Record<string, unknown> | undefined, string][] = [
      ['mutation($i: CreatePartnerInput!) { createPartner(input: $i) { id } }', { i: { name: 'Acme\u0000SRL' } }, '$i.name'],
      ['mutation($i: CreatePartnerInput!) { createPartner(input: $i) { id } }', { i: { name: 'Acme SRL', fiscalCode: 'RO1' } }, ''],
      ['query($s: String) { tasks(filter: { search: $s }) { edges { cursor } } }', { s: 'vis\u0000it' }, '$s'],
      ['{ tasks(filter: { search: "vis\\u0000it" }) { edges { cursor } } }', undefined, 'query'],
      ['mutation { createPartner(input: { name: "Acme\\u0000" }) { id } }', undefined, 'query'],
    ];
    for (const [query, variables, field] of cases) {
      const res = await gql(gw.url, query, { token: admin, variables });
      if (!field) {
        expect(res.body.errors, 'the control case, without NUL').toBeUndefined();
        continue;
      }
      expect(res.status, query).toBe(400);
      expect(refusal(res), query).toEqual({ code: 'BAD_USER_INPUT', field });
    }
    const after = (await dbQuery(gw.databaseUrl, `SELECT count(*)::int AS n FROM partner WHERE tenant = 'bad-input'`)).rows[0]!.n;
    // Only the control mutation (no NUL) wrote a row.
    expect(after - before).toBe(1);
  });

  it('tasks(filter: { range }) with from after to', async () => {
    const res = await gql(gw.url, '{ tasks(filter: { range: { from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" } }) { edges { cursor } } }', { token: admin });
    expect(refusal(res)).toEqual({ code: 'BAD_USER_INPUT', field: 'range' });
  });

  it('malformed cursors in every connection; operator injection in a cursor is refused', async () => {
    const bad = [
      'not base64 !',
      b64('not json'),
      b64({ a: 1 }),
      b64(['x', 'y']),
      b64(['2026-03-02T08:00:00.000Z']),
      b64(['2026-03-02T08:00:00.000Z', '00000000-0000-4000-8000-000000000000', 'extra']),
      b64([{ $ne: null }, { $gt: '' }]),
      b64([['a'], '00000000-0000-4000-8000-000000000000']),
      b64(['2026-03-02T08:00:00.000Z', { $gt: '' }]),
      'A'.repeat(5000),
    ];
    for (const list of ['tasks', 'employees', 'partners', 'projects', 'syncRuns']) {
      for (const after of bad) {
        const res = await gql(gw.url, `query($after: String) { ${list}(first: 5, after: $after) { edges { cursor } } }`, { token: admin, variables: { after } });
        expect(refusal(res), `${list} ${after.slice(0, 60)}`).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
      }
    }
    // The payload: `employees(after: base64url('[{"$ne":null},{"$gt":""}]'))`.
    const injection = await gql(gw.url, `{ employees(after: "${b64('[{"$ne":null},{"$gt":""}]')}") { edges { node { name } } } }`, { token: admin });
    expect(refusal(injection)).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
    // A real cursor still pages.
    const first = await gql<{ employees: { edges: { node: { name: string } }[]; pageInfo: { endCursor: string } } }>(
      gw.url,
      '{ employees(first: 1) { edges { node { name } } pageInfo { endCursor } } }',
      { token: admin },
    );
    const next = await gql<{ employees: { edges: { node: { name: string } }[] } }>(gw.url, 'query($a: String) { employees(first: 5, after: $a) { edges { node { name } } } }', {
      token: admin,
      variables: { a: first.body.data!.employees.pageInfo.endCursor },
    });
    expect(next.body.data!.employees.edges.map((e) => e.node.name)).toEqual(['Bogdan Ion', 'Cristi Stan']);
  });

  it('a subscription sent over HTTP POST is BAD_REQUEST (400)', async () => {
    const res = await gql(gw.url, 'subscription { cacheReset { tenant } }', { token: admin });
    expect(res.status).toBe(400);
    expect(errorCodes(res)).toEqual(['BAD_REQUEST']);
    expect(res.body.errors![0]!.message).toMatch(/WebSocket/);
  });

  it('an APQ hash that does not match its query is BAD_REQUEST (400)', async () => {
    const res = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify({ query: '{ viewer { sub } }', extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update('{ other }').digest('hex') } } }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((e) => e.extensions.code)).toEqual(['BAD_REQUEST']);
  });
});

describe('time zones: one validator, known to JavaScript and PostgreSQL, stored canonical', () => {
  const setTenant = (tz: string) =>
    gql<{ updateTenantSettings: { timeZone: string } }>(gw.url, 'mutation($tz: String) { updateTenantSettings(input: { timeZone: $tz }) { timeZone } }', { token: admin, variables: { tz } });
  const setSchedule = (tz: string) =>
    gql<{ setSyncSchedule: { timeZone: string } }>(gw.url, 'mutation($tz: String) { setSyncSchedule(module: TASKS, cron: "0 */2 * * *", timeZone: $tz) { timeZone } }', {
      token: admin,
      variables: { tz },
    });

  it('refuses abbreviations, POSIX names and zones only one side knows, with the field named', async () => {
    for (const tz of ['PST', 'US/Pacific-New', 'EST5EDT', 'GMT', 'posix/Europe/Bucharest', 'Mars/Olympus', '', 'Europe/Bucharest\u0001']) {
      for (const set of [setTenant, setSchedule]) {
        const res = await set(tz);
        expect(refusal(res), `${set === setTenant ? 'updateTenantSettings' : 'setSyncSchedule'} ${tz}`).toEqual({ code: 'BAD_USER_INPUT', field: 'timeZone' });
      }
    }
    const tenant = await dbQuery(gw.databaseUrl, `SELECT time_zone FROM tenant WHERE id = 'bad-input'`);
    expect(tenant.rows[0]!.time_zone).toBe('Europe/Bucharest');
  });

  it('stores the canonical name', async () => {
    expect((await setTenant('europe/bucharest')).body.data!.updateTenantSettings.timeZone).toBe('Europe/Bucharest');
    expect((await setTenant('US/Pacific')).body.data!.updateTenantSettings.timeZone).toBe('America/Los_Angeles');
    expect((await setSchedule('Etc/UTC')).body.data!.setSyncSchedule.timeZone).toBe('UTC');
    expect((await setSchedule('america/new_york')).body.data!.setSyncSchedule.timeZone).toBe('America/New_York');
    const stored = await dbQuery(
      gw.databaseUrl,
      `SELECT (SELECT time_zone FROM tenant WHERE id = 'bad-input') AS tenant, (SELECT time_zone FROM sync_schedule WHERE tenant = 'bad-input') AS schedule`,
    );
    expect(stored.rows[0]).toEqual({ tenant: 'America/Los_Angeles', schedule: 'America/New_York' });
    await setTenant('Europe/Bucharest');
  });
});
