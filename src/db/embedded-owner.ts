import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

/**
 * Who runs the embedded PostgreSQL of a DATA_DIR. The process that starts the server writes
 * `<DATA_DIR>/pg-owner.json` (under `pg-owner.lock`) and removes it when it stops the server.
 * A server is an orphan only when the process named here is gone; `postmaster.pid` names
 * PostgreSQL's own process, not its owner.
 */
export interface OwnerRecord {
  pid: number;
  /** When the owner process started (clock ticks since boot, Linux): a reused pid is not the owner. */
  pidStartedAt: number | null;
  /** What the owner is: "gateway", "npm run seed", … */
  owner: string;
  port: number;
  database: string;
  /** PostgreSQL's postmaster. */
  postgresPid: number | null;
  startedAt: string;
}

const OWNER_FILE = 'pg-owner.json';
const LOCK_FILE = 'pg-owner.lock';
/** One file per process attached to a server it did not start (scripts): `<pid>.json`. */
const CLIENTS_DIR = 'pg-clients';
const LOCK_WAIT_MS = 120_000;

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A process's start time from /proc (field 22 of stat), or null where there is no /proc. */
export function processStartTime(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? ticks : null;
  } catch {
    return null;
  }
}

interface ProcessRef {
  pid: number;
  pidStartedAt: number | null;
}

function self(): ProcessRef {
  return { pid: process.pid, pidStartedAt: processStartTime(process.pid) };
}

/** The process is running and is the one that was recorded (not another one that got its pid). */
export function isAlive(ref: ProcessRef): boolean {
  if (!Number.isInteger(ref.pid) || ref.pid <= 0 || !processAlive(ref.pid)) return false;
  if (ref.pidStartedAt === null) return true;
  const now = processStartTime(ref.pid);
  return now === null || now === ref.pidStartedAt;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/** The owner record of a data dir, alive or not (null when there is none or it is unreadable). */
export function readOwner(dataDir: string): OwnerRecord | null {
  const r = readJson<OwnerRecord>(path.join(dataDir, OWNER_FILE));
  return r && Number.isInteger(r.pid) && Number.isInteger(r.port) ? r : null;
}

/** The owner record, if its process is still running. */
export function liveOwner(dataDir: string): OwnerRecord | null {
  const r = readOwner(dataDir);
  return r && isAlive(r) ? r : null;
}

export function writeOwner(dataDir: string, record: Omit<OwnerRecord, 'pid' | 'pidStartedAt' | 'startedAt'>): OwnerRecord {
  const full: OwnerRecord = { ...self(), ...record, startedAt: new Date().toISOString() };
  const tmp = path.join(dataDir, `${OWNER_FILE}.${process.pid}.tmp`);
  writeFileSync(tmp, `${JSON.stringify(full)}\n`, { mode: 0o600 });
  renameSync(tmp, path.join(dataDir, OWNER_FILE));
  return full;
}

/** Removes the owner record if it names `pid` (this process by default); pass null to remove any. */
export function removeOwner(dataDir: string, pid: number | null = process.pid): void {
  const r = readOwner(dataDir);
  if (pid === null || !r || r.pid === pid) rmSync(path.join(dataDir, OWNER_FILE), { force: true });
}

/** `postgres://postgres@127.0.0.1:PORT/DB` (no password: for messages). */
export function ownerServerUrl(r: OwnerRecord): string {
  return `postgres://postgres@127.0.0.1:${r.port}/${r.database}`;
}

/** "a gateway (pid 123, postgres://postgres@127.0.0.1:5432/gateway, since 2026-…)", "npm run seed (pid …)". */
export function describeOwner(r: OwnerRecord): string {
  return `${r.owner === 'gateway' ? 'a gateway' : r.owner} (pid ${r.pid}, ${ownerServerUrl(r)}, since ${r.startedAt})`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` holding `<dataDir>/pg-owner.lock`, an exclusive-create file that names its holder:
 * deciding who owns the server and starting it happen under it, so two processes never both
 * start one. A lock whose holder is gone is taken over; a live holder is waited for.
 */
export async function withOwnerLock<T>(dataDir: string, fn: () => Promise<T>, timeoutMs = LOCK_WAIT_MS): Promise<T> {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, LOCK_FILE);
  const mine = JSON.stringify({ ...self(), token: randomBytes(8).toString('hex') });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(lockFile, 'wx', 0o600);
      try {
        writeSync(fd, mine);
      } finally {
        closeSync(fd);
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let raw = '';
    let mtimeMs = Date.now();
    try {
      raw = readFileSync(lockFile, 'utf8');
      mtimeMs = statSync(lockFile).mtimeMs;
    } catch {
      continue; // released meanwhile
    }
    let holder: ProcessRef | null = null;
    try {
      holder = JSON.parse(raw) as ProcessRef;
    } catch {
      /* being written */
    }
    // A holder that is gone (or a file left unwritten by a holder killed between create and write).
    const stale = holder ? !isAlive(holder) : Date.now() - mtimeMs > 5000;
    if (stale) {
      // Only if it is still the file we judged: another process may have taken over meanwhile.
      let now: string | null = null;
      try {
        now = readFileSync(lockFile, 'utf8');
      } catch {
        /* gone */
      }
      if (now === raw) rmSync(lockFile, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `DATA_DIR: ${dataDir} is locked by pid ${holder?.pid ?? '?'} (starting its embedded PostgreSQL) for more than ${Math.round(timeoutMs / 1000)} s; if that process is stuck, stop it`,
      );
    }
    await sleep(50);
  }
  const release = () => {
    try {
      if (readFileSync(lockFile, 'utf8') === mine) rmSync(lockFile, { force: true });
    } catch {
      /* already gone */
    }
  };
  process.on('exit', release);
  try {
    return await fn();
  } finally {
    process.off('exit', release);
    release();
  }
}

/**
 * Notes that this process uses the server of another owner (a script attached to a gateway's
 * or another script's server); a script that owns the server waits for them before stopping it.
 * Returns the function that removes the note.
 */
export function registerClient(dataDir: string, label: string): () => void {
  const dir = path.join(dataDir, CLIENTS_DIR);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${process.pid}.json`);
  writeFileSync(`${file}.tmp`, `${JSON.stringify({ ...self(), label })}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  const remove = () => rmSync(file, { force: true });
  process.on('exit', remove);
  return () => {
    process.off('exit', remove);
    remove();
  };
}

/** The live processes attached to the server of this data dir (files of dead ones are removed). */
export function liveClients(dataDir: string): (ProcessRef & { label: string })[] {
  const dir = path.join(dataDir, CLIENTS_DIR);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const live: (ProcessRef & { label: string })[] = [];
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    const file = path.join(dir, name);
    const c = readJson<ProcessRef & { label: string }>(file);
    if (c?.pid === process.pid) continue;
    if (c && isAlive(c)) live.push(c);
    else rmSync(file, { force: true });
  }
  return live;
}
