import { getIntrospectionQuery, Kind, parse } from 'graphql';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTasks } from '../../../src/modules/tasks/seed';
import { gql, wsClient } from '../../helpers/client';
import { createTestDatabase, dbQuery, type TestDatabase } from '../../helpers/database';
import { QUIET_POLLER, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { sample, scrapeMetrics } from '../../helpers/metrics';

/**
 * The differential test of the executors and of the direct HTTP path: every document under
 * operations/ and a set of the test suite's operations (errors included) go to two gateways on one
 * database, one executing with graphql-jit and answering known documents without Apollo's request
 * pipeline (src/server/direct-execution.ts), the other with Apollo's pipeline and graphql-js as
 * before, and their answers must be the same bytes (status, content type, key order, error
 * messages, locations and paths). The compiled side is first shown each text without a token (it
 * is validated, then refused, nothing runs), so that the request compared is one the direct path
 * may serve. Mutations run once on each; only what the server
 * generates at random or from the clock (new ids, timestamps of now, an OAuth state) is replaced by
 * a placeholder before comparing.
 */

type Who = 'admin' | 'user' | 'none' | 'stranger';
type Side = 'jit' | 'js';
interface Case {
  name: string;
  query: string;
  operationName?: string;
  variables?: Record<string, unknown> | ((side: Side) => Promise<Record<string, unknown>> | Record<string, unknown>);
  who?: Who;
  /** A mutation whose answer holds values generated at execution. */
  generated?: boolean;
}

let db: TestDatabase;
let jit: TestGateway;
let js: TestGateway;
const tokens: Record<Side, Record<Who, string | undefined>> = { jit: { admin: '', user: '', none: undefined, stranger: '' }, js: { admin: '', user: '', none: undefined, stranger: '' } };
const ids = { employee: '', employee2: '', partner: '', project: '', task: '', task2: '', cursor: '' };
const startedAt = new Date().toISOString();
const known = new Set<string>();
const MONTH = { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };
const MISSING = '00000000-0000-4000-8000-000000000000';

function operationsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'generated' ? [] : operationsFiles(file);
    return file.endsWith('.graphql') ? [file] : [];
  });
}

async function send(side: Side, c: Case, who: Who = c.who ?? 'admin'): Promise<{ status: number; text: string; contentType: string | null }> {
  const gw = side === 'jit' ? jit : js;
  const token = tokens[side][who];
  const variables = typeof c.variables === 'function' ? await c.variables(side) : c.variables;
  const res = await fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: c.query, operationName: c.operationName, variables }),
  });
  return { status: res.status, text: await res.text(), contentType: res.headers.get('content-type') };
}

