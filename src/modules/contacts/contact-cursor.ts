import { badUserInput } from '../../kernel/errors';

const VERSION = 'contacts.v1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_CURSOR_LENGTH = 1024;

/** Where a page of contacts (ordered by display name, then id) ends. */
export interface ContactCursor {
  displayName: string;
  id: string;
}

/** Opaque: base64url of `["contacts.v1", displayName, id]`. */
export function encodeContactCursor(c: ContactCursor): string {
  return Buffer.from(JSON.stringify([VERSION, c.displayName, c.id])).toString('base64url');
}

/**
 * Decodes a cursor to typed scalars only: exactly the version tag, a string of at most 300
 * characters and a lower-case UUID. Anything else (objects, numbers, other lists' cursors, extra
 * keys, oversized input) is BAD_USER_INPUT on `after`, before any query runs.
 */
export function decodeContactCursor(cursor: string): ContactCursor {
  const bad = () => badUserInput('after is not a cursor of the contacts list', 'after');
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(value) || value.length !== 3) throw bad();
  const [version, displayName, id] = value as unknown[];
  if (version !== VERSION || typeof displayName !== 'string' || displayName.length > 300 || typeof id !== 'string' || !UUID.test(id)) throw bad();
  return { displayName, id };
}
