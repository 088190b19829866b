import { badUserInput } from './errors';

/** Trimmed, non-empty, at most `max` characters; BAD_USER_INPUT naming the field otherwise. */
export function requiredText(value: string | null | undefined, field: string, max: number): string {
  const v = (value ?? '').trim();
  if (!v) throw badUserInput(`${field} must not be empty`, field);
  if (v.length > max) throw badUserInput(`${field} must be at most ${max} characters`, field);
  return v;
}

/** Trimmed; empty becomes null; at most `max` characters. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  if (value === null || value === undefined) return null;
  const v = value.trim();
  if (!v) return null;
  if (v.length > max) throw badUserInput(`${field} must be at most ${max} characters`, field);
  return v;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function email(value: string | null | undefined, field: string): string {
  const v = requiredText(value, field, 320).toLowerCase();
  if (!EMAIL.test(v)) throw badUserInput(`${field} is not an email address`, field);
  return v;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id argument; a malformed one is BAD_USER_INPUT instead of a database error. */
export function uuid(value: string, field: string): string {
  if (!UUID.test(value)) throw badUserInput(`${field} is not a valid id`, field);
  return value.toLowerCase();
}
