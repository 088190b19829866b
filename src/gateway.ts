import type { MikroORM } from '@mikro-orm/postgresql';
import type { GatewayConfig } from './config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded-postgres';
import { createOrm, migrate } from './db/orm';
import { CALLBACK_PATH, GoogleConnections } from './google/google-connections';
import { googleCallbackRoute } from './google/oauth-callback.route';
import { SecretBox } from './google/secret-box';
import { engineOptionsFromEnv } from './sync/engine-options';
import { SyncEngine, type SyncEngineOptions } from './sync/sync-engine';
import { SyncScheduler } from './sync/sync-scheduler';
import { TenantRegistry } from './db/tenant-registry';
import type { Logger } from './logger';
import type { GatewayModule } from './modules/gateway-module';
import { registeredModules } from './modules';
import { buildGatewaySchema } from './schema/build-schema';
import { CacheRegistry } from './schema/caches';
import { CallerVerifier } from './schema/caller';
import type { GatewayServices } from './schema/context';
import { hardening } from './schema/hardening';
import { PgPubSub } from './schema/pubsub';
import { createApollo } from './server/apollo';
import { graphqlHttpHandler } from './server/graphql-http';
import { healthz, readyz } from './server/health';
import { HttpServer, type Route } from './server/http-server';
import { attachGraphQLWebSocket } from './server/websocket';

export interface GatewayOptions {
  /** The modules to choose from (default: the registry); `config.modules` picks the enabled ones. */
  modules?: GatewayModule[];
  /** Sync engine timings (tests shorten the lease); default from the environment. */
  syncOptions?: SyncEngineOptions;
  /** Called if the embedded PostgreSQL exits under the gateway (killed, crashed). */
  onDatabaseLost?: (reason: string) => void;
}

/** A running gateway process: database, schema, HTTP + WebSocket server. */
export interface Gateway {
  url: string;
  port: number;
  services: GatewayServices;
  stop(): Promise<void>;
}

const DRAIN_MS = 5000;
/** Longest a single stop step may take (draining requests takes up to DRAIN_MS). */
const STEP_DEADLINE_MS = 8000;

/** Starts everything in order: database → migrations → pub/sub → schema → server. */
export async function startGateway(config: GatewayConfig, log: Logger, options: GatewayOptions = {}): Promise<Gateway> {
  const available = options.modules ?? registeredModules;
  const modules = available.filter((m) => config.modules.includes(m.name));
  const cleanups: [string, () => Promise<void>][] = [];
  const onStop = (step: string, fn: () => Promise<void>) => cleanups.push([step, fn]);
  // Steps run in reverse order of start. One that hangs is reported and passed over, so that the
  // steps after it (stopping PostgreSQL last) still run.
  const cleanup = async () => {
    for (const [step, fn] of cleanups.splice(0).reverse()) {
      let timer: NodeJS.Timeout | undefined;
      const overran = new Promise<'overran'>((resolve) => (timer = setTimeout(() => resolve('overran'), STEP_DEADLINE_MS)));
      const outcome = await Promise.race([fn().catch((err) => log.error({ err, step }, 'error while stopping')), overran]);
      clearTimeout(timer);
      if (outcome === 'overran') log.warn({ step, ms: STEP_DEADLINE_MS }, 'a stop step did not finish in time; going on');
    }
  };

  try {
    let databaseUrl = config.databaseUrl;
    if (!databaseUrl) {
      const embedded: EmbeddedDatabase = await startEmbeddedPostgres(config.dataDir, log);
      onStop('embedded postgres', () => embedded.stop());
      if (options.onDatabaseLost) embedded.onUnexpectedExit(options.onDatabaseLost);
      databaseUrl = embedded.url;
      log.info({ dataDir: config.dataDir }, 'using the embedded PostgreSQL');
    }

    const orm: MikroORM = await createOrm(databaseUrl, modules, log);
    onStop('database connections', () => orm.close(true));
    const applied = await migrate(orm);
    if (applied.length) log.info({ applied }, 'applied migrations');

    const pubsub = new PgPubSub(databaseUrl, log.child({ component: 'pubsub' }));
    await pubsub.start();
    onStop('pub/sub', () => pubsub.close());

    const caches = new CacheRegistry();
    const verifier = new CallerVerifier(config.jwt);
    const box = new SecretBox(config.secretsKey, config.previousSecretsKeys);
    const neededScopes = [...new Set(modules.flatMap((m) => m.googleScopes ?? []))];
    const google = new GoogleConnections(config, orm, pubsub, caches, box, log.child({ component: 'google' }), neededScopes);
    const engine = new SyncEngine(config, orm, pubsub, google, log.child({ component: 'sync' }), modules.flatMap((m) => m.syncJobs), options.syncOptions ?? engineOptionsFromEnv(process.env), databaseUrl);
    const scheduler = new SyncScheduler(orm, engine, log.child({ component: 'sync-scheduler' }));
    await engine.start();
    onStop('sync workers', () => engine.stop());
    const services: GatewayServices = { config, log, orm, pubsub, caches, verifier, google, sync: { engine, scheduler } };
    const tenants = new TenantRegistry(orm, caches);
    const unlisten = caches.listen(pubsub, log);
    onStop('cache listener', async () => unlisten());

    let shuttingDown = false;
    const routes: Record<string, Route> = {
      '/healthz': healthz,
      '/readyz': readyz(orm, () => shuttingDown),
    };
    let ws: { close(): Promise<void> } | null = null;
    const http = new HttpServer(routes, log);
    // A worker process runs sync jobs and answers health checks only; the API is served by the others.
    if (config.role !== 'worker') {
      const schema = await buildGatewaySchema(modules, services);
      const limits = hardening(config);
      const apollo = createApollo(schema, services, limits);
      await apollo.start();
      onStop('apollo', () => apollo.stop());
      routes['/graphql'] = graphqlHttpHandler(apollo, services, tenants);
      routes[CALLBACK_PATH] = googleCallbackRoute(google, log);
      ws = attachGraphQLWebSocket(http.server, schema, services, tenants, limits);
    }
    let port: number;
    try {
      port = await http.listen(config.port, config.host);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw Object.assign(new Error(`PORT: port ${config.port} is already in use`), { configError: true });
      if (code === 'EACCES') throw Object.assign(new Error(`PORT: not allowed to listen on port ${config.port}`), { configError: true });
      throw err;
    }
    onStop('http and websocket', async () => {
      shuttingDown = true;
      await Promise.all([ws?.close(), http.close(DRAIN_MS)]);
    });

    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = `http://${host}:${port}/graphql`;
    log.info({ url, modules: modules.map((m) => m.name), role: config.role }, 'gateway listening');

    let stopping: Promise<void> | null = null;
    return {
      url,
      port,
      services,
      stop: () => (stopping ??= cleanup()),
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
