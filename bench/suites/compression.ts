import { gunzipSync, gzipSync } from 'node:zlib';
import { seedTasks } from '../../src/modules/tasks/seed';
import { gatewayDatabaseUrl } from '../lib/database-url';
import { startGateway } from '../lib/gateway';
import { loadWithWarmup } from '../lib/load';
import type { BenchContext, Row, Suite } from '../lib/types';

const RANGE = { from: new Date('2026-06-01T00:00:00Z'), to: new Date('2026-07-01T00:00:00Z') };
const QUERY = `query($range: DateRangeInput!, $groupBy: CalendarGrouping!) {
  taskCalendar(range: $range, groupBy: $groupBy, includeEmpty: false) { totalTasks groups { key taskCount tasks { id title startsAt endsAt startDate endDate } } } }`;
const LEVELS = [1, 3, 6, 9];
/** What a modest real link moves per second (100 Mbit/s), to put the byte counts in time. */
const LINK_BYTES_PER_SEC = 100e6 / 8;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median ms of `fn` over `n` runs after one warm-up. */
function timed(fn: () => void, n = 7): number {
  fn();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

/**
 * taskCalendar answers (30 days of 100,000 tasks, about 1.4 MB) with and without gzip: the size
 * and the compress / decompress time of each zlib level on the real answer, then the answer under
 * load (BENCH_CONNECTIONS, loopback) with `Accept-Encoding: gzip` against `identity`.
 */
export const compression: Suite = {
  name: 'compression',
  description: 'gzip of large GraphQL answers (taskCalendar, ~1.4 MB): size and time per zlib level, and loopback load with and without it',
  async run(ctx: BenchContext): Promise<Row[]> {
    const gw = await startGateway(ctx);
    const url = gatewayDatabaseUrl(ctx, gw);
    const seeded = await seedTasks(url, { tenant: 'bench', employees: 200, tasks: 100_000, from: new Date('2026-01-01T00:00:00Z') });
    ctx.log(`compression: seeded 100,000 tasks in ${seeded.ms} ms`);
    const token = await gw.token({ tenant: 'bench', roles: ['user'] });
    const rows: Row[] = [];
    const body = JSON.stringify({ query: QUERY, variables: { range: RANGE, groupBy: 'EMPLOYEE' } });
    const headers = (encoding: string) => ({ 'content-type': 'application/json', authorization: `Bearer ${token}`, 'accept-encoding': encoding });

    // The answer as the gateway sends it, both ways (fetch decompresses; the raw length comes from content-length).
    const plain = await fetch(gw.graphqlUrl, { method: 'POST', headers: headers('identity'), body });
    const text = await plain.text();
    if (!plain.ok || !text.startsWith('{"data":{"taskCalendar"')) throw new Error(`taskCalendar failed: HTTP ${plain.status} ${text.slice(0, 300)}`);
    const zipped = await fetch(gw.graphqlUrl, { method: 'POST', headers: headers('gzip'), body });
    const zippedText = await zipped.text();
    const wireBytes = Number(zipped.headers.get('content-length'));
    const encoding = zipped.headers.get('content-encoding');
    if (zippedText !== text) throw new Error('the gzipped answer differs from the plain one');
    const plainBytes = Buffer.byteLength(text);

    for (const level of LEVELS) {
      let size = 0;
      const compressMs = timed(() => (size = gzipSync(text, { level }).length));
      const packed = gzipSync(text, { level });
      const decompressMs = timed(() => gunzipSync(packed));
      rows.push({
        label: `zlib level ${level}`,
        figures: {
          'KB sent': { value: size / 1024, digits: 0 },
          'size ÷ plain': { value: size / plainBytes, digits: 3 },
          'gzip ms': { value: compressMs, digits: 1 },
          'gunzip ms': { value: decompressMs, digits: 1 },
          'ms at 100 Mbit/s': { value: (size / LINK_BYTES_PER_SEC) * 1000 + compressMs + decompressMs, digits: 0 },
        },
      });
    }
    rows.push({
      label: 'plain (no gzip)',
      figures: { 'KB sent': { value: plainBytes / 1024, digits: 0 }, 'size ÷ plain': { value: 1, digits: 3 }, 'ms at 100 Mbit/s': { value: (plainBytes / LINK_BYTES_PER_SEC) * 1000, digits: 0 } },
    });

    const loads: Record<string, Awaited<ReturnType<typeof loadWithWarmup>>> = {};
    for (const enc of ['identity', 'gzip']) {
      ctx.log(`compression: ${ctx.connections} connections, Accept-Encoding: ${enc}`);
      loads[enc] = await loadWithWarmup({ url: gw.graphqlUrl, method: 'POST', headers: headers(enc), body, connections: ctx.connections, durationSec: ctx.durationSec, timeoutSec: 30 }, ctx.warmupSec);
    }
    const id = loads.identity!;
    const gz = loads.gzip!;
    for (const [label, r, bytes] of [
      ['loopback, identity', id, plainBytes],
      ['loopback, gzip', gz, wireBytes],
    ] as const) {
      rows.push({
        label: `${label} (${ctx.connections} conn.)`,
        figures: {
          'KB sent': { value: bytes / 1024, digits: 0 },
          'req/s': { value: r.rps, digits: 1 },
          'p50 ms': r.p50,
          'p99 ms': r.p99,
          'non-2xx': { value: r.non2xx + r.errors, target: { op: '<=', value: 0 } },
        },
      });
    }
    rows.push({
      label: 'gzip ÷ identity (loopback)',
      notes: [
        `the gateway answered with content-encoding ${encoding ?? 'none'} (${(wireBytes / 1024).toFixed(0)} KB for ${(plainBytes / 1024).toFixed(0)} KB), at its HTTP_GZIP_LEVEL (default 1) and above HTTP_GZIP_MIN_BYTES`,
        '"ms at 100 Mbit/s": transfer of the bytes over such a link plus compress and decompress times (one answer, no load): what a frontend on a real network gains; loopback shows only the CPU cost',
        'autocannon does not decompress: the loopback rows are the server side (compression included) and the transfer',
      ],
      figures: {
        // No answer within the measured run (a busy machine): no ratio rather than a false 0.
        'p50 ratio': id.requests && gz.requests ? { value: gz.p50 / Math.max(id.p50, 0.001), digits: 2 } : null,
        'req/s ratio': id.requests && gz.requests ? { value: gz.rps / Math.max(id.rps, 0.001), digits: 2 } : null,
        'size ÷ plain': { value: wireBytes / plainBytes, digits: 3 },
      },
      details: { identity: id, gzip: gz, plainBytes, wireBytes },
    });
    await gw.stop();
    return rows;
  },
};
