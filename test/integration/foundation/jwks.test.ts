import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, gql } from '../../helpers/client';
import { startTestGateway, type TestGateway } from '../../helpers/gateway';

let jwks: Server;
let gw: TestGateway;
let sign: (claims: Record<string, unknown>) => Promise<string>;
let signWithOtherKey: (claims: Record<string, unknown>) => Promise<string>;

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  jwks = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(jwks.address() as { port: number }).port}/jwks.json`;
  const make = (key: Parameters<SignJWT['sign']>[0], kid: string) => (claims: Record<string, unknown>) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid }).setSubject('idp-user').setExpirationTime('1h').sign(key);
  sign = make(privateKey, 'k1');
  signWithOtherKey = make(other.privateKey, 'k1');
  // JWKS_URL instead of JWT_SECRET: the identity provider's keys verify the tokens.
  gw = await startTestGateway({ env: { JWT_SECRET: '', JWKS_URL: url } });
});
afterAll(async () => {
  await gw?.stop();
  jwks?.close();
});

describe('tokens verified with JWKS_URL (RS256)', () => {
  it('accepts a token signed by a key of the set', async () => {
    const res = await gql(gw.url, '{ viewer { sub tenant roles } }', { token: await sign({ tenant: 'idp', roles: ['admin'] }) });
    expect(res.body).toEqual({ data: { viewer: { sub: 'idp-user', tenant: 'idp', roles: ['ADMIN'] } } });
  });

  it('refuses a token signed by another key', async () => {
    const res = await gql(gw.url, '{ viewer { sub } }', { token: await signWithOtherKey({ tenant: 'idp', roles: ['admin'] }) });
    expect(res.status).toBe(401);
    expect(errorCodes(res)).toEqual(['UNAUTHENTICATED']);
  });
});
