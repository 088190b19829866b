import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox, SecretBoxError } from './secret-box';

const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');

describe('SecretBox', () => {
  it('seals with a fresh IV each time and opens again', () => {
    const box = new SecretBox(k1);
    const a = box.seal('1//refresh-token');
    const b = box.seal('1//refresh-token');
    expect(a).not.toBe(b);
    expect(a).not.toContain('refresh');
    expect(box.open(a)).toBe('1//refresh-token');
    expect(a.split(':')[1]).toBe(box.currentKeyId);
  });

  it('opens values of a previous key during rotation and reports them stale', () => {
    const old = new SecretBox(k1).seal('secret');
    const rotated = new SecretBox(k2, [k1]);
    expect(rotated.open(old)).toBe('secret');
    expect(rotated.isStale(old)).toBe(true);
    expect(rotated.isStale(rotated.seal('secret'))).toBe(false);
    expect(() => new SecretBox(k2).open(old)).toThrow(SecretBoxError);
  });

  it('detects tampering', () => {
    const box = new SecretBox(k1);
    const sealed = box.seal('secret').split(':');
    sealed[4] = Buffer.from('forged').toString('base64url');
    expect(() => box.open(sealed.join(':'))).toThrow(/integrity/);
  });
});
