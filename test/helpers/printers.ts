import { Printer as IppPrinter, type IppResponse } from '@sealsystems/ipp';
import { gql, type GqlResponse } from './client';
import type { TestCups } from './cups';
import { waitForRun, type RunView } from './sync';

export const PRINTER_FIELDS = `id displayName description location makeAndModel uri source sourceId orgUnitId state stateReasons acceptingJobs
  lastSeenAt removedAt stale stateCheckedAt capabilities { documentFormats media color duplex copiesMin copiesMax } printServer { id name }`;
export const JOB_FIELDS = 'id documentName format sizeBytes copies submittedBy ippJobId state stateReasons submittedAt finishedAt printer { id }';

export interface PrinterView {
  id: string;
  displayName: string;
  description: string | null;
  location: string | null;
  makeAndModel: string | null;
  uri: string | null;
  source: string;
  sourceId: string;
  orgUnitId: string | null;
  state: string;
  stateReasons: string[];
  acceptingJobs: boolean;
  lastSeenAt: string | null;
  removedAt: string | null;
  stale: boolean;
  stateCheckedAt: string | null;
  capabilities: { documentFormats: string[]; media: string[]; color: boolean | null; duplex: boolean | null; copiesMin: number; copiesMax: number };
  printServer: { id: string; name: string } | null;
}

export interface JobView {
  id: string;
  documentName: string;
  format: string;
  sizeBytes: number;
  copies: number;
  submittedBy: string;
  ippJobId: number | null;
  state: string;
  stateReasons: string[];
  submittedAt: string;
  finishedAt: string | null;
  printer: { id: string };
}

function ok<T>(res: GqlResponse<T>): T {
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data!;
}

export async function addPrintServer(url: string, token: string, uri: string, name: string): Promise<string> {
  const res = await gql<{ addPrintServer: { id: string } }>(url, 'mutation($i: AddPrintServerInput!) { addPrintServer(input: $i) { id } }', { token, variables: { i: { uri, name } } });
  return ok(res).addPrintServer.id;
}

export async function syncPrinters(url: string, token: string, timeoutMs?: number): Promise<RunView> {
  const res = await gql<{ syncPrinters: { id: string } }>(url, 'mutation { syncPrinters { id } }', { token });
  return waitForRun(url, token, ok(res).syncPrinters.id, timeoutMs);
}

/** Every printer of the caller's tenant (all pages). */
export async function allPrinters(url: string, token: string, filter: Record<string, unknown> = {}): Promise<PrinterView[]> {
  const out: PrinterView[] = [];
  let after: string | null = null;
  type Page = { printers: { edges: { node: PrinterView }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
  for (;;) {
    const res: GqlResponse<Page> = await gql<Page>(
      url,
      `query($f: PrinterFilter, $after: String) { printers(filter: $f, first: 100, after: $after) { edges { node { ${PRINTER_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
      { token, variables: { f: filter, after } },
    );
    const page: Page['printers'] = ok(res).printers;
    out.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}

export async function printerByName(url: string, token: string, name: string): Promise<PrinterView> {
  const found = (await allPrinters(url, token, { includeRemoved: true })).filter((p) => p.displayName === name);
  if (found.length !== 1) throw new Error(`expected one printer named ${name}, found ${found.length}`);
  return found[0]!;
}

export interface UploadOptions {
  printerId: string;
  file: Buffer | Uint8Array;
  filename?: string;
  /** What the client claims (the gateway does not believe it). */
  mimeType?: string;
  copies?: number;
  documentName?: string;
  /** Default true: the header Apollo's CSRF prevention wants on a multipart request. */
  preflight?: boolean;
}

/** submitPrintJob as a browser would send it: a GraphQL multipart request (operations, map, file). */
export async function submitPrintJob(url: string, token: string, o: UploadOptions): Promise<GqlResponse<{ submitPrintJob: JobView }>> {
  const form = new FormData();
  form.append(
    'operations',
    JSON.stringify({
      query: `mutation($i: SubmitPrintJobInput!) { submitPrintJob(input: $i) { ${JOB_FIELDS} } }`,
      variables: { i: { printerId: o.printerId, file: null, copies: o.copies, documentName: o.documentName } },
    }),
  );
  form.append('map', JSON.stringify({ 0: ['variables.i.file'] }));
  form.append('0', new Blob([o.file], { type: o.mimeType ?? 'application/octet-stream' }), o.filename ?? 'document.bin');
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(o.preflight === false ? {} : { 'apollo-require-preflight': 'true' }) },
    body: form,
  });
  const text = await res.text();
  let body: GqlResponse<{ submitPrintJob: JobView }>['body'];
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`non-JSON response ${res.status}: ${text.slice(0, 300)}`);
  }
  return { status: res.status, headers: res.headers, body };
}

export async function printJob(url: string, token: string, id: string): Promise<GqlResponse<{ printJob: JobView }>> {
  return gql<{ printJob: JobView }>(url, `query($id: ID!) { printJob(id: $id) { ${JOB_FIELDS} } }`, { token, variables: { id } });
}

/** Polls the job until `done` says so (the gateway's workers follow it over IPP). */
export async function waitForJob(url: string, token: string, id: string, done: (j: JobView) => boolean, timeoutMs = 20_000): Promise<JobView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = ok(await printJob(url, token, id)).printJob;
    if (done(job)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} is still ${job.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The jobs CUPS holds for a queue (all of them, finished ones too), straight over IPP. */
export async function cupsJobs(cups: TestCups, queue: string): Promise<{ id: number; name: string; state: string }[]> {
  const res = await new Promise<IppResponse>((resolve, reject) =>
    new IppPrinter(cups.queueUri(queue), { timeout: 5000 }).execute(
      'Get-Jobs',
      { 'operation-attributes-tag': { 'which-jobs': 'all', 'requested-attributes': ['job-id', 'job-name', 'job-state'] } },
      (err, r) => (err ? reject(err) : resolve(r)),
    ),
  );
  const groups = res['job-attributes-tag'];
  const list = !groups ? [] : Array.isArray(groups) ? groups : [groups];
  return list.map((g) => ({ id: g['job-id'] as number, name: String(g['job-name']), state: String(g['job-state']) }));
}

/** A small valid PDF (one empty page). */
export function tinyPdf(text = 'Hello'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}
