import { Readable, Transform, type TransformCallback } from 'node:stream';
import { SNIFF_BYTES } from './document-format';

/** The document grew past the limit while it was streamed. */
export class DocumentTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The document is larger than ${limit} bytes`);
    this.name = 'DocumentTooLargeError';
  }
}

/** The first bytes of an upload (for sniffing), and whether they are all of it. */
export interface UploadHead {
  head: Buffer;
  complete: boolean;
}

/**
 * Reads up to SNIFF_BYTES from the start of a stream without consuming the rest: the chunks read
 * are kept and handed back, in order, by `rest()`, followed by what the stream still holds.
 */
export async function readHead(stream: Readable, limit: number): Promise<UploadHead & { chunks: Buffer[] }> {
  const chunks: Buffer[] = [];
  let size = 0;
  let complete = false;
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > limit) return finish(new DocumentTooLargeError(limit));
      if (size >= SNIFF_BYTES) finish();
    };
    const onEnd = () => {
      complete = true;
      finish();
    };
    const finish = (err?: Error) => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', finish);
      stream.pause();
      if (err) reject(err);
      else resolve();
    };
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', finish);
  });
  return { head: Buffer.concat(chunks).subarray(0, SNIFF_BYTES), complete, chunks };
}

/** Counts bytes through; past `limit` it fails with DocumentTooLargeError (the printer's request is then cut). */
export class ByteLimit extends Transform {
  bytes = 0;
  constructor(private readonly limit: number) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) cb(new DocumentTooLargeError(this.limit));
    else cb(null, chunk);
  }
}

/**
 * The whole document again, as one stream: the chunks `readHead` took, then the rest of `source`,
 * through a byte counter. An error of the source (the client went away) ends it with that error.
 */
export function replay(chunks: Buffer[], source: Readable, complete: boolean, limit: number): ByteLimit {
  const counter = new ByteLimit(limit);
  const all = Readable.from(
    (async function* () {
      for (const c of chunks) yield c;
      if (!complete) for await (const c of source) yield c as Buffer;
    })(),
    { objectMode: false },
  );
  all.once('error', (err) => counter.destroy(err));
  counter.once('error', () => all.destroy());
  all.pipe(counter);
  return counter;
}
