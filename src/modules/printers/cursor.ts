import { badUserInput } from '../../kernel/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MAX_CURSOR = 2048;

type Key = 'text' | 'uuid' | 'instant';
type Value<K extends Key> = K extends 'instant' ? Date : string;

/**
 * Decodes an `after` cursor into exactly the typed scalars the list sorts by: each key is checked
 * (text, a lowercase uuid, an ISO instant); anything else — an object, a number, a malformed or
 * foreign cursor — is BAD_USER_INPUT, never passed on to SQL.
 */
export function decodeStrictCursor<const K extends readonly Key[]>(cursor: string, keys: K): { [I in keyof K]: Value<K[I]> } {
  const fail = () => badUserInput('after is not a cursor of this list', 'after');
  if (cursor.length > MAX_CURSOR || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw fail();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw fail();
  }
  if (!Array.isArray(parsed) || parsed.length !== keys.length) throw fail();
  return keys.map((kind, i) => {
    const v: unknown = parsed[i];
    if (typeof v !== 'string') throw fail();
    if (kind === 'text') {
      if (v.length > 1000) throw fail();
      return v;
    }
    if (kind === 'uuid') {
      if (!UUID.test(v)) throw fail();
      return v;
    }
    if (!ISO_INSTANT.test(v) || Number.isNaN(Date.parse(v))) throw fail();
    return new Date(v);
  }) as { [I in keyof K]: Value<K[I]> };
}

export function encodeCursor(keys: (string | Date)[]): string {
  return Buffer.from(JSON.stringify(keys.map((k) => (k instanceof Date ? k.toISOString() : k)))).toString('base64url');
}
