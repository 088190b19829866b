import type { EntityManager } from '@mikro-orm/postgresql';
import type { FileUpload } from 'graphql-upload-minimal';
import type { Readable } from 'node:stream';
import type { Caller } from '../../kernel/caller';
import { badUserInput, domainError, DomainError, notFound } from '../../kernel/errors';
import type { PgPubSub } from '../../kernel/pubsub';
import { optionalText, uuid } from '../../kernel/validate';
import { pageSize, toConnection, type Connection } from '../../schema/connection';
import { decodeStrictCursor, encodeCursor } from './cursor';
import { formatSupported, sniffDocumentFormat } from './document-format';
import { groups, IppClient, IppStatusError, IppUnreachableError } from './ipp-client';
import { PRINT_JOB_UPDATED, printJobPayload } from './print-job-events';
import { PrintJob } from './print-job.entity';
import { Printer } from './printer.entity';
import { applyView, readPrinter } from './printer.service';
import { FINAL_JOB_STATES, jobStateOf, PrinterState, PrintJobState, reasonsOf } from './printer-state';
import type { PrintersConfig } from './printers.config';
import type { SubmitPrintJobInput } from './printers.inputs';
import { DocumentTooLargeError, readHead, replay } from './upload-stream';

const unavailable = (printer: Printer, why: string) => domainError('PRINTER_UNAVAILABLE', `Printer ${printer.displayName} ${why}`, { printerId: printer.id });

/** Print jobs: submit (streamed to the printer over IPP Print-Job), cancel, and the lists. */
export class PrintJobService {
  constructor(
    private readonly config: PrintersConfig,
    private readonly pubsub: PgPubSub,
  ) {}

  private ipp(): IppClient {
    return new IppClient(this.config.IPP_TIMEOUT_MS);
  }

  async get(em: EntityManager, id: string): Promise<PrintJob> {
    const job = await em.findOne(PrintJob, { id: uuid(id, 'id') });
    if (!job) throw notFound('PrintJob', id);
    return job;
  }

  /** Newest first (Relay connection); one printer's or all of the tenant's. */
  async list(em: EntityManager, tenant: string, printerId: string | null, first: number | null, after: string | null): Promise<Connection<PrintJob>> {
    const n = pageSize(first);
    const clauses = ['j.tenant = ?'];
    const params: unknown[] = [tenant];
    if (printerId) {
      clauses.push('j.printer_id = ?');
      params.push(uuid(printerId, 'printerId'));
    }
    if (after) {
      const [at, id] = decodeStrictCursor(after, ['instant', 'uuid'] as const);
      clauses.push('(j.submitted_at, j.id) < (?, ?::uuid)');
      params.push(at, id);
    }
    const rows: { id: string }[] = await em
      .getConnection()
      .execute(`/* listPrintJobs */ SELECT j.id FROM print_job j WHERE ${clauses.join(' AND ')} ORDER BY j.submitted_at DESC, j.id DESC LIMIT ${n + 1}`, params);
    const found = new Map((await em.find(PrintJob, { id: { $in: rows.map((r) => r.id) } })).map((j) => [j.id, j]));
    const jobs = rows.map((r) => found.get(r.id)).filter((j): j is PrintJob => j !== undefined);
    return toConnection(jobs, n, (j) => encodeCursor([j.submittedAt, j.id]));
  }

