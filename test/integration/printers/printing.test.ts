import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, errorCodes, gql, wsClient } from '../../helpers/client';
import { cupsAvailable, startTestCups, STANDARD_QUEUES, type TestCups } from '../../helpers/cups';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { addPrintServer, cupsJobs, JOB_FIELDS, printerByName, printJob, submitPrintJob, syncPrinters, tinyPdf, waitForJob, type JobView } from '../../helpers/printers';

const run = cupsAvailable();
const LIMIT = 64 * 1024;
let cups: TestCups;
let gw: TestGateway;
let admin: string;
let user: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  if (!run) return;
  cups = await startTestCups([...STANDARD_QUEUES, { name: 'held', info: 'Held queue' }]);
  await cups.admin('lpadmin', ['-p', 'held', '-o', 'job-hold-until-default=indefinite']);
  gw = await startTestGateway({ env: { PRINT_JOB_POLL_MS: '100', IPP_TIMEOUT_MS: '3000', PRINT_MAX_BYTES: String(LIMIT) } });
  admin = await gw.token('acme', ['admin'], 'admin-1');
  user = await gw.token('acme', ['user'], 'clerk-7');
  await addPrintServer(gw.url, admin, cups.url, 'Office CUPS');
  expect(await syncPrinters(gw.url, admin)).toMatchObject({ status: 'SUCCEEDED', created: 4 });
  for (const [key, name] of Object.entries({ office: 'Office laser', paused: 'Paused queue', closed: 'Closed queue', held: 'Held queue' })) {
    ids[key] = (await printerByName(gw.url, admin, name)).id;
  }
}, 120_000);
afterAll(async () => {
  await gw?.stop();
  await cups?.stop();
});

const RANK: Record<string, number> = { PENDING: 0, HELD: 0, PROCESSING: 1, COMPLETED: 2, ABORTED: 2, CANCELED: 2 };

/** Subscribes to printJobUpdated and waits until the gateway has the subscription in place. */
async function subscribeJobs(token: string, printerId?: string) {
  const before = gw.gateway.services.pubsub.subscriberCount();
  const client = wsClient(gw.wsUrl, token);
  const sub = collect<{ data: { printJobUpdated: JobView } }>(client, `subscription($p: ID) { printJobUpdated(printerId: $p) { ${JOB_FIELDS} } }`, { p: printerId });
  const deadline = Date.now() + 10_000;
  while (gw.gateway.services.pubsub.subscriberCount() <= before) {
    if (Date.now() > deadline) throw new Error('the subscription did not start');
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    ...sub,
    of: (id: string) => sub.events.map((e) => e.data.printJobUpdated).filter((j) => j.id === id),
    close: async () => {
      sub.dispose();
      await client.dispose();
    },
  };
}

