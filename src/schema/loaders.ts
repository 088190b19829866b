import DataLoader from 'dataloader';
import type { Constructor, EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/** What a loader needs of an entity: a string primary key named `id`. */
interface Identified {
  id: string;
}

/**
 * Per-request DataLoaders by entity class: every `load(id)` of one tick becomes one
 * `WHERE id IN (…)` through the request's (tenant-filtered) EntityManager.
 */
export class EntityLoaders {
  private readonly loaders = new Map<EntityClass<unknown>, DataLoader<string, unknown>>();
  private readonly namedLoaders = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly em: EntityManager) {}

  of<T extends Identified>(entity: Constructor<T>): DataLoader<string, T | null> {
    let loader = this.loaders.get(entity as EntityClass<unknown>) as DataLoader<string, T | null> | undefined;
    if (!loader) {
      loader = new DataLoader<string, T | null>(async (ids) => {
        // MikroORM cannot check a filter against a generic T, so the query is typed by the columns it
        // uses; the rows, instances of `entity`, are narrowed back to T.
        const where: FilterQuery<Identified> = { id: { $in: [...ids] } };
        const byId = new Map<string, T>();
        for (const row of await this.em.find<Identified>(entity, where)) if (row instanceof entity) byId.set(row.id, row);
        return ids.map((id) => byId.get(id) ?? null);
      });
      this.loaders.set(entity as EntityClass<unknown>, loader as DataLoader<string, unknown>);
    }
    return loader;
  }

  /** A per-request loader of the given name: every `load(key)` of one tick becomes one call of `batch`. */
  named<V>(name: string, batch: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    let loader = this.namedLoaders.get(name);
    if (!loader) this.namedLoaders.set(name, (loader = new DataLoader<string, V>(batch)));
    return loader as DataLoader<string, V>;
  }
}
