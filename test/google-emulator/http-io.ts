import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { GoogleApiError } from './errors';

/** A request as route handlers see it: the body is already read (≤ 10 MB) and parsed. */
export interface EmulatorRequest {
  method: string;
  /** The path without the query string, e.g. `/calendar/v3/calendars/primary/events`. */
  path: string;
  /** Query parameters (the last one wins when a name repeats; all of them are in `url.searchParams`). */
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** A form body as an object of strings, a JSON body parsed, any other body as a UTF-8 string; `undefined` when empty. */
  body: unknown;
  rawBody: Buffer;
  url: URL;
  raw: IncomingMessage;
  /** What the recorder keeps of this request (the bearer check writes `caller` into it). */
  record?: RecordedRequest;
}

/** Who an API request acted as, once its access token was accepted. */
export interface RequestCaller {
  /** The account the token acts for: the consenting user, the impersonated user (`sub`), or the service account itself. */
  email: string;
  /** The OAuth client id, or the service account's numeric client id. */
  clientId: string;
  /** `oauth`: an authorization-code / refresh-token grant; `serviceAccount`: a JWT bearer grant without `sub`; `delegation`: with `sub`. */
  via: 'oauth' | 'serviceAccount' | 'delegation';
}

/** One request the emulator answered. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** The HTTP status answered; 0 when the connection was cut without an answer (a `reset` or `lostResponse` fault, a client gone). */
  status: number;
  at: Date;
  /** Set once the request's access token was accepted: whom it acted as (on a JWT bearer grant: whom the issued token acts as). */
  caller?: RequestCaller;
}

export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Past this many bytes an oversized body is no longer drained for a clean 413: the socket is cut. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

/** Thrown by {@link readBody} once the 413 has been decided (the body was drained). */
export class BodyTooLarge extends Error {}

/**
 * Reads the whole body, refusing more than `limit` bytes. An oversized body is drained rather
 * than left unread so that the client, still uploading, receives the 413 instead of a reset.
 */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  let tooLarge = Number.isFinite(declared) && declared > limit;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) tooLarge = true;
    if (tooLarge) {
      chunks.length = 0;
      if (size > MAX_DRAIN_BYTES) {
        req.destroy();
        break;
      }
      continue;
    }
    chunks.push(chunk as Buffer);
  }
  if (tooLarge) throw new BodyTooLarge();
  return Buffer.concat(chunks);
}

/** The media type of a `content-type` header, lower-cased, without parameters. */
export function mediaType(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Thrown by {@link parseBody} for a JSON body that does not parse. */
export class BodyParseError extends Error {}

/** Form → `Record<string, string>`, JSON → value, anything else → UTF-8 text, empty → `undefined`. */
export function parseBody(contentType: string | undefined, raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  const type = mediaType(contentType);
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  if (type === 'application/json' || /^application\/[\w.-]+\+json$/.test(type)) {
    try {
      return JSON.parse(text);
    } catch (err) {
      throw new BodyParseError((err as Error).message);
    }
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Responses. Every helper below goes through `finish`, which tells the recorder the final status
// before the bytes leave, so a test that awaited the response always finds its request recorded.

const beforeEnd = new WeakMap<ServerResponse, () => void>();

/** Registers what to run just before the response is ended (used by the request recorder). */
export function onBeforeEnd(res: ServerResponse, fn: () => void): void {
  beforeEnd.set(res, fn);
}

/** Runs and forgets the hook of {@link onBeforeEnd}; also called by the server when a handler ended the response itself. */
export function runBeforeEnd(res: ServerResponse): void {
  const fn = beforeEnd.get(res);
  if (!fn) return;
  beforeEnd.delete(res);
  fn();
}

function finish(res: ServerResponse, status: number, headers: Record<string, string | number>, body: string | Buffer): void {
  res.writeHead(status, { ...headers, 'content-length': Buffer.byteLength(body) });
  runBeforeEnd(res);
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  finish(res, status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers }, JSON.stringify(body));
}

/** A response without a body: 204 after a delete, 304 for a matching `If-None-Match`. */
export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, headers);
  runBeforeEnd(res);
  res.end();
}

export function sendApiError(res: ServerResponse, err: GoogleApiError): void {
  sendJson(res, err.code, err.toJSON(), { vary: 'Origin, X-Origin, Referer', ...err.headers });
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  finish(res, status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, html);
}

export function sendRedirect(res: ServerResponse, location: string): void {
  finish(res, 302, { location, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, `<a href="${escapeHtml(location)}">Moved</a>`);
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
