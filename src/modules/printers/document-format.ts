/** How many leading bytes the sniffer looks at. */
export const SNIFF_BYTES = 4096;

const startsWith = (b: Buffer, sig: number[] | string, at = 0) => {
  const bytes = typeof sig === 'string' ? Buffer.from(sig, 'latin1') : Buffer.from(sig);
  return b.length >= at + bytes.length && b.subarray(at, at + bytes.length).equals(bytes);
};

/**
 * The MIME type of a document, from its first bytes (never from the client's word): PDF,
 * PostScript, PCL, PWG raster, Apple raster (URF), PNG, JPEG, GIF, TIFF, or plain text (UTF-8
 * without control characters other than tab, line and page breaks). Null for anything else.
 * `complete` says the buffer holds the whole document (a short text is judged on all of it).
 */
export function sniffDocumentFormat(head: Buffer, complete: boolean): string | null {
  if (head.length === 0) return null;
  // A UTF-8 byte order mark may precede text or PostScript.
  const body = startsWith(head, [0xef, 0xbb, 0xbf]) ? head.subarray(3) : head;
  if (startsWith(head, '%PDF-')) return 'application/pdf';
  if (startsWith(body, '%!')) return 'application/postscript';
  if (startsWith(head, [0x04, 0x25, 0x21])) return 'application/postscript'; // ^D%! from some drivers
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a')) return 'image/gif';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (startsWith(head, 'RaS2')) return 'image/pwg-raster';
  if (startsWith(head, 'UNIRAST')) return 'image/urf';
  if (startsWith(head, [0x1b, 0x45]) || startsWith(head, [0x1b, 0x25, 0x2d, 0x31, 0x32, 0x33, 0x34, 0x35, 0x58])) return 'application/vnd.hp-pcl';
  if (looksLikeText(body, complete)) return 'text/plain';
  return null;
}

/** UTF-8 (a sequence cut at the end of a partial buffer is fine) without NUL or stray control bytes. */
function looksLikeText(b: Buffer, complete: boolean): boolean {
  if (b.length === 0) return false;
  let end = b.length;
  if (!complete) {
    // Drop a multi-byte sequence the cut may have split.
    let i = end - 1;
    let back = 0;
    while (i >= 0 && back < 3 && (b[i]! & 0xc0) === 0x80) {
      i--;
      back++;
    }
    if (i >= 0 && b[i]! >= 0xc0) end = i;
  }
  const slice = b.subarray(0, end);
  for (const byte of slice) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
    if (byte === 0x7f) return false;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(slice);
    return true;
  } catch {
    return false;
  }
}

/** Whether a printer that lists `supported` takes `format` (an exact entry; wildcards such as image/* count too). */
export function formatSupported(format: string, supported: readonly string[]): boolean {
  const [type] = format.split('/');
  return supported.some((s) => s === format || s === `${type}/*`);
}
