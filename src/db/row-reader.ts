import { ReferenceKind, type EntityClass, type EntityMetadata } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TENANT_FILTER } from '../kernel/tenant-em';
import { TenantScopedEntity } from './tenant-scoped.entity';

type Row = Record<string, unknown>;

/** How a column's value (as MikroORM's connection returns it: instants as text) becomes the property's value. */
const asIs = (v: unknown) => v ?? null;
const CONVERTERS: Record<string, (value: unknown) => unknown> = {
  uuid: asIs,
  text: asIs,
  varchar: asIs,
  boolean: asIs,
  int: asIs,
  integer: asIs,
  // The pg driver parses jsonb itself (a JSON string stays a string).
  jsonb: asIs,
  timestamptz: (v) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(v as string)),
};

function converterOf(columnType: string | undefined): ((value: unknown) => unknown) | null {
  if (!columnType) return null;
  const paren = columnType.indexOf('(');
  return CONVERTERS[(paren === -1 ? columnType : columnType.slice(0, paren)).toLowerCase()] ?? null;
}

interface Field {
  name: string;
  column: string;
  convert: (value: unknown) => unknown;
}

/**
 * Reads tenant-owned rows by id into read-only instances of their entity class, without
 * MikroORM's entity factory, identity map or change tracking (which cost more than the query for
 * the DataLoaders of nested fields: a third of the 100-task page). An instance's prototype chain
 * first meets plain writable data properties, so that assignment makes own properties instead of
 * reaching the accessors MikroORM puts on entity prototypes; a many-to-one is `{ id }`, as the
 * field resolvers read it. Only entities whose columns are all of the plain kinds above (and with
 * no collections, formulas or lazy properties) are read so; for others `of` returns null and the
 * caller keeps em.find. test/integration/foundation/row-reader.test.ts compares both ways.
 */
export class RowReader<T extends object> {
  private readonly sql: string;
  private readonly prototype: object;

  private constructor(
    meta: EntityMetadata,
    entity: EntityClass<T>,
    private readonly fields: readonly Field[],
  ) {
    this.sql = `SELECT * FROM "${meta.tableName}" WHERE "tenant" = ? AND "id" IN `;
    this.prototype = Object.create(entity.prototype, Object.fromEntries(fields.map((f) => [f.name, { value: undefined, writable: true, configurable: true }])));
  }

  /** The reader of an entity class, or null when its rows need MikroORM's hydration. */
  static of<T extends object>(em: EntityManager, entity: EntityClass<T>): RowReader<T> | null {
    if (!(entity.prototype instanceof TenantScopedEntity)) return null;
    const meta = em.getMetadata().find(entity.name);
    if (!meta || meta.primaryKeys.length !== 1 || meta.primaryKeys[0] !== 'id' || meta.embeddable || meta.virtual) return null;
    const fields: Field[] = [];
    for (const prop of meta.props) {
      if (prop.persist === false || prop.formula || prop.lazy || prop.fieldNames?.length !== 1) return null;
      const column = prop.fieldNames[0]!;
      if (prop.kind === ReferenceKind.MANY_TO_ONE) {
        fields.push({ name: prop.name, column, convert: (v) => (v === null || v === undefined ? null : { id: v }) });
        continue;
      }
      const columnType = prop.columnTypes?.[0];
      // Of the custom types, only JSON (its value comes parsed).
      if (prop.kind !== ReferenceKind.SCALAR || (prop.customType && columnType !== 'jsonb')) return null;
      const convert = converterOf(columnType);
      if (!convert) return null;
      fields.push({ name: prop.name, column, convert });
    }
    return new RowReader(meta, entity, fields);
  }

  /** The rows of these ids in the EntityManager's tenant (none without a tenant). */
  async byIds(em: EntityManager, ids: readonly string[]): Promise<T[]> {
    const tenant = (em.getFilterParams(TENANT_FILTER) as { tenant?: string } | undefined)?.tenant;
    if (!tenant || ids.length === 0) return [];
    const rows: Row[] = await em.getConnection().execute(`${this.sql}(${ids.map(() => '?').join(', ')})`, [tenant, ...ids]);
    return rows.map((row) => this.read(row));
  }

  read(row: Row): T {
    const instance: Row = Object.create(this.prototype);
    for (const field of this.fields) instance[field.name] = field.convert(row[field.column]);
    return instance as T;
  }
}
