import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, PostgreSqlDriver, type Options } from '@mikro-orm/postgresql';
import type { EntityClass } from '@mikro-orm/core';
import path from 'node:path';
import type { Logger } from '../logger';
import type { GatewayModule } from '../modules/gateway-module';
import { migrations } from './migrations';
import { GoogleConnectionRecord } from '../google/google-connection.entity';
import { GoogleOAuthState } from '../google/oauth-state.entity';
import { SyncItemError } from '../sync/sync-item-error.entity';
import { SyncRun } from '../sync/sync-run.entity';
import { SyncSchedule } from '../sync/sync-schedule.entity';
import { Tenant } from './tenant.entity';
import { TenantScopedEntity, TenantWriteGuard, tenantFilter } from './tenant-scoped.entity';

/** Entities of the shared infrastructure plus those of the given modules. */
export function gatewayEntities(modules: GatewayModule[]): EntityClass<unknown>[] {
  return [Tenant, TenantScopedEntity, GoogleConnectionRecord, GoogleOAuthState, SyncRun, SyncItemError, SyncSchedule, ...modules.flatMap((m) => m.entities)];
}

/** Counts the SQL statements MikroORM sends (tests prove there is no N+1 with it). */
export const sqlStatements: { count: number; trace: string[] | null } = { count: 0, trace: null };

export function ormOptions(databaseUrl: string, entities: EntityClass<unknown>[], log?: Logger): Options {
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
      migrationsList: migrations,
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

export async function createOrm(databaseUrl: string, modules: GatewayModule[], log?: Logger): Promise<MikroORM> {
  return MikroORM.init(ormOptions(databaseUrl, gatewayEntities(modules), log));
}

/** Applies pending migrations; returns their names. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

export async function pendingMigrations(orm: MikroORM): Promise<string[]> {
  return (await orm.getMigrator().getPendingMigrations()).map((m) => m.name);
}
