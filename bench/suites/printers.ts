import { startGoogleEmulator } from '../../test/google-emulator';
import { cupsUnavailableReason, startTestCups } from '../../test/helpers/cups';
import { startGateway, type RunningGateway } from '../lib/gateway';
import { graphql, runSync } from '../lib/sync-run';
import type { BenchContext, Row, Suite } from '../lib/types';

const CLIENT = { clientId: 'bench.apps.googleusercontent.com', clientSecret: 'bench-secret' };
const QUEUES = 200;
const GOOGLE_PRINTERS = 1000;
const LIVE_READS = 300;
const JOBS = 100;
const JOB_BYTES = 1024 * 1024;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Samples the gateway's RSS every 100 ms until stopped; returns the peak in MB. */
function rssSampler(gw: RunningGateway): { stop(): Promise<number> } {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, (await gw.rssKb()) ?? 0);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return peak / 1024;
    },
  };
}

/** One submitPrintJob as a multipart request (GraphQL multipart request spec). */
async function submit(gw: RunningGateway, token: string, printerId: string, file: Buffer, name: string): Promise<string> {
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({ query: 'mutation($i: SubmitPrintJobInput!) { submitPrintJob(input: $i) { id state } }', variables: { i: { printerId, file: null, documentName: name } } }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.i.file'] }));
  form.append('0', new Blob([file], { type: 'application/pdf' }), `${name}.pdf`);
  const res = await fetch(gw.graphqlUrl, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' }, body: form });
  const body = (await res.json()) as { data?: { submitPrintJob: { id: string } }; errors?: unknown };
  if (!body.data) throw new Error(`submitPrintJob failed: ${JSON.stringify(body.errors)}`);
  return body.data.submitPrintJob.id;
}

/**
 * The printers module against a real cupsd (200 raw queues) and the Google emulator (1,000 Chrome
 * printers): a full sync, live printer reads, and 100 concurrent 1 MB print jobs.
 */
export const printers: Suite = {
  name: 'printers',
  description: `sync of ${QUEUES} CUPS queues + ${GOOGLE_PRINTERS} Google Workspace printers; printer(id, live: true); ${JOBS} concurrent 1 MB print jobs`,
  async run(ctx: BenchContext): Promise<Row[]> {
    const missing = cupsUnavailableReason();
    if (missing) throw new Error(`the printers suite needs CUPS: ${missing}`);
    ctx.log(`printers: starting cupsd with ${QUEUES} queues`);
    const cups = await startTestCups([]);
    ctx.defer(() => cups.stop());
    const queueNames = Array.from({ length: QUEUES }, (_, i) => `q${String(i).padStart(3, '0')}`);
    // One lpadmin per queue (what an admin does); in batches so that cupsd is not flooded.
    for (let i = 0; i < queueNames.length; i += 10) {
      await Promise.all(queueNames.slice(i, i + 10).map((name) => cups.addQueue({ name, info: `Queue ${name}`, location: `Floor ${Number(name.slice(1)) % 5}` })));
    }

    const google = await startGoogleEmulator({ recordRequests: false });
    ctx.defer(() => google.close());
    google.chromePrinters.setPrinters(
      Array.from({ length: GOOGLE_PRINTERS }, (_, i) => ({
        id: `gp-${i}`,
        displayName: `Chrome printer ${i}`,
        makeAndModel: 'HP LaserJet M404',
        uri: `ipp://10.${(i >> 8) & 255}.${i & 255}.1:631/ipp/print`,
        orgUnitId: `ou-${i % 7}`,
      })),
    );
    google.chromePrinters.setPrintServers([{ id: 'gs-1', displayName: 'HQ', uri: 'ipps://print.hq.example:631' }]);

    const gw = await startGateway(ctx, { env: { ...google.env, PRINT_JOB_POLL_MS: '250' } });
    google.registerClient({ ...CLIENT, redirectUris: [`http://localhost:${gw.port}/oauth/google/callback`] });
    const admin = await gw.token({ tenant: 'bench', roles: ['admin'], sub: 'bench-admin' });
    await graphql(gw, admin, 'mutation($i: SetGoogleClientCredentialsInput!) { setGoogleClientCredentials(input: $i) { status } }', { i: CLIENT });
    const { requestGoogleAuthorization } = await graphql<{ requestGoogleAuthorization: { url: string } }>(gw, admin, 'mutation { requestGoogleAuthorization { url } }');
    const back = new URL((await fetch(requestGoogleAuthorization.url, { redirect: 'manual' })).headers.get('location')!);
    const cb = await fetch(`${gw.baseUrl}${back.pathname}${back.search}`);
    if (cb.status !== 200) throw new Error(`Google authorization failed: ${await cb.text()}`);
    await graphql(gw, admin, 'mutation($i: AddPrintServerInput!) { addPrintServer(input: $i) { id } }', { i: { uri: cups.url, name: 'Bench CUPS' } });

    // 1. The sync.
    ctx.log('printers: full sync');
    const ippBefore = cups.ippRequests();
    const googleBefore = google.chromePrinters.calls.printers + google.chromePrinters.calls.printServers;
    const run = await runSync(gw, admin, 'syncPrinters', 50);
    const syncMs = run.wallMs;
    const ippCalls = cups.ippRequests() - ippBefore;
    const googleCalls = google.chromePrinters.calls.printers + google.chromePrinters.calls.printServers - googleBefore;
    const rerun = await runSync(gw, admin, 'syncPrinters', 50);
    const resyncMs = rerun.wallMs;

    // 2. Live reads of one CUPS printer.
    ctx.log(`printers: ${LIVE_READS} live reads`);
    const { printers: page } = await graphql<{ printers: { edges: { node: { id: string } }[] } }>(
      gw,
      admin,
      '{ printers(first: 1, filter: { source: PRINT_SERVER, search: "q000" }) { edges { node { id } } } }',
    );
    const printerId = page.edges[0]!.node.id;
    const latencies: number[] = [];
    let stale = 0;
    for (let i = 0; i < LIVE_READS; i++) {
      const s = performance.now();
      const { printer } = await graphql<{ printer: { stale: boolean } }>(gw, admin, 'query($id: ID!) { printer(id: $id, live: true) { state stale } }', { id: printerId });
      latencies.push(performance.now() - s);
      if (printer.stale) stale++;
    }
    latencies.sort((a, b) => a - b);
    const stored: number[] = [];
    for (let i = 0; i < LIVE_READS; i++) {
      const s = performance.now();
      await graphql(gw, admin, 'query($id: ID!) { printer(id: $id) { state stale } }', { id: printerId });
      stored.push(performance.now() - s);
    }
    stored.sort((a, b) => a - b);

    // 3. Concurrent uploads.
    ctx.log(`printers: ${JOBS} concurrent 1 MB print jobs`);
    const user = await gw.token({ tenant: 'bench', roles: ['user'], sub: 'bench-user' });
    const doc = Buffer.alloc(JOB_BYTES, 0x20);
    doc.write('%PDF-1.4\n% benchmark document\n');
    const rssIdle = ((await gw.rssKb()) ?? 0) / 1024;
    const sampler = rssSampler(gw);
    const t2 = performance.now();
    const ids = await Promise.all(Array.from({ length: JOBS }, (_, i) => submit(gw, user, printerId, doc, `bench-${i}`)));
    const submitMs = performance.now() - t2;
    let completed = 0;
    for (const deadline = Date.now() + 300_000; Date.now() < deadline;) {
      const { printJobs } = await graphql<{ printJobs: { edges: { node: { state: string } }[] } }>(gw, user, 'query($p: ID) { printJobs(printerId: $p, first: 100) { edges { node { state } } } }', {
        p: printerId,
      });
      completed = printJobs.edges.filter((e) => e.node.state === 'COMPLETED').length;
      if (completed >= ids.length) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const allDoneMs = performance.now() - t2;
    const peakRss = await sampler.stop();
    await gw.stop();

    return [
      {
        label: `first sync (${QUEUES} queues + ${GOOGLE_PRINTERS} Google)`,
        figures: {
          status: run.status,
          created: run.created,
          failed: { value: run.failed, target: { op: '<=', value: 0 } },
          'wall s': { value: syncMs / 1000, digits: 2 },
          'IPP calls': ippCalls,
          'Google calls': googleCalls,
        },
      },
      {
        label: 're-sync (nothing new)',
        figures: { status: rerun.status, created: { value: rerun.created, target: { op: '<=', value: 0 } }, updated: rerun.updated, 'wall s': { value: resyncMs / 1000, digits: 2 } },
      },
      {
        label: `printer(id, live: true) ×${LIVE_READS}`,
        figures: { 'p50 ms': { value: percentile(latencies, 50), digits: 1 }, 'p99 ms': { value: percentile(latencies, 99), digits: 1 }, stale },
      },
      {
        label: `printer(id) stored ×${LIVE_READS}`,
        figures: { 'p50 ms': { value: percentile(stored, 50), digits: 1 }, 'p99 ms': { value: percentile(stored, 99), digits: 1 } },
      },
      {
        label: `${JOBS} concurrent 1 MB print jobs`,
        figures: {
          submitted: ids.length,
          completed: { value: completed, target: { op: '>=', value: JOBS } },
          'submit wall s': { value: submitMs / 1000, digits: 2 },
          'all completed s': { value: allDoneMs / 1000, digits: 2 },
          'idle RSS MB': { value: rssIdle, digits: 0 },
          'peak RSS MB': { value: peakRss, digits: 0, target: { op: '<=', value: 256 } },
          'peak − idle MB': { value: peakRss - rssIdle, digits: 0 },
        },
        notes: [
          'wall times were taken on a shared 2-core machine; counts and RSS are as measured',
          'idle RSS is the same gateway after the sync and the reads above, just before the uploads; RSS sampled every 100 ms',
        ],
      },
    ];
  },
};
