import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';
import { moduleConfig } from './kernel/module';
import { registeredModules } from './modules';
import { tasksConfig } from './modules/tasks/tasks.config';

const base = { JWT_SECRET: 'x'.repeat(40), SECRETS_KEY: Buffer.alloc(32, 1).toString('base64') };
const known = registeredModules;
/** What production needs besides the secrets: the token claims it checks. */
const claims = { JWT_AUDIENCE: 'erp-gateway', JWT_ISSUER: 'https://id.example.com/' };

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, known);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('fills the defaults of the environment contract', () => {
    const c = loadConfig(base, known);
    expect(c).toMatchObject({ port: 4000, databaseUrl: undefined, role: 'all', modules: ['auth', 'sync', 'tasks', 'contacts', 'printers'], publicUrl: 'http://localhost:4000', logLevel: 'info' });
    expect(c.dataDir).toBe(path.resolve('.data'));
    expect(c.google.apiRoot).toBe('https://www.googleapis.com');
    expect(c.introspection).toBe(true);
  });

  it('names the variable in one line for each bad value', () => {
    expect(errorOf({ ...base, ROLE: 'boss' }).message).toMatch(/^ROLE: unknown role "boss"/);
    expect(errorOf({ ...base, PORT: 'eighty' }).variable).toBe('PORT');
    expect(errorOf({ ...base, DATABASE_URL: 'not a url' }).variable).toBe('DATABASE_URL');
    expect(errorOf({ ...base, DATABASE_URL: 'mysql://h/db' }).variable).toBe('DATABASE_URL');
    expect(errorOf({ ...base, DATABASE_URL: 'postgres://h' }).message).toMatch(/names no database/);
    expect(errorOf({ ...base, MODULES: 'auth,weather' }).message).toMatch(/^MODULES: unknown module "weather"/);
    expect(errorOf({ ...base, MODULES: 'tasks' }).message).toMatch(/must include "auth"/);
    expect(errorOf({ ...base, LOG_LEVEL: 'loud' }).variable).toBe('LOG_LEVEL');
    expect(errorOf({ ...base, JWT_SECRET: 'short' }).variable).toBe('JWT_SECRET');
    expect(errorOf({ ...base, SECRETS_KEY: 'c2hvcnQ=' }).variable).toBe('SECRETS_KEY');
    expect(errorOf({ ...base, GRAPHQL_INTROSPECTION: 'maybe' }).variable).toBe('GRAPHQL_INTROSPECTION');
    expect(errorOf({ ...base, JWKS_URL: 'https://idp/jwks' }).variable).toBe('JWT_SECRET');
    for (const e of [errorOf({ ...base, ROLE: 'x' }), errorOf({ ...base, MODULES: 'y' })]) expect(e.message).not.toContain('\n');
  });

  it('LOG_FORMAT: json or pretty; pretty by default only on a terminal outside production', () => {
    expect(errorOf({ ...base, LOG_FORMAT: 'xml' }).message).toBe('LOG_FORMAT: unknown format "xml"; expected json or pretty');
    expect(loadConfig({ ...base, LOG_FORMAT: 'Pretty' }, known).logFormat).toBe('pretty');
    expect(loadConfig({ ...base, LOG_FORMAT: 'json' }, known).logFormat).toBe('json');
    const tty = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
    try {
      Object.defineProperty(process.stdout, 'isTTY', { value: true, configurable: true });
      expect(loadConfig(base, known).logFormat).toBe('pretty');
      expect(loadConfig({ NODE_ENV: 'production', ...base, ...claims }, known).logFormat).toBe('json');
      Object.defineProperty(process.stdout, 'isTTY', { value: false, configurable: true });
      expect(loadConfig(base, known).logFormat).toBe('json');
    } finally {
      if (tty) Object.defineProperty(process.stdout, 'isTTY', tty);
      else delete (process.stdout as { isTTY?: boolean }).isTTY;
    }
  });

  it('keeps the registry order for MODULES and accepts spaces and case', () => {
    expect(loadConfig({ ...base, MODULES: ' Tasks , auth ' }, known).modules).toEqual(['auth', 'sync', 'tasks']);
  });

  it('switches the sync runs API on only for modules that sync, and refuses to be asked for it', () => {
    expect(loadConfig({ ...base, MODULES: 'auth' }, known).modules).toEqual(['auth']);
    expect(errorOf({ ...base, MODULES: 'auth,sync' }).message).toMatch(/^MODULES: unknown module "sync"; known: auth, tasks, contacts, printers$/);
  });

  it('takes the Google rate limits from the enabled modules, overridable per API', () => {
    expect(loadConfig(base, known).rateLimits).toEqual({ calendar: 600, m8: 300, people: 90, 'chrome-printers': 600 });
    expect(loadConfig({ ...base, MODULES: 'auth' }, known).rateLimits).toEqual({});
    expect(loadConfig({ ...base, GOOGLE_RATE_CALENDAR_PER_MINUTE: ' 300 ' }, known).rateLimits).toEqual({ calendar: 300, m8: 300, people: 90, 'chrome-printers': 600 });
    for (const value of ['0', '-5', 'abc', '1.5', '10/min', '1e3', '99999999999999999999']) {
      expect(errorOf({ ...base, GOOGLE_RATE_CALENDAR_PER_MINUTE: value }).message).toMatch(/^GOOGLE_RATE_CALENDAR_PER_MINUTE: expected a positive integer/);
    }
  });

  it('takes the project-wide limits of the APIs that declare one', () => {
    expect(loadConfig(base, known).projectRateLimits).toEqual({ calendar: 10_000 });
    expect(loadConfig({ ...base, GOOGLE_RATE_CALENDAR_PROJECT_PER_MINUTE: '5000' }, known).projectRateLimits).toEqual({ calendar: 5000 });
    expect(loadConfig({ ...base, MODULES: 'auth' }, known).projectRateLimits).toEqual({});
    expect(errorOf({ ...base, GOOGLE_RATE_CALENDAR_PROJECT_PER_MINUTE: '0' }).message).toMatch(/^GOOGLE_RATE_CALENDAR_PROJECT_PER_MINUTE: expected a positive integer/);
  });

  it("parses the enabled modules' sections and stops on a bad value like any other variable", () => {
    expect(moduleConfig(loadConfig(base, known).sections, 'tasks', tasksConfig)).toEqual({
      GOOGLE_CALENDAR_CONCURRENCY: 4,
      GOOGLE_CALENDAR_DELEGATED_CONCURRENCY: 16,
      GOOGLE_CALENDAR_PER_USER_CONCURRENCY: 2,
    });
    expect(moduleConfig(loadConfig({ ...base, GOOGLE_CALENDAR_CONCURRENCY: '8' }, known).sections, 'tasks', tasksConfig).GOOGLE_CALENDAR_CONCURRENCY).toBe(8);
    for (const value of ['0', '33', 'many', '2.5']) {
      const err = errorOf({ ...base, GOOGLE_CALENDAR_CONCURRENCY: value });
      expect(err.variable).toBe('GOOGLE_CALENDAR_CONCURRENCY');
      expect(err.message).toContain(`(got "${value}")`);
    }
    // A disabled module's section is neither parsed nor checked.
    expect(loadConfig({ ...base, MODULES: 'auth', GOOGLE_CALENDAR_CONCURRENCY: 'many' }, known).sections).toEqual({});
  });

  it('reads the delivery settings: WebSocket send buffers and gzip', () => {
    expect(loadConfig(base, known).delivery).toEqual({ maxBufferedBytes: 1024 * 1024, behindBufferedBytes: 64 * 1024, gzipMinBytes: 64 * 1024, gzipLevel: 1 });
    const c = loadConfig({ ...base, WS_MAX_BUFFERED_BYTES: '32768', HTTP_GZIP_LEVEL: '0', HTTP_GZIP_MIN_BYTES: '1024' }, known);
    expect(c.delivery).toEqual({ maxBufferedBytes: 32768, behindBufferedBytes: 32768, gzipMinBytes: 1024, gzipLevel: 0 });
    expect(errorOf({ ...base, WS_MAX_BUFFERED_BYTES: '65536', WS_BEHIND_BUFFERED_BYTES: '70000' }).message).toMatch(/WS_BEHIND_BUFFERED_BYTES/);
    expect(errorOf({ ...base, HTTP_GZIP_LEVEL: '10' }).message).toMatch(/HTTP_GZIP_LEVEL/);
  });

  it('reads the sync engine timings', () => {
    expect(loadConfig({ ...base, SYNC_CONCURRENCY: '3', SYNC_LEASE_SECONDS: '10' }, known).sync).toMatchObject({ concurrency: 3, leaseSeconds: 10, pollingIntervalSeconds: 1 });
    expect(errorOf({ ...base, SYNC_POLL_SECONDS: '0.1' }).variable).toBe('SYNC_POLL_SECONDS');
  });

  it('GRAPHQL_JIT on by default; GRAPHQL_TRUSTED_DOCUMENTS_ONLY on by default only in production', () => {
    const dev = loadConfig(base, known);
    expect(dev).toMatchObject({ jit: true, jitAll: false, trustedDocumentsOnly: false, trustedDocumentsFile: path.resolve('operations/generated/persisted-documents.json') });
    expect(loadConfig({ NODE_ENV: 'production', ...base, ...claims }, known).trustedDocumentsOnly).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_TRUSTED_DOCUMENTS_ONLY: 'false', ...base, ...claims }, known).trustedDocumentsOnly).toBe(false);
    expect(loadConfig({ GRAPHQL_JIT: 'false', GRAPHQL_TRUSTED_DOCUMENTS: 'docs.json', ...base }, known)).toMatchObject({ jit: false, trustedDocumentsFile: path.resolve('docs.json') });
    expect(errorOf({ GRAPHQL_JIT: 'maybe', ...base }).message).toBe('GRAPHQL_JIT: expected true or false, got "maybe"');
  });

  it('requires secrets in production', () => {
    expect(errorOf({ NODE_ENV: 'production', SECRETS_KEY: base.SECRETS_KEY, ...claims }).variable).toBe('JWT_SECRET');
    expect(errorOf({ NODE_ENV: 'production', JWT_SECRET: base.JWT_SECRET, ...claims }).variable).toBe('SECRETS_KEY');
    expect(loadConfig({ ...base, ...claims, NODE_ENV: 'production' }, known).introspection).toBe(false);
  });

  it('requires the token audience and issuer in production, and passes them on when set', () => {
    expect(errorOf({ ...base, NODE_ENV: 'production', JWT_ISSUER: claims.JWT_ISSUER }).variable).toBe('JWT_AUDIENCE');
    expect(errorOf({ ...base, NODE_ENV: 'production', JWT_AUDIENCE: claims.JWT_AUDIENCE }).variable).toBe('JWT_ISSUER');
    expect(loadConfig({ ...base, ...claims }, known).jwt).toMatchObject({ kind: 'secret', audience: 'erp-gateway', issuer: 'https://id.example.com/' });
    const dev = loadConfig(base, known).jwt;
    expect(dev.audience).toBeUndefined();
    expect(dev.issuer).toBeUndefined();
  });

  it('generates development secrets into DATA_DIR with mode 0600, once', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cfg-'));
    const a = loadConfig({ DATA_DIR: dir }, known);
    const b = loadConfig({ DATA_DIR: dir }, known);
    expect(a.jwt).toEqual(b.jwt);
    expect(a.secretsKey).toBe(b.secretsKey);
    expect(Buffer.from(a.secretsKey, 'base64')).toHaveLength(32);
    expect(statSync(path.join(dir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, 'secrets-key')).mode & 0o777).toBe(0o600);
  });
});
