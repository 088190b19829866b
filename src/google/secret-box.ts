import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';

/** The id stored with each value: the first 12 hex digits of SHA-256 of the key (not the key). */
export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

/** Raised when a stored value cannot be opened (unknown key id, tampering). Never carries the value. */
export class SecretBoxError extends Error {}

/**
 * Encrypts secrets at rest with AES-256-GCM. A sealed value reads
 * `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64url), so that values sealed with an older key
 * can still be opened during a key rotation (SECRETS_KEY_PREVIOUS) and then re-sealed.
 */
export class SecretBox {
  private readonly current: { id: string; key: Buffer };
  private readonly keys = new Map<string, Buffer>();

  constructor(currentKeyBase64: string, previousKeysBase64: string[] = []) {
    const key = decodeKey(currentKeyBase64);
    this.current = { id: keyId(key), key };
    this.keys.set(this.current.id, key);
    for (const prev of previousKeysBase64) {
      const k = decodeKey(prev);
      this.keys.set(keyId(k), k);
    }
  }

  get currentKeyId(): string {
    return this.current.id;
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, this.current.id, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join(':');
  }

  open(sealed: string): string {
    const parts = sealed.split(':');
    if (parts.length !== 5 || parts[0] !== VERSION) throw new SecretBoxError('stored secret has an unknown format');
    const [, id, iv, tag, ciphertext] = parts as [string, string, string, string, string];
    const key = this.keys.get(id);
    if (!key) throw new SecretBoxError(`stored secret was sealed with key ${id}, which is neither SECRETS_KEY nor in SECRETS_KEY_PREVIOUS`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError('stored secret failed its integrity check');
    }
  }

  /** True when a value is sealed with an older key and should be re-sealed. */
  isStale(sealed: string): boolean {
    return sealed.split(':')[1] !== this.current.id;
  }
}

function decodeKey(base64: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new SecretBoxError('a secrets key must be 32 bytes, base64-encoded');
  return key;
}
