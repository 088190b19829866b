import { describe, expect, it } from 'vitest';
import { DomainError } from '../../kernel/errors';
import { decodeStrictCursor, encodeCursor } from './cursor';

const raw = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const ID = '3f1c1f8e-9a55-4a8e-b3c5-0f2d7e8a9b10';

describe('decodeStrictCursor', () => {
  it('round-trips typed keys', () => {
    const at = new Date('2026-12-05T10:00:00.000Z');
    expect(decodeStrictCursor(encodeCursor(['Office', ID]), ['text', 'uuid'])).toEqual(['Office', ID]);
    expect(decodeStrictCursor(encodeCursor([at, ID]), ['instant', 'uuid'])).toEqual([at, ID]);
  });

  it.each([
    ['an object in place of a key', raw([{ $gt: '' }, ID])],
    ['a number', raw([1, ID])],
    ['a nested array', raw([['a'], ID])],
    ['a wrong arity', raw(['a'])],
    ['a malformed uuid', raw(['a', 'not-a-uuid'])],
    ['an object cursor', raw({ name: 'a', id: ID })],
    ['not base64url', 'abc$%'],
    ['not JSON', Buffer.from('{oops').toString('base64url')],
  ])('refuses %s with BAD_USER_INPUT', (_what, cursor) => {
    try {
      decodeStrictCursor(cursor, ['text', 'uuid']);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses an instant that is not ISO', () => {
    expect(() => decodeStrictCursor(raw(['yesterday', ID]), ['instant', 'uuid'])).toThrow(DomainError);
    expect(() => decodeStrictCursor(raw(['2026-13-45T99:00:00.000Z', ID]), ['instant', 'uuid'])).toThrow(DomainError);
  });
});
