import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, notFound } from '../../kernel/errors';
import { requiredText, uuid } from '../../kernel/validate';
import type { AddPrintServerInput } from './printers.inputs';
import { PrintServer, PrinterSource } from './print-server.entity';

const SCHEMES = new Set(['ipp:', 'ipps:', 'http:', 'https:']);

/** A print server address: ipp, ipps, http or https, with a host and no credentials; normalized (lowercase scheme and host, no trailing slash). */
export function printServerUri(value: string): string {
  const raw = requiredText(value, 'uri', 2048);
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw badUserInput('uri is not an address such as ipp://print.example.com:631', 'uri');
  }
  if (!SCHEMES.has(u.protocol)) throw badUserInput('uri must use ipp, ipps, http or https', 'uri');
  // WHATWG URL parses "ipp:" URIs as opaque: the host must be read from the authority it found.
  if (!u.hostname || !raw.slice(u.protocol.length).startsWith('//')) throw badUserInput('uri must name a host', 'uri');
  if (u.username || u.password) throw badUserInput('uri must not carry credentials', 'uri');
  if (u.search || u.hash) throw badUserInput('uri must not have a query or fragment', 'uri');
  const path = u.pathname.replace(/\/+$/, '');
  return `${u.protocol}//${u.host.toLowerCase()}${path}`;
}

/** Print servers: an admin adds and removes them; the sync reads their queues. */
export class PrintServerService {
  async list(em: EntityManager): Promise<PrintServer[]> {
    return em.find(PrintServer, { removedAt: null }, { orderBy: { name: 'asc', id: 'asc' } });
  }

  async add(em: EntityManager, input: AddPrintServerInput): Promise<PrintServer> {
    const uri = printServerUri(input.uri);
    const name = requiredText(input.name, 'name', 200);
    if (await em.findOne(PrintServer, { uri, source: PrinterSource.PRINT_SERVER })) throw badUserInput(`A print server with the address ${uri} exists already`, 'uri');
    const server = em.create(PrintServer, { uri, name, source: PrinterSource.PRINT_SERVER }, { partial: true });
    await em.flush();
    return server;
  }

  /** Removes a server an admin added; its printers stay, marked removed (their jobs keep their history). */
  async remove(em: EntityManager, tenant: string, id: string): Promise<boolean> {
    const server = await em.findOne(PrintServer, { id: uuid(id, 'id') });
    if (!server || server.removedAt) throw notFound('PrintServer', id);
    if (server.source !== PrinterSource.PRINT_SERVER) throw badUserInput('Print servers from Google Workspace are managed in the Admin console', 'id');
    await em.transactional(async (tx) => {
      await tx.getConnection().execute(
        /* removePrintServerPrinters */ `UPDATE printer SET removed_at = coalesce(removed_at, now()), state = 'UNKNOWN', state_reasons = '["print-server-removed"]'::jsonb,
           accepting_jobs = false, updated_at = now() WHERE tenant = ? AND print_server_id = ?`,
        [tenant, server.id],
        'run',
        tx.getTransactionContext(),
      );
      tx.remove(await tx.findOneOrFail(PrintServer, { id: server.id }));
    });
    return true;
  }
}
