import type { MikroORM } from '@mikro-orm/postgresql';
import type { CacheRegistry } from '../kernel/caches';

/** The one statement that makes a tenant's row (knex placeholders; see ensureTenantRow for pg). */
const ENSURE_TENANT_SQL = /* ensureTenant */ 'INSERT INTO tenant (id, created_at) VALUES (?, now()) ON CONFLICT (id) DO NOTHING';

/** Makes a tenant's row through a plain pg client (scripts and tests that work without the ORM). */
export async function ensureTenantRow(client: { query(text: string, values: unknown[]): Promise<unknown> }, tenant: string): Promise<void> {
  await client.query(ENSURE_TENANT_SQL.replace('?', '$1'), [tenant]);
}

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
    await this.orm.em.getConnection().execute(ENSURE_TENANT_SQL, [tenant]);
    this.known.add(tenant);
  }
}
