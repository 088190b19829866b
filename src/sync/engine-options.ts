import { ConfigError } from '../config';
import { DEFAULT_ENGINE_OPTIONS, type SyncEngineOptions } from './sync-engine';

function positive(env: Record<string, string | undefined>, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new ConfigError(name, `expected a number ≥ ${min}, got "${raw}"`);
  return n;
}

/** SYNC_CONCURRENCY, SYNC_LEASE_SECONDS, SYNC_POLL_SECONDS, SYNC_HOUSEKEEPING_SECONDS. */
export function engineOptionsFromEnv(env: Record<string, string | undefined>): SyncEngineOptions {
  return {
    concurrency: Math.floor(positive(env, 'SYNC_CONCURRENCY', DEFAULT_ENGINE_OPTIONS.concurrency, 1)),
    leaseSeconds: positive(env, 'SYNC_LEASE_SECONDS', DEFAULT_ENGINE_OPTIONS.leaseSeconds, 1),
    pollingIntervalSeconds: positive(env, 'SYNC_POLL_SECONDS', DEFAULT_ENGINE_OPTIONS.pollingIntervalSeconds, 0.5),
    housekeepingSeconds: positive(env, 'SYNC_HOUSEKEEPING_SECONDS', DEFAULT_ENGINE_OPTIONS.housekeepingSeconds, 0.5),
  };
}
