/** The part of @sealsystems/ipp (plain JavaScript) the printers module uses. */
declare module '@sealsystems/ipp' {
  import type { Agent } from 'node:http';
  import type { Readable } from 'node:stream';

  export type IppValue = string | number | boolean | Date | IppValue[] | { [key: string]: IppValue };
  export type IppGroup = Record<string, IppValue>;

  export interface IppRequest {
    'operation-attributes-tag'?: IppGroup;
    'job-attributes-tag'?: IppGroup;
    /** The document: a Buffer, or a readable stream piped into the HTTP request. */
    data?: Buffer | Readable;
  }

  export interface IppResponse {
    version: string;
    statusCode: string;
    id: number;
    'operation-attributes-tag'?: IppGroup;
    /** One group, or several (CUPS-Get-Printers answers one per printer). */
    'printer-attributes-tag'?: IppGroup | IppGroup[];
    'job-attributes-tag'?: IppGroup | IppGroup[];
    'unsupported-attributes-tag'?: IppGroup;
  }

  export interface PrinterOptions {
    version?: string;
    uri?: string;
    charset?: string;
    language?: string;
    /** Socket idle timeout in ms (default 60 s). */
    timeout?: number;
    agent?: Agent;
  }

  export class Printer {
    constructor(url: string, options?: PrinterOptions);
    execute(operation: string, message: IppRequest | null, cb: (err: Error | null, res: IppResponse) => void): void;
  }
}
