import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { GatewayConfig } from '../config';
import { CALLER_ROLES, TENANT_PATTERN, type Caller } from '../kernel/caller';

export { CALLER_ROLES, TENANT_PATTERN, hasRole, type Caller, type CallerRole } from '../kernel/caller';

const claimsSchema = z.object({
  sub: z.string().min(1).max(255),
  tenant: z.string().regex(TENANT_PATTERN, 'tenant must be 1-63 lowercase letters, digits, "-" or "_"'),
  roles: z.array(z.enum(CALLER_ROLES)).min(1),
  exp: z.number(),
});

/** Raised for a token we do not accept; the message is safe to send to the caller. */
export class InvalidTokenError extends Error {}

const MAX_CACHED_TOKENS = 10_000;

/**
 * Verifies bearer tokens (HS256 with JWT_SECRET, or RS256/ES256 keys from JWKS_URL).
 * Verified tokens are remembered until they expire, so a client's next request costs a map look-up.
 */
export class CallerVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];
  private readonly audience: string | undefined;
  private readonly issuer: string | undefined;
  private readonly verified = new Map<string, { caller: Caller; exp: number }>();

  constructor(jwt: GatewayConfig['jwt']) {
    this.audience = jwt.audience;
    this.issuer = jwt.issuer;
    if (jwt.kind === 'secret') {
      this.key = new TextEncoder().encode(jwt.secret);
      this.algorithms = ['HS256'];
    } else {
      this.key = createRemoteJWKSet(new URL(jwt.url), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 });
      this.algorithms = ['RS256', 'ES256'];
    }
  }

  /** Parses `Bearer <jwt>`; returns null when no credentials were sent at all. */
  async fromAuthorizationHeader(header: string | undefined | null): Promise<Caller | null> {
    return (await this.sessionOf(header))?.caller ?? null;
  }

  /** Like fromAuthorizationHeader, with the token's expiry (seconds since the epoch): a socket must end then. */
  async sessionOf(header: string | undefined | null): Promise<{ caller: Caller; exp: number } | null> {
    if (header === undefined || header === null || header.trim() === '') return null;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new InvalidTokenError('The Authorization header must be "Bearer <token>"');
    return this.session(match[1]!);
  }

  async verify(token: string): Promise<Caller> {
    return (await this.session(token)).caller;
  }

  private async session(token: string): Promise<{ caller: Caller; exp: number }> {
    const now = Math.floor(Date.now() / 1000);
    const hit = this.verified.get(token);
    if (hit) {
      if (hit.exp > now) return hit;
      this.verified.delete(token);
    }
    let payload: unknown;
    try {
      // jwtVerify's overloads differ for a key and a key getter; both are valid here.
      ({ payload } = await jwtVerify(token, this.key as Uint8Array, { algorithms: this.algorithms, audience: this.audience, issuer: this.issuer }));
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw new InvalidTokenError('The token has expired');
      if (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'aud') throw new InvalidTokenError('The token was not issued for this gateway (its "aud" claim)');
      if (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'iss')
        throw new InvalidTokenError('The token was not issued by the identity provider this gateway trusts (its "iss" claim)');
      throw new InvalidTokenError('The token is invalid');
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) {
      throw new InvalidTokenError(`The token's claims are invalid: ${claims.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    const caller: Caller = { sub: claims.data.sub, tenant: claims.data.tenant, roles: [...new Set(claims.data.roles)] };
    const entry = { caller, exp: claims.data.exp };
    if (this.verified.size >= MAX_CACHED_TOKENS) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, entry);
    return entry;
  }

  clear(): void {
    this.verified.clear();
  }
}
