import { inParallel } from '../../sync/job-helpers';
import { groups, IppClient, IppStatusError, PRINTER_ATTRIBUTES } from './ipp-client';
import { printerViewOf, type IppPrinterView } from './printer-state';

/** The URI of a server's root (`ipp://host:port/`), where CUPS answers CUPS-Get-Printers. */
export function serverRootUri(uri: string): string {
  const u = new URL(uri);
  return `${u.protocol}//${u.host}/`;
}

/** A CUPS queue's URI on the server as the admin gave it (reachable from here, unlike printer-uri-supported's host name). */
export function queueUri(serverUri: string, name: string): string {
  return `${serverRootUri(serverUri)}printers/${encodeURIComponent(name)}`;
}

/**
 * Reads a CUPS server's queues: CUPS-Get-Printers for the list, then Get-Printer-Attributes for each
 * queue (at most `concurrency` at once). A queue deleted between the two calls is left out; any
 * other failure (the server stops answering) fails the whole read.
 */
export async function readCupsServer(ipp: IppClient, serverUri: string, concurrency: number, signal: AbortSignal): Promise<{ printers: (IppPrinterView & { queueUri: string })[]; calls: number }> {
  let calls = 1;
  const listed = await ipp.execute(serverRootUri(serverUri), 'CUPS-Get-Printers', {
    'operation-attributes-tag': { 'requested-attributes': ['printer-name', 'printer-uri-supported'] },
  });
  const names = groups(listed['printer-attributes-tag'])
    .map((g) => g['printer-name'])
    .filter((n): n is string => typeof n === 'string' && n.length > 0);
  const printers: (IppPrinterView & { queueUri: string })[] = [];
  await inParallel(
    names,
    concurrency,
    async (name) => {
      const uri = queueUri(serverUri, name);
      calls++;
      try {
        const res = await ipp.execute(uri, 'Get-Printer-Attributes', { 'operation-attributes-tag': { 'requested-attributes': PRINTER_ATTRIBUTES } });
        const attrs = groups(res['printer-attributes-tag'])[0];
        if (attrs) printers.push({ ...printerViewOf(attrs), name, queueUri: uri });
      } catch (err) {
        if (err instanceof IppStatusError && err.status === 'client-error-not-found') return;
        throw err;
      }
    },
    signal,
  );
  printers.sort((a, b) => a.name.localeCompare(b.name));
  return { printers, calls };
}
