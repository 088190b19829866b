import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cupsAvailable, startTestCups, type TestCups } from '../../helpers/cups';
import { createTestDatabase, dbQuery, type TestDatabase } from '../../helpers/database';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';
import { addPrintServer, cupsJobs, printerByName, printJob, submitPrintJob, syncPrinters, tinyPdf, waitForJob } from '../../helpers/printers';

const run = cupsAvailable();
let cups: TestCups;
let db: TestDatabase;
let gw: TestGateway | null = null;
const ENV = { PRINT_JOB_POLL_MS: '100', IPP_TIMEOUT_MS: '3000' };

beforeAll(async () => {
  if (!run) return;
  cups = await startTestCups([{ name: 'held', info: 'Held queue' }]);
  await cups.admin('lpadmin', ['-p', 'held', '-o', 'job-hold-until-default=indefinite']);
  db = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await gw?.stop();
  await db?.drop();
  await cups?.stop();
});

describe.skipIf(!run)('following print jobs across a restart', () => {
  it('a job still open when the gateway stops is followed to its end by the next gateway', async () => {
    gw = await startTestGateway({ database: db, env: ENV });
    const token = await gw.token('acme', ['admin'], 'admin-1');
    await addPrintServer(gw.url, token, cups.url, 'CUPS');
    await syncPrinters(gw.url, token);
    const printer = await printerByName(gw.url, token, 'Held queue');
    const job = (await submitPrintJob(gw.url, token, { printerId: printer.id, file: tinyPdf('across a restart') })).body.data!.submitPrintJob;
    expect(job.state).toBe('HELD');
    // The worker keeps asking while the job is open.
    const polled = async () => (await dbQuery<{ n: string }>(db.url, `SELECT count(*) AS n FROM print_job WHERE id = $1 AND next_poll_at > submitted_at`, [job.id])).rows[0]!.n;
    for (const deadline = Date.now() + 10_000; (await polled()) === '0';) {
      if (Date.now() > deadline) throw new Error('the job was never polled');
      await new Promise((r) => setTimeout(r, 50));
    }
    await gw.stop();
    gw = null;

    // While no gateway runs, the job is released at CUPS and prints.
    await cups.admin('lp', ['-i', String(job.ippJobId), '-H', 'resume']);
    for (const deadline = Date.now() + 10_000; (await cupsJobs(cups, 'held')).find((j) => j.id === job.ippJobId)?.state !== 'completed';) {
      if (Date.now() > deadline) throw new Error('CUPS did not finish the released job');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await dbQuery<{ state: string }>(db.url, 'SELECT state FROM print_job WHERE id = $1', [job.id])).rows[0]!.state).toBe('HELD');

    gw = await startTestGateway({ database: db, env: ENV });
    const token2 = await gw.token('acme', ['user']);
    const done = await waitForJob(gw.url, token2, job.id, (j) => j.state === 'COMPLETED');
    expect(done.finishedAt).not.toBeNull();
    expect((await printJob(gw.url, token2, job.id)).body.data!.printJob.state).toBe('COMPLETED');
  }, 90_000);
});
