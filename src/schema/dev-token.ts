import { SignJWT } from 'jose';
import type { CallerRole } from './caller';

export interface DevTokenClaims {
  tenant: string;
  roles: CallerRole[];
  sub?: string;
  /** Lifetime in seconds (default 12 hours). */
  ttlSeconds?: number;
}

/** Signs an HS256 token with the gateway's JWT secret (development and tests). */
export async function signDevToken(secret: string, claims: DevTokenClaims): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ tenant: claims.tenant, roles: claims.roles })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub ?? `dev-${claims.roles[0] ?? 'user'}`)
    .setIssuedAt(now)
    .setExpirationTime(now + (claims.ttlSeconds ?? 12 * 3600))
    .sign(new TextEncoder().encode(secret));
}
