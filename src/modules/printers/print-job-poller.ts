import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from '../../kernel/logger';
import { moduleConfig, type ModuleWorker } from '../../kernel/module';
import type { PgPubSub } from '../../kernel/pubsub';
import { groups, IppClient, IppStatusError, JOB_ATTRIBUTES } from './ipp-client';
import { PRINT_JOB_UPDATED, type PrintJobUpdatedPayload } from './print-job-events';
import { FINAL_JOB_STATES, jobStateOf, PrintJobState, reasonsOf } from './printer-state';
import { printersConfig, type PrintersConfig } from './printers.config';

/** Jobs claimed per round, and asked at once. */
const BATCH = 100;
const CONCURRENCY = 8;
/** A printer that stops answering is asked less and less often, up to this. */
const MAX_BACKOFF_MS = 5 * 60_000;

interface DueJob {
  id: string;
  tenant: string;
  ipp_job_id: number;
  state: PrintJobState;
  state_reasons: string[];
  poll_failures: number;
  uri: string | null;
}

/**
 * Follows each open print job to its end: every PRINT_JOB_POLL_MS a worker claims the jobs due
 * (FOR UPDATE SKIP LOCKED with a lease, so several workers share them and a dead one's jobs come
 * back), asks their printers with Get-Job-Attributes and stores and publishes each change. The
 * state lives in the database, so a restarted gateway carries on where the last one stopped.
 */
export class PrintJobPoller {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private round: Promise<void> | null = null;
  private readonly ipp: IppClient;

  constructor(
    private readonly em: EntityManager,
    private readonly pubsub: PgPubSub,
    private readonly log: Logger,
    private readonly config: PrintersConfig,
  ) {
    this.ipp = new IppClient(config.IPP_TIMEOUT_MS);
    // Long enough for a whole round of slow printers; a worker that died holds its jobs this long.
    this.leaseSeconds = Math.ceil(((BATCH / CONCURRENCY) * config.IPP_TIMEOUT_MS) / 1000) + 5;
  }

  private readonly leaseSeconds: number;

