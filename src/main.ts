import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { exitForLostDatabase } from './db/embedded-postgres';
import { startGateway } from './gateway';
import { createLogger } from './kernel/logger';
import type { GatewayModule } from './kernel/module';
import { registeredModules } from './modules';

const STOP_DEADLINE_MS = 10_000;

/** Process entry: config → database → schema → server; owns SIGINT/SIGTERM for a graceful stop. */
export async function runMain(modules: GatewayModule[] = registeredModules): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env, modules);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.logLevel, undefined, config.logFormat);

  let stopRequested = false;
  let gateway: Awaited<ReturnType<typeof startGateway>> | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    // npm and a terminal's Ctrl-C both deliver SIGINT: a repeat is not a reason to cut the
    // shutdown short (the deadline below still bounds it).
    if (stopRequested) return;
    stopRequested = true;
    log.info({ signal }, 'shutting down');
    setTimeout(() => {
      log.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    const done = gateway ? gateway.stop() : Promise.resolve();
    done.then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (err) => {
        log.error({ err }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    gateway = await startGateway(config, log, { modules, onDatabaseLost: (reason) => stopRequested || exitForLostDatabase(log, reason) });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof ConfigError || (err as { configError?: boolean }).configError || message.startsWith('DATA_DIR:')) {
      process.stderr.write(`Configuration error: ${message}\n`);
      process.exit(2);
    }
    log.fatal({ err }, 'the gateway could not start');
    process.exit(1);
  }
  if (stopRequested) {
    await gateway.stop();
    process.exit(0);
  }
  if (!config.production) {
    process.stderr.write(
      `\nGraphQL gateway ready at ${gateway.url}\n` +
        `Admin console at ${gateway.url.replace(/\/graphql$/, '/')} — sign in with a token, or open ${gateway.url.replace(/\/graphql$/, '/')}#token=$TOKEN\n` +
        `Get a development token:  TOKEN=$(npm run -s token -- --tenant demo --role admin)\n` +
        `Then: curl -s ${gateway.url} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{"query":"{ viewer { sub tenant roles } }"}'\n\n`,
    );
  }
}

if (require.main === module) void runMain();
