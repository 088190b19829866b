import type { PrintJob } from './print-job.entity';
import type { PrintJobState } from './printer-state';

/** A print job's state after a change (instants as ISO strings: the payload crosses processes as JSON). */
export interface PrintJobUpdatedPayload {
  id: string;
  printerId: string;
  documentName: string;
  format: string;
  sizeBytes: number;
  copies: number;
  submittedBy: string;
  ippJobId: number | null;
  state: PrintJobState;
  stateReasons: string[];
  stateMessage: string | null;
  submittedAt: string;
  finishedAt: string | null;
  updatedAt: string;
}

export const PRINT_JOB_UPDATED = 'print-job-updated';

declare module '../../kernel/topics' {
  interface TopicPayloads {
    'print-job-updated': PrintJobUpdatedPayload;
  }
}

export function printJobPayload(job: PrintJob): PrintJobUpdatedPayload {
  return {
    id: job.id,
    printerId: job.printer.id,
    documentName: job.documentName,
    format: job.format,
    sizeBytes: job.sizeBytes,
    copies: job.copies,
    submittedBy: job.submittedBy,
    ippJobId: job.ippJobId,
    state: job.state,
    stateReasons: job.stateReasons,
    stateMessage: job.stateMessage,
    submittedAt: job.submittedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    updatedAt: job.updatedAt.toISOString(),
  };
}
