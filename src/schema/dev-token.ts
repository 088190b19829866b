import { SignJWT } from 'jose';
import type { CallerRole } from './caller';

export interface DevTokenClaims {
  tenant: string;
  roles: CallerRole[];
  sub?: string;
  /** Lifetime in seconds (default 12 hours). */
  ttlSeconds?: number;
  /** `aud` and `iss`, for a gateway that checks them (JWT_AUDIENCE, JWT_ISSUER). */
  audience?: string;
  issuer?: string;
}

/** Signs an HS256 token with the gateway's JWT secret (development and tests). */
export async function signDevToken(secret: string, claims: DevTokenClaims): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ tenant: claims.tenant, roles: claims.roles }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' });
  if (claims.audience) jwt.setAudience(claims.audience);
  if (claims.issuer) jwt.setIssuer(claims.issuer);
  return jwt
    .setSubject(claims.sub ?? `dev-${claims.roles[0] ?? 'user'}`)
    .setIssuedAt(now)
    .setExpirationTime(now + (claims.ttlSeconds ?? 12 * 3600))
    .sign(new TextEncoder().encode(secret));
}
