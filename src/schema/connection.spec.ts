import { describe, expect, it } from 'vitest';
import { DomainError } from '../kernel/errors';
import { cursorKey, decodeCursor, encodeCursor } from './connection';

const keys = () => [cursorKey.instant(), cursorKey.id()] as const;
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('decodeCursor', () => {
  it('round-trips the keys of a list, typed', () => {
    const [at, id] = decodeCursor(encodeCursor(['2026-03-02T08:00:00.000Z', 'ABCDEF00-0000-4000-8000-000000000000']), keys());
    expect(at).toEqual(new Date('2026-03-02T08:00:00.000Z'));
    expect(id).toBe('abcdef00-0000-4000-8000-000000000000');
  });

  it('refuses anything but exactly the list’s keys, never an object or an operator', () => {
    for (const cursor of [
      '',
      'not base64!',
      b64({ $ne: null }),
      b64([{ $ne: null }, { $gt: '' }]),
      b64(['2026-03-02T08:00:00.000Z']),
      b64(['2026-03-02T08:00:00.000Z', '00000000-0000-4000-8000-000000000000', 1]),
      b64(['yesterday', '00000000-0000-4000-8000-000000000000']),
      b64([1700000000000, '00000000-0000-4000-8000-000000000000']),
      b64(['2026-03-02T08:00:00.000Z', 'x']),
      'A'.repeat(2000),
    ]) {
      expect(() => decodeCursor(cursor, keys()), cursor).toThrow(DomainError);
    }
    expect(() => decodeCursor(b64(['x'.repeat(11), '00000000-0000-4000-8000-000000000000']), [cursorKey.text(10), cursorKey.id()])).toThrow(DomainError);
  });
});
