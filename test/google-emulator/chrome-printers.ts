import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { GoogleApiError } from './errors';
import { sendJson, type EmulatorRequest } from './http-io';
import type { OAuthEndpoints } from './oauth';
import type { EmulatorServer } from './server';

export const CHROME_PRINTERS_SCOPE = 'https://www.googleapis.com/auth/admin.chrome.printers';
export const CHROME_PRINTERS_READONLY_SCOPE = `${CHROME_PRINTERS_SCOPE}.readonly`;
/** The customer id `my_customer` stands for. */
export const EMULATOR_CUSTOMER_ID = 'C01emu4t0r';

/** Admin SDK Directory API v1 paths of the Chrome printer management lists. */
export const CHROME_PRINTERS_PATHS = {
  printers: /^\/admin\/directory\/v1\/customers\/([^/]+)\/chrome\/printers$/,
  printServers: /^\/admin\/directory\/v1\/customers\/([^/]+)\/chrome\/printServers$/,
} as const;

/** A printer as the Admin console defines it (configuration only: no state). */
export interface ChromePrinter {
  id: string;
  displayName: string;
  description?: string;
  makeAndModel?: string;
  uri: string;
  orgUnitId?: string;
  useDriverlessConfig?: boolean;
}

export interface ChromePrintServer {
  id: string;
  displayName: string;
  description?: string;
  uri: string;
  orgUnitId?: string;
}

/** What tests see as `emulator.chromePrinters`. */
export interface ChromePrintersEmulator {
  /** Replaces the customer's printers (in this order, which the lists keep). */
  setPrinters(printers: ChromePrinter[]): void;
  addPrinter(printer: ChromePrinter): void;
  removePrinter(id: string): void;
  printers(): ChromePrinter[];
  setPrintServers(servers: ChromePrintServer[]): void;
  /** List calls answered (any status), by list. */
  readonly calls: { printers: number; printServers: number };
  reset(): void;
}

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 100;

/** Page tokens name the offset and the list they belong to (a token of another list is refused). */
function pageToken(list: string, offset: number): string {
  const sig = createHash('sha256').update(`${list}:${offset}`).digest('base64url').slice(0, 8);
  return Buffer.from(`${list}:${offset}:${sig}`).toString('base64url');
}

function offsetOf(list: string, token: string | undefined): number {
  if (!token) return 0;
  const [name, offset, sig] = Buffer.from(token, 'base64url').toString('utf8').split(':');
  const n = Number(offset);
  if (name !== list || !Number.isInteger(n) || n < 0 || pageToken(list, n) !== token || !sig) {
    throw GoogleApiError.of(400, 'INVALID_ARGUMENT', 'badRequest', 'Invalid page token.');
  }
  return n;
}

/** The state and routes of `customers.chrome.printers.list` and `customers.chrome.printServers.list`. */
export class ChromePrintersEndpoints implements ChromePrintersEmulator {
  private list: ChromePrinter[] = [];
  private servers: ChromePrintServer[] = [];
  readonly calls = { printers: 0, printServers: 0 };

  constructor(private readonly oauth: OAuthEndpoints) {}

  register(server: EmulatorServer): void {
    server.route('GET', CHROME_PRINTERS_PATHS.printers, (req, res, m) => this.answer('printers', req, res, m));
    server.route('GET', CHROME_PRINTERS_PATHS.printServers, (req, res, m) => this.answer('printServers', req, res, m));
  }

  setPrinters(printers: ChromePrinter[]): void {
    this.list = printers.map((p) => ({ ...p }));
  }

  addPrinter(printer: ChromePrinter): void {
    this.list.push({ ...printer });
  }

  removePrinter(id: string): void {
    this.list = this.list.filter((p) => p.id !== id);
  }

  printers(): ChromePrinter[] {
    return this.list.map((p) => ({ ...p }));
  }

  setPrintServers(servers: ChromePrintServer[]): void {
    this.servers = servers.map((s) => ({ ...s }));
  }

  reset(): void {
    this.list = [];
    this.servers = [];
    this.calls.printers = 0;
    this.calls.printServers = 0;
  }

  private answer(which: 'printers' | 'printServers', req: EmulatorRequest, res: ServerResponse, match: RegExpMatchArray): void {
    this.calls[which]++;
    const caller = this.oauth.authenticate(req, [CHROME_PRINTERS_SCOPE, CHROME_PRINTERS_READONLY_SCOPE]);
    if (caller instanceof GoogleApiError) throw caller;
    const customer = decodeURIComponent(match[1]!);
    if (customer !== 'my_customer' && customer !== EMULATOR_CUSTOMER_ID) {
      throw GoogleApiError.of(403, 'PERMISSION_DENIED', 'forbidden', 'Not Authorized to access this resource/api');
    }
    const rawSize = req.query.pageSize;
    const size = rawSize === undefined ? DEFAULT_PAGE_SIZE : Number(rawSize);
    if (!Number.isInteger(size) || size < 0) throw GoogleApiError.of(400, 'INVALID_ARGUMENT', 'badRequest', 'Invalid value for page_size.');
    const pageSize = Math.min(size || DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const offset = offsetOf(which, req.query.pageToken);
    const items = which === 'printers' ? this.list : this.servers;
    const page = items.slice(offset, offset + pageSize);
    const next = offset + pageSize < items.length ? pageToken(which, offset + pageSize) : undefined;
    const kind = which === 'printers' ? 'printers' : 'printServers';
    const body: Record<string, unknown> = {
      [kind]: page.map((p) => ({ ...p, name: `customers/${EMULATOR_CUSTOMER_ID}/chrome/${kind}/${p.id}`, createTime: '2026-01-05T09:00:00Z' })),
    };
    if (next) body.nextPageToken = next;
    sendJson(res, 200, body);
  }
}
