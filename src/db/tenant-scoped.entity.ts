import { Entity, Index, Property, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';

import { TENANT_FILTER } from '../kernel/tenant-em';

export { TENANT_FILTER };

/**
 * Base of every row that belongs to a tenant. The `tenant` filter (on by default, see
 * `tenantFilter`) adds `tenant = :tenant` to every read, update and delete of such an entity,
 * so isolation does not depend on each resolver remembering it.
 */
@Entity({ abstract: true })
export abstract class TenantScopedEntity {
  @Index()
  @Property({ length: 63 })
  tenant!: string;
}

export function isTenantScoped(entity: unknown): entity is TenantScopedEntity {
  return entity instanceof TenantScopedEntity;
}

/** The filter definition registered for every tenant-scoped entity. */
export function tenantFilter(entityNames: string[]) {
  return {
    name: TENANT_FILTER,
    cond: (args: { tenant?: string }) => {
      // Fail closed: an EntityManager without a tenant sees nothing of a tenant's rows.
      if (!args?.tenant) throw new Error('tenant filter used without a tenant (em.setFilterParams missing)');
      return { tenant: args.tenant };
    },
    default: true,
    entity: entityNames,
  };
}

/** Stamps new tenant rows with the EntityManager's tenant and refuses writes across tenants. */
export class TenantWriteGuard implements EventSubscriber {
  private tenantOf(args: { em: { getFilterParams(name: string): unknown } }): string | undefined {
    return (args.em.getFilterParams(TENANT_FILTER) as { tenant?: string } | undefined)?.tenant;
  }

  onFlush(args: FlushEventArgs): void {
    const tenant = this.tenantOf(args);
    for (const cs of args.uow.getChangeSets()) {
      const entity = cs.entity as unknown;
      if (!isTenantScoped(entity)) continue;
      if (!tenant) throw new Error(`refusing to write ${cs.name} without a tenant in context`);
      if (cs.type === 'create' && !entity.tenant) {
        entity.tenant = tenant;
        args.uow.recomputeSingleChangeSet(entity);
      }
      const rowTenant = entity.tenant ?? (cs.originalEntity as { tenant?: string } | undefined)?.tenant;
      if (rowTenant !== tenant) throw new Error(`refusing to write ${cs.name} of another tenant`);
    }
  }
}
