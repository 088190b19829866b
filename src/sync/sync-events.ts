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

export const SYNC_PROGRESS = 'sync-progress';

declare module '../kernel/topics' {
  interface TopicPayloads {
    'sync-progress': SyncProgressPayload;
  }
}
