import type { GatewayConfig } from './config';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded-postgres';
import { migrate } from './db/orm';
import { loadDatabaseTimeZones } from './db/time-zones';
import { CALLBACK_PATH } from './google/google-connections';
import type { Logger } from './kernel/logger';
import type { GatewayModule } from './kernel/module';
import { registeredModules } from './modules';
import { buildGatewaySchema } from './schema/build-schema';
import type { GatewayServices } from './schema/context';
import { hardening } from './schema/hardening';
import { OperationExecutor } from './schema/compiled-execution';
import { TrustedDocuments } from './schema/trusted-documents';
import { createApollo } from './server/apollo';
import { graphqlHttpHandler } from './server/graphql-http';
import { DirectExecution } from './server/direct-execution';
import { OperationGuard } from './schema/operation-limits';
import { healthz, readyz } from './server/health';
import { consoleRoute } from './server/console.route';
import { HttpServer, type Route } from './server/http-server';
import { metricsRoute } from './server/metrics.route';
import { googleCallbackRoute } from './server/oauth-callback.route';
import { attachGraphQLWebSocket } from './server/websocket';
import { createServices } from './services';
import type { SyncEngineOptions } from './sync/sync-engine';

export interface GatewayOptions {
  /** The modules to choose from (default: the registry); `config.modules` picks the enabled ones. */
  modules?: GatewayModule[];
  /** Sync engine timings (tests shorten the lease); default config.sync. */
  syncOptions?: SyncEngineOptions;
  /** Called if the embedded PostgreSQL exits under the gateway (killed, crashed). */
  onDatabaseLost?: (reason: string) => void;
}

/** A running gateway process: database, schema, HTTP + WebSocket server. */
export interface Gateway {
  url: string;
  port: number;
  /** The port of METRICS_PORT's server (null: /metrics is on `port`). */
  metricsPort: number | null;
  services: GatewayServices;
  stop(): Promise<void>;
}

const DRAIN_MS = 5000;
/** Longest a single stop step may take (draining requests takes up to DRAIN_MS). */
const STEP_DEADLINE_MS = 8000;

/** Listens, turning the usual failures into configuration errors that name the variable. */
async function listenOn(server: HttpServer, port: number, host: string, variable: string): Promise<number> {
  try {
    return await server.listen(port, host);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw Object.assign(new Error(`${variable}: port ${port} is already in use`), { configError: true });
    if (code === 'EACCES') throw Object.assign(new Error(`${variable}: not allowed to listen on port ${port}`), { configError: true });
    throw err;
  }
}

/** Starts everything in order: database → migrations → pub/sub → schema → server. */
export async function startGateway(config: GatewayConfig, log: Logger, options: GatewayOptions = {}): Promise<Gateway> {
  const available = options.modules ?? registeredModules;
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

    const services = await createServices(config, log, { databaseUrl, available, syncOptions: options.syncOptions });
    const { orm, pubsub, caches, google } = services;
    onStop('database connections', () => orm.close(true));
    const applied = await migrate(orm);
    if (applied.length) log.info({ applied }, 'applied migrations');
    await loadDatabaseTimeZones(orm);

    await pubsub.start();
    onStop('pub/sub', () => pubsub.close());
    await services.sync.engine.start();
    onStop('sync workers', () => services.sync.engine.stop());
    if (services.sync.engine.isWorker) {
      for (const worker of services.modules.flatMap((m) => m.workers ?? [])) {
        const stopWorker = worker.start({ orm, pubsub, log: log.child({ component: worker.name }), sections: config.sections });
        onStop(`worker ${worker.name}`, stopWorker);
      }
    }
    const unlisten = caches.listen(pubsub, log);
    onStop('cache listener', async () => unlisten());

    let shuttingDown = false;
    const routes: Record<string, Route> = {
      '/healthz': healthz,
      '/readyz': readyz(
        orm,
        () => shuttingDown,
        () => pubsub.isListening(),
      ),
    };
    let ws: { close(): Promise<void> } | null = null;
    const http = new HttpServer(routes, log, config.role !== 'worker' && config.consoleDir ? consoleRoute(config.consoleDir, log) : null);
    // A worker process runs sync jobs and answers health checks only; the API is served by the others.
    if (config.role !== 'worker') {
      const schema = await buildGatewaySchema(services.modules, services);
      const limits = hardening(config);
      const executor = new OperationExecutor(schema, log, services.metrics, config.jit, undefined, !config.jitAll);
      const trusted = TrustedDocuments.load(config.trustedDocumentsFile, schema, limits, config.trustedDocumentsOnly, log);
      // Trusted documents are compiled before the first request.
      for (const entry of trusted.all()) if (entry.document) executor.prepare(entry.document);
      const guard = new OperationGuard(schema);
      // The direct path hands results with errors to Apollo's executor, which is ours only with GRAPHQL_JIT.
      const direct = config.jit && config.httpDirect ? new DirectExecution(executor, guard, services.metrics, trusted) : null;
      const apollo = createApollo(schema, services, limits, executor, trusted, guard, direct);
      await apollo.start();
      onStop('apollo', () => apollo.stop());
      routes['/graphql'] = graphqlHttpHandler(apollo, services, trusted, direct);
      routes[CALLBACK_PATH] = googleCallbackRoute(google);
      ws = attachGraphQLWebSocket(http.server, schema, services, limits, { executor, trusted });
    }
    let metricsPort: number | null = null;
    if (config.metricsPort === null) routes['/metrics'] = metricsRoute(services.metrics);
    else {
      const metricsHttp = new HttpServer({ '/metrics': metricsRoute(services.metrics) }, log);
      metricsPort = await listenOn(metricsHttp, config.metricsPort, config.host, 'METRICS_PORT');
      onStop('metrics server', () => metricsHttp.close(DRAIN_MS));
    }
    const port = await listenOn(http, config.port, config.host, 'PORT');
    onStop('http and websocket', async () => {
      shuttingDown = true;
      await Promise.all([ws?.close(), http.close(DRAIN_MS)]);
    });

    const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const url = `http://${host}:${port}/graphql`;
    log.info({ url, modules: config.modules, role: config.role }, 'gateway listening');

    let stopping: Promise<void> | null = null;
    return {
      url,
      port,
      metricsPort,
      services,
      stop: () => (stopping ??= cleanup()),
    };
  } catch (err) {
    await cleanup();
    throw err;
  }
}
