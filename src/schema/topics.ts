/**
 * Every pub/sub topic of the gateway and the payload it carries, in one place.
 * Payloads cross processes as JSON, so instants travel as ISO strings.
 * Every event belongs to one tenant; subscribers only ever see their own tenant's.
 */
export interface TopicPayloads {
  'cache-reset': { tenant: string; reason: string; at: string; requestedBy: string | null };
}

export type TopicName = keyof TopicPayloads;

export const Topic = {
  CacheReset: 'cache-reset',
} as const satisfies Record<string, TopicName>;
