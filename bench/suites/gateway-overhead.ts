import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedTasks } from '../../src/modules/tasks/seed';
import { startBareApollo } from '../lib/bare-apollo';
import { cpuMeter } from '../lib/cpu';
import { gatewayDatabaseUrl } from '../lib/database-url';
import { startGateway } from '../lib/gateway';
import { load, type LoadResult } from '../lib/load';
import type { BenchContext, Figure, Row, Suite } from '../lib/types';

const VIEWER_QUERY = '{ viewer { tenant } }';
const VIEWER_EXPECTED = { data: { viewer: { tenant: 'bench' } } };
/** The frontends' "Tasks (All)" page: tasks with their employee, partner and project. */
const NESTED_OPERATION = 'TaskListPage';
const NESTED_VARIABLES = { first: 100 };
const TARGET_VIEWER = 1.2;
const TARGET_NESTED = 1;
const TARGET_TRUSTED = 1.1;
/** Share of the CPUs taken by other processes during a run above which the row gets a note. */
const OTHERS_CPU_NOTE = 0.1;

/** The trusted document of an operation: its id and text, from the manifest `npm run codegen` writes. */
function trustedDocument(repoRoot: string, operation: string): { documentId: string; text: string } {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'operations', 'generated', 'persisted-documents.json'), 'utf8')) as Record<string, string>;
  const entry = Object.entries(manifest).find(([, text]) => new RegExp(`\\bquery ${operation}\\b`).test(text));
  if (!entry) throw new Error(`${operation} is not in operations/generated/persisted-documents.json (npm run codegen)`);
  return { documentId: `sha256:${entry[0]}`, text: entry[1] };
}

/** One request before measuring: status 200 and a `data` answer, returned as JSON. */
async function answerOf(name: string, url: string, headers: Record<string, string>, body: string): Promise<unknown> {
  let status: number;
  let text: string;
  try {
    const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
    status = res.status;
    text = await res.text();
  } catch (err) {
    throw new Error(`${name}: the check request to ${url} failed: ${err instanceof Error ? err.message : err}`);
  }
  let json: { data?: unknown; errors?: unknown } | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (status !== 200 || !json?.data || json.errors) throw new Error(`${name}: expected HTTP 200 with data to ${body.slice(0, 200)}, got HTTP ${status} ${text.slice(0, 500)}`);
  return json;
}

