/**
 * Every pub/sub topic of the gateway and the payload it carries, in one place.
 * Payloads cross processes as JSON, so instants travel as ISO strings.
 * Every event belongs to one tenant; subscribers only ever see their own tenant's.
 */
export interface TopicPayloads {
  'cache-reset': { tenant: string; reason: string; at: string; requestedBy: string | null };
  'google-connection-changed': GoogleConnectionPayload;
  'sync-progress': SyncProgressPayload;
}

/** A sync run's counters. */
export interface SyncCounters {
  total: number;
  processed: number;
  created: number;
  updated: number;
  deleted: number;
  skipped: number;
  failed: number;
}

/** One progress event of a sync run (throttled; the first and the final one always sent). */
export interface SyncProgressPayload extends SyncCounters {
  runId: string;
  module: string;
  status: string;
  phase: string | null;
  message: string | null;
  at: string;
  /** True on the run's last event. */
  final: boolean;
}

/** A tenant's Google connection as GraphQL shows it (never a secret). */
export interface GoogleConnectionPayload {
  tenant: string;
  status: 'UNCONFIGURED' | 'CREDENTIALS_SET' | 'AUTHORIZED' | 'REAUTHORIZATION_REQUIRED';
  clientId: string | null;
  grantedScopes: string[];
  missingScopes: string[];
  authorizedAt: string | null;
  authorizedBy: string | null;
  lastRefreshAt: string | null;
  lastError: string | null;
}

export type TopicName = keyof TopicPayloads;

export const Topic = {
  CacheReset: 'cache-reset',
  GoogleConnectionChanged: 'google-connection-changed',
  SyncProgress: 'sync-progress',
} as const satisfies Record<string, TopicName>;
