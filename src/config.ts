import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { googleApisOf, type GatewayModule } from './kernel/module';

/** Thrown for a bad environment: its message is one line that names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

export const ROLES = ['all', 'api', 'worker'] as const;
export type ProcessRole = (typeof ROLES)[number];

export interface GatewayConfig {
  port: number;
  host: string;
  /** METRICS_PORT: /metrics is served there (on HOST) instead of on PORT; null = on PORT. */
  metricsPort: number | null;
  databaseUrl: string | undefined;
  dataDir: string;
  /** The built admin console served at / (null: CONSOLE_DIR=off, / is a 404). */
  consoleDir: string | null;
  role: ProcessRole;
  /** Names of the enabled modules, in registry order (those switched on by others included). */
  modules: string[];
  /** Each enabled module's configuration section, parsed with its zod schema (see kernel/module moduleConfig). */
  sections: Record<string, unknown>;
  /** Requests per minute per tenant for each Google API an enabled module declares (GOOGLE_RATE_*_PER_MINUTE). */
  rateLimits: Record<string, number>;
  /** Requests per minute per tenant for the whole project, for the APIs that declare one (GOOGLE_RATE_*_PROJECT_PER_MINUTE). */
  projectRateLimits: Record<string, number>;
  /** Sync engine timings (SYNC_CONCURRENCY, SYNC_LEASE_SECONDS, SYNC_POLL_SECONDS, SYNC_HOUSEKEEPING_SECONDS). */
  sync: {
    /** How often an idle worker asks pg-boss for work. */
    pollingIntervalSeconds: number;
    /** Runs one process executes at once (different tenants or modules). */
    concurrency: number;
    /** A running run whose worker has not renewed its lease for this long is taken over. */
    leaseSeconds: number;
    /** How often workers look for abandoned runs and due schedules. */
    housekeepingSeconds: number;
    /** A run that completes no item (nor changes phase) for this long is stopped and failed (SYNC_STALL_TIMEOUT_MS). */
    stallTimeoutMs: number;
    /** The shortest interval a sync schedule may have (SYNC_MIN_SCHEDULE_SECONDS, default 300). */
    minScheduleSeconds: number;
  };
  publicUrl: string;
  /** How tokens are checked: the key (JWT_SECRET or JWKS_URL) and the claims they must carry (JWT_AUDIENCE, JWT_ISSUER). */
  jwt: ({ kind: 'secret'; secret: string } | { kind: 'jwks'; url: string }) & { audience?: string; issuer?: string };
  secretsKey: string;
  /** Older keys that may still open stored secrets during a rotation (SECRETS_KEY_PREVIOUS). */
  previousSecretsKeys: string[];
  google: {
    apiRoot: string;
    oauthTokenUrl: string;
    oauthAuthUrl: string;
    oauthRevokeUrl: string;
    /** Longest wait for one Google request (GOOGLE_REQUEST_TIMEOUT_MS). */
    requestTimeoutMs: number;
  };
  logLevel: string;
  /** LOG_FORMAT; default "pretty" on a terminal outside production, else "json". */
  logFormat: 'json' | 'pretty';
  introspection: boolean;
  /** GRAPHQL_JIT: queries and mutations run compiled (graphql-jit), else with graphql-js. */
  jit: boolean;
  /** GRAPHQL_JIT_ALL: compile every operation, not only those that select a list. */
  jitAll: boolean;
  /** GRAPHQL_HTTP_DIRECT: known queries and mutations over POST skip Apollo's request pipeline (with GRAPHQL_JIT only). */
  httpDirect: boolean;
  /** GRAPHQL_TRUSTED_DOCUMENTS_ONLY: only the operations of the trusted-documents manifest are executed. */
  trustedDocumentsOnly: boolean;
  /** GRAPHQL_TRUSTED_DOCUMENTS: the manifest (documentId → query text) `npm run codegen` writes. */
  trustedDocumentsFile: string;
  production: boolean;
  /** NODE_ENV=development: stack traces and internal messages go to clients. */
  development: boolean;
  limits: {
    maxBodyBytes: number;
    maxDepth: number;
    maxAliases: number;
    maxTokens: number;
    maxCost: number;
    maxDirectives: number;
    /** GRAPHQL_MAX_RESULT_OBJECTS: list items one operation may produce (estimated before, counted during execution). */
    maxResultObjects: number;
    /** GRAPHQL_TIMEOUT_MS: how long one query or mutation may execute. */
    timeoutMs: number;
    /** GRAPHQL_EXPENSIVE_PER_CALLER: expensive fields (taskCalendar) one caller runs at once in this process; more wait. */
    expensivePerCaller: number;
    /** Open WebSockets one caller (tenant + sub) may hold (WS_MAX_SOCKETS_PER_CALLER). */
    maxSocketsPerCaller: number;
  };
  /** How answers and events leave the process. */
  delivery: {
    /** WS_MAX_BUFFERED_BYTES: unsent bytes a WebSocket may hold; past them its client is too slow and the socket is closed with 4408. */
    maxBufferedBytes: number;
    /** WS_BEHIND_BUFFERED_BYTES: past this many unsent bytes a socket is behind, and progress events are coalesced for it (latest wins). */
    behindBufferedBytes: number;
    /** HTTP_GZIP_MIN_BYTES: GraphQL answers this large or larger are gzipped for clients that accept it. */
    gzipMinBytes: number;
    /** HTTP_GZIP_LEVEL: zlib level 1–9; 0 turns compression off. */
    gzipLevel: number;
  };
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function intVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const parsed = z.coerce.number().int().min(min).max(max).safeParse(raw);
  if (!parsed.success) throw new ConfigError(name, `expected an integer from ${min} to ${max}, got "${raw}"`);
  return parsed.data;
}

