import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kitModule } from '../../fixtures/kit';
import { collect, wsClient } from '../../helpers/client';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';

const bugLines = (gw: TestGateway) => gw.logs.filter((l) => l.msg === 'unexpected error while executing an operation');

describe('request ids in responses and logs', () => {
  let gw: TestGateway;
  let token: string;

  beforeAll(async () => {
    gw = await startTestGateway({ extraModules: [kitModule] });
    token = await gw.token('acme');
  });
  afterAll(() => gw?.stop());

  const post = (query: string, headers: Record<string, string> = {}) =>
    fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers }, body: JSON.stringify({ query }) });

  it("echoes the caller's x-request-id, or gives one", async () => {
    expect((await post('{ viewer { tenant } }', { 'x-request-id': 'erp-req-42' })).headers.get('x-request-id')).toBe('erp-req-42');
    expect((await post('{ viewer { tenant } }')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await post('{ viewer { tenant } }', { 'x-request-id': 'a b<script>' })).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs a bug over HTTP once, with the request id and the stack, and sends a masked error', async () => {
    const before = bugLines(gw).length;
    const res = await post('{ memoBug { id } }', { 'x-request-id': 'erp-req-bug' });
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const lines = bugLines(gw).slice(before);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, requestId: 'erp-req-bug', path: ['memoBug'] });
    expect(String((lines[0]!.err as { stack: string }).stack)).toContain('kit: a bug in a resolver');
  });

  it('logs a bug over WebSocket with the socket request id and the operation id', async () => {
    const before = bugLines(gw).length;
    const client = wsClient(gw.wsUrl, token);
    const op = collect(client, '{ memoBug { id } }');
    await op.until(() => op.completed || op.errors.length > 0 || op.events.length > 0);
    await client.dispose();
    const lines = bugLines(gw).slice(before);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, path: ['memoBug'] });
    expect(lines[0]!.requestId).toEqual(expect.any(String));
    expect(lines[0]!.operationId).toEqual(expect.any(String));
  });
});
