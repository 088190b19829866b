import { startBareApollo } from '../lib/bare-apollo';
import { startGateway } from '../lib/gateway';
import { cpuMeter } from '../lib/cpu';
import { load } from '../lib/load';
import type { BenchContext, Row, Suite } from '../lib/types';

const QUERY = '{ viewer { tenant } }';
const EXPECTED = { data: { viewer: { tenant: 'bench' } } };
const TARGET_RATIO = 0.8;
/** Share of the CPUs taken by other processes during a run above which the row gets a note. */
const OTHERS_CPU_NOTE = 0.1;

/** One request before measuring: status 200 and exactly the expected JSON, or a clear failure. */
async function checkAnswer(name: string, url: string, headers: Record<string, string>, body: string): Promise<void> {
  let status: number;
  let text: string;
  try {
    const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
    status = res.status;
    text = await res.text();
  } catch (err) {
    throw new Error(`${name}: the check request to ${url} failed: ${err instanceof Error ? err.message : err}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (status !== 200 || JSON.stringify(json) !== JSON.stringify(EXPECTED)) {
    throw new Error(`${name}: expected HTTP 200 ${JSON.stringify(EXPECTED)} to ${QUERY}, got HTTP ${status} ${text.slice(0, 500)}`);
  }
}

/**
 * The gateway's overhead on a trivial authenticated query: the real gateway (auth, tenant,
 * hardening rules, per-request EntityManager…) against a bare @apollo/server with the same
 * one-field answer, each in a child process, driven from here by autocannon.
 */
export const gatewayOverhead: Suite = {
  name: 'gateway-overhead',
  description: `"${QUERY}": the gateway vs a bare @apollo/server (standalone) with an equivalent one-field schema`,
  async run(ctx: BenchContext): Promise<Row[]> {
    // Sequentially, so that a failure of one never leaves the other starting unobserved.
    const gateway = await startGateway(ctx);
    const bare = await startBareApollo(ctx);

    const token = await gateway.token({ tenant: 'bench', roles: ['user'] });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const body = JSON.stringify({ query: QUERY });
    await checkAnswer('gateway', gateway.graphqlUrl, headers, body);
    await checkAnswer('bare-apollo', bare.url, headers, body);
    const rssBeforeKb = await gateway.rssKb();

    const notes: string[] = [];
    const run = async (name: string, url: string, pid: number) => {
      ctx.log(`${name}: ${ctx.warmupSec} s warm-up + ${ctx.durationSec} s, ${ctx.connections} connections`);
      const opts = { url, method: 'POST' as const, headers, body, connections: ctx.connections, durationSec: ctx.durationSec };
      const warmup = ctx.warmupSec > 0 ? await load({ ...opts, durationSec: ctx.warmupSec }) : null;
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
      return { ...r, warmup, cpu, cpuUsPerRequest };
    };
    const gw = await run('gateway', gateway.graphqlUrl, gateway.pid);
    const gatewayRssKb = await gateway.rssKb();
    const bareRun = await run('bare-apollo', bare.url, bare.pid);
    const bareRssKb = await bare.rssKb();

    const [gatewayStop, bareStop] = await Promise.all([gateway.stop(), bare.stop()]);

    const ratio = bareRun.rps > 0 ? gw.rps / bareRun.rps : NaN;
    if (gw.cpuUsPerRequest !== null && bareRun.cpuUsPerRequest !== null) {
      // Less sensitive to other processes than req/s: what each server spends on one request.
      notes.unshift(
        `server CPU per request: gateway ${gw.cpuUsPerRequest.toFixed(0)} µs, bare ${bareRun.cpuUsPerRequest.toFixed(0)} µs ` +
          `(bare ÷ gateway ${(bareRun.cpuUsPerRequest / gw.cpuUsPerRequest).toFixed(2)})`,
      );
    }
    const mb = (kb: number | null) => (kb === null ? null : { value: kb / 1024, digits: 0 });
    return [
      {
        label: 'viewer query',
        notes,
        figures: {
          'gateway req/s': Math.round(gw.rps),
          'gateway p50 ms': gw.p50,
          'gateway p99 ms': gw.p99,
          'bare req/s': Math.round(bareRun.rps),
          'bare p50 ms': bareRun.p50,
          'bare p99 ms': bareRun.p99,
          'req/s gateway ÷ bare': { value: ratio, digits: 2, target: { op: '>=', value: TARGET_RATIO } },
          'gateway RSS MB': mb(gatewayRssKb),
          'non-2xx': { value: gw.non2xx + bareRun.non2xx, target: { op: '<=', value: 0 } },
          errors: { value: gw.errors + bareRun.errors, target: { op: '<=', value: 0 } },
        },
        details: {
          query: QUERY,
          connections: ctx.connections,
          durationSec: ctx.durationSec,
          warmupSec: ctx.warmupSec,
          database: gateway.database ? 'server' : 'embedded',
          gateway: { ...gw, rssKbBefore: rssBeforeKb, rssKbAfter: gatewayRssKb, stop: gatewayStop },
          bare: { ...bareRun, rssKbAfter: bareRssKb, stop: bareStop },
          ratio,
        },
      },
    ];
  },
};