function sameAnswer(name: string, a: unknown, b: unknown): void {
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${name}: the two servers do not give the same answer: ${JSON.stringify(a).slice(0, 300)} vs ${JSON.stringify(b).slice(0, 300)}`);
}

type Measured = LoadResult & { cpuUsPerRequest: number | null };

/**
 * The gateway's overhead against a bare @apollo/server (each in a child process, driven from here
 * by autocannon): a trivial authenticated query; a page of 100 tasks with their employee, partner
 * and project (the bare server serves the same page from memory, the gateway reads it from
 * PostgreSQL); and the same page asked by trusted-document id instead of as text.
 */
export const gatewayOverhead: Suite = {
  name: 'gateway-overhead',
  description: `"${VIEWER_QUERY}" and ${NESTED_OPERATION} (100 tasks with employee, partner, project): the gateway vs a bare @apollo/server (standalone); the same page by documentId vs as text`,
  async run(ctx: BenchContext): Promise<Row[]> {
    // Sequentially, so that a failure of one never leaves the other starting unobserved.
    const gateway = await startGateway(ctx);
    await seedTasks(gatewayDatabaseUrl(ctx, gateway), { tenant: 'bench', employees: 50, tasks: 5000, from: new Date('2026-01-01T00:00:00Z') });
    const token = await gateway.token({ tenant: 'bench', roles: ['user'] });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const nested = trustedDocument(ctx.repoRoot, NESTED_OPERATION);
    const bodies = {
      viewer: JSON.stringify({ query: VIEWER_QUERY }),
      text: JSON.stringify({ query: nested.text, variables: NESTED_VARIABLES }),
      documentId: JSON.stringify({ documentId: nested.documentId, variables: NESTED_VARIABLES }),
    };
    const page = (await answerOf('gateway', gateway.graphqlUrl, headers, bodies.text)) as { data: { tasks: { edges: unknown[] } } };
    if (page.data.tasks.edges.length !== NESTED_VARIABLES.first) throw new Error(`gateway: expected ${NESTED_VARIABLES.first} tasks, got ${page.data.tasks.edges.length}`);
    const tasksFile = path.join(os.tmpdir(), `bench-tasks-page-${process.pid}.json`);
    writeFileSync(tasksFile, JSON.stringify(page.data.tasks));
    ctx.defer(() => rmSync(tasksFile, { force: true }));
    const bare = await startBareApollo(ctx, undefined, { tasksFile });

    sameAnswer('viewer', await answerOf('gateway', gateway.graphqlUrl, headers, bodies.viewer), VIEWER_EXPECTED);
    sameAnswer('viewer', await answerOf('bare-apollo', bare.url, headers, bodies.viewer), VIEWER_EXPECTED);
    sameAnswer('nested', await answerOf('bare-apollo', bare.url, headers, bodies.text), page);
    sameAnswer('documentId', await answerOf('gateway', gateway.graphqlUrl, headers, bodies.documentId), page);
    const rssBeforeKb = await gateway.rssKb();

    const notes: string[] = [];
    const run = async (name: string, url: string, pid: number, body: string): Promise<Measured> => {
      ctx.log(`${name}: ${ctx.warmupSec} s warm-up + ${ctx.durationSec} s, ${ctx.connections} connections`);
      const opts = { url, method: 'POST' as const, headers, body, connections: ctx.connections, durationSec: ctx.durationSec };
      if (ctx.warmupSec > 0) await load({ ...opts, durationSec: ctx.warmupSec });
      const stopMeter = await cpuMeter([pid]);
      const r = await load(opts);
      const cpu = await stopMeter();
      ctx.log(`${name}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`);
      if (r.non2xx || r.errors) ctx.log(`${name}: status codes ${JSON.stringify(r.statusCodes)}`);
      const cpuUsPerRequest = cpu && r.requests > 0 ? (cpu.cpuSec[pid]! * 1e6) / r.requests : null;
      if (cpuUsPerRequest !== null) ctx.log(`${name}: ${cpuUsPerRequest.toFixed(0)} µs of server CPU per request`);
      if (cpu && cpu.others > OTHERS_CPU_NOTE) {
        const note = `${(cpu.others * 100).toFixed(0)}% of the CPUs went to other processes during the ${name} run: its figures are understated`;
        ctx.log(`WARNING ${note}`);
        notes.push(note);
      }
      return { ...r, cpuUsPerRequest };
    };
    const gwViewer = await run('gateway viewer', gateway.graphqlUrl, gateway.pid, bodies.viewer);
    const bareViewer = await run('bare-apollo viewer', bare.url, bare.pid, bodies.viewer);
    const gwNested = await run('gateway nested (text)', gateway.graphqlUrl, gateway.pid, bodies.text);
    const bareNested = await run('bare-apollo nested', bare.url, bare.pid, bodies.text);
    const gwTrusted = await run('gateway nested (documentId)', gateway.graphqlUrl, gateway.pid, bodies.documentId);
    const gatewayRssKb = await gateway.rssKb();
    const bareRssKb = await bare.rssKb();
    const [gatewayStop, bareStop] = await Promise.all([gateway.stop(), bare.stop()]);

    const ratio = (a: number | null, b: number | null) => (a !== null && b !== null && b > 0 ? a / b : NaN);
    const us = (v: number | null): Figure => (v === null ? null : { value: v, digits: 0 });
    const mb = (kb: number | null): Figure => (kb === null ? null : { value: kb / 1024, digits: 0 });
    const versus = (gw: Measured, other: Measured, target: number, cpuTarget?: number): Record<string, Figure> => ({
      'gateway req/s': Math.round(gw.rps),
      'gateway p50 ms': gw.p50,
      'gateway p99 ms': gw.p99,
      'other req/s': Math.round(other.rps),
      'other p50 ms': other.p50,
      'other p99 ms': other.p99,
      'req/s gateway ÷ other': { value: ratio(gw.rps, other.rps), digits: 2, target: { op: '>=', value: target } },
      'CPU µs/req gateway': us(gw.cpuUsPerRequest),
      'CPU µs/req other': us(other.cpuUsPerRequest),
      'CPU gateway ÷ other': { value: ratio(gw.cpuUsPerRequest, other.cpuUsPerRequest), digits: 2, ...(cpuTarget === undefined ? {} : { target: { op: '<=' as const, value: cpuTarget } }) },
      'non-2xx': { value: gw.non2xx + other.non2xx + gw.errors + other.errors, target: { op: '<=', value: 0 } },
    });
    notes.push('"other" is the bare @apollo/server in the first two rows, and the same page sent as text in the last one');
    const details = { connections: ctx.connections, durationSec: ctx.durationSec, warmupSec: ctx.warmupSec, database: gateway.database ? 'server' : 'embedded', rssBeforeKb, gatewayStop, bareStop };
    return [
      {
        label: 'viewer query vs bare',
        notes,
        figures: { ...versus(gwViewer, bareViewer, TARGET_VIEWER, 1), 'gateway RSS MB': mb(gatewayRssKb), 'bare RSS MB': mb(bareRssKb) },
        details: { query: VIEWER_QUERY, gateway: gwViewer, bare: bareViewer, ...details },
      },
      {
        label: 'nested 100 tasks vs bare',
        figures: versus(gwNested, bareNested, TARGET_NESTED),
        details: { query: nested.text, variables: NESTED_VARIABLES, gateway: gwNested, bare: bareNested },
      },
      {
        label: 'nested: documentId vs text',
        figures: versus(gwTrusted, gwNested, TARGET_TRUSTED),
        details: { documentId: nested.documentId, documentIdRun: gwTrusted, textRun: gwNested },
      },
    ];
  },
};
