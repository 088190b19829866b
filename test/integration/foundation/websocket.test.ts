import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CacheResetDocument, type CacheResetSubscription } from '../../../operations/generated/graphql';
import { collect, gql, sleep, wsClient } from '../../helpers/client';
import { dbQuery } from '../../helpers/database';
import { startTestGateway, TEST_JWT_SECRET, type TestGateway } from '../../helpers/gateway';
import { signDevToken } from '../../../src/schema/dev-token';
import { NOTE_TABLE_SQL, notesModule } from '../../fixtures/notes';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway({
    extraModules: [notesModule],
    env: { GRAPHQL_MAX_DEPTH: '6', GRAPHQL_MAX_ALIASES: '5', GRAPHQL_MAX_TOKENS: '300', GRAPHQL_MAX_COST: '200', WS_MAX_SOCKETS_PER_CALLER: '2' },
  });
  await dbQuery(gw.databaseUrl, NOTE_TABLE_SQL);
});
afterAll(() => gw?.stop());

async function closeCodeFor(connectionParams: Record<string, unknown> | undefined): Promise<number> {
  const { createClient } = await import('graphql-ws');
  const WebSocket = (await import('ws')).default;
  return new Promise((resolve) => {
    const client = createClient({
      url: gw.wsUrl,
      webSocketImpl: WebSocket,
      connectionParams,
      retryAttempts: 0,
      on: { closed: (e) => resolve((e as { code: number }).code) },
    });
    client.subscribe({ query: 'subscription { cacheReset { at } }' }, { next: () => {}, error: () => {}, complete: () => {} });
  });
}

describe('GraphQL over WebSocket', () => {
  it('closes with 4403 for a missing, malformed or invalid token', async () => {
    expect(await closeCodeFor(undefined)).toBe(4403);
    expect(await closeCodeFor({ authorization: 'Token abc' })).toBe(4403);
    expect(await closeCodeFor({ authorization: 'Bearer not.a.jwt' })).toBe(4403);
  });

  it('runs queries and streams cacheReset to the same tenant only', async () => {
    const admin = await gw.token('ws-a', ['admin'], 'root');
    const a = wsClient(gw.wsUrl, await gw.token('ws-a'));
    const b = wsClient(gw.wsUrl, await gw.token('ws-b'));
    try {
      const q = collect<{ data: { viewer: { tenant: string } } }>(a, '{ viewer { tenant } }');
      await q.until(() => q.completed);
      expect(q.events[0]!.data.viewer.tenant).toBe('ws-a');

      const subA = collect<{ data: CacheResetSubscription }>(a, print(CacheResetDocument));
      const subB = collect(b, 'subscription { cacheReset { tenant } }');
      await sleep(300); // let both subscriptions register
      const res = await gql(gw.url, 'mutation { resetCaches { at } }', { token: admin });
      expect(res.body.errors).toBeUndefined();
      await subA.until(() => subA.events.length === 1);
      expect(subA.events[0]!.data.cacheReset).toMatchObject({ tenant: 'ws-a', reason: 'manual' });
      await sleep(300);
      expect(subB.events).toEqual([]);
      subA.dispose();
      subB.dispose();
    } finally {
      await a.dispose();
      await b.dispose();
    }
  });

  it('applies the same limits as over HTTP', async () => {
    const client = wsClient(gw.wsUrl, await gw.token('ws-a'));
    const cases: [string, RegExp][] = [
      ['{ notes { self { self { self { self { self { self { id } } } } } } } }', /depth limit of 6/],
      [`{ ${Array.from({ length: 7 }, (_, i) => `a${i}: viewer { tenant }`).join(' ')} }`, /Aliases limit of 5/],
      [`{ viewer { ${'tenant '.repeat(400)} } }`, /more that 300 tokens/],
      [`{ notes { ${'id text '.repeat(60)} self { ${'id text '.repeat(40)} } } }`, /Cost limit of 200/],
    ];
    try {
      for (const [query, message] of cases) {
        const sub = collect(client, query);
        await sub.until(() => sub.errors.length > 0 || sub.completed);
        const errors = sub.errors[0] as { message: string; extensions: { code: string } }[];
        expect(errors[0]!.message).toMatch(message);
        expect(errors[0]!.extensions.code).toMatch(/GRAPHQL_(VALIDATION|PARSE)_FAILED/);
      }
    } finally {
      await client.dispose();
    }
  });

  it('closes the socket with 4403 when its token expires, ending its subscriptions', async () => {
    const token = await signDevToken(TEST_JWT_SECRET, { tenant: 'ws-a', roles: ['user'], sub: 'short-lived', ttlSeconds: 2 });
    let closed: { code: number; reason: string } | null = null;
    const client = wsClient(gw.wsUrl, token, { onClose: (code, reason) => (closed = { code, reason }) });
    try {
      const q = collect<{ data: { viewer: { sub: string } } }>(client, '{ viewer { sub } }');
      await q.until(() => q.completed);
      expect(q.events[0]!.data.viewer.sub).toBe('short-lived');
      const sub = collect(client, 'subscription { cacheReset { at } }');
      await sub.until(() => sub.errors.length > 0 || sub.completed);
      expect(closed).toEqual({ code: 4403, reason: 'The token has expired: reconnect with a fresh token' });
      expect(sub.events).toEqual([]);
      // Over HTTP the same token is refused too.
      expect((await gql(gw.url, '{ viewer { sub } }', { token })).status).toBe(401);
    } finally {
      await client.dispose();
    }
  });

  it('caps the sockets one caller holds open (4429 beyond WS_MAX_SOCKETS_PER_CALLER)', async () => {
    const token = await gw.token('ws-a', ['user'], 'many-tabs');
    const other = await gw.token('ws-a', ['user'], 'someone-else');
    const closes: number[] = [];
    const clients = [0, 1, 2].map(() => wsClient(gw.wsUrl, token, { onClose: (code) => closes.push(code) }));
    const third = wsClient(gw.wsUrl, other);
    try {
      const answers = clients.map((c) => collect(c, '{ viewer { sub } }'));
      await Promise.all(answers.map((a) => a.until(() => a.completed || a.errors.length > 0)));
      expect(answers.filter((a) => a.completed && a.events.length === 1)).toHaveLength(2);
      expect(closes).toEqual([4429]);
      // Another caller of the same tenant is not affected.
      const q = collect(third, '{ viewer { sub } }');
      await q.until(() => q.completed);
      expect(q.events).toHaveLength(1);
      // A closed socket frees its place.
      await clients.find((_, i) => answers[i]!.completed)!.dispose();
      const again = wsClient(gw.wsUrl, token);
      const r = collect(again, '{ viewer { sub } }');
      await r.until(() => r.completed || r.errors.length > 0);
      expect(r.events).toHaveLength(1);
      await again.dispose();
    } finally {
      await Promise.all([...clients, third].map((c) => c.dispose()));
    }
  });

  it('masks programming errors over WebSocket too', async () => {
    const client = wsClient(gw.wsUrl, await gw.token('ws-a'));
    try {
      const q = collect<{ errors: { message: string; extensions: { code: string } }[] }>(client, '{ boom }');
      await q.until(() => q.completed || q.errors.length > 0);
      const errors = q.events[0]?.errors ?? (q.errors[0] as { message: string; extensions: { code: string } }[]);
      expect(errors[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    } finally {
      await client.dispose();
    }
  });
});
