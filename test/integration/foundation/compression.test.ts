import { getIntrospectionQuery } from 'graphql';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';

let gw: TestGateway;
let token: string;

beforeAll(async () => {
  gw = await startTestGateway({ env: { HTTP_GZIP_MIN_BYTES: '4096', HTTP_GZIP_LEVEL: '1' } });
  token = await gw.token('gzip-t');
});
afterAll(() => gw?.stop());

const BIG = getIntrospectionQuery();
const SMALL = '{ viewer { tenant } }';

/** One POST over node:http, the body as the bytes that came over the wire. */
function post(query: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; raw: Buffer }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ query });
    const req = request(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('compression of large answers', () => {
  it('gzips a large answer when the client accepts it, with Vary and the right length and content', async () => {
    const plain = await post(BIG, { 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.raw.length).toBeGreaterThan(4096);
    const answer = JSON.parse(plain.raw.toString('utf8'));
    expect(answer.data.__schema.queryType.name).toBe('Query');

    const zipped = await post(BIG, { 'accept-encoding': 'br;q=1, gzip;q=0.8' });
    expect(zipped.status).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/accept-encoding/i);
    expect(Number(zipped.headers['content-length'])).toBe(zipped.raw.length);
    expect(zipped.raw.length).toBeLessThan(plain.raw.length / 3);
    expect(gunzipSync(zipped.raw).equals(plain.raw)).toBe(true);
  });

  it('sends identity when gzip is not accepted or the answer is small', async () => {
    for (const encoding of [undefined, 'gzip;q=0', 'br, deflate', 'identity']) {
      const res = await post(BIG, encoding ? { 'accept-encoding': encoding } : {});
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(res.raw.toString('utf8')).data.__schema).toBeDefined();
    }
    const small = await post(SMALL, { 'accept-encoding': 'gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers.vary).toMatch(/accept-encoding/i);
    expect(JSON.parse(small.raw.toString('utf8'))).toEqual({ data: { viewer: { tenant: 'gzip-t' } } });
  });

  it('serves fetch (which asks for gzip) a decoded, identical answer', async () => {
    const res = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: BIG }) });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const plain = await post(BIG, {});
    expect(await res.text()).toBe(plain.raw.toString('utf8'));
  });
});