function numberVar(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new ConfigError(name, `expected a number ≥ ${min}, got "${raw}"`);
  return n;
}

function boolVar(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `expected true or false, got "${env[name]}"`);
}

function urlVar(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')} (got ${url.protocol})`);
  }
  return raw;
}

/**
 * Reads a development secret from DATA_DIR, creating it (mode 0600) on first use.
 * Production never gets here: it must pass the variable.
 */
export function devSecret(dataDir: string, file: string, bytes: number): string {
  const target = path.join(dataDir, file);
  if (existsSync(target)) return readFileSync(target, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const value = randomBytes(bytes).toString('base64url');
  writeFileSync(target, `${value}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(target, 0o600);
  return value;
}

/** Validates the environment contract of DESIGN.md and fills in the defaults. */
export function loadConfig(given: Env = process.env, registered: readonly GatewayModule[] = [], defaults: Env = {}): GatewayConfig {
  // A variable set to the empty string counts as unset, as everywhere below.
  const env: Env = { ...defaults, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined && v !== '')) };
  const production = env.NODE_ENV === 'production';
  const port = intVar(env, 'PORT', 4000, 0, 65535);
  const host = env.HOST?.trim() || '0.0.0.0';
  const metricsPort = env.METRICS_PORT === undefined ? null : intVar(env, 'METRICS_PORT', 0, 0, 65535);
  if (metricsPort !== null && metricsPort !== 0 && metricsPort === port) throw new ConfigError('METRICS_PORT', `must differ from PORT (${port}); leave it unset to serve /metrics on PORT`);
  const databaseUrl = urlVar(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  if (databaseUrl) {
    const u = new URL(databaseUrl);
    if (!u.hostname && !u.searchParams.get('host')) throw new ConfigError('DATABASE_URL', 'names no host');
    if (u.pathname.length <= 1) throw new ConfigError('DATABASE_URL', 'names no database');
  }
  const dataDir = path.resolve(env.DATA_DIR?.trim() || '.data');
  const consoleRaw = env.CONSOLE_DIR?.trim() || 'web/dist';
  const consoleDir = consoleRaw.toLowerCase() === 'off' ? null : path.resolve(consoleRaw);

  const roleRaw = (env.ROLE?.trim() || 'all').toLowerCase();
  if (!(ROLES as readonly string[]).includes(roleRaw)) {
    throw new ConfigError('ROLE', `unknown role "${env.ROLE}"; expected one of ${ROLES.join(', ')}`);
  }
  const role = roleRaw as ProcessRole;

  const enabled = enabledModules(env, registered);
  const modules = enabled.map((m) => m.name);
  const sections: Record<string, unknown> = {};
  for (const m of enabled) if (m.config) sections[m.name] = parseSection(env, m.config);
  const rateLimits: Record<string, number> = {};
  const projectRateLimits: Record<string, number> = {};
  const perMinute = (name: string, fallback: number): number => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
      throw new ConfigError(name, `expected a positive integer (requests per minute), got "${env[name]}"`);
    }
    return Number(raw);
  };
  for (const api of googleApisOf(enabled)) {
    rateLimits[api.name] = perMinute(api.rateEnv, api.perMinute);
    if (api.projectPerMinute !== undefined) projectRateLimits[api.name] = api.projectRateEnv ? perMinute(api.projectRateEnv, api.projectPerMinute) : api.projectPerMinute;
  }

  const publicUrl = (urlVar(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`).replace(/\/+$/, '');

  const jwksUrl = urlVar(env, 'JWKS_URL', ['http:', 'https:']);
  let jwtKey: { kind: 'secret'; secret: string } | { kind: 'jwks'; url: string };
  if (jwksUrl) {
    if (env.JWT_SECRET) throw new ConfigError('JWT_SECRET', 'set together with JWKS_URL; choose one');
    jwtKey = { kind: 'jwks', url: jwksUrl };
  } else if (env.JWT_SECRET) {
    if (env.JWT_SECRET.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
    jwtKey = { kind: 'secret', secret: env.JWT_SECRET };
  } else if (production) {
    throw new ConfigError('JWT_SECRET', 'is required in production (or set JWKS_URL)');
  } else {
    jwtKey = { kind: 'secret', secret: devSecret(dataDir, 'jwt-secret', 48) };
  }
  const audience = env.JWT_AUDIENCE?.trim() || undefined;
  const issuer = env.JWT_ISSUER?.trim() || undefined;
  // A token minted for another service of the same identity provider must not open this one.
  if (production && !audience) throw new ConfigError('JWT_AUDIENCE', 'is required in production (the "aud" your identity provider puts in tokens for this gateway)');
  if (production && !issuer) throw new ConfigError('JWT_ISSUER', 'is required in production (the "iss" of your identity provider)');
  const jwt: GatewayConfig['jwt'] = { ...jwtKey, ...(audience ? { audience } : {}), ...(issuer ? { issuer } : {}) };

  let secretsKey = env.SECRETS_KEY?.trim();
  if (secretsKey) {
    if (Buffer.from(secretsKey, 'base64').length !== 32) {
      throw new ConfigError('SECRETS_KEY', 'must be 32 bytes encoded in base64 (openssl rand -base64 32)');
    }
  } else if (production) {
    throw new ConfigError('SECRETS_KEY', 'is required in production (openssl rand -base64 32)');
  } else {
    secretsKey = Buffer.from(devSecret(dataDir, 'secrets-key', 32), 'base64url').toString('base64');
  }

  const previousSecretsKeys = (env.SECRETS_KEY_PREVIOUS ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  for (const k of previousSecretsKeys) {
    if (Buffer.from(k, 'base64').length !== 32) throw new ConfigError('SECRETS_KEY_PREVIOUS', 'each key must be 32 bytes encoded in base64');
  }

  const apiRoot = (urlVar(env, 'GOOGLE_API_ROOT', ['http:', 'https:']) ?? 'https://www.googleapis.com').replace(/\/+$/, '');
  const google = {
    apiRoot,
    oauthTokenUrl: urlVar(env, 'GOOGLE_OAUTH_TOKEN_URL', ['http:', 'https:']) ?? 'https://oauth2.googleapis.com/token',
    oauthAuthUrl: urlVar(env, 'GOOGLE_OAUTH_AUTH_URL', ['http:', 'https:']) ?? 'https://accounts.google.com/o/oauth2/v2/auth',
    oauthRevokeUrl: urlVar(env, 'GOOGLE_OAUTH_REVOKE_URL', ['http:', 'https:']) ?? 'https://oauth2.googleapis.com/revoke',
    requestTimeoutMs: intVar(env, 'GOOGLE_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000),
  };

  const logLevel = (env.LOG_LEVEL?.trim() || 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `unknown level "${env.LOG_LEVEL}"; expected one of ${LOG_LEVELS.join(', ')}`);
  }

  const logFormatRaw = env.LOG_FORMAT?.trim().toLowerCase();
  if (logFormatRaw && logFormatRaw !== 'json' && logFormatRaw !== 'pretty') {
    throw new ConfigError('LOG_FORMAT', `unknown format "${env.LOG_FORMAT}"; expected json or pretty`);
  }
  const logFormat = (logFormatRaw as 'json' | 'pretty' | undefined) || (!production && process.stdout.isTTY ? 'pretty' : 'json');

  return {
    port,
    host,
    metricsPort,
    databaseUrl,
    dataDir,
    consoleDir,
    role,
    modules,
    sections,
    rateLimits,
    projectRateLimits,
    sync: {
      concurrency: Math.floor(numberVar(env, 'SYNC_CONCURRENCY', 2, 1)),
      leaseSeconds: numberVar(env, 'SYNC_LEASE_SECONDS', 30, 1),
      pollingIntervalSeconds: numberVar(env, 'SYNC_POLL_SECONDS', 1, 0.5),
      housekeepingSeconds: numberVar(env, 'SYNC_HOUSEKEEPING_SECONDS', 5, 0.5),
      stallTimeoutMs: intVar(env, 'SYNC_STALL_TIMEOUT_MS', 600_000, 1000, 86_400_000),
      minScheduleSeconds: intVar(env, 'SYNC_MIN_SCHEDULE_SECONDS', 300, 1, 7 * 86_400),
    },
    publicUrl,
    jwt,
    secretsKey,
    previousSecretsKeys,
    google,
    logLevel,
    logFormat,
    introspection: boolVar(env, 'GRAPHQL_INTROSPECTION', !production),
    jit: boolVar(env, 'GRAPHQL_JIT', true),
    jitAll: boolVar(env, 'GRAPHQL_JIT_ALL', false),
    httpDirect: boolVar(env, 'GRAPHQL_HTTP_DIRECT', true),
    trustedDocumentsOnly: boolVar(env, 'GRAPHQL_TRUSTED_DOCUMENTS_ONLY', production),
    trustedDocumentsFile: path.resolve(env.GRAPHQL_TRUSTED_DOCUMENTS?.trim() || 'operations/generated/persisted-documents.json'),
    production,
    development: env.NODE_ENV === 'development',
    limits: {
      maxBodyBytes: intVar(env, 'GRAPHQL_MAX_BODY_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
      maxDepth: intVar(env, 'GRAPHQL_MAX_DEPTH', 10, 2, 100),
      maxAliases: intVar(env, 'GRAPHQL_MAX_ALIASES', 15, 0, 1000),
      maxTokens: intVar(env, 'GRAPHQL_MAX_TOKENS', 2000, 100, 100_000),
      maxCost: intVar(env, 'GRAPHQL_MAX_COST', 20_000, 10, 1_000_000),
      maxDirectives: intVar(env, 'GRAPHQL_MAX_DIRECTIVES', 20, 1, 1000),
      maxResultObjects: intVar(env, 'GRAPHQL_MAX_RESULT_OBJECTS', 20_000, 100, 10_000_000),
      timeoutMs: intVar(env, 'GRAPHQL_TIMEOUT_MS', 15_000, 100, 600_000),
      expensivePerCaller: intVar(env, 'GRAPHQL_EXPENSIVE_PER_CALLER', 2, 1, 100),
      maxSocketsPerCaller: intVar(env, 'WS_MAX_SOCKETS_PER_CALLER', 20, 1, 10_000),
    },
    delivery: deliveryConfig(env),
  };
}

function deliveryConfig(env: Env): GatewayConfig['delivery'] {
  const maxBufferedBytes = intVar(env, 'WS_MAX_BUFFERED_BYTES', 1024 * 1024, 16 * 1024, 1024 * 1024 * 1024);
  const behindBufferedBytes = intVar(env, 'WS_BEHIND_BUFFERED_BYTES', Math.min(64 * 1024, maxBufferedBytes), 1, maxBufferedBytes);
  return {
    maxBufferedBytes,
    behindBufferedBytes,
    gzipMinBytes: intVar(env, 'HTTP_GZIP_MIN_BYTES', 64 * 1024, 0, 1024 * 1024 * 1024),
    gzipLevel: intVar(env, 'HTTP_GZIP_LEVEL', 1, 0, 9),
  };
}

/**
 * The modules MODULES picks (every registered one when unset), those that must always be on, and
 * those that switch themselves on for the others (`enabledWhen`), in registry order.
 */
function enabledModules(env: Env, registered: readonly GatewayModule[]): GatewayModule[] {
  const choosable = registered.filter((m) => !m.enabledWhen);
  let chosen = [...choosable];
  if (env.MODULES !== undefined && env.MODULES.trim() !== '') {
    const asked = env.MODULES.split(',')
      .map((m) => m.trim().toLowerCase())
      .filter(Boolean);
    const known = choosable.map((m) => m.name);
    const unknown = asked.filter((m) => !known.includes(m));
    if (unknown.length) throw new ConfigError('MODULES', `unknown module ${unknown.map((m) => `"${m}"`).join(', ')}; known: ${known.join(', ')}`);
    chosen = choosable.filter((m) => asked.includes(m.name));
  }
  const missing = choosable.filter((m) => m.required && !chosen.includes(m));
  if (missing.length) {
    throw new ConfigError('MODULES', `must include ${missing.map((m) => `"${m.name}"`).join(', ')}: every module relies on it (it owns the tenant and the caller)`);
  }
  return registered.filter((m) => chosen.includes(m) || m.enabledWhen?.(chosen));
}

/** Parses a module's section; a bad value stops the start with the variable's name, like every other. */
function parseSection(env: Env, schema: NonNullable<GatewayModule['config']>): unknown {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const variable = String(issue.path[0] ?? 'configuration');
  const raw = env[variable];
  throw new ConfigError(variable, `${issue.message}${raw !== undefined ? ` (got "${raw}")` : ''}`);
}
