import { processRequest, Upload } from 'graphql-upload-minimal';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError } from './read-body';

/** Files one GraphQL multipart request may carry. */
const MAX_FILES = 4;

const MULTIPART = /^multipart\/form-data\s*;/i;

export function isMultipart(req: IncomingMessage): boolean {
  return MULTIPART.test(req.headers['content-type'] ?? '');
}

/**
 * Apollo's CSRF prevention lets a multipart request through only with a header a browser cannot
 * send cross-site without a preflight; without one the body is not parsed at all (Apollo answers).
 */
export function hasPreflightHeader(req: IncomingMessage): boolean {
  return req.headers['apollo-require-preflight'] !== undefined || req.headers['x-apollo-operation-name'] !== undefined;
}

/**
 * Parses a GraphQL multipart request (github.com/jaydenseric/graphql-multipart-request-spec): the
 * `operations` and `map` fields (each at most `maxFieldBytes`) are read now; each file stays a
 * stream behind an Upload promise, read by the resolver that takes it (nothing is buffered or
 * written to disk here). Limits on a file's size are the resolver's.
 */
export async function readMultipart(req: IncomingMessage, res: ServerResponse, maxFieldBytes: number): Promise<unknown> {
  try {
    return await processRequest(req, res, { maxFieldSize: maxFieldBytes, maxFiles: MAX_FILES });
  } catch (err) {
    const status = (err as { status?: unknown }).status;
    if (typeof status === 'number') {
      throw new HttpError(status === 413 ? 413 : 400, (err as Error).message, status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST');
    }
    throw err;
  }
}

/**
 * Reads and drops what the resolvers left of the uploaded files (a refused upload, a file no field
 * took), so that the request ends and the connection can carry the next one.
 */
export function drainUploads(operations: unknown): void {
  const seen = new Set<unknown>();
  const walk = (v: unknown) => {
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (v instanceof Upload) {
      v.promise.then(
        (file) => {
          try {
            file.createReadStream().resume();
          } catch {
            // already taken by a resolver, which reads it to its end or drops it
          }
        },
        () => undefined,
      );
      return;
    }
    for (const child of Object.values(v)) walk(child);
  };
  walk(operations);
}
