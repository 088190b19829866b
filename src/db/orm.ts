import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, PostgreSqlDriver, type Options } from '@mikro-orm/postgresql';
import type { EntityClass, MigrationObject } from '@mikro-orm/core';
import path from 'node:path';
import type { Logger } from '../kernel/logger';
import type { GatewayModule } from '../kernel/module';
import { coreMigrations } from './migrations';
import { Tenant } from './tenant.entity';
import { TenantScopedEntity, TenantWriteGuard, tenantFilter } from './tenant-scoped.entity';
import { withoutAsyncContextHooks } from './async-context';

/** The database's own part (tenants), always first. */
export const dbCore: GatewayModule = { name: 'db-core', entities: [Tenant, TenantScopedEntity], migrations: coreMigrations };

/** The database's own entities plus those of the given parts (layers and modules). */
export function gatewayEntities(parts: readonly GatewayModule[]): EntityClass<unknown>[] {
  return [...new Set([dbCore, ...parts].flatMap((m) => m.entities ?? []))];
}

/** Every part's migrations, in part order (the database's own first); a name used twice is a bug. */
export function gatewayMigrations(parts: readonly GatewayModule[]): MigrationObject[] {
  const all = [dbCore, ...parts.filter((p) => p !== dbCore)].flatMap((m) => m.migrations ?? []);
  const names = new Set<string>();
  for (const m of all) {
    if (names.has(m.name)) throw new Error(`migration ${m.name} is declared twice`);
    names.add(m.name);
  }
  return all;
}

/** Counts the SQL statements MikroORM sends (tests prove there is no N+1 with it). */
export const sqlStatements: { count: number; trace: string[] | null } = { count: 0, trace: null };

export function ormOptions(databaseUrl: string, parts: readonly GatewayModule[], log?: Logger): Options {
  const entities = gatewayEntities(parts);
  const scoped = entities.filter((e) => e !== TenantScopedEntity && e.prototype instanceof TenantScopedEntity).map((e) => e.name);
  return {
    driver: PostgreSqlDriver,
    clientUrl: databaseUrl,
    entities,
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    subscribers: [new TenantWriteGuard()],
    filters: scoped.length ? { tenant: tenantFilter(scoped) } : {},
    pool: { min: 0, max: 10 },
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: gatewayMigrations(parts),
      path: path.join(__dirname, 'migrations'),
      pathTs: path.join(__dirname, 'migrations'),
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      silent: true,
    },
    debug: false,
    onQuery: (sql) => {
      sqlStatements.count++;
      sqlStatements.trace?.push(sql);
      return sql;
    },
    logger: log ? (msg) => log.debug(msg) : undefined,
  };
}

/** The ORM for the given parts: the layers' cores and the enabled modules (see src/services.ts). */
export async function createOrm(databaseUrl: string, parts: readonly GatewayModule[], log?: Logger): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(databaseUrl, parts, log));
  if (!(await withoutAsyncContextHooks(orm))) log?.warn('MikroORM flush context not found: its AsyncLocalStorage stays enabled (slower)');
  return orm;
}

/** Applies pending migrations; returns their names. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

export async function pendingMigrations(orm: MikroORM): Promise<string[]> {
  return (await orm.getMigrator().getPendingMigrations()).map((m) => m.name);
}
