import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { SNIFF_BYTES } from './document-format';
import { DocumentTooLargeError, readHead, replay } from './upload-stream';

/** A stream of `total` bytes in chunks of `chunk` (byte i is i % 251), produced on demand. */
function source(total: number, chunk = 1000): Readable {
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) return void this.push(null);
      const n = Math.min(chunk, total - sent);
      this.push(Buffer.from(Array.from({ length: n }, (_, i) => (sent + i) % 251)));
      sent += n;
    },
  });
}

async function drain(s: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

describe('readHead + replay', () => {
  it('takes the first bytes for sniffing and hands back the whole document in order', async () => {
    const s = source(50_000);
    const { head, complete, chunks } = await readHead(s, 1_000_000);
    expect(head.length).toBe(SNIFF_BYTES);
    expect(complete).toBe(false);
    const body = replay(chunks, s, complete, 1_000_000);
    const all = await drain(body);
    expect(all.length).toBe(50_000);
    expect(all.every((b, i) => b === i % 251)).toBe(true);
    expect(body.bytes).toBe(50_000);
  });

  it('knows a short document is complete', async () => {
    const s = source(300);
    const { head, complete, chunks } = await readHead(s, 1000);
    expect([head.length, complete]).toEqual([300, true]);
    expect((await drain(replay(chunks, s, complete, 1000))).length).toBe(300);
  });

  it('fails with DocumentTooLargeError one byte past the limit, and not at the limit', async () => {
    const over = source(20_001);
    const a = await readHead(over, 20_000);
    await expect(drain(replay(a.chunks, over, a.complete, 20_000))).rejects.toBeInstanceOf(DocumentTooLargeError);
    const exact = source(20_000);
    const b = await readHead(exact, 20_000);
    expect((await drain(replay(b.chunks, exact, b.complete, 20_000))).length).toBe(20_000);
    await expect(readHead(source(3000), 2000)).rejects.toBeInstanceOf(DocumentTooLargeError);
  });
});
