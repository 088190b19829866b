import type { EntityClass, MigrationObject } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { z } from 'zod';
import type { GoogleApi } from './google-api';
import type { Logger } from './logger';
import type { PgPubSub } from './pubsub';
import type { SyncJob } from './sync-job';

export type { GoogleApi, GoogleApiClientOptions } from './google-api';

/** A module's configuration: a zod object whose keys are environment variable names. */
export type ModuleConfigSchema = z.ZodObject<z.ZodRawShape>;

/** What a module's background worker gets when the process starts it. */
export interface ModuleWorkerContext {
  orm: MikroORM;
  pubsub: PgPubSub;
  log: Logger;
  /** The enabled modules' configuration sections (read the module's own with moduleConfig). */
  sections: Readonly<Record<string, unknown>>;
}

/**
 * A long-running task of a module (e.g. following print jobs), run by the processes that run sync
 * workers (ROLE=all or worker). It keeps its state in the database, so that another process or a
 * restart carries on; `start` returns the function that stops it.
 */
export interface ModuleWorker {
  name: string;
  start(ctx: ModuleWorkerContext): () => Promise<void>;
}

/**
 * The contract of a feature module: what it adds to the one schema, the one database, the sync
 * engine and the configuration. A module is one folder whose index.ts exports one of these, plus
 * one line in src/modules/index.ts.
 */
export interface GatewayModule {
  name: string;
  /** Always on (MODULES must include it). */
  required?: boolean;
  /** Not chosen through MODULES: on exactly when this says so of the modules that are (e.g. the sync runs' API). */
  enabledWhen?: (enabled: readonly GatewayModule[]) => boolean;
  entities?: EntityClass<unknown>[];
  // type-graphql takes resolver classes of any constructor shape.
  resolvers?: Function[];
  /** Its migrations, oldest first (in its own folder); names must be unique across modules. */
  migrations?: MigrationObject[];
  /** Its sync jobs, each with its GraphQL SyncModule key. */
  syncJobs?: SyncJob[];
  /** The Google APIs it calls. */
  googleApis?: GoogleApi[];
  /** Scopes it needs beyond those of its APIs. */
  googleScopes?: string[];
  /** Its background workers (started where sync workers run). */
  workers?: ModuleWorker[];
  /**
   * The scopes it needs for one tenant, when they depend on the tenant's settings (e.g. where its
   * contacts go): asked for at that tenant's authorization instead of those of `googleApis` and
   * `googleScopes`, which remain what its API clients check.
   */
  tenantGoogleScopes?(em: EntityManager, tenant: string): Promise<string[]>;
  /** The pub/sub topics it publishes (declared to PgPubSub). */
  topics?: string[];
  /** Its configuration section, parsed with the rest of the environment at start. */
  config?: ModuleConfigSchema;
  /** Called with the enabled modules before the schema is built (e.g. to fill an enum from them). */
  beforeSchema?(enabled: readonly GatewayModule[]): void;
}

/** The scopes the modules need, without repeats, in a stable order. */
export function scopesOf(modules: readonly GatewayModule[]): string[] {
  return [...new Set(modules.flatMap((m) => [...(m.googleApis ?? []).flatMap((a) => a.scopes), ...(m.googleScopes ?? [])]))];
}

/** The scopes one tenant's authorization asks for (see {@link GatewayModule.tenantGoogleScopes}). */
export type TenantScopes = (em: EntityManager, tenant: string) => Promise<string[]>;

/** The scopes the modules need for a tenant, without repeats, in a stable order. */
export function tenantScopesOf(modules: readonly GatewayModule[]): TenantScopes {
  return async (em, tenant) => {
    const scopes: string[] = [];
    for (const m of modules) scopes.push(...(m.tenantGoogleScopes ? await m.tenantGoogleScopes(em, tenant) : scopesOf([m])));
    return [...new Set(scopes)];
  };
}

/** The sync jobs of the modules. */
export function syncJobsOf(modules: readonly GatewayModule[]): SyncJob[] {
  return modules.flatMap((m) => m.syncJobs ?? []);
}

/** The Google APIs of the modules, one per name. */
export function googleApisOf(modules: readonly GatewayModule[]): GoogleApi[] {
  const byName = new Map<string, GoogleApi>();
  for (const api of modules.flatMap((m) => m.googleApis ?? [])) {
    const seen = byName.get(api.name);
    if (seen && (seen.perMinute !== api.perMinute || seen.rateEnv !== api.rateEnv)) {
      throw new Error(`Google API "${api.name}" is declared twice with different limits`);
    }
    byName.set(api.name, api);
  }
  return [...byName.values()];
}

/** A module's parsed configuration section, typed by its schema. */
export function moduleConfig<S extends ModuleConfigSchema>(sections: Readonly<Record<string, unknown>>, moduleName: string, schema: S): z.infer<S> {
  return schema.parse(sections[moduleName] ?? {});
}
