import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

export const ID_TOKEN_ISSUER = 'https://accounts.google.com';

/** The claims of a Google ID token that the emulator issues. */
export interface IdTokenClaims {
  iss: string;
  azp: string;
  aud: string;
  sub: string;
  email?: string;
  email_verified?: boolean;
  hd?: string;
  at_hash: string;
  nonce?: string;
  iat: number;
  exp: number;
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** Signs RS256 ID tokens with a key made on first use, and publishes it as Google's PEM and JWK certificate sets. */
export class IdTokenSigner {
  private key: { kid: string; privateKey: KeyObject; publicKey: KeyObject } | null = null;

  private keys() {
    if (!this.key) {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      this.key = { kid: randomBytes(20).toString('hex'), privateKey, publicKey };
    }
    return this.key;
  }

  sign(claims: IdTokenClaims): string {
    const { kid, privateKey } = this.keys();
    const signingInput = `${b64url(JSON.stringify({ alg: 'RS256', kid, typ: 'JWT' }))}.${b64url(JSON.stringify(claims))}`;
    return `${signingInput}.${b64url(sign('RSA-SHA256', Buffer.from(signingInput), privateKey))}`;
  }

  /** `GET /oauth2/v1/certs`: kid → PEM (Google serves certificates; a PEM public key verifies the same way). */
  pemCerts(): Record<string, string> {
    const { kid, publicKey } = this.keys();
    return { [kid]: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
  }

  /** `GET /oauth2/v3/certs`: a JWK set. */
  jwkCerts(): { keys: object[] } {
    const { kid, publicKey } = this.keys();
    return { keys: [{ ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' }] };
  }
}

/** OpenID Connect `at_hash`: the left half of the access token's SHA-256, base64url. */
export function accessTokenHash(accessToken: string): string {
  return b64url(createHash('sha256').update(accessToken).digest().subarray(0, 16));
}
