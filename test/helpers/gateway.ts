import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config';
import { startGateway, type Gateway } from '../../src/gateway';
import { createLogger } from '../../src/kernel/logger';
import { registeredModules } from '../../src/modules';
import type { GatewayModule } from '../../src/kernel/module';
import type { SyncEngineOptions } from '../../src/sync/sync-engine';
import type { CallerRole } from '../../src/schema/caller';
import { signDevToken } from '../../src/schema/dev-token';
import { createTestDatabase, type TestDatabase } from './database';

export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';
export const TEST_SECRETS_KEY = Buffer.alloc(32, 7).toString('base64');

/**
 * For tests that count a request's SQL statements: the print-job poller (every 2 s by default)
 * would otherwise now and then add its own statement to the count.
 */
export const QUIET_POLLER: Record<string, string> = { PRINT_JOB_POLL_MS: '600000' };

export interface TestGateway {
  gateway: Gateway;
  url: string;
  wsUrl: string;
  origin: string;
  databaseUrl: string;
  /** Every log line the gateway wrote, as parsed JSON. */
  logs: Record<string, unknown>[];
  rawLogs: string[];
  token(tenant: string, roles?: CallerRole[], sub?: string): Promise<string>;
  stop(): Promise<void>;
}

export interface TestGatewayOptions {
  env?: Record<string, string>;
  /** Extra modules (test-only fixtures) added to the registry. */
  extraModules?: GatewayModule[];
  /** Reuse a database (e.g. to run two gateways on one); otherwise a fresh clone is made and dropped. */
  database?: TestDatabase | { url: string };
  syncOptions?: SyncEngineOptions;
}

export function testEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: TEST_JWT_SECRET,
    SECRETS_KEY: TEST_SECRETS_KEY,
    LOG_LEVEL: 'debug',
    NODE_ENV: 'test',
    DATA_DIR: '.data/test-unused',
    // The whole suite runs with either executor: GRAPHQL_JIT=false npm test.
    ...(process.env.GRAPHQL_JIT ? { GRAPHQL_JIT: process.env.GRAPHQL_JIT } : {}),
    ...(process.env.GRAPHQL_JIT_ALL ? { GRAPHQL_JIT_ALL: process.env.GRAPHQL_JIT_ALL } : {}),
    ...extra,
  };
}

/** Starts a real gateway (HTTP + WebSocket) in this process on a free port. */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const own = options.database ? null : await createTestDatabase();
  const databaseUrl = (options.database ?? own)!.url;
  const modules = [...registeredModules, ...(options.extraModules ?? [])];
  const env = testEnv(databaseUrl, options.env);
  const config = loadConfig(env, modules);
  const rawLogs: string[] = [];
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      const line = chunk.toString();
      rawLogs.push(line);
      try {
        logs.push(JSON.parse(line));
      } catch {
        /* not JSON */
      }
      cb();
    },
  });
  const log = createLogger(config.logLevel, sink);
  const gateway = await startGateway(config, log, { modules, syncOptions: options.syncOptions ?? { concurrency: 2, leaseSeconds: 3, pollingIntervalSeconds: 0.5, housekeepingSeconds: 0.5 } });
  const origin = `http://127.0.0.1:${gateway.port}`;
  return {
    gateway,
    url: `${origin}/graphql`,
    wsUrl: `ws://127.0.0.1:${gateway.port}/graphql`,
    origin,
    databaseUrl,
    logs,
    rawLogs,
    token: (tenant, roles = ['user'], sub) => signDevToken(TEST_JWT_SECRET, { tenant, roles, sub: sub ?? `${roles[0]}-${randomBytes(3).toString('hex')}` }),
    stop: async () => {
      await gateway.stop();
      await own?.drop();
    },
  };
}
