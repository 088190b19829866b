import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { signDevToken, type DevTokenClaims } from '../../src/schema/dev-token';
import { benchServerUrl, createBenchDatabase, type BenchDatabase } from './database';
import { freePort, spawnChild, waitForHttp200, type ChildHandle, type StopResult } from './process';
import type { BenchContext } from './types';

export interface StartGatewayOptions {
  /** Extra or overriding environment variables. */
  env?: Record<string, string>;
  /** Node flags before `-r @swc-node/register` (default: BENCH_GATEWAY_NODE_ARGS split on spaces), e.g. --cpu-prof. */
  nodeArgs?: string[];
  readyTimeoutMs?: number;
  /** The entry script (default src/main.ts), e.g. a gateway with test-only modules. */
  entry?: string;
}

export interface RunningGateway {
  child: ChildHandle;
  pid: number;
  port: number;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  /** http://127.0.0.1:PORT/graphql */
  graphqlUrl: string;
  jwtSecret: string;
  /** The fresh database (null with the embedded PostgreSQL). */
  database: BenchDatabase | null;
  /** An HS256 bearer token signed with the gateway's secret. */
  token(claims: DevTokenClaims): Promise<string>;
  rssKb(): Promise<number | null>;
  /** SIGTERM and wait for the exit, then drop the database. Idempotent; also registered with ctx.defer. */
  stop(): Promise<StopResult>;
}

/** Variables of the gateway's contract that the caller's shell must not leak into the child. */
const SCRUBBED = /^(DATABASE_URL|DATA_DIR|JWKS_URL|JWT_SECRET|JWT_AUDIENCE|JWT_ISSUER|SECRETS_KEY|MODULES|ROLE|PUBLIC_URL|PORT|HOST|LOG_LEVEL|NODE_ENV|NODE_OPTIONS|GRAPHQL_.*|GOOGLE_.*)$/;

const BENCH_AUDIENCE = 'erp-gateway-bench';
const BENCH_ISSUER = 'https://bench.invalid/';

/**
 * Starts the real gateway as a child (`node -r @swc-node/register src/main.ts`) in production
 * mode on a free port: on a fresh database of BENCH_DATABASE_URL / TEST_DATABASE_URL's server,
 * else on the embedded PostgreSQL in .data/bench. Resolves once /readyz answers 200.
 */
export async function startGateway(ctx: BenchContext, opts: StartGatewayOptions = {}): Promise<RunningGateway> {
  const port = await freePort();
  const jwtSecret = randomBytes(36).toString('base64url'); // 48 characters
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!SCRUBBED.test(k)) env[k] = v;
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    JWT_SECRET: jwtSecret,
    // Production checks the tokens' audience and issuer: the bench's tokens carry them.
    JWT_AUDIENCE: BENCH_AUDIENCE,
    JWT_ISSUER: BENCH_ISSUER,
    SECRETS_KEY: randomBytes(32).toString('base64'),
    GRAPHQL_INTROSPECTION: 'false',
    // The suites send their own documents as text, not only the frontends' trusted ones.
    GRAPHQL_TRUSTED_DOCUMENTS_ONLY: 'false',
    // BENCH_GRAPHQL_JIT=false measures the gateway with graphql-js (before/after comparisons).
    GRAPHQL_JIT: process.env.BENCH_GRAPHQL_JIT?.trim() || 'true',
  });

  let database: BenchDatabase | null = null;
  const serverUrl = benchServerUrl();
  if (serverUrl) {
    database = await createBenchDatabase(serverUrl);
    env.DATABASE_URL = database.url;
    ctx.log(`gateway: database ${database.name} on ${new URL(serverUrl).host}`);
  } else {
    env.DATA_DIR = path.join(ctx.repoRoot, '.data', 'bench');
    ctx.log('gateway: embedded PostgreSQL in .data/bench (set BENCH_DATABASE_URL to use a server)');
  }
  Object.assign(env, opts.env);

  const nodeArgs = opts.nodeArgs ?? (process.env.BENCH_GATEWAY_NODE_ARGS?.split(/\s+/).filter(Boolean) || []);
  let child: ChildHandle;
  try {
    child = spawnChild('gateway', process.execPath, [...nodeArgs, '-r', '@swc-node/register', opts.entry ?? 'src/main.ts'], { cwd: ctx.repoRoot, env });
  } catch (err) {
    await database?.drop();
    throw err;
  }

  let stopped: Promise<StopResult> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      const result = await child.stop(15_000);
      if (result.forced) ctx.log(`gateway: did not exit within 15 s of SIGTERM; killed`);
      else if (!result.alreadyExited && result.code !== 0) ctx.log(`gateway: exited with ${result.signal ?? `code ${result.code}`} after SIGTERM`);
      if (database) {
        await database.drop().catch((err) => ctx.log(`gateway: could not drop ${database!.name}: ${err instanceof Error ? err.message : err}`));
      }
      return result;
    })());
  ctx.defer(async () => {
    await stop();
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  await waitForHttp200(`${baseUrl}/readyz`, opts.readyTimeoutMs ?? 60_000, child);
  ctx.log(`gateway: ready in ${((Date.now() - started) / 1000).toFixed(1)} s (pid ${child.pid}, port ${port})`);

  return {
    child,
    pid: child.pid,
    port,
    baseUrl,
    graphqlUrl: `${baseUrl}/graphql`,
    jwtSecret,
    database,
    token: (claims) => signDevToken(jwtSecret, { audience: BENCH_AUDIENCE, issuer: BENCH_ISSUER, ...claims }),
    rssKb: () => child.rssKb(),
    stop,
  };
}
