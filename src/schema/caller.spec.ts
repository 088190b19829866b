import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { CallerVerifier, InvalidTokenError, hasRole } from './caller';
import { signDevToken } from './dev-token';

const secret = 's'.repeat(40);

describe('CallerVerifier', () => {
  const verifier = new CallerVerifier({ kind: 'secret', secret });

  it('verifies a development token', async () => {
    const token = await signDevToken(secret, { tenant: 'demo', roles: ['admin'], sub: 'me' });
    await expect(verifier.fromAuthorizationHeader(`Bearer ${token}`)).resolves.toEqual({ sub: 'me', tenant: 'demo', roles: ['admin'] });
    await expect(verifier.fromAuthorizationHeader(`bearer   ${token}  `)).resolves.toMatchObject({ sub: 'me' });
  });

  it('treats no header as anonymous and anything else as invalid', async () => {
    await expect(verifier.fromAuthorizationHeader(undefined)).resolves.toBeNull();
    await expect(verifier.fromAuthorizationHeader('Basic abc')).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(verifier.fromAuthorizationHeader('Bearer a b')).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('refuses other algorithms, bad tenants, unknown roles and tokens without exp', async () => {
    const key = new TextEncoder().encode(secret);
    const sign = (claims: Record<string, unknown>, exp = true) => {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS512' }).setSubject('x');
      return (exp ? jwt.setExpirationTime('1h') : jwt).sign(key);
    };
    await expect(verifier.verify(await sign({ tenant: 'a', roles: ['user'] }))).rejects.toThrow(/invalid/);
    const hs256 = (claims: Record<string, unknown>, exp = true) => {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('x');
      return (exp ? jwt.setExpirationTime('1h') : jwt).sign(key);
    };
    await expect(verifier.verify(await hs256({ tenant: 'Not Valid', roles: ['user'] }))).rejects.toThrow(/tenant/);
    await expect(verifier.verify(await hs256({ tenant: 'a', roles: ['root'] }))).rejects.toThrow(/roles/);
    await expect(verifier.verify(await hs256({ tenant: 'a', roles: ['user'] }, false))).rejects.toThrow(/exp/);
  });

  it('checks aud and iss when the gateway is configured with them', async () => {
    const strict = new CallerVerifier({ kind: 'secret', secret, audience: 'erp-gateway', issuer: 'https://id.example.com/' });
    const good = await signDevToken(secret, { tenant: 'demo', roles: ['user'], audience: 'erp-gateway', issuer: 'https://id.example.com/' });
    await expect(strict.verify(good)).resolves.toMatchObject({ tenant: 'demo' });
    const otherAudience = await signDevToken(secret, { tenant: 'demo', roles: ['user'], audience: 'billing', issuer: 'https://id.example.com/' });
    await expect(strict.verify(otherAudience)).rejects.toThrow(/not issued for this gateway/);
    const otherIssuer = await signDevToken(secret, { tenant: 'demo', roles: ['user'], audience: 'erp-gateway', issuer: 'https://evil.example.com/' });
    await expect(strict.verify(otherIssuer)).rejects.toThrow(/identity provider this gateway trusts/);
    const none = await signDevToken(secret, { tenant: 'demo', roles: ['user'] });
    await expect(strict.verify(none)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('tells a socket when its token expires', async () => {
    const token = await signDevToken(secret, { tenant: 'demo', roles: ['user'], ttlSeconds: 90 });
    const session = await verifier.sessionOf(`Bearer ${token}`);
    expect(session?.caller.tenant).toBe('demo');
    expect(Math.abs(session!.exp - (Math.floor(Date.now() / 1000) + 90))).toBeLessThanOrEqual(2);
  });

  it('admin implies user', () => {
    expect(hasRole({ sub: 'x', tenant: 't', roles: ['admin'] }, 'user')).toBe(true);
    expect(hasRole({ sub: 'x', tenant: 't', roles: ['user'] }, 'admin')).toBe(false);
  });
});
