import type { GatewayConfig } from './config';
import { createOrm, dbCore } from './db/orm';
import { TenantRegistry } from './db/tenant-registry';
import { googleCore } from './google';
import { GoogleConnections } from './google/google-connections';
import { SecretBox } from './google/secret-box';
import { CacheRegistry } from './kernel/caches';
import type { Logger } from './kernel/logger';
import { scopesOf, syncJobsOf, tenantScopesOf, type GatewayModule } from './kernel/module';
import { PgPubSub } from './kernel/pubsub';
import { KERNEL_TOPICS } from './kernel/topics';
import { CallerVerifier } from './schema/caller';
import type { GatewayServices } from './schema/context';
import { syncCore } from './sync';
import type { SyncEngineOptions } from './sync/sync-engine';
import { SyncEngine } from './sync/sync-engine';
import { SyncScheduler } from './sync/sync-scheduler';

/** The modules that `config.modules` enables, in registry order. */
export function enabledModules(available: readonly GatewayModule[], config: Pick<GatewayConfig, 'modules'>): GatewayModule[] {
  return available.filter((m) => config.modules.includes(m.name));
}

/** What the database, pub/sub and the engine are made of: the layers' own parts, then the enabled modules. */
export function gatewayParts(enabled: readonly GatewayModule[]): GatewayModule[] {
  return [dbCore, googleCore, syncCore, ...enabled];
}

export interface ServicesOptions {
  databaseUrl: string;
  /** The registered modules; `config.modules` picks the enabled ones. */
  available: readonly GatewayModule[];
  /** Sync engine timings (tests shorten the lease); default config.sync. */
  syncOptions?: SyncEngineOptions;
  /** Whether this process runs sync jobs (default: unless ROLE=api). */
  worker?: boolean;
}

/**
 * The one wiring of the process's long-lived services, for the gateway, the sync CLI and the
 * scripts. Nothing is started: callers migrate, start pub/sub and the engine as they need.
 */
export async function createServices(config: GatewayConfig, log: Logger, options: ServicesOptions): Promise<GatewayServices> {
  const { databaseUrl } = options;
  const modules = enabledModules(options.available, config);
  const parts = gatewayParts(modules);
  const orm = await createOrm(databaseUrl, parts, log);
  const pubsub = new PgPubSub(databaseUrl, log.child({ component: 'pubsub' }), [...KERNEL_TOPICS, ...parts.flatMap((p) => p.topics ?? [])]);
  const caches = new CacheRegistry();
  const box = new SecretBox(config.secretsKey, config.previousSecretsKeys);
  const google = new GoogleConnections(config, orm, pubsub, caches, box, log.child({ component: 'google' }), scopesOf(modules), tenantScopesOf(modules));
  const engine = new SyncEngine({
    config,
    orm,
    pubsub,
    google,
    log: log.child({ component: 'sync' }),
    jobs: syncJobsOf(modules),
    databaseUrl,
    options: options.syncOptions,
    worker: options.worker,
  });
  const scheduler = new SyncScheduler(orm, engine, log.child({ component: 'sync-scheduler' }));
  return {
    config,
    log,
    orm,
    pubsub,
    caches,
    verifier: new CallerVerifier(config.jwt),
    box,
    google,
    sync: { engine, scheduler },
    tenants: new TenantRegistry(orm, caches),
    modules,
    databaseUrl,
  };
}

/** Stops what createServices made (for scripts; the gateway stops its parts step by step). */
export async function closeServices(services: GatewayServices): Promise<void> {
  await services.sync.engine.stop();
  await services.pubsub.close();
  await services.orm.close(true);
}
