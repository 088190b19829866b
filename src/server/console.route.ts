import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Logger } from '../kernel/logger';
import type { Route } from './http-server';

/** Paths the gateway answers itself: the console never shadows them, even under a prefix. */
const API_PREFIXES = ['/graphql', '/oauth/', '/healthz', '/readyz', '/metrics'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.map']);

/** Hashed build output (Vite's `assets/name-<hash>.js`) never changes under its name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  // Scripts only from the gateway; the calendar injects its styles at run time.
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

interface StaticFile {
  type: string;
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
  cacheControl: string;
}

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full, base) : [full];
  });
}

/** Loads the built console once, at start: a few hundred KB, served from memory (gzip made once). */
export function loadConsoleFiles(dir: string): Map<string, StaticFile> | null {
  if (!existsSync(path.join(dir, 'index.html'))) return null;
  const files = new Map<string, StaticFile>();
  for (const full of walk(dir)) {
    const rel = '/' + path.relative(dir, full).split(path.sep).join('/');
    const ext = path.extname(full).toLowerCase();
    const body = readFileSync(full);
    const gzip = COMPRESSIBLE.has(ext) && body.length > 1024 ? gzipSync(body, { level: 9 }) : null;
    files.set(rel, {
      type: TYPES[ext] ?? 'application/octet-stream',
      body,
      gzip,
      etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
      cacheControl: rel === '/index.html' ? 'no-cache' : rel.startsWith('/assets/') ? IMMUTABLE : 'public, max-age=3600',
    });
  }
  return files;
}

function send(req: IncomingMessage, res: ServerResponse, file: StaticFile): void {
  const headers: Record<string, string | number> = { 'content-type': file.type, 'cache-control': file.cacheControl, etag: file.etag, vary: 'accept-encoding' };
  if (file.type.startsWith('text/html')) Object.assign(headers, SECURITY_HEADERS);
  else headers['x-content-type-options'] = 'nosniff';
  if (req.headers['if-none-match'] === file.etag) {
    res.writeHead(304, headers).end();
    return;
  }
  const gzip = file.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? file.gzip! : file.body;
  if (gzip) headers['content-encoding'] = 'gzip';
  headers['content-length'] = body.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

function notFound(res: ServerResponse): void {
  res.writeHead(404, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end('{"error":"not found"}');
}

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Console not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; line-height: 1.5">
<h1>The admin console is not built</h1><p>Run <code>npm run build:web</code> (or <code>npm install</code>, which builds it) and restart the gateway. The GraphQL API is at <code>/graphql</code>.</p></body></html>`;

/**
 * The admin console (web/dist) at `/`: hashed assets cached for good, index.html revalidated, and
 * any other page path answered with index.html so that the console's own routes survive a reload.
 * API paths (and anything under them) are never answered with the console.
 */
export function consoleRoute(dir: string, log: Logger): Route {
  const files = loadConsoleFiles(dir);
  if (!files) log.warn({ dir }, 'the admin console is not built (npm run build:web): / answers with a hint');
  return async (req, res) => {
    const raw = req.url ?? '/';
    const q = raw.indexOf('?');
    let pathname = q === -1 ? raw : raw.slice(0, q);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Method not allowed\n');
      return;
    }
    if (API_PREFIXES.some((p) => pathname === p || pathname.startsWith(p.endsWith('/') ? p : `${p}/`))) return notFound(res);
    try {
      pathname = decodeURIComponent(pathname);
    } catch {
      return notFound(res);
    }
    if (!files) {
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(NOT_BUILT);
      return;
    }
    const file = files.get(pathname === '/' ? '/index.html' : pathname);
    if (file) return send(req, res, file);
    // A missing asset or file is a 404; a page path (no extension) is one of the console's routes.
    if (pathname.startsWith('/assets/') || path.posix.extname(pathname) !== '') return notFound(res);
    send(req, res, files.get('/index.html')!);
  };
}
