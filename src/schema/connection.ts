import { Field, ObjectType, type ClassType } from 'type-graphql';
import { z } from 'zod';
import { badUserInput } from '../kernel/errors';

@ObjectType({ description: 'Relay page information' })
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
}

/** A Relay connection type for `node` named `<name>Connection` with `<name>Edge` edges. */
export function ConnectionType<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field() cursor!: string;
    @Field(() => node) node!: T;
  }
  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [EdgeType]) edges!: EdgeType[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
  }
  return ConnectionClass;
}

export const MAX_PAGE = 100;

/** `first` defaults to 20 and is bounded; anything else is BAD_USER_INPUT. */
export function pageSize(first: number | null | undefined, fallback = 20): number {
  const n = first ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > MAX_PAGE) throw badUserInput(`first must be between 1 and ${MAX_PAGE}`, 'first');
  return n;
}

/** Opaque cursors: base64url of a JSON array of the sort keys. */
export function encodeCursor(keys: (string | number)[]): string {
  return Buffer.from(JSON.stringify(keys)).toString('base64url');
}

/** The longest cursor accepted (the keys of every list fit in far less). */
const MAX_CURSOR_CHARS = 1024;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The kinds of sort key a cursor may hold, each a plain string of bounded length: never an object,
 * an array or an operator, so a decoded key can only ever be a value in a comparison.
 */
export const cursorKey = {
  /** An ISO-8601 instant with an offset, as a Date. */
  instant: () =>
    z
      .string()
      .max(40)
      .pipe(z.iso.datetime({ offset: true }))
      .transform((v) => new Date(v)),
  /** A row id (UUID), lower-cased. */
  id: () =>
    z
      .string()
      .regex(UUID)
      .transform((v) => v.toLowerCase()),
  /** A text column, at most `max` characters. */
  text: (max: number) => z.string().max(max),
};

/**
 * Decodes a cursor made by encodeCursor against the list's own keys (a strict tuple: exactly these
 * keys, of these kinds). Anything else is BAD_USER_INPUT on `after`.
 */
export function decodeCursor<const K extends readonly [z.ZodType, ...z.ZodType[]]>(cursor: string, keys: K): { [I in keyof K]: z.output<K[I]> } {
  const invalid = () => badUserInput('after is not a cursor of this list', 'after');
  if (cursor.length > MAX_CURSOR_CHARS || !BASE64URL.test(cursor)) throw invalid();
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const parsed = z.tuple(keys).safeParse(raw);
  if (!parsed.success) throw invalid();
  return parsed.data as { [I in keyof K]: z.output<K[I]> };
}

/** Builds a page from `first + 1` rows fetched in order. */
export function toConnection<T>(rows: T[], first: number, cursorOf: (row: T) => string): Connection<T> {
  const page = rows.slice(0, first);
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: Object.assign(new PageInfo(), {
      hasNextPage: rows.length > first,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    }),
  };
}
