import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, gql, type GqlResponse } from '../../helpers/client';
import { createTestDatabase, dbQuery, type TestDatabase } from '../../helpers/database';
import { QUIET_POLLER, startTestGateway, type TestGateway } from '../../helpers/gateway';
import { sample, scrapeMetrics } from '../../helpers/metrics';
import { NOTE_TABLE_SQL, notesModule } from '../../fixtures/notes';

/**
 * The direct HTTP path (src/server/direct-execution.ts) from outside: which requests it answers,
 * that a result with errors is answered by Apollo without running anything twice, and that it
 * can be switched off. Its answers are compared byte for byte with Apollo's in
 * compiled-execution.test.ts.
 */
let db: TestDatabase;
let gw: TestGateway;
let off: TestGateway;
let token: string;

async function paths(g: TestGateway): Promise<{ direct: number; apollo: number }> {
  const text = await scrapeMetrics(g.origin);
  const count = (path: string) => sample(text, `gateway_graphql_http_requests_total{path="${path}"}`) ?? 0;
  return { direct: count('direct'), apollo: count('apollo') };
}

/** How the request changed the counts of both paths. */
async function pathOf(g: TestGateway, send: () => Promise<unknown>): Promise<'direct' | 'apollo' | 'none'> {
  const before = await paths(g);
  await send();
  const after = await paths(g);
  if (after.direct > before.direct) return 'direct';
  return after.apollo > before.apollo ? 'apollo' : 'none';
}

beforeAll(async () => {
  db = await createTestDatabase();
  const env = { ROLE: 'api', GRAPHQL_JIT: 'true', ...QUIET_POLLER };
  gw = await startTestGateway({ database: db, extraModules: [notesModule], env });
  off = await startTestGateway({ database: db, extraModules: [notesModule], env: { ...env, GRAPHQL_HTTP_DIRECT: 'false' } });
  await dbQuery(db.url, NOTE_TABLE_SQL);
  token = await gw.token('direct', ['admin'], 'boss');
});
afterAll(async () => {
  await Promise.all([gw?.stop(), off?.stop()]);
  await db?.drop();
});

