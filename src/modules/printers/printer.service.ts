import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, notFound } from '../../kernel/errors';
import { uuid } from '../../kernel/validate';
import { pageSize, toConnection, type Connection } from '../../schema/connection';
import { decodeStrictCursor, encodeCursor } from './cursor';
import { groups, IppClient, PRINTER_ATTRIBUTES } from './ipp-client';
import type { PrinterFilter } from './printers.inputs';
import { Printer } from './printer.entity';
import { printerViewOf, type IppPrinterView } from './printer-state';

/** Printers: the list, one printer, and its live state over IPP. */
export class PrinterService {
  async get(em: EntityManager, id: string): Promise<Printer> {
    const printer = await em.findOne(Printer, { id: uuid(id, 'id') });
    if (!printer) throw notFound('Printer', id);
    return printer;
  }

  /** Printers ordered by name, then id (Relay connection). */
  async list(em: EntityManager, tenant: string, filter: PrinterFilter | null, first: number | null, after: string | null): Promise<Connection<Printer>> {
    const n = pageSize(first);
    const clauses = ['p.tenant = ?'];
    const params: unknown[] = [tenant];
    if (!filter?.includeRemoved) clauses.push('p.removed_at IS NULL');
    if (filter?.source) {
      clauses.push('p.source = ?');
      params.push(filter.source);
    }
    if (filter?.state) {
      clauses.push('p.state = ?');
      params.push(filter.state);
    }
    const search = filter?.search?.trim();
    if (search) {
      if (search.length > 200) throw badUserInput('search must be at most 200 characters', 'search');
      const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      clauses.push('(p.display_name ILIKE ? OR p.description ILIKE ? OR p.location ILIKE ? OR p.make_and_model ILIKE ?)');
      params.push(like, like, like, like);
    }
    if (after) {
      const [name, id] = decodeStrictCursor(after, ['text', 'uuid'] as const);
      clauses.push('(p.display_name, p.id) > (?, ?::uuid)');
      params.push(name, id);
    }
    const rows: Record<string, unknown>[] = await em
      .getConnection()
      .execute(`/* listPrinters */ SELECT p.id FROM printer p WHERE ${clauses.join(' AND ')} ORDER BY p.display_name, p.id LIMIT ${n + 1}`, params);
    const ids = rows.map((r) => r.id as string);
    const found = new Map((await em.find(Printer, { id: { $in: ids } })).map((p) => [p.id, p]));
    const printers = ids.map((id) => found.get(id)).filter((p): p is Printer => p !== undefined);
    return toConnection(printers, n, (p) => encodeCursor([p.displayName, p.id]));
  }

  /**
   * Reads the printer's state over IPP within `timeoutMs` and stores it. On no answer (or a printer
   * without an address) the stored state comes back with `stale: true`.
   */
  async refresh(em: EntityManager, printer: Printer, ipp: IppClient, timeoutMs: number): Promise<Printer> {
    const view = printer.uri ? await readPrinter(ipp, printer.uri, timeoutMs).catch(() => null) : null;
    if (!view) {
      printer.liveReadFailed = true;
      return printer;
    }
    applyView(printer, view);
    await em.flush();
    return printer;
  }
}

export async function readPrinter(ipp: IppClient, uri: string, timeoutMs: number): Promise<IppPrinterView> {
  const res = await ipp.execute(uri, 'Get-Printer-Attributes', { 'operation-attributes-tag': { 'requested-attributes': PRINTER_ATTRIBUTES } }, timeoutMs);
  const attrs = groups(res['printer-attributes-tag'])[0];
  if (!attrs) throw new Error(`${uri}: Get-Printer-Attributes answered without printer attributes`);
  return printerViewOf(attrs);
}

/** Copies what the printer said into the row (name and description stay as the source gave them). */
export function applyView(printer: Printer, view: IppPrinterView): void {
  printer.state = view.state;
  printer.stateReasons = view.stateReasons;
  printer.acceptingJobs = view.acceptingJobs;
  printer.capabilitiesData = view.capabilities;
  printer.stateCheckedAt = new Date();
  if (view.makeAndModel && !printer.makeAndModel) printer.makeAndModel = view.makeAndModel;
}