/** Shows the compiled side a case's text without a token: Apollo validates it and refuses it before anything runs. */
async function teach(c: Case): Promise<void> {
  if (c.who === 'none' || typeof c.variables === 'function') {
    // Without a token anyway, or variables made by running a mutation: the text alone is enough.
    await send('jit', { ...c, variables: undefined }, 'none');
    return;
  }
  await send('jit', c, 'none');
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g;

/** Placeholders for what a mutation generates: ids not seen before, instants from the start of this test on, an OAuth URL's random parts. */
function generatedOut(text: string): string {
  const fresh = new Map<string, string>();
  return text
    .replace(UUID, (id) => (known.has(id) ? id : (fresh.get(id) ?? (fresh.set(id, `<new-id-${fresh.size}>`), fresh.get(id)!))))
    .replace(ISO, (at) => (at >= startedAt ? '<now>' : at))
    .replace(/"state":"[^"]+"/g, '"state":"<random>"')
    .replace(/"url":"[^"]+"/g, '"url":"<random>"');
}

async function expectSame(c: Case): Promise<void> {
  // graphql-js first: a mutation's effects are then seen alike by the second (e.g. a task renamed twice to the same title).
  const a = await send('js', c);
  await teach(c);
  const b = await send('jit', c);
  const [left, right] = c.generated ? [generatedOut(a.text), generatedOut(b.text)] : [a.text, b.text];
  expect({ status: b.status, contentType: b.contentType, body: right }, c.name).toEqual({ status: a.status, contentType: a.contentType, body: left });
}

beforeAll(async () => {
  db = await createTestDatabase();
  // One database, two gateways: ROLE=api runs no sync job that would change rows between the two answers.
  const env = { ROLE: 'api', LOG_LEVEL: 'warn', ...QUIET_POLLER };
  js = await startTestGateway({ database: db, env: { ...env, GRAPHQL_JIT: 'false' } });
  // Every operation compiled (by default only those that select a list are).
  jit = await startTestGateway({ database: db, env: { ...env, GRAPHQL_JIT: 'true', GRAPHQL_JIT_ALL: 'true' } });
  await seedTasks(db.url, { tenant: 'diff', employees: 12, tasks: 1500, from: new Date('2026-01-01T00:00:00Z') });
  for (const side of ['jit', 'js'] as const) {
    const gw = side === 'jit' ? jit : js;
    tokens[side] = { admin: await gw.token('diff', ['admin'], 'boss'), user: await gw.token('diff', ['user'], 'ana'), none: undefined, stranger: await gw.token('other', ['admin'], 'eve') };
  }
  const seen = await gql<{
    employees: { edges: { node: { id: string } }[] };
    partners: { edges: { node: { id: string } }[] };
    projects: { edges: { node: { id: string } }[] };
    tasks: { edges: { cursor: string; node: { id: string } }[] };
  }>(
    js.url,
    '{ employees(first: 2) { edges { node { id } } } partners(first: 1) { edges { node { id } } } projects(first: 1) { edges { node { id } } } tasks(first: 2) { edges { cursor node { id } } } }',
    {
      token: tokens.js.admin,
    },
  );
  const d = seen.body.data!;
  ids.employee = d.employees.edges[0]!.node.id;
  ids.employee2 = d.employees.edges[1]!.node.id;
  ids.partner = d.partners.edges[0]!.node.id;
  ids.project = d.projects.edges[0]!.node.id;
  ids.task = d.tasks.edges[0]!.node.id;
  ids.task2 = d.tasks.edges[1]!.node.id;
  ids.cursor = d.tasks.edges[1]!.cursor;
  for (const table of ['task', 'employee', 'partner', 'project']) for (const row of (await dbQuery<{ id: string }>(db.url, `SELECT id FROM ${table}`)).rows) known.add(row.id);
  for (const id of Object.values(ids)) known.add(id);
  known.add(MISSING);
}, 120_000);

afterAll(async () => {
  await Promise.all([jit?.stop(), js?.stop()]);
  await db?.drop();
});

/** Variables for the documents under operations/, by operation name, on the seeded tenant. */
function variablesOf(name: string): Case['variables'] {
  const task = (title: string) => ({ title, employeeId: ids.employee, partnerId: ids.partner, startsAt: '2026-03-10T08:00:00.000Z', endsAt: '2026-03-10T10:00:00.000Z', location: 'Cluj' });
  const byName: Record<string, Case['variables']> = {
    ConsoleCalendar: () => ({ range: MONTH, groupBy: 'EMPLOYEE', filter: { partnerIds: [ids.partner] } }),
    TaskCalendarByEmployee: () => ({ range: MONTH }),
    TaskCalendarByWeek: () => ({ range: MONTH, filter: { employeeIds: [ids.employee, ids.employee2] } }),
    TaskListPage: () => ({ first: 50, after: ids.cursor }),
    Printers: { first: 20 },
    PrintJobs: { first: 20 },
    PrinterLive: { id: MISSING },
    CancelPrintJob: { id: MISSING },
    SubmitPrintJob: () => ({ input: { printerId: MISSING, file: null, copies: 1 } }),
    CreateTask: () => ({ input: task('Client visit') }),
    ConsoleCreateTask: () => ({ input: { ...task('Offsite'), startsAt: undefined, endsAt: undefined, startDate: '2026-03-12', endDate: '2026-03-13' } }),
    ConsoleUpdateTask: () => ({ id: ids.task, input: { title: 'Renamed', location: 'Iasi' } }),
    ConsoleDeleteTask: async (side) => {
      const gw = side === 'jit' ? jit : js;
      const created = await gql<{ createTask: { id: string } }>(gw.url, 'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }', {
        token: tokens[side].admin,
        variables: { i: task(`to delete ${side}`) },
      });
      return { id: created.body.data!.createTask.id };
    },
    ConsoleCreateEmployee: (side) => ({ input: { name: `Employee ${side}`, email: `employee.${side}@diff.test` } }),
    ConsoleCreatePartner: (side) => ({ input: { name: `Partner ${side}` } }),
    ConsoleCreateProject: (side) => ({ input: { name: `Project ${side}`, partnerId: ids.partner } }),
    ConsoleSetGoogleCredentials: { input: { clientId: '123-abc.apps.googleusercontent.com', clientSecret: 'GOCSPX-secret' } },
    ConsoleAuthorizeGoogle: { input: { code: 'a-code', state: 'not-a-state' } },
    ConsoleCancelSyncRun: { id: MISSING },
    ConsoleSetSyncSchedule: { module: 'TASKS', cron: '0 3 * * *', timeZone: 'Europe/Bucharest' },
    ConsoleClearSyncSchedule: async (side) => {
      // Each side clears a schedule of its own.
      const gw = side === 'jit' ? jit : js;
      const set = await gql(gw.url, 'mutation { setSyncSchedule(module: TASKS, cron: "0 4 * * *") { cron } }', { token: tokens[side].admin });
      expect(set.body.errors).toBeUndefined();
      return { module: 'TASKS' };
    },
    ConsoleSyncTasks: { full: false },
    SyncTasks: { full: true },
  };
  return byName[name];
}

/** Each query and mutation of operations/, in the files' order (subscriptions are executed by graphql-js on both). */
function operationsCases(): Case[] {
  const root = path.resolve(__dirname, '../../../operations');
  const cases: Case[] = [];
  for (const file of operationsFiles(root).sort()) {
    const text = readFileSync(file, 'utf8');
    for (const def of parse(text).definitions) {
      if (def.kind !== Kind.OPERATION_DEFINITION || def.operation === 'subscription' || !def.name) continue;
      const name = def.name.value;
      cases.push({ name: `${path.relative(root, file)} ${name}`, query: text, operationName: name, variables: variablesOf(name), generated: def.operation === 'mutation' });
    }
  }
  return cases;
}

const NESTED = `query Nested($first: Int, $after: String) { tasks(first: $first, after: $after) { edges { cursor node { id title status allDay startsAt endsAt startDate endDate location
  employee { id name email } partner { id name fiscalCode } project { id name partner { id name } } } } pageInfo { hasNextPage endCursor } } }`;

/** Operations of the test suite (tasks, hardening, bad input, authentication), with their errors. */
const suiteCases = (): Case[] => [
  { name: 'typename without a token', query: '{ __typename }', who: 'none' },
  { name: 'viewer without a token', query: '{ viewer { sub } }', who: 'none' },
  { name: 'viewer and tenant', query: '{ viewer { sub tenant roles } tenant { id timeZone } }', who: 'user' },
  { name: 'introspection', query: getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true }) },
  { name: 'nested page of 100 tasks', query: NESTED, variables: { first: 100 } },
  { name: 'second page', query: NESTED, variables: () => ({ first: 100, after: ids.cursor }) },
  { name: 'tasks filtered', query: '{ tasks(first: 50, filter: { search: "a" }) { edges { node { title employee { name } } } } }' },
  { name: 'tasks by partner', query: 'query($p: [ID!]) { tasks(first: 30, filter: { partnerIds: $p }) { edges { node { id partner { name } } } } }', variables: () => ({ p: [ids.partner] }) },
  { name: 'one task', query: 'query($id: ID!) { task(id: $id) { id title employee { name } project { name partner { name } } } }', variables: () => ({ id: ids.task }) },
  { name: 'missing task', query: 'query($id: ID!) { task(id: $id) { id } }', variables: { id: MISSING } },
  { name: 'malformed id', query: '{ task(id: "nope") { id } }' },
  {
    name: 'partial data: one alias fails',
    query: 'query($id: ID!) { ok: task(id: $id) { title } missing: task(id: "00000000-0000-4000-8000-000000000000") { title } viewer { sub } }',
    variables: () => ({ id: ids.task }),
  },
  ...(['DAY', 'WEEK', 'MONTH', 'EMPLOYEE'] as const).map((groupBy) => ({
    name: `calendar by ${groupBy}`,
    query: `query($r: DateRangeInput!, $g: CalendarGrouping!) { taskCalendar(range: $r, groupBy: $g) { timeZone totalTasks groups { key label periodStart periodEnd taskCount employee { name } tasks { id title startsAt endsAt startDate endDate allDay partner { name } project { name } employee { name } } } } }`,
    variables: { r: MONTH, g: groupBy },
  })),
  {
    name: 'calendar pages per group',
    query: 'query($r: DateRangeInput!) { taskCalendar(range: $r, groupBy: DAY, maxTasksPerGroup: 2, includeEmpty: false) { groups { key taskCount hasMore endCursor tasks { id } } } }',
    variables: { r: MONTH },
  },
  { name: 'reversed range', query: 'query($r: DateRangeInput!) { taskCalendar(range: $r, groupBy: DAY) { totalTasks } }', variables: { r: { from: MONTH.to, to: MONTH.from } } },
  {
    name: 'directory',
    query:
      '{ employees(first: 100) { edges { node { id name email active calendarId } } pageInfo { hasNextPage endCursor } } partners { edges { node { name } } } projects { edges { node { name partner { name } } } } }',
  },
  {
    name: 'aliases, fragments, skip and include',
    query: `query($yes: Boolean!, $no: Boolean!) { a: tasks(first: 3) { ...Page } b: tasks(first: 2) @include(if: $yes) { edges { node { title @skip(if: $yes) id } } } c: viewer @include(if: $no) { sub } viewer { __typename roles } }
      fragment Page on TaskConnection { __typename edges { node { ... on Task { id employee { ...Who } } ...More } } }
      fragment Who on Employee { name __typename }
      fragment More on Task { title partner { __typename name } }`,
    variables: { yes: true, no: false },
  },
  { name: 'google connection', query: '{ googleConnection { status clientId grantedScopes missingScopes authorizedAt lastError } }' },
  { name: 'admin only, as a user', query: '{ googleConnection { status } }', who: 'user' },
  { name: 'another tenant', query: '{ tasks(first: 5) { edges { node { id } } } employees { edges { node { id } } } }', who: 'stranger' },
  { name: 'sync runs and schedules', query: '{ syncRuns(first: 5) { edges { node { id status } } pageInfo { hasNextPage } } syncSchedules { module cron } }' },
  { name: 'contacts', query: '{ contacts(first: 5) { edges { node { id } } } contactsSettings { __typename } }' },
  { name: 'printers', query: '{ printers(first: 5) { edges { node { id displayName } } } printServers { id } printJobs(first: 5) { edges { node { id } } } }' },
  { name: 'bad variable type', query: 'query($n: Int) { tasks(first: $n) { edges { node { id } } } }', variables: { n: 'ten' } },
  { name: 'missing required variable', query: 'query($id: ID!) { task(id: $id) { id } }', variables: {} },
  {
    name: 'unknown enum value',
    query: 'query($g: CalendarGrouping!) { taskCalendar(range: { from: "2026-03-01T00:00:00Z", to: "2026-03-02T00:00:00Z" }, groupBy: $g) { totalTasks } }',
    variables: { g: 'YEAR' },
  },
  { name: 'bad input object', query: 'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }', variables: { i: { title: 'x' } } },
  { name: 'named operation picked', query: 'query A { viewer { sub } } query B { tenant { id } }', operationName: 'B' },
  { name: 'unknown operation name', query: 'query A { viewer { sub } }', operationName: 'C' },
  { name: 'two operations, no name', query: 'query A { viewer { sub } } query B { tenant { id } }' },
  { name: 'mutation refused to a user', query: 'mutation { createPartner(input: { name: "P" }) { id } }', who: 'user' },
  {
    name: 'bad task input',
    query: 'mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }',
    variables: () => ({ i: { title: 'x', employeeId: ids.employee, startsAt: '2026-03-10T10:00:00Z', endsAt: '2026-03-10T08:00:00Z' } }),
  },
  { name: 'delete a missing task', query: 'mutation { deleteTask(id: "00000000-0000-4000-8000-000000000000") }' },
  {
    name: 'mutations run in order',
    query:
      'mutation { a: updateTenantSettings(input: { timeZone: "Europe/Bucharest" }) { timeZone } b: updateTenantSettings(input: { timeZone: "Mars/Olympus" }) { timeZone } c: updateTenantSettings(input: { timeZone: "UTC" }) { timeZone } }',
  },
  { name: 'bad time zone', query: 'mutation { updateTenantSettings(input: { timeZone: "EST" }) { timeZone } }' },
];

