import type { Logger } from './logger';
import type { PgPubSub } from './pubsub';
import { CACHE_RESET, type CacheResetPayload } from './topics';

/**
 * The server-side caches of one process. Each cache registers how to forget a tenant; a
 * `cache-reset` event published by any process (through PostgreSQL) clears them here too.
 */
export class CacheRegistry {
  private readonly clearers = new Map<string, (tenant: string) => void>();
  private readonly resetListeners = new Set<(tenant: string) => void>();

  register(name: string, clear: (tenant: string) => void): void {
    if (this.clearers.has(name)) throw new Error(`cache "${name}" is registered twice`);
    this.clearers.set(name, clear);
  }

  names(): string[] {
    return [...this.clearers.keys()];
  }

  /** Clears every cache of this process for the tenant; returns the names cleared. */
  clearTenant(tenant: string): string[] {
    for (const clear of this.clearers.values()) clear(tenant);
    for (const listener of this.resetListeners) listener(tenant);
    return this.names();
  }

  /** Called after this process has cleared a tenant (tests and diagnostics). */
  onReset(listener: (tenant: string) => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  /**
   * Drops the tenant's caches here at once and on every other process through pub/sub; the
   * same event reaches frontends subscribed to `cacheReset`.
   */
  async reset(pubsub: PgPubSub, tenant: string, reason: string, requestedBy: string | null): Promise<CacheResetPayload> {
    const payload = { tenant, reason, at: new Date().toISOString(), requestedBy };
    this.clearTenant(tenant);
    await pubsub.publish(CACHE_RESET, tenant, payload);
    return payload;
  }

  /** Wires the registry to the cross-process `cache-reset` topic. */
  listen(pubsub: PgPubSub, log: Logger): () => void {
    return pubsub.onTopic(CACHE_RESET, (tenant, payload) => {
      const cleared = this.clearTenant(tenant);
      log.info({ tenant, reason: payload.reason, cleared }, 'caches reset');
    });
  }
}
