import DataLoader from 'dataloader';
import type { Constructor, EntityClass, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RowReader } from '../db/row-reader';

/** Readers by entity class (null: the entity needs MikroORM's hydration), made once per process. */
const readers = new Map<EntityClass<unknown>, RowReader<object> | null>();

function readerOf<T extends object>(em: EntityManager, entity: Constructor<T>): RowReader<T> | null {
  let reader = readers.get(entity as EntityClass<unknown>);
  if (reader === undefined) readers.set(entity as EntityClass<unknown>, (reader = RowReader.of(em, entity as EntityClass<object>)));
  return reader as RowReader<T> | null;
}

/** What a loader needs of an entity: a string primary key named `id`. */
interface Identified {
  id: string;
}

/**
 * Per-request DataLoaders by entity class: every `load(id)` of one tick becomes one
 * `WHERE id IN (…)` in the request's tenant: read-only instances straight from the rows where the
 * entity allows it (RowReader), else through the request's (tenant-filtered) EntityManager.
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
        const reader = readerOf(this.em, entity);
        const where: FilterQuery<Identified> = { id: { $in: [...ids] } };
        const byId = new Map<string, T>();
        const rows = reader ? await reader.byIds(this.em, ids) : await this.em.find<Identified>(entity, where);
        for (const row of rows) if (row instanceof entity) byId.set(row.id, row);
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
