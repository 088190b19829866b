import type { IncomingMessage } from 'node:http';

/** An HTTP-level rejection: its status and a message safe to send. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** The client closed the connection before its request was read or answered: nobody is left to tell. */
export class ClientAbortedError extends Error {
  constructor() {
    super('the client closed the connection');
    this.name = 'ClientAbortedError';
  }
}

const ABORT_CODES = new Set(['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_WRITE_AFTER_END']);

/** Whether a route's failure only means that its client went away (not a bug of ours). */
export function isClientAbort(err: unknown, req: IncomingMessage): boolean {
  if (err instanceof ClientAbortedError) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && ABORT_CODES.has(code) && (req.destroyed || !req.socket || req.socket.destroyed);
}

/** Reads a request body up to `limit` bytes; a larger one is refused with 413 without reading it all. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    return Promise.reject(new HttpError(413, `Request body is larger than ${limit} bytes`, 'PAYLOAD_TOO_LARGE'));
  }
  // Stream events rather than an async iterator: one body costs no promise per chunk.
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.resume();
        reject(new HttpError(413, `Request body is larger than ${limit} bytes`, 'PAYLOAD_TOO_LARGE'));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    req.once('error', (err) => reject(req.complete ? err : new ClientAbortedError()));
    req.once('close', () => {
      if (!req.complete) reject(new ClientAbortedError());
    });
  });
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

/** Parses a POST body the way Apollo expects: JSON (UTF-8) as an object, anything else as text. */
export function parseBody(contentType: string | undefined, raw: string): unknown {
  if (!contentType) return raw;
  const [type, ...params] = contentType.split(';').map((s) => s.trim());
  if (!JSON_TYPE.test(type ?? '')) return raw;
  const charset = params
    .find((p) => p.toLowerCase().startsWith('charset='))
    ?.slice(8)
    .replace(/"/g, '');
  if (charset && !/^utf-?8$/i.test(charset)) {
    throw new HttpError(415, `Unsupported charset "${charset}"; send UTF-8`, 'UNSUPPORTED_MEDIA_TYPE');
  }
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw new HttpError(400, 'Request body is not valid JSON', 'BAD_REQUEST');
  }
}
