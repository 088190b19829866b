import { Printer, type IppGroup, type IppRequest, type IppResponse } from '@sealsystems/ipp';
import type { Readable } from 'node:stream';

/** An IPP call that did not get an answer: refused connection, timeout, HTTP error, unparsable reply. */
export class IppUnreachableError extends Error {
  constructor(
    readonly uri: string,
    readonly reason: string,
  ) {
    super(`${uri}: ${reason}`);
    this.name = 'IppUnreachableError';
  }
}

/** An answer with an IPP error status (client-error-not-found, server-error-not-accepting-jobs …). */
export class IppStatusError extends Error {
  constructor(
    readonly uri: string,
    readonly status: string,
    readonly detail: string | null,
  ) {
    super(`${uri}: ${status}${detail ? ` (${detail})` : ''}`);
    this.name = 'IppStatusError';
  }
}

const isOk = (status: string) => status.startsWith('successful-ok');

/** A list attribute as an array (IPP sends one value without a set). */
export function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function groups(value: IppGroup | IppGroup[] | undefined): IppGroup[] {
  if (!value) return [];
  return Array.isArray(value) ? value : [value];
}

export interface CallOptions {
  /** Whole-call deadline in ms (the socket's idle timeout is the same). */
  timeoutMs: number;
}

/**
 * IPP over @sealsystems/ipp (it speaks the CUPS operations): one call per method, each bounded by
 * a deadline, errors turned into IppUnreachableError / IppStatusError.
 */
export class IppClient {
  constructor(private readonly timeoutMs: number) {}

  /** One IPP operation against `uri`; `deadlineMs: null` keeps only the socket idle timeout (streamed uploads). */
  execute(uri: string, operation: string, message: IppRequest | null, deadlineMs: number | null = this.timeoutMs): Promise<IppResponse> {
    return new Promise((resolve, reject) => {
      let settled = false;
      let timer: NodeJS.Timeout | null = null;
      const done = (fn: () => void) => {
        if (settled) return;
        settled = true;
        if (timer) clearTimeout(timer);
        fn();
      };
      if (deadlineMs !== null) {
        timer = setTimeout(() => {
          done(() => reject(new IppUnreachableError(uri, `no answer within ${deadlineMs} ms`)));
          // The library keeps no handle on its request: a stream we gave it is ended here.
          (message?.data as Readable | undefined)?.destroy?.();
        }, deadlineMs);
      }
      let printer: Printer;
      try {
        // ipp: goes over HTTP and ipps: over HTTPS (the library maps them); no port means 631.
        printer = new Printer(uri, { timeout: this.timeoutMs });
      } catch (err) {
        done(() => reject(new IppUnreachableError(uri, (err as Error).message)));
        return;
      }
      try {
        printer.execute(operation, message, (err, res) => {
          if (err) {
            const code = (err as NodeJS.ErrnoException).code;
            done(() => reject(new IppUnreachableError(uri, code ? `${code} ${err.message}` : err.message)));
            return;
          }
          if (!res || typeof res.statusCode !== 'string') {
            done(() => reject(new IppUnreachableError(uri, 'the answer is not IPP')));
            return;
          }
          if (!isOk(res.statusCode)) {
            const detail = res['operation-attributes-tag']?.['status-message'];
            done(() => reject(new IppStatusError(uri, res.statusCode, typeof detail === 'string' ? detail : null)));
            return;
          }
          done(() => resolve(res));
        });
      } catch (err) {
        done(() => reject(new IppUnreachableError(uri, (err as Error).message)));
      }
    });
  }
}

/** The printer attributes the gateway reads. */
export const PRINTER_ATTRIBUTES = [
  'printer-name',
  'printer-uri-supported',
  'printer-uuid',
  'printer-info',
  'printer-location',
  'printer-make-and-model',
  'printer-state',
  'printer-state-reasons',
  'printer-state-message',
  'printer-is-accepting-jobs',
  'document-format-supported',
  'media-supported',
  'color-supported',
  'print-color-mode-supported',
  'sides-supported',
  'copies-supported',
];

export const JOB_ATTRIBUTES = ['job-id', 'job-state', 'job-state-reasons', 'job-state-message'];

export { type IppGroup, type IppResponse };
