import type { MikroORM } from '@mikro-orm/postgresql';
import type { GatewayConfig } from './config';
import { createOrm, dbCore } from './db/orm';
import { TenantRegistry } from './db/tenant-registry';
import { googleCore } from './google';
import { GoogleConnections } from './google/google-connections';
import { SecretBox } from './google/secret-box';
import { CacheRegistry } from './kernel/caches';
import type { Logger } from './kernel/logger';
import { GatewayMetrics } from './kernel/metrics';
import { scopesOf, syncJobsOf, type GatewayModule } from './kernel/module';
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
  const metrics = new GatewayMetrics();
  const box = new SecretBox(config.secretsKey, config.previousSecretsKeys);
  const google = new GoogleConnections(config, orm, pubsub, caches, box, log.child({ component: 'google' }), scopesOf(modules), metrics);
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
    metrics,
  });
  scrapeDatabase(metrics, orm);
  const scheduler = new SyncScheduler(orm, engine, log.child({ component: 'sync-scheduler' }), config.sync.minScheduleSeconds);
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
    metrics,
  };
}

/** Gauges read from PostgreSQL at scrape time: they hold for every process of the deployment. */
function scrapeDatabase(metrics: GatewayMetrics, orm: MikroORM): void {
  const sql = <T>(query: string) => orm.em.getConnection().execute<T[]>(query);
  metrics.scraped('gateway_sync_runs', 'Sync runs by module and status: every queued or running one, and the others of the last 24 hours', ['module', 'status'], async () => {
    const rows = await sql<{ module: string; status: string; n: string }>(
      /* metrics */ `select module, status, count(*) as n from sync_run where status in ('QUEUED', 'RUNNING') or created_at > now() - interval '1 day' group by module, status`,
    );
    return rows.map((r) => ({ labels: { module: r.module, status: r.status }, value: Number(r.n) }));
  });
  metrics.scraped('gateway_job_queue_depth', 'Jobs waiting in the pg-boss queues (created or retry), by queue', ['queue'], async () => {
    const rows = await sql<{ name: string; n: string }>(/* metrics */ `select name, count(*) as n from pgboss.job where state in ('created', 'retry') group by name`);
    return rows.map((r) => ({ labels: { queue: r.name }, value: Number(r.n) }));
  });
  metrics.scraped('gateway_db_pool_connections', "This process's PostgreSQL pool: connections in use, idle, and requests waiting for one", ['state'], async () => {
    const pool = (orm.em.getConnection().getKnex().client as { pool?: TarnPool }).pool;
    if (!pool) return [];
    return [
      { labels: { state: 'used' }, value: pool.numUsed() },
      { labels: { state: 'idle' }, value: pool.numFree() },
      { labels: { state: 'waiting' }, value: pool.numPendingAcquires() },
    ];
  });
}

/** The parts of knex's connection pool (tarn) that are read. */
interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/** Stops what createServices made (for scripts; the gateway stops its parts step by step). */
export async function closeServices(services: GatewayServices): Promise<void> {
  await services.sync.engine.stop();
  await services.pubsub.close();
  await services.orm.close(true);
}
