import type { DocumentNode } from 'graphql';
import type { TrustedDocuments } from '../schema/trusted-documents';

/** A least-recently-used map bounded by the summed size of its values. */
export class BoundedLru<V> {
  private readonly entries = new Map<string, { value: V; size: number }>();
  private total = 0;

  constructor(
    private readonly maxSize: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    this.delete(key);
    const size = this.sizeOf(value);
    if (size > this.maxSize) return;
    this.entries.set(key, { value, size });
    this.total += size;
    while (this.total > this.maxSize) this.delete(this.entries.keys().next().value!);
  }

  delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.total -= entry.size;
    return true;
  }
}

/** What Apollo keeps in its caches (KeyValueCache's shape). */
interface KeyValueCache<V> {
  get(key: string): Promise<V | undefined>;
  set(key: string, value: V): Promise<void>;
  delete(key: string): Promise<boolean>;
}

/** Apollo's keys end with the sha256 of the query text. */
const hashOf = (key: string) => key.slice(-64);

/**
 * Apollo's parsed-and-validated document cache: trusted documents come from the manifest, parsed
 * and validated at start (so they are compiled once, at start); other documents are kept while
 * their summed source length stays under 30 MB.
 */
export function documentStore(trusted: TrustedDocuments): KeyValueCache<DocumentNode> {
  const lru = new BoundedLru<DocumentNode>(30_000_000, (d) => d.loc?.end ?? 1000);
  return {
    get: async (key) => trusted.byHash(hashOf(key))?.document ?? lru.get(key),
    set: async (key, value) => {
      if (!trusted.byHash(hashOf(key))?.document) lru.set(key, value);
    },
    delete: async (key) => lru.delete(key),
  };
}

/**
 * Apollo's automatic persisted queries (`extensions.persistedQuery.sha256Hash`): the trusted
 * documents are always known; others are registered by clients, unless only trusted documents run.
 */
export function persistedQueryCache(trusted: TrustedDocuments): KeyValueCache<string> {
  const lru = new BoundedLru<string>(30_000_000, (text) => text.length);
  return {
    get: async (key) => trusted.byHash(hashOf(key))?.text ?? (trusted.only ? undefined : lru.get(key)),
    set: async (key, value) => {
      if (!trusted.only && !trusted.byHash(hashOf(key))) lru.set(key, value);
    },
    delete: async (key) => lru.delete(key),
  };
}
