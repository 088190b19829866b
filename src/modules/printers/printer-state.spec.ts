import { describe, expect, it } from 'vitest';
import { copiesRangeOf, jobStateOf, printerViewOf, PrinterState, PrintJobState, reasonsOf } from './printer-state';

describe('IPP attributes → printer view', () => {
  it('reads what CUPS answers for a raw queue', () => {
    const view = printerViewOf({
      'printer-name': 'office',
      'printer-uri-supported': 'ipp://127.0.0.1:631/printers/office',
      'printer-info': 'Office laser',
      'printer-location': '',
      'printer-make-and-model': 'Local Raw Printer',
      'printer-state': 'stopped',
      'printer-state-reasons': 'paused',
      'printer-is-accepting-jobs': true,
      'document-format-supported': ['text/plain', 'application/pdf', 'application/pdf'],
      'copies-supported': [1, 9999],
      'sides-supported': ['one-sided', 'two-sided-long-edge'],
      'print-color-mode-supported': ['monochrome'],
    });
    expect(view).toEqual({
      name: 'office',
      uri: 'ipp://127.0.0.1:631/printers/office',
      uuid: null,
      info: 'Office laser',
      location: null,
      makeAndModel: 'Local Raw Printer',
      state: PrinterState.STOPPED,
      stateReasons: ['paused'],
      acceptingJobs: true,
      capabilities: { documentFormats: ['application/pdf', 'text/plain'], media: [], color: false, duplex: true, copiesMin: 1, copiesMax: 9999 },
    });
  });

  it('maps states by keyword and by RFC 8011 number; anything else is UNKNOWN / null', () => {
    expect([3, 4, 5, 'idle', 'processing', 'stopped', 'weird', undefined].map((v) => printerViewOf({ 'printer-state': v as string }).state)).toEqual([
      'IDLE',
      'PROCESSING',
      'STOPPED',
      'IDLE',
      'PROCESSING',
      'STOPPED',
      'UNKNOWN',
      'UNKNOWN',
    ]);
    expect(['pending', 'pending-held', 'processing', 'processing-stopped', 'canceled', 'aborted', 'completed', 9, 'nope'].map(jobStateOf)).toEqual([
      PrintJobState.PENDING,
      PrintJobState.HELD,
      PrintJobState.PROCESSING,
      PrintJobState.PROCESSING,
      PrintJobState.CANCELED,
      PrintJobState.ABORTED,
      PrintJobState.COMPLETED,
      PrintJobState.COMPLETED,
      null,
    ]);
  });

  it('treats "none" as no reason and an absent copies range as exactly one copy', () => {
    expect(reasonsOf('none')).toEqual([]);
    expect(reasonsOf(['media-empty-warning', 'none'])).toEqual(['media-empty-warning']);
    expect(copiesRangeOf(undefined)).toEqual({ min: 1, max: 1 });
    expect(copiesRangeOf([1, 99])).toEqual({ min: 1, max: 99 });
  });
});
