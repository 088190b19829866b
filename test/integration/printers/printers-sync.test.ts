import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, gql, type GqlResponse } from '../../helpers/client';
import { cupsAvailable, startTestCups, STANDARD_QUEUES, type TestCups } from '../../helpers/cups';
import { testEnv } from '../../helpers/gateway';
import { connectGoogle, consent, followCallback, requestAuthorization, setCredentials, startGoogleTestBed, type GoogleTestBed } from '../../helpers/google';
import { addPrintServer, allPrinters, PRINTER_FIELDS, printerByName, syncPrinters, type PrinterView } from '../../helpers/printers';
import { REPO } from '../../helpers/process';

const CALENDAR_EVENTS = 'https://www.googleapis.com/auth/calendar.events';
type NamePage = { printers: { edges: { node: { displayName: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };

const run = cupsAvailable();
let cups: TestCups;
let bed: GoogleTestBed;
let serverId: string;

const GOOGLE_PRINTERS = [
  { id: 'gp-1', displayName: 'Reception (Google)', description: 'Front desk', makeAndModel: 'Brother HL-L2350DW', uri: 'ipp://127.0.0.1:1/ipp/print', orgUnitId: 'ou-hq' },
  { id: 'gp-2', displayName: 'Warehouse (Google)', makeAndModel: 'HP LaserJet M404', uri: 'ipps://10.20.0.7:631/ipp/print', orgUnitId: 'ou-wh' },
  { id: 'gp-3', displayName: 'Finance (Google)', uri: 'ipp://192.0.2.10:631/ipp/print', orgUnitId: 'ou-hq' },
];

beforeAll(async () => {
  if (!run) return;
  cups = await startTestCups(STANDARD_QUEUES);
  bed = await startGoogleTestBed({ env: { PRINT_JOB_POLL_MS: '100', IPP_TIMEOUT_MS: '3000', PRINTER_LIVE_TIMEOUT_MS: '700' } });
  await connectGoogle(bed);
  bed.google.chromePrinters.setPrinters(GOOGLE_PRINTERS);
  bed.google.chromePrinters.setPrintServers([{ id: 'gs-1', displayName: 'HQ print server', uri: 'ipps://print.hq.example:631' }]);
}, 120_000);
afterAll(async () => {
  await bed?.stop();
  await cups?.stop();
});

const q = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, token = bed.admin) => gql<T>(bed.gw.url, query, { token, variables });

describe.skipIf(!run)('print servers and the printers sync', () => {
  it('addPrintServer takes ipp, ipps, http and https addresses with a host, for admins only', async () => {
    for (const uri of ['ftp://print.example.com', 'ipp:/no-host', 'ipp:nohost', 'not a uri', 'ipp://alice:secret@print.example.com', 'file:///dev/null', '   ', 'ipp://print.example.com/?x=1']) {
      const res = await q('mutation($i: AddPrintServerInput!) { addPrintServer(input: $i) { id } }', { i: { uri, name: 'X' } });
      expect(errorCodes(res), uri).toEqual(['BAD_USER_INPUT']);
      expect(res.body.errors![0]!.extensions!.field).toBe('uri');
    }
    const user = await bed.gw.token('acme', ['user']);
    const denied = await q('mutation { addPrintServer(input: { uri: "ipp://print.example.com", name: "X" }) { id } }', undefined, user);
    expect(errorCodes(denied)).toEqual(['FORBIDDEN']);
    expect((await q<{ printServers: unknown[] }>('{ printServers { id } }')).body.data!.printServers).toEqual([]);

    serverId = await addPrintServer(bed.gw.url, bed.admin, `${cups.url.toUpperCase().replace('IPP://', 'ipp://')}/`, 'Office CUPS');
    const dup = await q('mutation($i: AddPrintServerInput!) { addPrintServer(input: $i) { id } }', { i: { uri: cups.url, name: 'Again' } });
    expect(errorCodes(dup)).toEqual(['BAD_USER_INPUT']);
    const servers = await q<{ printServers: { id: string; uri: string; name: string; source: string }[] }>('{ printServers { id uri name source } }');
    expect(servers.body.data!.printServers).toEqual([{ id: serverId, uri: cups.url, name: 'Office CUPS', source: 'PRINT_SERVER' }]);
  });

  it('imports the CUPS queues and the Google Workspace printers; a second sync makes no duplicates', async () => {
    const first = await syncPrinters(bed.gw.url, bed.admin);
    expect(first).toMatchObject({ status: 'SUCCEEDED', created: 6, updated: 0, failed: 0 });
    const printers = await allPrinters(bed.gw.url, bed.admin);
    expect(printers.map((p) => p.displayName).sort()).toEqual(['Closed queue', 'Finance (Google)', 'Office laser', 'Paused queue', 'Reception (Google)', 'Warehouse (Google)']);

    const office = printers.find((p) => p.displayName === 'Office laser')!;
    expect(office).toMatchObject({
      source: 'PRINT_SERVER',
      sourceId: `${serverId}/office`,
      uri: cups.queueUri('office'),
      location: 'Floor 1',
      state: 'IDLE',
      acceptingJobs: true,
      makeAndModel: 'Local Raw Printer',
      printServer: { id: serverId, name: 'Office CUPS' },
      removedAt: null,
    });
    expect(office.capabilities.documentFormats).toEqual(expect.arrayContaining(['application/pdf', 'text/plain']));
    expect(office.capabilities).toMatchObject({ copiesMin: 1, copiesMax: 9999 });
    expect(printers.find((p) => p.displayName === 'Paused queue')).toMatchObject({ state: 'STOPPED', acceptingJobs: true, stateReasons: ['paused'] });
    expect(printers.find((p) => p.displayName === 'Closed queue')).toMatchObject({ state: 'IDLE', acceptingJobs: false });
    expect(printers.find((p) => p.displayName === 'Reception (Google)')).toMatchObject({
      source: 'GOOGLE_WORKSPACE',
      sourceId: 'gp-1',
      description: 'Front desk',
      makeAndModel: 'Brother HL-L2350DW',
      uri: 'ipp://127.0.0.1:1/ipp/print',
      orgUnitId: 'ou-hq',
      state: 'UNKNOWN',
      stateReasons: ['not-queried-google-workspace-configuration-only'],
      printServer: null,
    });
    const servers = await q<{ printServers: { name: string; source: string }[] }>('{ printServers { name source } }');
    expect(servers.body.data!.printServers).toEqual([
      { name: 'HQ print server', source: 'GOOGLE_WORKSPACE' },
      { name: 'Office CUPS', source: 'PRINT_SERVER' },
    ]);

    const second = await syncPrinters(bed.gw.url, bed.admin);
    expect(second).toMatchObject({ status: 'SUCCEEDED', created: 0, updated: 6, deleted: 0 });
    const again = await allPrinters(bed.gw.url, bed.admin);
    expect(again.map((p) => p.id).sort()).toEqual(printers.map((p) => p.id).sort());
    expect((await q<{ printServers: unknown[] }>('{ printServers { id } }')).body.data!.printServers).toHaveLength(2);
  });

  it('pages by name with opaque cursors; a forged cursor is BAD_USER_INPUT; filters combine', async () => {
    const names: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: GqlResponse<NamePage> = await q<NamePage>('query($a: String) { printers(first: 4, after: $a) { edges { node { displayName } } pageInfo { hasNextPage endCursor } } }', { a: after });
      const page = res.body.data!.printers;
      names.push(...page.edges.map((e) => e.node.displayName));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(2);
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(6);

    for (const bad of [Buffer.from(JSON.stringify([{ $gt: '' }, 'x'])).toString('base64url'), Buffer.from(JSON.stringify(['a', 1])).toString('base64url'), 'not-a-cursor!']) {
      const res = await q('query($a: String) { printers(after: $a) { edges { cursor } } }', { a: bad });
      expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    }
    const google = await allPrinters(bed.gw.url, bed.admin, { source: 'GOOGLE_WORKSPACE' });
    expect(google).toHaveLength(3);
    expect((await allPrinters(bed.gw.url, bed.admin, { state: 'STOPPED' })).map((p) => p.displayName)).toEqual(['Paused queue']);
    expect((await allPrinters(bed.gw.url, bed.admin, { search: 'brother' })).map((p) => p.displayName)).toEqual(['Reception (Google)']);
    expect(await allPrinters(bed.gw.url, bed.admin, { search: '100%_' })).toEqual([]);
  });

  it('printer(id, live: true) reads the state over IPP, and says stale when the printer does not answer', async () => {
    const office = await printerByName(bed.gw.url, bed.admin, 'Office laser');
    await cups.admin('cupsdisable', ['office']);
    const live = await q<{ printer: PrinterView }>(`query($id: ID!) { printer(id: $id, live: true) { ${PRINTER_FIELDS} } }`, { id: office.id });
    expect(live.body.data!.printer).toMatchObject({ state: 'STOPPED', stale: false, stateReasons: ['paused'] });
    const stored = await q<{ printer: PrinterView }>(`query($id: ID!) { printer(id: $id) { state stale } }`, { id: office.id });
    expect(stored.body.data!.printer).toEqual({ state: 'STOPPED', stale: false });
    await cups.admin('cupsenable', ['office']);
    expect((await q<{ printer: PrinterView }>(`query($id: ID!) { printer(id: $id, live: true) { state } }`, { id: office.id })).body.data!.printer.state).toBe('IDLE');

    const google = await printerByName(bed.gw.url, bed.admin, 'Reception (Google)');
    const started = Date.now();
    const unreachable = await q<{ printer: PrinterView }>(`query($id: ID!) { printer(id: $id, live: true) { state stale } }`, { id: google.id });
    expect(unreachable.body.data!.printer).toEqual({ state: 'UNKNOWN', stale: true });
    const blackhole = await printerByName(bed.gw.url, bed.admin, 'Finance (Google)'); // 192.0.2.0/24 is TEST-NET-1: nothing answers
    const slow = await q<{ printer: PrinterView }>(`query($id: ID!) { printer(id: $id, live: true) { state stale } }`, { id: blackhole.id });
    expect(slow.body.data!.printer).toEqual({ state: 'UNKNOWN', stale: true });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(errorCodes(await q('{ printer(id: "nope") { id } }'))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await q('{ printer(id: "6f1c1f8e-9a55-4a8e-b3c5-0f2d7e8a9b10") { id } }'))).toEqual(['NOT_FOUND']);
  });

  it('a queue deleted in CUPS and a printer gone from Google are marked removed, not deleted', async () => {
    await cups.addQueue({ name: 'temp', info: 'Temporary' });
    bed.google.chromePrinters.addPrinter({ id: 'gp-9', displayName: 'Lobby (Google)', uri: 'ipp://192.0.2.11/ipp/print' });
    expect(await syncPrinters(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', created: 2 });
    await cups.deleteQueue('temp');
    bed.google.chromePrinters.removePrinter('gp-9');
    const run = await syncPrinters(bed.gw.url, bed.admin);
    expect(run).toMatchObject({ status: 'SUCCEEDED', created: 0, deleted: 2 });
    const visible = (await allPrinters(bed.gw.url, bed.admin)).map((p) => p.displayName);
    expect(visible).not.toContain('Temporary');
    expect(visible).not.toContain('Lobby (Google)');
    const temp = await printerByName(bed.gw.url, bed.admin, 'Temporary');
    expect(temp.removedAt).not.toBeNull();
    expect(temp.state).toBe('UNKNOWN');
    expect((await printerByName(bed.gw.url, bed.admin, 'Lobby (Google)')).removedAt).not.toBeNull();
    // Back at the source: the same row again.
    await cups.addQueue({ name: 'temp', info: 'Temporary' });
    expect(await syncPrinters(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', created: 0 });
    const back = await printerByName(bed.gw.url, bed.admin, 'Temporary');
    expect(back).toMatchObject({ id: temp.id, removedAt: null, state: 'IDLE' });
  });

  it('a print server that does not answer: its printers UNKNOWN, a SyncItemError, PARTIAL; the rest goes on', async () => {
    await cups.kill();
    bed.google.chromePrinters.addPrinter({ id: 'gp-4', displayName: 'Canteen (Google)', uri: 'ipp://192.0.2.12/ipp/print' });
    const run = await syncPrinters(bed.gw.url, bed.admin);
    expect(run).toMatchObject({ status: 'PARTIAL', failed: 1, created: 1 });
    expect(run.errors).toEqual([expect.objectContaining({ entityId: `print-server:${serverId}`, code: 'PRINTER_UNAVAILABLE' })]);
    const office = await printerByName(bed.gw.url, bed.admin, 'Office laser');
    expect(office).toMatchObject({ state: 'UNKNOWN', stateReasons: ['print-server-unreachable'], acceptingJobs: false, removedAt: null });
    const servers = await q<{ printServers: { id: string; lastError: string | null; lastContactAt: string | null }[] }>('{ printServers { id lastError lastContactAt } }');
    expect(servers.body.data!.printServers.find((s) => s.id === serverId)!.lastError).toMatch(/ECONNREFUSED/);

    await cups.start();
    expect(await syncPrinters(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED', failed: 0 });
    expect(await printerByName(bed.gw.url, bed.admin, 'Office laser')).toMatchObject({ state: 'IDLE', acceptingJobs: true });
    const after = await q<{ printServers: { id: string; lastError: string | null }[] }>('{ printServers { id lastError } }');
    expect(after.body.data!.printServers.find((s) => s.id === serverId)!.lastError).toBeNull();
  }, 60_000);

  it('npm run sync -- --module printers runs the same sync from the command line', async () => {
    const res = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', 'scripts/sync.ts', '--tenant', 'acme', '--module', 'printers', '--json'], {
        cwd: REPO,
        env: { PATH: process.env.PATH ?? '', ...testEnv(bed.gw.databaseUrl, { LOG_LEVEL: 'warn', ...bed.google.env }) },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('exit', (code) => resolve({ code, stdout, stderr }));
    });
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ status: 'SUCCEEDED', module: 'printers', trigger: 'CLI', created: 0, failed: 0 });
  }, 60_000);

  it("another tenant sees none of this tenant's printers or print servers", async () => {
    const other = await bed.gw.token('globex', ['admin']);
    const office = await printerByName(bed.gw.url, bed.admin, 'Office laser');
    expect(await allPrinters(bed.gw.url, other, { includeRemoved: true })).toEqual([]);
    expect(errorCodes(await q('query($id: ID!) { printer(id: $id, live: true) { id } }', { id: office.id }, other))).toEqual(['NOT_FOUND']);
    expect((await q<{ printServers: unknown[] }>('{ printServers { id } }', undefined, other)).body.data!.printServers).toEqual([]);
    expect(errorCodes(await q('mutation($id: ID!) { removePrintServer(id: $id) }', { id: serverId }, other))).toEqual(['NOT_FOUND']);
    const run = await syncPrinters(bed.gw.url, other);
    expect(run).toMatchObject({ status: 'SUCCEEDED', created: 0 });
    expect(await allPrinters(bed.gw.url, other)).toEqual([]);
  });

  it('a Google grant without the Chrome printers scope: the print servers are read, the Google side is one failed item (PARTIAL)', async () => {
    // Another tenant whose admin unticks the printers scope on the consent screen.
    const admin = await bed.gw.token('initech', ['admin'], 'initech-admin');
    await setCredentials(bed, admin);
    // (Its own Google account: Google adds back what the same account granted the same client before.)
    bed.google.setConsent({ decision: 'approve', grantScopes: [CALENDAR_EVENTS, 'https://www.googleapis.com/auth/contacts'], account: { sub: '2000', email: 'it@initech.test' }, once: true });
    const { url } = await requestAuthorization(bed, admin);
    expect((await followCallback(bed, await consent(url))).status).toBe(200);
    await addPrintServer(bed.gw.url, admin, cups.url, 'Initech CUPS');
    const googleCalls = bed.google.chromePrinters.calls.printers;
    const run = await syncPrinters(bed.gw.url, admin);
    expect(run).toMatchObject({ status: 'PARTIAL', failed: 1 });
    expect(run.created).toBeGreaterThanOrEqual(3);
    expect(run.errors).toEqual([expect.objectContaining({ entityId: 'google-workspace', code: 'GOOGLE_SCOPE_MISSING' })]);
    expect(bed.google.chromePrinters.calls.printers).toBe(googleCalls); // refused before any call
    const printers = await allPrinters(bed.gw.url, admin);
    expect(printers.length).toBe(run.created);
    expect(printers.every((p) => p.source === 'PRINT_SERVER')).toBe(true);
  });

  it('removePrintServer keeps its printers, marked removed', async () => {
    expect((await q<{ removePrintServer: boolean }>('mutation($id: ID!) { removePrintServer(id: $id) }', { id: serverId })).body.data!.removePrintServer).toBe(true);
    const office = await printerByName(bed.gw.url, bed.admin, 'Office laser');
    expect(office.removedAt).not.toBeNull();
    expect(office.printServer).toBeNull();
    expect((await allPrinters(bed.gw.url, bed.admin)).every((p) => p.source === 'GOOGLE_WORKSPACE')).toBe(true);
  });
});