describe('graphql-jit on the direct path and graphql-js through Apollo give the same answers', () => {
  it('for every query and mutation under operations/', async () => {
    const cases = operationsCases();
    expect(cases.length).toBeGreaterThan(25);
    for (const c of cases) await expectSame(c);
  }, 120_000);

  it("for the test suite's operations, errors included", async () => {
    for (const c of suiteCases()) await expectSame(c);
  }, 120_000);

  it('over WebSocket as well', async () => {
    const answers: Record<Side, unknown[]> = { jit: [], js: [] };
    for (const side of ['js', 'jit'] as const) {
      const client = wsClient((side === 'jit' ? jit : js).wsUrl, tokens[side].admin);
      for (const c of suiteCases().filter((s) => !s.query.trimStart().startsWith('mutation') && s.who !== 'none')) {
        const variables = typeof c.variables === 'function' ? await c.variables(side) : c.variables;
        answers[side].push(
          await new Promise((resolve) => {
            const events: unknown[] = [];
            client.subscribe(
              { query: c.query, operationName: c.operationName, variables },
              { next: (v) => events.push(v), error: (e) => resolve(JSON.stringify({ error: e })), complete: () => resolve(JSON.stringify(events)) },
            );
          }),
        );
      }
      await client.dispose();
    }
    expect(answers.jit).toEqual(answers.js);
  }, 120_000);

  it('the compiled side really ran compiled, none fell back, and GRAPHQL_JIT=false kept graphql-js', async () => {
    const executions = async (gw: TestGateway) => {
      const text = await scrapeMetrics(gw.origin);
      const count = (executor: string) => sample(text, `gateway_graphql_executions_total{executor="${executor}"}`) ?? 0;
      return { jit: count('jit'), js: count('graphql-js') };
    };
    const compiled = await executions(jit);
    expect(compiled.jit).toBeGreaterThan(60);
    // Only operations that name no operation of their document (graphql-js reports it).
    expect(compiled.js).toBeLessThanOrEqual(4);
    expect((await executions(js)).jit).toBe(0);
    expect(jit.rawLogs.filter((l) => l.includes('graphql-jit cannot compile'))).toEqual([]);
  });

  it('the compiled side answered most requests on the direct path; GRAPHQL_JIT=false kept Apollo for all', async () => {
    const paths = async (gw: TestGateway) => {
      const text = await scrapeMetrics(gw.origin);
      const count = (path: string) => sample(text, `gateway_graphql_http_requests_total{path="${path}"}`) ?? 0;
      return { direct: count('direct'), apollo: count('apollo') };
    };
    const compiled = await paths(jit);
    // Every case without errors: the queries and mutations of operations/ and of the suite.
    expect(compiled.direct).toBeGreaterThan(40);
    expect(compiled.apollo).toBeGreaterThan(40);
    expect(await paths(js)).toEqual({ direct: 0, apollo: 0 });
  });
});
