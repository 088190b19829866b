/**
 * Pub/sub topics and the payloads they carry. The kernel declares its own here; each layer or
 * module that publishes adds its topics to `TopicPayloads` by declaration merging next to its
 * payload type (`declare module '…/kernel/topics'`), and lists their names in its contract so
 * that PgPubSub accepts them. Payloads cross processes as JSON, so instants travel as ISO strings.
 * Every event belongs to one tenant; subscribers only ever see their own tenant's.
 */
export interface TopicPayloads {
  'cache-reset': CacheResetPayload;
}

/** "Reset client + server cache": every process drops the tenant's caches; frontends refetch. */
export interface CacheResetPayload {
  tenant: string;
  reason: string;
  at: string;
  requestedBy: string | null;
}

export type TopicName = keyof TopicPayloads;

export const CACHE_RESET = 'cache-reset' satisfies TopicName;

/** The kernel's own topics. */
export const KERNEL_TOPICS: readonly TopicName[] = [CACHE_RESET];
