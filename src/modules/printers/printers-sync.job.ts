import type { admin_directory_v1 } from 'googleapis/build/src/apis/admin';
import { GoogleConnectionRecord, GoogleConnectionStatus } from '../../google/google-connection.entity';
import { domainError } from '../../kernel/errors';
import { moduleConfig } from '../../kernel/module';
import type { SyncJobContext } from '../../kernel/sync-job';
import { defineSyncJob } from '../../sync/define-sync-job';
import { classifyGoogleError } from '../../google/google-errors';
import { chromePrintersApi, MY_CUSTOMER } from './chrome-printers-api';
import { IppClient, IppStatusError, IppUnreachableError } from './ipp-client';
import { PrintServer, PrinterSource } from './print-server.entity';
import { readCupsServer } from './print-servers';
import { PrinterRepository, type PrinterRow } from './printer.repository';
import { PrinterState } from './printer-state';
import { printersConfig } from './printers.config';

/** Why a Google Workspace printer has no state: Google keeps configuration only. */
export const GOOGLE_STATE_REASON = 'not-queried-google-workspace-configuration-only';
export const SERVER_UNREACHABLE_REASON = 'print-server-unreachable';
const PAGE_SIZE = 100;
/** Auth failures stop the run (and the engine asks for a new authorization); other Google failures are one failed item. */
const FATAL_GOOGLE = new Set(['GOOGLE_NOT_AUTHORIZED', 'GOOGLE_AUTHORIZATION_FAILED']);

/**
 * Imports the tenant's printers: the queues of each print server an admin added (over IPP:
 * CUPS-Get-Printers, then Get-Printer-Attributes per queue), then the printers and print servers of
 * its Google Workspace (Admin SDK Chrome printer management), when Google is connected. Upserts by
 * (source, source id); what a source no longer lists is marked removed. A server that does not
 * answer leaves its printers UNKNOWN and is one failed item: the run goes on and ends PARTIAL.
 */
export const printersSync = defineSyncJob({
  module: 'printers',
  key: 'PRINTERS',
  name: 'printers-sync',
  async run(ctx) {
    const cfg = moduleConfig(ctx.sections, 'printers', printersConfig);
    const ipp = new IppClient(cfg.IPP_TIMEOUT_MS);
    const repo = new PrinterRepository(ctx.em);
    const startedAt = new Date();
    let total = 0;
    let ippCalls = 0;

    ctx.progress.setPhase('print-servers');
    const servers = await ctx.em.find(PrintServer, { source: PrinterSource.PRINT_SERVER }, { orderBy: { name: 'asc', id: 'asc' } });
    for (const server of servers) {
      if (ctx.signal.aborted) throw ctx.signal.reason;
      try {
        const read = await readCupsServer(ipp, server.uri, cfg.PRINTERS_SYNC_CONCURRENCY, ctx.signal);
        ippCalls += read.calls;
        const rows: PrinterRow[] = read.printers.map((p) => ({
          source: PrinterSource.PRINT_SERVER,
          sourceId: `${server.id}/${p.name}`,
          printServerId: server.id,
          displayName: p.info ?? p.name,
          description: p.info && p.info !== p.name ? p.name : null,
          location: p.location,
          makeAndModel: p.makeAndModel,
          uri: p.queueUri,
          orgUnitId: null,
          state: p.state,
          stateReasons: p.stateReasons,
          acceptingJobs: p.acceptingJobs,
          capabilities: p.capabilities,
          stateCheckedAt: new Date(),
        }));
        total += rows.length;
        ctx.progress.setTotal(total);
        countUpserts(ctx, await repo.upsert(ctx.tenant, rows, startedAt));
        const removed = await repo.markUnseenRemoved(ctx.tenant, PrinterSource.PRINT_SERVER, server.id, startedAt);
        for (let i = 0; i < removed; i++) ctx.progress.item('deleted');
        server.lastContactAt = new Date();
        server.lastError = null;
        await ctx.em.flush();
      } catch (err) {
        if (ctx.signal.aborted) throw ctx.signal.reason;
        if (!(err instanceof IppUnreachableError || err instanceof IppStatusError)) throw err;
        server.lastError = err.message.slice(0, 1000);
        await ctx.em.flush();
        await repo.markServerUnknown(ctx.tenant, server.id, SERVER_UNREACHABLE_REASON);
        ctx.log.warn({ printServer: server.id, uri: server.uri, error: err.message }, 'print server did not answer');
        ctx.progress.setTotal(++total); // the server is the failed item
        await ctx.recordItemError(`print-server:${server.id}`, domainError('PRINTER_UNAVAILABLE', `Print server ${server.name} did not answer: ${err.message}`));
      }
    }

    ctx.progress.setPhase('google-workspace');
    const googleCalls = await syncGoogleWorkspace(ctx, repo, startedAt, (n) => ctx.progress.setTotal((total += n)));
    ctx.log.info({ ippCalls, googleCalls, printers: total }, 'printers sync calls');
    ctx.progress.setPhase('done');
  },
});

