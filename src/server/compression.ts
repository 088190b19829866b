import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

const gzip = promisify(gzipCallback);

export interface CompressionOptions {
  /** Bodies shorter than this many bytes go out as they are. */
  gzipMinBytes: number;
  /** zlib level 1–9; 0: never compress. */
  gzipLevel: number;
}

/**
 * Whether an `Accept-Encoding` header allows gzip (RFC 9110 §12.5.3): `gzip` (or `x-gzip`) or `*`
 * with a non-zero weight; an explicit `gzip;q=0` wins over `*`.
 */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (!header) return false;
  let star = false;
  for (const part of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name = '', ...params] = part.split(';');
    const coding = name.trim().toLowerCase();
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') continue;
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)).find(Boolean);
    const weight = q ? Number(q[1]) : 1;
    if (coding === '*') star = weight > 0;
    else return weight > 0;
  }
  return star;
}

/** Adds `Accept-Encoding` to the response's Vary header (keeping what is there). */
function varyOnAcceptEncoding(res: ServerResponse): void {
  const current = res.getHeader('vary');
  const values = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (values.some((v) => v === '*' || v.toLowerCase() === 'accept-encoding')) return;
  res.setHeader('vary', [...values, 'Accept-Encoding'].join(', '));
}

/**
 * Ends a response with a complete body, gzipped when it is large enough and the client accepts
 * it. Compression runs on libuv's thread pool, so the event loop keeps serving meanwhile. Small
 * answers are not worth it (the measurement is in bench/suites/compression.ts).
 */
export async function endCompressible(req: IncomingMessage, res: ServerResponse, body: string, options: CompressionOptions): Promise<void> {
  if (options.gzipLevel === 0) {
    res.end(body);
    return;
  }
  varyOnAcceptEncoding(res);
  // Length in UTF-16 units: at most the UTF-8 byte length, and enough to skip the small answers cheaply.
  if (body.length < options.gzipMinBytes && Buffer.byteLength(body) < options.gzipMinBytes) {
    res.end(body);
    return;
  }
  if (!acceptsGzip(req.headers['accept-encoding']) || res.hasHeader('content-encoding')) {
    res.end(body);
    return;
  }
  const compressed = await gzip(body, { level: options.gzipLevel });
  res.setHeader('content-encoding', 'gzip');
  res.setHeader('content-length', compressed.length);
  res.end(compressed);
}
