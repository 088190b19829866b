import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

/** The name of the MikroORM filter that scopes every tenant-owned entity (see db/tenant-scoped.entity). */
export const TENANT_FILTER = 'tenant';

/** A forked EntityManager whose tenant filter is bound to the tenant (or fails closed without one). */
export function tenantEntityManager(orm: MikroORM, tenant: string | null): EntityManager {
  const em = orm.em.fork({ clear: true });
  if (tenant) em.setFilterParams(TENANT_FILTER, { tenant });
  return em;
}
