import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, gql } from '../../helpers/client';
import { dbQuery } from '../../helpers/database';
import { startTestGateway, TEST_JWT_SECRET, type TestGateway } from '../../helpers/gateway';
import { NOTE_TABLE_SQL, notesModule } from '../../fixtures/notes';

let gw: TestGateway;
let user: string;
let admin: string;

beforeAll(async () => {
  gw = await startTestGateway({
    extraModules: [notesModule],
    env: { GRAPHQL_MAX_BODY_BYTES: '4096', GRAPHQL_MAX_DEPTH: '6', GRAPHQL_MAX_ALIASES: '5', GRAPHQL_MAX_TOKENS: '300', GRAPHQL_MAX_COST: '200' },
  });
  await dbQuery(gw.databaseUrl, NOTE_TABLE_SQL);
  user = await gw.token('acme', ['user'], 'u-1');
  admin = await gw.token('acme', ['admin'], 'a-1');
});
afterAll(() => gw?.stop());

describe('GraphQL over HTTP', () => {
  it('answers an authenticated POST', async () => {
    const res = await gql(gw.url, '{ viewer { sub tenant roles } tenant { id } }', { token: user });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { viewer: { sub: 'u-1', tenant: 'acme', roles: ['USER'] }, tenant: { id: 'acme' } } });
  });

  it('answers an authenticated GET', async () => {
    const res = await fetch(`${gw.url}?query=${encodeURIComponent('{ viewer { tenant } }')}`, {
      headers: { authorization: `Bearer ${user}`, 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { viewer: { tenant: 'acme' } } });
  });

  it('refuses a GET without a CSRF-safe header (Apollo CSRF prevention)', async () => {
    const res = await fetch(`${gw.url}?query=${encodeURIComponent('{ viewer { tenant } }')}`, { headers: { authorization: `Bearer ${user}` } });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/i);
  });

  it('refuses a mutation over GET', async () => {
    const res = await fetch(`${gw.url}?query=${encodeURIComponent('mutation { resetCaches { at } }')}`, {
      headers: { authorization: `Bearer ${admin}`, 'apollo-require-preflight': 'true' },
    });
    expect(res.status).toBe(405);
  });
});