  start(): void {
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.round;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.round = this.pollOnce()
        .then(() => undefined)
        .catch((err: unknown) => this.log.warn({ err }, 'print job poll failed'))
        .finally(() => {
          this.round = null;
          this.schedule(this.config.PRINT_JOB_POLL_MS);
        });
    }, ms);
    this.timer.unref();
  }

  /** One round: claim the due jobs and ask their printers. Returns how many were asked. */
  async pollOnce(): Promise<number> {
    const conn = this.em.getConnection();
    const due: DueJob[] = await conn.execute(
      /* claimDuePrintJobs */ `UPDATE print_job j SET poll_lease_until = now() + make_interval(secs => ?)
       FROM (SELECT id FROM print_job WHERE state IN ('PENDING', 'HELD', 'PROCESSING') AND ipp_job_id IS NOT NULL AND next_poll_at <= now()
               AND (poll_lease_until IS NULL OR poll_lease_until < now()) ORDER BY next_poll_at LIMIT ${BATCH} FOR UPDATE SKIP LOCKED) due
       WHERE j.id = due.id
       RETURNING j.id, j.tenant, j.ipp_job_id, j.state, j.state_reasons, j.poll_failures, (SELECT p.uri FROM printer p WHERE p.id = j.printer_id) AS uri`,
      [this.leaseSeconds],
    );
    let next = 0;
    const work = async () => {
      while (!this.stopped && next < due.length) await this.pollJob(due[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, due.length) }, work));
    // Stopping: hand back at once the jobs claimed but not asked, rather than when their lease runs out.
    const left = due.slice(next).map((j) => j.id);
    if (left.length) await conn.execute(/* releasePrintJobs */ `UPDATE print_job SET poll_lease_until = NULL WHERE id IN (${left.map(() => '?').join(', ')})`, left);
    return next;
  }

  private async pollJob(job: DueJob): Promise<void> {
    const conn = this.em.getConnection();
    if (!job.uri) {
      await this.update(job, PrintJobState.ABORTED, ['printer-has-no-address'], null);
      return;
    }
    try {
      const res = await this.ipp.execute(job.uri, 'Get-Job-Attributes', { 'operation-attributes-tag': { 'job-id': job.ipp_job_id, 'requested-attributes': JOB_ATTRIBUTES } });
      const attrs = groups(res['job-attributes-tag'])[0] ?? {};
      const state = jobStateOf(attrs['job-state']) ?? job.state;
      const reasons = reasonsOf(attrs['job-state-reasons']);
      const message = typeof attrs['job-state-message'] === 'string' && attrs['job-state-message'] ? attrs['job-state-message'] : null;
      if (state !== job.state || JSON.stringify(reasons) !== JSON.stringify(job.state_reasons ?? [])) await this.update(job, state, reasons, message);
      else {
        await conn.execute(/* printJobUnchanged */ `UPDATE print_job SET next_poll_at = now() + make_interval(secs => ?), poll_lease_until = NULL, poll_failures = 0 WHERE id = ?`, [
          this.config.PRINT_JOB_POLL_MS / 1000,
          job.id,
        ]);
      }
    } catch (err) {
      if (err instanceof IppStatusError && err.status === 'client-error-not-found') {
        // The printer forgot the job (history purged, queue recreated): its outcome is unknown.
        await this.update(job, PrintJobState.ABORTED, ['job-unknown-to-printer'], err.detail);
        return;
      }
      const backoff = Math.min(MAX_BACKOFF_MS, this.config.PRINT_JOB_POLL_MS * 2 ** Math.min(job.poll_failures + 1, 16));
      this.log.debug({ printJob: job.id, error: (err as Error).message, backoffMs: backoff }, 'printer did not answer about a job');
      await conn.execute(/* printJobPollFailed */ `UPDATE print_job SET next_poll_at = now() + make_interval(secs => ?), poll_lease_until = NULL, poll_failures = poll_failures + 1 WHERE id = ?`, [
        backoff / 1000,
        job.id,
      ]);
    }
  }

  /** Stores a change and publishes it to the job's tenant. */
  private async update(job: DueJob, state: PrintJobState, reasons: string[], message: string | null): Promise<void> {
    const final = FINAL_JOB_STATES.has(state);
    const rows: Record<string, unknown>[] = await this.em.getConnection().execute(
      /* printJobChanged */ `UPDATE print_job SET state = ?, state_reasons = ?::jsonb, state_message = ?, updated_at = now(), poll_lease_until = NULL, poll_failures = 0,
         finished_at = CASE WHEN ? THEN coalesce(finished_at, now()) ELSE NULL END,
         next_poll_at = CASE WHEN ? THEN NULL ELSE now() + make_interval(secs => ?) END
       WHERE id = ? AND state IN ('PENDING', 'HELD', 'PROCESSING') RETURNING *`,
      [state, JSON.stringify(reasons), message, final, final, this.config.PRINT_JOB_POLL_MS / 1000, job.id],
    );
    const row = rows[0];
    if (!row) return; // cancelled through the API in between
    await this.pubsub.publish(PRINT_JOB_UPDATED, job.tenant, payloadOfRow(row));
  }
}

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : (v instanceof Date ? v : new Date(v as string)).toISOString());

function payloadOfRow(r: Record<string, unknown>): PrintJobUpdatedPayload {
  return {
    id: r.id as string,
    printerId: r.printer_id as string,
    documentName: r.document_name as string,
    format: r.format as string,
    sizeBytes: Number(r.size_bytes),
    copies: Number(r.copies),
    submittedBy: r.submitted_by as string,
    ippJobId: r.ipp_job_id === null ? null : Number(r.ipp_job_id),
    state: r.state as PrintJobState,
    stateReasons: (r.state_reasons as string[] | null) ?? [],
    stateMessage: (r.state_message as string | null) ?? null,
    submittedAt: iso(r.submitted_at)!,
    finishedAt: iso(r.finished_at),
    updatedAt: iso(r.updated_at)!,
  };
}

/** The module's background worker (runs where sync workers run: ROLE=all or worker). */
export const printJobPollerWorker: ModuleWorker = {
  name: 'print-job-poller',
  start(ctx) {
    const poller = new PrintJobPoller(ctx.orm.em.fork(), ctx.pubsub, ctx.log, moduleConfig(ctx.sections, 'printers', printersConfig));
    poller.start();
    return () => poller.stop();
  },
};