describe.skipIf(!run)('printing through the gateway', () => {
  it('prints a PDF and a plain-text file: each job reaches COMPLETED and the subscription sees each transition', async () => {
    const sub = await subscribeJobs(user, ids.office);
    const pdf = tinyPdf('report');
    const pdfRes = await submitPrintJob(gw.url, user, { printerId: ids.office!, file: pdf, filename: 'report.pdf', mimeType: 'text/plain', copies: 2 });
    expect(pdfRes.body.errors).toBeUndefined();
    const pdfJob = pdfRes.body.data!.submitPrintJob;
    expect(pdfJob).toMatchObject({ documentName: 'report.pdf', format: 'application/pdf', sizeBytes: pdf.length, copies: 2, submittedBy: 'clerk-7', printer: { id: ids.office } });
    expect(pdfJob.ippJobId).toEqual(expect.any(Number));

    const text = Buffer.from('Invoice 2026-0042\nTotal: 1.234,56 RON\n\fPage two\n', 'utf8');
    const textRes = await submitPrintJob(gw.url, user, { printerId: ids.office!, file: text, filename: 'x.pdf', mimeType: 'application/pdf', documentName: 'Invoice 42' });
    expect(textRes.body.errors).toBeUndefined();
    const textJob = textRes.body.data!.submitPrintJob;
    expect(textJob).toMatchObject({ documentName: 'Invoice 42', format: 'text/plain', sizeBytes: text.length, copies: 1 });

    for (const job of [pdfJob, textJob]) {
      const done = await waitForJob(gw.url, user, job.id, (j) => j.state === 'COMPLETED');
      expect(done.finishedAt).not.toBeNull();
    }
    await sub.until(() => [pdfJob, textJob].every((j) => sub.of(j.id).some((e) => e.state === 'COMPLETED')), 15_000);
    for (const job of [pdfJob, textJob]) {
      const states = sub.of(job.id).map((e) => e.state);
      expect(states[0]).toBe(job.state); // the submit itself is the first event
      expect(states.at(-1)).toBe('COMPLETED');
      for (let i = 1; i < states.length; i++) expect(RANK[states[i]!]!).toBeGreaterThanOrEqual(RANK[states[i - 1]!]!);
      expect(new Set(states).size).toBe(states.length); // one event per transition
    }
    const atCups = await cupsJobs(cups, 'office');
    expect(atCups.filter((j) => j.id === pdfJob.ippJobId || j.id === textJob.ippJobId).map((j) => j.state)).toEqual(['completed', 'completed']);
    await sub.close();
  });

  it('refuses bytes of no printable format with BAD_USER_INPUT, and nothing reaches CUPS', async () => {
    const before = (await cupsJobs(cups, 'office')).length;
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, ...Buffer.from('payload.txt')]);
    const res = await submitPrintJob(gw.url, user, { printerId: ids.office!, file: zip, filename: 'looks.pdf', mimeType: 'application/pdf' });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors![0]!.extensions!.field).toBe('file');
    const empty = await submitPrintJob(gw.url, user, { printerId: ids.office!, file: Buffer.alloc(0) });
    expect(errorCodes(empty)).toEqual(['BAD_USER_INPUT']);
    expect((await cupsJobs(cups, 'office')).length).toBe(before);
  });

  it('refuses a document past PRINT_MAX_BYTES with BAD_USER_INPUT and no job at CUPS; one of exactly the limit prints', async () => {
    const before = (await cupsJobs(cups, 'office')).length;
    const line = 'The quick brown fox jumps over the lazy dog.\n';
    const big = Buffer.from(line.repeat(Math.ceil((LIMIT * 3) / line.length)));
    const res = await submitPrintJob(gw.url, user, { printerId: ids.office!, file: big, filename: 'big.txt' });
    expect(errorCodes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.body.errors![0]!.message).toMatch(String(LIMIT));
    const justOver = await submitPrintJob(gw.url, user, { printerId: ids.office!, file: big.subarray(0, LIMIT + 1), filename: 'over.txt' });
    expect(errorCodes(justOver)).toEqual(['BAD_USER_INPUT']);
    expect((await cupsJobs(cups, 'office')).length).toBe(before);

    const exact = await submitPrintJob(gw.url, user, { printerId: ids.office!, file: big.subarray(0, LIMIT), filename: 'exact.txt' });
    expect(exact.body.errors).toBeUndefined();
    expect(exact.body.data!.submitPrintJob).toMatchObject({ sizeBytes: LIMIT, format: 'text/plain' });
    expect((await cupsJobs(cups, 'office')).length).toBe(before + 1);
  });

  it('a stopped queue and a queue not accepting jobs: PRINTER_UNAVAILABLE, checked by the gateway; no job at CUPS', async () => {
    for (const key of ['paused', 'closed'] as const) {
      const res = await submitPrintJob(gw.url, user, { printerId: ids[key]!, file: tinyPdf(), filename: 'a.pdf' });
      expect(errorCodes(res), key).toEqual(['PRINTER_UNAVAILABLE']);
      expect(await cupsJobs(cups, key)).toEqual([]);
    }
    // The same queue after it is started again prints.
    await cups.admin('cupsenable', ['paused']);
    const res = await submitPrintJob(gw.url, user, { printerId: ids.paused!, file: tinyPdf(), filename: 'a.pdf' });
    expect(res.body.errors).toBeUndefined();
    await cups.admin('cupsdisable', ['paused']);
  });

  it('copies outside the printer’s range, an unknown printer and a bad id are refused', async () => {
    for (const copies of [0, 10_000, -1]) {
      const res = await submitPrintJob(gw.url, user, { printerId: ids.office!, file: tinyPdf(), copies });
      expect(errorCodes(res), String(copies)).toEqual(['BAD_USER_INPUT']);
    }
    expect(errorCodes(await submitPrintJob(gw.url, user, { printerId: '6f1c1f8e-9a55-4a8e-b3c5-0f2d7e8a9b10', file: tinyPdf() }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await submitPrintJob(gw.url, user, { printerId: 'x', file: tinyPdf() }))).toEqual(['BAD_USER_INPUT']);
  });

  it('a multipart request without Apollo-Require-Preflight is refused (CSRF prevention), and nothing is printed', async () => {
    const before = (await cupsJobs(cups, 'office')).length;
    const res = await submitPrintJob(gw.url, user, { printerId: ids.office!, file: tinyPdf(), preflight: false });
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.message).toMatch(/CSRF|preflight/i);
    expect((await cupsJobs(cups, 'office')).length).toBe(before);
  });

  it('cancelPrintJob: a held job is canceled at CUPS and CANCELED in the gateway', async () => {
    const sub = await subscribeJobs(user);
    const res = await submitPrintJob(gw.url, user, { printerId: ids.held!, file: tinyPdf('held'), filename: 'held.pdf' });
    const job = res.body.data!.submitPrintJob;
    expect(job.state).toBe('HELD');
    const cancel = await gql<{ cancelPrintJob: JobView }>(gw.url, `mutation($id: ID!) { cancelPrintJob(id: $id) { ${JOB_FIELDS} } }`, { token: user, variables: { id: job.id } });
    expect(cancel.body.errors).toBeUndefined();
    expect(cancel.body.data!.cancelPrintJob).toMatchObject({ id: job.id, state: 'CANCELED' });
    expect((await cupsJobs(cups, 'held')).find((j) => j.id === job.ippJobId)?.state).toBe('canceled');
    await sub.until(() => sub.of(job.id).some((e) => e.state === 'CANCELED'));
    expect(sub.of(job.id).map((e) => e.state)).toEqual(['HELD', 'CANCELED']);
    const again = await gql(gw.url, 'mutation($id: ID!) { cancelPrintJob(id: $id) { id } }', { token: user, variables: { id: job.id } });
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
    await sub.close();
  });

  it("another tenant sees none of the jobs, cannot cancel them, print to this tenant's printers, or hear their events", async () => {
    const other = await gw.token('globex', ['admin']);
    const spy = await subscribeJobs(other);
    const mine = await submitPrintJob(gw.url, user, { printerId: ids.office!, file: tinyPdf('mine') });
    const job = mine.body.data!.submitPrintJob;
    await waitForJob(gw.url, user, job.id, (j) => j.state === 'COMPLETED');
    expect(errorCodes(await printJob(gw.url, other, job.id))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await gql(gw.url, 'mutation($id: ID!) { cancelPrintJob(id: $id) { id } }', { token: other, variables: { id: job.id } }))).toEqual(['NOT_FOUND']);
    const list = await gql<{ printJobs: { edges: unknown[] } }>(gw.url, '{ printJobs { edges { cursor } } }', { token: other });
    expect(list.body.data!.printJobs.edges).toEqual([]);
    expect(errorCodes(await submitPrintJob(gw.url, other, { printerId: ids.office!, file: tinyPdf() }))).toEqual(['NOT_FOUND']);
    // Our own subscription got the job's completion; theirs got nothing.
    const own = await subscribeJobs(user);
    const second = (await submitPrintJob(gw.url, user, { printerId: ids.office!, file: tinyPdf('second') })).body.data!.submitPrintJob;
    await own.until(() => own.of(second.id).some((e) => e.state === 'COMPLETED'));
    expect(spy.events).toEqual([]);
    await spy.close();
    await own.close();
  });

  it('printJobs lists newest first, per printer or all, paged with strict cursors', async () => {
    type Page = { printJobs: { edges: { node: JobView }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const all: JobView[] = [];
    let after: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof gql<Page>>> = await gql<Page>(
        gw.url,
        `query($a: String) { printJobs(first: 3, after: $a) { edges { node { ${JOB_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
        { token: user, variables: { a: after } },
      );
      all.push(...res.body.data!.printJobs.edges.map((e) => e.node));
      after = res.body.data!.printJobs.pageInfo.hasNextPage ? res.body.data!.printJobs.pageInfo.endCursor : null;
    } while (after);
    expect(all.length).toBeGreaterThanOrEqual(7);
    const times = all.map((j) => Date.parse(j.submittedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const held = await gql<Page>(gw.url, `query($p: ID) { printJobs(printerId: $p) { edges { node { ${JOB_FIELDS} } } pageInfo { hasNextPage endCursor } } }`, {
      token: user,
      variables: { p: ids.held },
    });
    expect(held.body.data!.printJobs.edges.map((e) => e.node.state)).toEqual(['CANCELED']);
    const forged = Buffer.from(JSON.stringify(['2026-01-01', 'x'])).toString('base64url');
    expect(errorCodes(await gql(gw.url, 'query($a: String) { printJobs(after: $a) { edges { cursor } } }', { token: user, variables: { a: forged } }))).toEqual(['BAD_USER_INPUT']);
  });

  it('logged no error on the way (refusals are expected failures, not bugs)', () => {
    const errors = gw.logs.filter((l) => typeof l.level === 'number' && l.level >= 50);
    expect(errors).toEqual([]);
  });
});