describe('callers', () => {
  it('a missing token is UNAUTHENTICATED (401)', async () => {
    const res = await gql(gw.url, '{ viewer { tenant } }');
    expect(res.status).toBe(401);
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
  });

  it('a malformed header, a bad signature and an expired token are UNAUTHENTICATED', async () => {
    const forged = await new SignJWT({ tenant: 'acme', roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-secret-another-secret-another-secret'));
    const expired = await new SignJWT({ tenant: 'acme', roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    const noRoles = await new SignJWT({ tenant: 'acme', roles: [] }).setProtectedHeader({ alg: 'HS256' }).setSubject('x').setExpirationTime('1h').sign(new TextEncoder().encode(TEST_JWT_SECRET));
    for (const [header, message] of [
      ['Basic abc', /Bearer/],
      [`Bearer ${forged}`, /invalid/],
      [`Bearer ${expired}`, /expired/],
      [`Bearer ${noRoles}`, /roles/],
    ] as const) {
      const res = await gql(gw.url, '{ viewer { tenant } }', { headers: { authorization: header } });
      expect(res.status).toBe(401);
      expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
      expect(res.body.errors![0]!.message).toMatch(message);
    }
  });

  it('a role too low is FORBIDDEN', async () => {
    const res = await gql(gw.url, 'mutation { resetCaches { tenant } }', { token: user });
    expect(errorCodes(res)).toEqual(['FORBIDDEN']);
    const ok = await gql<{ resetCaches: { tenant: string; reason: string; requestedBy: string } }>(gw.url, 'mutation { resetCaches { tenant reason requestedBy } }', { token: admin });
    expect(ok.body.data!.resetCaches).toEqual({ tenant: 'acme', reason: 'manual', requestedBy: 'a-1' });
  });

  it('without a token only __typename and introspection are open', async () => {
    const open = await gql(gw.url, '{ __typename __schema { queryType { name } } }');
    expect(open.status).toBe(200);
    expect(open.body.data).toEqual({ __typename: 'Query', __schema: { queryType: { name: 'Query' } } });
    const mixed = await gql(gw.url, '{ __typename viewer { tenant } }');
    expect(errorCodes(mixed)).toEqual(['UNAUTHENTICATED']);
    const viaFragment = await gql(gw.url, 'query { ...F } fragment F on Query { viewer { tenant } }');
    expect(errorCodes(viaFragment)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('limits', () => {
  it('rejects a body over the limit with 413', async () => {
    const res = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${user}` },
      body: JSON.stringify({ query: `{ viewer { tenant } } # ${'x'.repeat(5000)}` }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('rejects invalid JSON with 400', async () => {
    const res = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${user}` }, body: '{"query": ' });
    expect(res.status).toBe(400);
  });

  it('rejects too deep a query', async () => {
    const res = await gql(gw.url, '{ notes { self { self { self { self { self { self { id } } } } } } } }', { token: user });
    expect(res.status).toBe(400);
    expect(errorCodes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(res.body.errors![0]!.message).toMatch(/depth limit of 6/);
  });

  it('rejects too many aliases', async () => {
    const res = await gql(gw.url, `{ ${Array.from({ length: 7 }, (_, i) => `a${i}: viewer { tenant }`).join(' ')} }`, { token: user });
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.message).toMatch(/Aliases limit of 5/);
  });

  it('rejects too many tokens', async () => {
    const res = await gql(gw.url, `{ viewer { ${'tenant '.repeat(400)} } }`, { token: user });
    expect(res.status).toBe(400);
    expect(errorCodes(res)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(res.body.errors![0]!.message).toMatch(/more that 300 tokens/);
  });

  it('rejects too costly a query', async () => {
    const res = await gql(gw.url, `{ notes { ${'id text '.repeat(60)} self { ${'id text '.repeat(40)} } } }`, { token: user });
    expect(res.status).toBe(400);
    expect(res.body.errors![0]!.message).toMatch(/Query Cost limit of 200/);
  });
});

describe('errors', () => {
  it('masks a programming error outside development and logs it', async () => {
    const res = await gql(gw.url, '{ boom }', { token: user });
    expect(res.body.errors![0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(res.body)).not.toMatch(/secret internal detail|stacktrace|app\.ts/);
    expect(gw.rawLogs.join('')).toMatch(/secret internal detail/);
  });

  it('sends no stack trace with a client error', async () => {
    const res = await gql(gw.url, '{ nope }', { token: user });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace/);
  });
});

describe('health', () => {
  it('/healthz and /readyz answer 200', async () => {
    expect((await fetch(`${gw.origin}/healthz`)).status).toBe(200);
    const ready = await fetch(`${gw.origin}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('/readyz is 503 while a migration is pending', async () => {
    const removed = await dbQuery(gw.databaseUrl, `DELETE FROM mikro_orm_migrations WHERE name = 'Migration20261125000000_tenant' RETURNING *`);
    try {
      const res = await fetch(`${gw.origin}/readyz`);
      expect(res.status).toBe(503);
      // Anyone may ask: the answer names no migration (the log does).
      expect(await res.json()).toEqual({ status: 'migrations-pending', pending: 1 });
      expect(gw.logs.some((l) => l.msg === 'not ready: migrations are pending' && JSON.stringify(l.pending).includes('Migration20261125000000_tenant'))).toBe(true);
    } finally {
      const row = removed.rows[0];
      await dbQuery(gw.databaseUrl, 'INSERT INTO mikro_orm_migrations (id, name, executed_at) VALUES ($1, $2, $3)', [row.id, row.name, row.executed_at]);
    }
    expect((await fetch(`${gw.origin}/readyz`)).status).toBe(200);
  });

  it('a client that goes away mid-request is logged at debug, not as a failure', async () => {
    const { connect } = await import('node:net');
    const socket = connect(gw.gateway.port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const marker = `abort-${Date.now()}`;
    socket.write(`POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\nx-request-id: ${marker}\r\ncontent-length: 1000\r\n\r\n{"query":`);
    socket.destroy();
    const deadline = Date.now() + 5000;
    while (!gw.logs.some((l) => l.requestId === marker) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const mine = gw.logs.filter((l) => l.requestId === marker);
    expect(mine.map((l) => [l.level, l.msg])).toEqual([[20, 'the client closed the connection before the answer']]);
  });

  it('an unknown path is 404 (a page path such as /nope belongs to the admin console)', async () => {
    for (const p of ['/nope.js', '/graphql/nope', '/healthz/nope']) expect((await fetch(`${gw.origin}${p}`)).status, p).toBe(404);
  });
});
