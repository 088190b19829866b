import type { MikroORM } from '@mikro-orm/postgresql';
import type { CacheRegistry } from '../schema/caches';

/**
 * Makes sure a tenant row exists before a tenant's first request touches tenant rows.
 * Each process remembers the tenants it has seen, so this costs one INSERT per tenant and process.
 */
export class TenantRegistry {
  private readonly known = new Set<string>();

  constructor(
    private readonly orm: MikroORM,
    caches: CacheRegistry,
  ) {
    caches.register('known-tenants', (tenant) => this.known.delete(tenant));
  }

  async ensure(tenant: string): Promise<void> {
    if (this.known.has(tenant)) return;
    await this.orm.em
      .getConnection()
      .execute(/* ensureTenant */ 'INSERT INTO tenant (id, created_at) VALUES (?, now()) ON CONFLICT (id) DO NOTHING', [tenant]);
    this.known.add(tenant);
  }
}
