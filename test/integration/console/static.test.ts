import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';

let gw: TestGateway;
let dir: string;
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-Abc123.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;

beforeAll(async () => {
  // A console build of its own, so that this test does not depend on web/dist.
  dir = mkdtempSync(path.join(tmpdir(), 'console-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), INDEX);
  writeFileSync(path.join(dir, 'assets', 'index-Abc123.js'), SCRIPT);
  writeFileSync(path.join(dir, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
  gw = await startTestGateway({ env: { CONSOLE_DIR: dir } });
});
afterAll(async () => {
  await gw?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const get = (p: string, init?: RequestInit) => fetch(`${gw.origin}${p}`, init);

describe('the console served at /', () => {
  it('index.html is revalidated on each visit and locked down by its headers', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(await res.text()).toBe(INDEX);
    const etag = res.headers.get('etag')!;
    expect((await get('/', { headers: { 'if-none-match': etag } })).status).toBe(304);
  });

  it('hashed assets are cached for good and sent gzipped to clients that accept it', async () => {
    const res = await get('/assets/index-Abc123.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    // fetch decodes gzip itself: the body is the file, the length header the compressed size.
    expect(await res.text()).toBe(SCRIPT);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(Number(res.headers.get('content-length'))).toBeLessThan(SCRIPT.length / 10);
    const head = await get('/robots.txt', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('a page path of the console (reload on /calendar) gets index.html; a missing file is a 404', async () => {
    for (const p of ['/calendar', '/sync', '/setup?x=1', '/constructor']) {
      const res = await get(p);
      expect(res.status, p).toBe(200);
      expect(await res.text()).toBe(INDEX);
    }
    for (const p of ['/assets/missing-1.js', '/favicon.ico', '/graphql/extra', '/oauth/other', '/healthz/x', '/metrics/x']) {
      const res = await get(p);
      expect(res.status, p).toBe(404);
      expect(res.headers.get('content-type'), p).toBe('application/json');
    }
    expect((await get('/', { method: 'POST', body: '{}' })).status).toBe(405);
  });

  it('the API routes are unchanged', async () => {
    expect((await get('/healthz')).status).toBe(200);
    const gql = await get('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ viewer { sub } }' }) });
    expect(gql.status).toBe(401);
    expect(((await gql.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await get('/oauth/google/callback')).status).toBe(400);
  });
});

describe('without a build', () => {
  it('/ explains how to build the console, and the API still answers', async () => {
    const other = await startTestGateway({ env: { CONSOLE_DIR: path.join(dir, 'nothing-here') }, database: { url: gw.databaseUrl } });
    try {
      const res = await fetch(`${other.origin}/calendar`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build:web');
      expect((await fetch(`${other.origin}/healthz`)).status).toBe(200);
    } finally {
      await other.stop();
    }
  });
});