function countUpserts(ctx: SyncJobContext, n: { created: number; updated: number }): void {
  for (let i = 0; i < n.created; i++) ctx.progress.item('created');
  for (let i = 0; i < n.updated; i++) ctx.progress.item('updated');
}

/** The Google Workspace side; skipped (not an error) when the tenant never connected Google. Returns the calls made. */
async function syncGoogleWorkspace(ctx: SyncJobContext, repo: PrinterRepository, startedAt: Date, addTotal: (n: number) => void): Promise<number> {
  const connection = await ctx.em.findOne(GoogleConnectionRecord, { tenant: ctx.tenant }, { fields: ['status'] });
  if (!connection || connection.status === GoogleConnectionStatus.UNCONFIGURED || connection.status === GoogleConnectionStatus.CREDENTIALS_SET) {
    ctx.progress.setPhase('google-workspace', 'Google Workspace is not connected: only print servers were read');
    return 0;
  }
  let calls = 0;
  let printers: admin_directory_v1.Schema$Printer[];
  let servers: admin_directory_v1.Schema$PrintServer[];
  try {
    const admin = await ctx.google(chromePrintersApi);
    printers = [];
    let pageToken: string | undefined;
    do {
      calls++;
      const page = await ctx.call(chromePrintersApi, () => admin.customers.chrome.printers.list({ parent: MY_CUSTOMER, pageSize: PAGE_SIZE, pageToken }));
      printers.push(...(page.printers ?? []));
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    servers = [];
    pageToken = undefined;
    do {
      calls++;
      const page = await ctx.call(chromePrintersApi, () => admin.customers.chrome.printServers.list({ parent: MY_CUSTOMER, pageSize: PAGE_SIZE, pageToken }));
      servers.push(...(page.printServers ?? []));
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
  } catch (err) {
    if (ctx.signal.aborted) throw ctx.signal.reason;
    if (FATAL_GOOGLE.has(classifyGoogleError(err).code)) throw err;
    addTotal(1); // the Google Workspace side is the failed item
    await ctx.recordItemError('google-workspace', err);
    return calls;
  }

  const rows: PrinterRow[] = printers
    .filter((p) => p.id)
    .map((p) => ({
      source: PrinterSource.GOOGLE_WORKSPACE,
      sourceId: p.id!,
      printServerId: null,
      displayName: p.displayName || p.id!,
      description: p.description || null,
      location: null,
      makeAndModel: p.makeAndModel || null,
      uri: p.uri || null,
      orgUnitId: p.orgUnitId || null,
      state: PrinterState.UNKNOWN,
      stateReasons: [GOOGLE_STATE_REASON],
      acceptingJobs: false,
      capabilities: null,
      stateCheckedAt: null,
    }));
  addTotal(rows.length);
  countUpserts(ctx, await repo.upsert(ctx.tenant, rows, startedAt));
  const removed = await repo.markUnseenRemoved(ctx.tenant, PrinterSource.GOOGLE_WORKSPACE, null, startedAt);
  for (let i = 0; i < removed; i++) ctx.progress.item('deleted');
  await upsertGoogleServers(ctx, servers, startedAt);
  return calls;
}

/** Google's print servers, kept for reference (they are not asked over IPP: their addresses are on the office network). */
async function upsertGoogleServers(ctx: SyncJobContext, servers: admin_directory_v1.Schema$PrintServer[], seenAt: Date): Promise<void> {
  const known = new Map((await ctx.em.find(PrintServer, { source: PrinterSource.GOOGLE_WORKSPACE })).map((s) => [s.sourceId, s]));
  for (const s of servers) {
    if (!s.id) continue;
    const row = known.get(s.id) ?? ctx.em.create(PrintServer, { source: PrinterSource.GOOGLE_WORKSPACE, sourceId: s.id, uri: s.uri ?? '', name: s.displayName || s.id }, { partial: true });
    row.uri = (s.uri ?? '').slice(0, 2048);
    row.name = (s.displayName || s.id).slice(0, 200);
    row.removedAt = null;
    known.delete(s.id);
  }
  for (const gone of known.values()) gone.removedAt ??= seenAt;
  await ctx.em.flush();
}
