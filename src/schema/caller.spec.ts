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

  it('admin implies user', () => {
    expect(hasRole({ sub: 'x', tenant: 't', roles: ['admin'] }, 'user')).toBe(true);
    expect(hasRole({ sub: 'x', tenant: 't', roles: ['user'] }, 'admin')).toBe(false);
  });
});
