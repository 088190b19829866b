import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, wsClient } from '../../helpers/client';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';

/** The manifest `npm run codegen` writes (sha256 → text), which the gateways load at start. */
const manifest: Record<string, string> = JSON.parse(readFileSync(path.resolve(__dirname, '../../../operations/generated/persisted-documents.json'), 'utf8'));
const idOf = (operation: string): string => {
  const hash = Object.keys(manifest).find((h) => new RegExp(`\\b(query|mutation|subscription) ${operation}\\b`).test(manifest[h]!));
  if (!hash) throw new Error(`${operation} is not in the manifest`);
  return `sha256:${hash}`;
};

let db: TestDatabase;
let only: TestGateway;
let open: TestGateway;
let token: string;

async function post(gw: TestGateway, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(gw.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions: { code: string } }[] } };
}

beforeAll(async () => {
  db = await createTestDatabase();
  only = await startTestGateway({ database: db, env: { GRAPHQL_TRUSTED_DOCUMENTS_ONLY: 'true', ROLE: 'api' } });
  open = await startTestGateway({ database: db, env: { ROLE: 'api' } });
  token = await only.token('acme', ['admin'], 'boss');
}, 60_000);

afterAll(async () => {
  await only?.stop();
  await open?.stop();
  await db?.drop();
});

describe('trusted documents', () => {
  it('the manifest holds every operation under operations/, by the sha256 of its text', () => {
    expect(Object.keys(manifest).length).toBeGreaterThanOrEqual(30);
    for (const name of ['Viewer', 'TaskListPage', 'ConsoleCalendar', 'CacheReset', 'SubmitPrintJob']) expect(idOf(name)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('runs a documentId, an APQ hash, the exact text or the same operation written differently', async () => {
    const viewer = { viewer: { sub: 'boss', tenant: 'acme', roles: ['ADMIN'] } };
    const byId = await post(only, { documentId: idOf('Viewer') });
    expect(byId.status).toBe(200);
    expect(byId.body.data).toMatchObject(viewer);
    const apq = await post(only, { extensions: { persistedQuery: { version: 1, sha256Hash: idOf('Viewer').slice(7) } } });
    expect(apq.body.data).toMatchObject(viewer);
    expect((await post(only, { query: manifest[idOf('Viewer').slice(7)] })).body.data).toMatchObject(viewer);
    // As the console sends it: the operation as written in operations/viewer.graphql.
    const asWritten = readFileSync(path.resolve(__dirname, '../../../operations/viewer.graphql'), 'utf8');
    expect((await post(only, { query: asWritten, operationName: 'Viewer' })).body.data).toMatchObject(viewer);
    const page = await post(only, { documentId: idOf('TaskListPage'), variables: { first: 5 } });
    expect(page.body).toEqual({ data: { tasks: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } });
    const get = await fetch(`${only.url}?documentId=${encodeURIComponent(idOf('Viewer'))}`, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(200);
    expect(((await get.json()) as { data: unknown }).data).toMatchObject(viewer);
  });

  it('with GRAPHQL_TRUSTED_DOCUMENTS_ONLY refuses any other document over HTTP, before parsing it', async () => {
    const text = await post(only, { query: '{ viewer { sub } }' });
    expect(text.status).toBe(400);
    expect(text.body.errors!.map((e) => e.extensions.code)).toEqual(['PERSISTED_QUERY_ONLY']);
    expect(text.body.errors![0]!.message).toMatch(/Only trusted documents/);
    const garbage = await post(only, { query: '{ not graphql' });
    expect(garbage.body.errors!.map((e) => e.extensions.code)).toEqual(['PERSISTED_QUERY_ONLY']);
    for (const documentId of [`sha256:${'0'.repeat(64)}`, 'md5:abc', 'nonsense']) {
      const unknown = await post(only, { documentId });
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors!.map((e) => e.extensions.code)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    }
    const apq = await post(only, { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
    expect([apq.status, apq.body.errors!.map((e) => e.extensions.code)]).toEqual([400, ['PERSISTED_QUERY_NOT_FOUND']]);
    // Registering a new document through APQ is refused too.
    const register = await post(only, { query: '{ tenant { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } });
    expect(register.body.errors!.map((e) => e.extensions.code)).toEqual(['PERSISTED_QUERY_ONLY']);
    const get = await fetch(`${only.url}?query=${encodeURIComponent('{ viewer { sub } }')}`, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
    expect(get.status).toBe(400);
    const mixed = await post(only, { documentId: idOf('Viewer'), query: '{ tenant { id } }' });
    expect([mixed.status, mixed.body.errors!.map((e) => e.extensions.code)]).toEqual([400, ['BAD_REQUEST']]);
  });

  it('over WebSocket: documentId for queries and subscriptions; other documents refused', async () => {
    const client = wsClient(only.wsUrl, token);
    const viewer = await client.iterate({ query: '', documentId: idOf('Viewer') } as { query: string }).next();
    expect(viewer.value).toMatchObject({ data: { viewer: { sub: 'boss' } } });
    const subscription = client.iterate({ query: '', documentId: idOf('CacheReset') } as { query: string });
    const first = subscription.next();
    let event: IteratorResult<unknown> | null = null;
    void first.then((e) => (event = e));
    // Reset until the subscription, once registered, sees one.
    for (let i = 0; !event && i < 50; i++) {
      expect((await post(only, { documentId: idOf('ResetCaches') })).body.data).toMatchObject({ resetCaches: { tenant: 'acme' } });
      await Promise.race([first, new Promise((resolve) => setTimeout(resolve, 100))]);
    }
    expect((await first).value).toMatchObject({ data: { cacheReset: { tenant: 'acme' } } });
    await subscription.return?.();
    const refused = collect(client, '{ viewer { sub } }');
    await refused.until(() => refused.errors.length > 0);
    expect(JSON.stringify(refused.errors)).toContain('PERSISTED_QUERY_ONLY');
    const unknown = client.iterate({ query: '', documentId: `sha256:${'1'.repeat(64)}` } as { query: string });
    await expect(unknown.next()).rejects.toSatisfy((errors: unknown) => JSON.stringify(errors).includes('PERSISTED_QUERY_NOT_FOUND'));
    await client.dispose();
  });

  it('without GRAPHQL_TRUSTED_DOCUMENTS_ONLY: any text, documentIds, and APQ registration as before', async () => {
    expect((await post(open, { query: '{ viewer { sub } }' })).body.data).toEqual({ viewer: { sub: 'boss' } });
    expect((await post(open, { documentId: idOf('Viewer') })).body.data).toMatchObject({ viewer: { sub: 'boss' } });
    expect((await post(open, { query: '{ tenant { id } }', documentId: null })).body.data).toEqual({ tenant: { id: 'acme' } });
    const unknown = await post(open, { documentId: `sha256:${'0'.repeat(64)}` });
    expect([unknown.status, unknown.body.errors!.map((e) => e.extensions.code)]).toEqual([400, ['PERSISTED_QUERY_NOT_FOUND']]);
    const query = '{ tenant { id } }';
    const { createHash } = await import('node:crypto');
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const miss = await post(open, { extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(miss.body.errors!.map((e) => e.extensions.code)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect((await post(open, { query, extensions: { persistedQuery: { version: 1, sha256Hash } } })).body.data).toEqual({ tenant: { id: 'acme' } });
    expect((await post(open, { extensions: { persistedQuery: { version: 1, sha256Hash } } })).body.data).toEqual({ tenant: { id: 'acme' } });
  });
});
