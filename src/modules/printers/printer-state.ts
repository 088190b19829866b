import { registerEnumType } from 'type-graphql';
import { list, type IppGroup } from './ipp-client';

export enum PrinterState {
  IDLE = 'IDLE',
  PROCESSING = 'PROCESSING',
  STOPPED = 'STOPPED',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(PrinterState, { name: 'PrinterState', description: 'IPP printer-state, or UNKNOWN when the printer could not be asked' });

export enum PrintJobState {
  PENDING = 'PENDING',
  HELD = 'HELD',
  PROCESSING = 'PROCESSING',
  COMPLETED = 'COMPLETED',
  ABORTED = 'ABORTED',
  CANCELED = 'CANCELED',
}
registerEnumType(PrintJobState, { name: 'PrintJobState', description: 'IPP job-state (processing-stopped counts as PROCESSING, with its reasons)' });

export const FINAL_JOB_STATES: ReadonlySet<PrintJobState> = new Set([PrintJobState.COMPLETED, PrintJobState.ABORTED, PrintJobState.CANCELED]);

/** What a printer can do, as IPP says it. */
export interface PrinterCapabilities {
  documentFormats: string[];
  media: string[];
  color: boolean | null;
  duplex: boolean | null;
  copiesMin: number;
  copiesMax: number;
}

/** A printer as read over IPP. */
export interface IppPrinterView {
  name: string;
  uri: string | null;
  uuid: string | null;
  info: string | null;
  location: string | null;
  makeAndModel: string | null;
  state: PrinterState;
  stateReasons: string[];
  acceptingJobs: boolean;
  capabilities: PrinterCapabilities;
}

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const strings = (v: unknown): string[] => list(v).filter((s): s is string => typeof s === 'string');

export function printerStateOf(value: unknown): PrinterState {
  // The library names the enum (idle, processing, stopped); raw numbers are RFC 8011's 3, 4, 5.
  switch (value) {
    case 'idle':
    case 3:
      return PrinterState.IDLE;
    case 'processing':
    case 4:
      return PrinterState.PROCESSING;
    case 'stopped':
    case 5:
      return PrinterState.STOPPED;
    default:
      return PrinterState.UNKNOWN;
  }
}

export function jobStateOf(value: unknown): PrintJobState | null {
  switch (value) {
    case 'pending':
    case 3:
      return PrintJobState.PENDING;
    case 'pending-held':
    case 4:
      return PrintJobState.HELD;
    case 'processing':
    case 'processing-stopped':
    case 5:
    case 6:
      return PrintJobState.PROCESSING;
    case 'canceled':
    case 7:
      return PrintJobState.CANCELED;
    case 'aborted':
    case 8:
      return PrintJobState.ABORTED;
    case 'completed':
    case 9:
      return PrintJobState.COMPLETED;
    default:
      return null;
  }
}

/** "none" means no reason. */
export function reasonsOf(value: unknown): string[] {
  return strings(value).filter((r) => r !== 'none');
}

/** copies-supported is a rangeOfInteger ([lower, upper]); absent means 1..1. */
export function copiesRangeOf(value: unknown): { min: number; max: number } {
  const v = list(value).filter((n): n is number => typeof n === 'number');
  if (v.length >= 2) return { min: Math.max(1, v[0]!), max: Math.max(v[0]!, v[1]!) };
  if (v.length === 1) return { min: 1, max: Math.max(1, v[0]!) };
  return { min: 1, max: 1 };
}

export function printerViewOf(attrs: IppGroup): IppPrinterView {
  const colorModes = strings(attrs['print-color-mode-supported']);
  const sides = strings(attrs['sides-supported']);
  const copies = copiesRangeOf(attrs['copies-supported']);
  const uris = strings(attrs['printer-uri-supported']);
  return {
    name: text(attrs['printer-name']) ?? '',
    uri: uris[0] ?? null,
    uuid: text(attrs['printer-uuid']),
    info: text(attrs['printer-info']),
    location: text(attrs['printer-location']),
    makeAndModel: text(attrs['printer-make-and-model']),
    state: printerStateOf(attrs['printer-state']),
    stateReasons: reasonsOf(attrs['printer-state-reasons']),
    acceptingJobs: attrs['printer-is-accepting-jobs'] === true,
    capabilities: {
      documentFormats: [...new Set(strings(attrs['document-format-supported']))].sort(),
      media: [...new Set(strings(attrs['media-supported']))].sort(),
      color: typeof attrs['color-supported'] === 'boolean' ? attrs['color-supported'] : colorModes.length ? colorModes.some((m) => m.includes('color')) : null,
      duplex: sides.length ? sides.some((s) => s.startsWith('two-sided')) : null,
      copiesMin: copies.min,
      copiesMax: copies.max,
    },
  };
}