  /**
   * Checks the printer itself (a stopped CUPS queue still accepts jobs and leaves them pending),
   * the copies and the document's format (sniffed from its first bytes), then streams the
   * document to the printer with Print-Job. Nothing reaches the printer when a check fails; a
   * document past the limit cuts the request, so the printer makes no job of it.
   */
  async submit(em: EntityManager, caller: Caller, input: SubmitPrintJobInput): Promise<PrintJob> {
    let upload: FileUpload | null = null;
    let stream: Readable | null = null;
    try {
      const printer = await em.findOne(Printer, { id: uuid(input.printerId, 'printerId') });
      if (!printer) throw notFound('Printer', input.printerId);
      const copies = input.copies ?? 1;
      if (!Number.isInteger(copies) || copies < 1) throw badUserInput('copies must be a whole number of at least 1', 'copies');
      if (printer.removedAt) throw unavailable(printer, 'was removed at its source');
      if (!printer.uri) throw unavailable(printer, 'has no address');

      const ipp = this.ipp();
      const view = await readPrinter(ipp, printer.uri, this.config.IPP_TIMEOUT_MS).catch((err: unknown) => {
        throw unavailable(printer, `did not answer (${err instanceof Error ? err.message : String(err)})`);
      });
      applyView(printer, view);
      await em.flush();
      if (view.state === PrinterState.STOPPED) throw unavailable(printer, `is stopped${view.stateReasons.length ? ` (${view.stateReasons.join(', ')})` : ''}`);
      if (!view.acceptingJobs) throw unavailable(printer, 'is not accepting jobs');
      const { copiesMin, copiesMax } = view.capabilities;
      if (copies < copiesMin || copies > copiesMax) throw badUserInput(`copies must be between ${copiesMin} and ${copiesMax} for this printer`, 'copies');

      upload = await input.file;
      stream = upload.createReadStream();
      const limit = this.config.PRINT_MAX_BYTES;
      const { head, complete, chunks } = await readHead(stream, limit);
      const format = sniffDocumentFormat(head, complete);
      if (!format) throw badUserInput('The document is in no format the gateway can print (PDF, PostScript, plain text, PNG, JPEG …)', 'file');
      if (!formatSupported(format, view.capabilities.documentFormats)) throw badUserInput(`The printer does not take ${format}`, 'file');

      const documentName = optionalText(input.documentName, 'documentName', 255) ?? (optionalText(upload.filename, 'documentName', 255) || 'document');
      const body = replay(chunks, stream, complete, limit);
      let res;
      try {
        res = await ipp.execute(
          printer.uri,
          'Print-Job',
          {
            'operation-attributes-tag': { 'requesting-user-name': caller.sub.slice(0, 255), 'job-name': documentName, 'document-format': format },
            'job-attributes-tag': { copies },
            data: body,
          },
          null,
        );
      } catch (err) {
        if (body.errored instanceof DocumentTooLargeError) throw body.errored;
        throw err;
      }
      const attrs = groups(res['job-attributes-tag'])[0] ?? {};
      const ippJobId = typeof attrs['job-id'] === 'number' ? attrs['job-id'] : null;
      const state = jobStateOf(attrs['job-state']) ?? PrintJobState.PENDING;
      const job = em.create(
        PrintJob,
        {
          printer,
          documentName,
          format,
          sizeBytes: body.bytes,
          copies,
          submittedBy: caller.sub.slice(0, 255),
          ippJobId,
          ippJobUri: typeof attrs['job-uri'] === 'string' ? attrs['job-uri'] : null,
          state,
          stateReasons: reasonsOf(attrs['job-state-reasons']),
          finishedAt: FINAL_JOB_STATES.has(state) ? new Date() : null,
          nextPollAt: FINAL_JOB_STATES.has(state) || ippJobId === null ? null : new Date(),
        },
        { partial: true },
      );
      await em.flush();
      await this.pubsub.publish(PRINT_JOB_UPDATED, caller.tenant, printJobPayload(job));
      return job;
    } catch (err) {
      // What the request still holds of the file is read and dropped, so that the client gets the answer.
      stream?.resume();
      throw this.asDomainError(err);
    }
  }

  /** Cancel-Job at the printer; the job is CANCELED when the printer says so (or was already over). */
  async cancel(em: EntityManager, tenant: string, id: string): Promise<PrintJob> {
    const job = await this.get(em, id);
    if (FINAL_JOB_STATES.has(job.state)) throw badUserInput(`The job is already ${job.state}`, 'id');
    const printer = await em.findOneOrFail(Printer, { id: job.printer.id });
    if (!printer.uri || job.ippJobId === null) throw unavailable(printer, 'has no address for this job');
    const ipp = this.ipp();
    try {
      await ipp.execute(printer.uri, 'Cancel-Job', { 'operation-attributes-tag': { 'job-id': job.ippJobId, 'requesting-user-name': job.submittedBy } });
    } catch (err) {
      // "not possible": the job ended in between; its real state comes from the printer below.
      if (!(err instanceof IppStatusError && err.status === 'client-error-not-possible')) throw this.asDomainError(err, printer);
    }
    const res = await ipp
      .execute(printer.uri, 'Get-Job-Attributes', { 'operation-attributes-tag': { 'job-id': job.ippJobId, 'requested-attributes': ['job-state', 'job-state-reasons', 'job-state-message'] } })
      .catch(() => null);
    const attrs = groups(res?.['job-attributes-tag'])[0] ?? {};
    const state = jobStateOf(attrs['job-state']) ?? PrintJobState.CANCELED;
    const ended = { state: FINAL_JOB_STATES.has(state) ? state : PrintJobState.CANCELED, stateReasons: reasonsOf(attrs['job-state-reasons']), finishedAt: new Date(), nextPollAt: null };
    // Only while the job is still open: the workers' poller may have seen the cancellation at the
    // printer first, and then it has stored and announced the final state (announced once).
    const changed = await em.nativeUpdate(PrintJob, { id: job.id, state: { $nin: [...FINAL_JOB_STATES] } }, ended);
    await em.refresh(job);
    if (changed) await this.pubsub.publish(PRINT_JOB_UPDATED, tenant, printJobPayload(job));
    return job;
  }

  private asDomainError(err: unknown, printer?: Printer): unknown {
    if (err instanceof DomainError) return err;
    if (err instanceof DocumentTooLargeError) return badUserInput(`The document is larger than the limit of ${err.limit} bytes`, 'file');
    if (err instanceof IppStatusError) {
      if (err.status === 'server-error-not-accepting-jobs') return domainError('PRINTER_UNAVAILABLE', `The printer is not accepting jobs (${err.detail ?? err.status})`);
      if (err.status === 'client-error-document-format-not-supported') return badUserInput(`The printer does not take this format (${err.detail ?? err.status})`, 'file');
      if (err.status === 'client-error-not-found') return domainError('PRINTER_UNAVAILABLE', `The printer does not know it (${err.detail ?? err.status})`);
      return domainError('PRINTER_UNAVAILABLE', `The printer refused: ${err.status}${err.detail ? ` (${err.detail})` : ''}`);
    }
    if (err instanceof IppUnreachableError) return domainError('PRINTER_UNAVAILABLE', `${printer ? `Printer ${printer.displayName}` : 'The printer'} did not answer (${err.reason})`);
    return err;
  }
}