describe('the direct HTTP path', () => {
  it('answers a text Apollo has validated once, and a trusted documentId from the start', async () => {
    const query = '{ viewer { sub tenant } }';
    expect(await pathOf(gw, () => gql(gw.url, query, { token }))).toBe('apollo');
    const second = await gql(gw.url, query, { token });
    expect(second.body).toEqual({ data: { viewer: { sub: 'boss', tenant: 'direct' } } });
    expect(await pathOf(gw, () => gql(gw.url, query, { token }))).toBe('direct');
    const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../operations/generated/persisted-documents.json'), 'utf8')) as Record<string, string>;
    const viewerId = Object.entries(manifest).find(([, text]) => /query Viewer\b/.test(text))![0];
    const send = () =>
      fetch(gw.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ documentId: `sha256:${viewerId}` }),
      });
    expect(await pathOf(gw, send)).toBe('direct');
    expect(((await (await send()).json()) as { data: { viewer: { sub: string } } }).data.viewer.sub).toBe('boss');
  });

  it('answers with the content type Apollo chose for the same Accept header, and leaves unknown ones to Apollo', async () => {
    const query = '{ tenant { id } }';
    const post = (accept: string | null) =>
      fetch(gw.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(accept === null ? {} : { accept }) },
        body: JSON.stringify({ query }),
      });
    await post('application/graphql-response+json, application/json');
    for (const [accept, type] of [
      [null, 'application/json; charset=utf-8'],
      ['application/json', 'application/json; charset=utf-8'],
      ['application/graphql-response+json', 'application/graphql-response+json; charset=utf-8'],
    ] as const) {
      // The first request with this header teaches its content type; the second is answered directly.
      const first = await post(accept);
      let second: Response | undefined;
      expect(await pathOf(gw, async () => (second = await post(accept))), String(accept)).toBe('direct');
      expect([first.headers.get('content-type'), second!.headers.get('content-type')]).toEqual([type, type]);
      expect(await second!.text()).toBe('{"data":{"tenant":{"id":"direct"}}}\n');
    }
    // Apollo refuses what it cannot answer in: never learned, always Apollo's 406.
    for (let i = 0; i < 2; i++) {
      let res: Response | undefined;
      expect(await pathOf(gw, async () => (res = await post('text/html')))).toBe('apollo');
      expect(res!.status).toBe(406);
    }
  });

  it('a mutation whose result has errors is answered by Apollo and runs once', async () => {
    const query = 'mutation($text: String!) { a: createNote(text: $text) { text } b: updateNote(id: "00000000-0000-4000-8000-000000000000", text: "x") { text } }';
    // Shown once without a token: validated, refused, nothing runs.
    expect(errorCodes(await gql(gw.url, query, { variables: { text: 'teach' } }))).toEqual(['UNAUTHENTICATED']);
    let res: GqlResponse | undefined;
    expect(await pathOf(gw, async () => (res = await gql(gw.url, query, { token, variables: { text: 'once' } })))).toBe('apollo');
    // updateNote is non-null: its error nulls the whole answer, after createNote ran.
    expect(res!.body.data).toBeNull();
    expect(errorCodes(res!)).toEqual(['NOT_FOUND']);
    expect((await dbQuery(db.url, `SELECT text FROM test_note WHERE text IN ('once', 'teach')`)).rows).toEqual([{ text: 'once' }]);
    // The same on the gateway without the direct path.
    const plain = await gql(off.url, query, { token, variables: { text: 'once more' } });
    expect({ status: plain.status, body: plain.body }).toEqual({ status: res!.status, body: res!.body });
    expect((await dbQuery(db.url, `SELECT count(*)::int AS n FROM test_note WHERE text = 'once more'`)).rows).toEqual([{ n: 1 }]);
  });

  it('a known document with a bad token, without a token, or with bad variables is refused as before', async () => {
    const query = 'query($id: ID!) { note(id: $id) { text } }';
    await gql(gw.url, query, { token, variables: { id: '00000000-0000-4000-8000-000000000000' } });
    const bad = await gql(gw.url, query, { token: 'not-a-jwt', variables: { id: '00000000-0000-4000-8000-000000000000' } });
    expect([bad.status, errorCodes(bad)]).toEqual([401, ['UNAUTHENTICATED']]);
    const none = await gql(gw.url, query, { variables: { id: '00000000-0000-4000-8000-000000000000' } });
    expect(errorCodes(none)).toEqual(['UNAUTHENTICATED']);
    const variables = await gql(gw.url, query, { token, variables: { id: 42.5 } });
    expect([variables.status, errorCodes(variables)]).toEqual([400, ['BAD_USER_INPUT']]);
    for (const [a, b] of [
      [bad, await gql(off.url, query, { token: 'not-a-jwt', variables: { id: '00000000-0000-4000-8000-000000000000' } })],
      [variables, await gql(off.url, query, { token, variables: { id: 42.5 } })],
    ])
      expect({ status: a.status, body: a.body }).toEqual({ status: b.status, body: b.body });
  });

  it('a documentId with every other field null, as some clients send it, is answered as Apollo answers it', async () => {
    const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../operations/generated/persisted-documents.json'), 'utf8')) as Record<string, string>;
    const viewerId = Object.entries(manifest).find(([, text]) => /query Viewer\b/.test(text))![0];
    const send = (g: TestGateway) =>
      fetch(g.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ documentId: `sha256:${viewerId}`, query: null, operationName: null, variables: null, extensions: null }),
      });
    let res: Response | undefined;
    expect(await pathOf(gw, async () => (res = await send(gw)))).toBe('direct');
    const plain = await send(off);
    expect([res!.status, await res!.text()]).toEqual([plain.status, await plain.text()]);
    expect(res!.status).toBe(200);
  });

  it("a browser's Accept header: the landing page it gets over GET does not make POST answers HTML", async () => {
    const accept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const page = await fetch(gw.url, { headers: { accept } });
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const post = () =>
      fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${token}` }, body: JSON.stringify({ query: '{ tenant { id } }' }) });
    const answers: (string | null)[] = [];
    for (let i = 0; i < 3; i++) answers.push((await post()).headers.get('content-type'));
    expect(answers).toEqual(Array(3).fill('application/json; charset=utf-8'));
    expect(await pathOf(gw, post)).toBe('direct');
  });

  it('GRAPHQL_HTTP_DIRECT=false sends everything through Apollo', async () => {
    const query = '{ viewer { sub } }';
    for (let i = 0; i < 3; i++) await gql(off.url, query, { token });
    expect(await paths(off)).toEqual({ direct: 0, apollo: 0 });
  });
});
