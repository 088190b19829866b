import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StopResult extends ExitStatus {
  /** Milliseconds from the signal to the exit. */
  ms: number;
  /** True when the child ignored SIGTERM and its process group was SIGKILLed. */
  forced: boolean;
  /** True when the child had exited on its own before stop() was called. */
  alreadyExited: boolean;
}

export interface ChildHandle {
  name: string;
  pid: number;
  process: ChildProcess;
  /** Resolves when the child has exited (never rejects). */
  exited: Promise<ExitStatus>;
  readonly exitStatus: ExitStatus | null;
  /** The last ~64 KB of the child's stdout and stderr. */
  output(): string;
  /** Resolves with the first output line matching `pattern` (rejects on timeout or exit). */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string>;
  /** SIGTERM, wait up to `timeoutMs`, then SIGKILL the whole process group. Idempotent. */
  stop(timeoutMs?: number): Promise<StopResult>;
  /** Resident set size in KB (null once exited or if unreadable). */
  rssKb(): Promise<number | null>;
}

const OUTPUT_LIMIT = 64 * 1024;
const live = new Set<ChildHandle>();

export interface SpawnOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Copy the child's output to our stderr as it comes (BENCH_VERBOSE=1 does it for every child). */
  echo?: boolean;
}

/**
 * Spawns a child in a process group of its own (so a forced stop also reaches its own children,
 * e.g. an embedded PostgreSQL), keeps the tail of its output, and tracks it until it exits so
 * that killAllChildren() can reach it if the benchmark dies.
 */
export function spawnChild(name: string, command: string, args: string[], opts: SpawnOptions): ChildHandle {
  const child = spawn(command, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  if (child.pid === undefined) throw new Error(`${name}: could not spawn ${command}`);
  const pid = child.pid;
  const echo = opts.echo ?? process.env.BENCH_VERBOSE === '1';
  let tail = '';
  const lineWaiters = new Set<(line: string) => void>();
  let partial = '';
  const onData = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    if (echo) process.stderr.write(text.replace(/^(?=.)/gm, `[${name}] `));
    tail = (tail + text).slice(-OUTPUT_LIMIT);
    partial += text;
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) for (const w of lineWaiters) w(line);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);

  let exitStatus: ExitStatus | null = null;
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('exit', (code, signal) => {
      exitStatus = { code, signal };
      live.delete(handle);
      resolve(exitStatus);
    });
    child.once('error', (err) => {
      tail += `\n[${name}] ${err.message}\n`;
    });
  });

  let stopping: Promise<StopResult> | null = null;
  const handle: ChildHandle = {
    name,
    pid,
    process: child,
    exited,
    get exitStatus() {
      return exitStatus;
    },
    output: () => tail,
    waitForLine(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const done = (fn: () => void) => {
          clearTimeout(timer);
          lineWaiters.delete(onLine);
          fn();
        };
        const onLine = (line: string) => {
          if (pattern.test(line)) done(() => resolve(line));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`${name}: no line matching ${pattern} within ${timeoutMs} ms`))), timeoutMs);
        lineWaiters.add(onLine);
        void exited.then((s) => done(() => reject(new Error(`${name} exited (${describeExit(s)}) before printing ${pattern}`))));
      });
    },
    stop(timeoutMs = 15_000) {
      return (stopping ??= (async () => {
        const started = Date.now();
        if (exitStatus) return { ...exitStatus, ms: 0, forced: false, alreadyExited: true };
        signal(pid, 'SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => (timer = setTimeout(() => r(true), timeoutMs)))]);
        clearTimeout(timer);
        if (timedOut) {
          signal(-pid, 'SIGKILL');
          const s = await exited;
          return { ...s, ms: Date.now() - started, forced: true, alreadyExited: false };
        }
        // The child is gone; make sure nothing of its group outlives it.
        signal(-pid, 'SIGKILL');
        return { ...(await exited), ms: Date.now() - started, forced: false, alreadyExited: false };
      })());
    },
    rssKb: () => (exitStatus ? Promise.resolve(null) : rssKb(pid)),
  };
  live.add(handle);
  return handle;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

export function describeExit(s: ExitStatus): string {
  return s.signal ? `signal ${s.signal}` : `code ${s.code}`;
}

/** Stops every child still running (SIGTERM, then SIGKILL), in parallel. */
export async function stopAllChildren(timeoutMs = 15_000): Promise<void> {
  await Promise.all([...live].map((c) => c.stop(timeoutMs)));
}

/** Last resort from a synchronous 'exit' handler: SIGKILL every child's process group. */
export function killAllChildrenSync(): void {
  for (const c of live) signal(-c.pid, 'SIGKILL');
}

/** RSS of a process in KB: `ps -o rss=`, else /proc/PID/status. */
export async function rssKb(pid: number): Promise<number | null> {
  const fromPs = await new Promise<number | null>((resolve) => {
    execFile('ps', ['-o', 'rss=', '-p', String(pid)], (err, stdout) => {
      const kb = Number.parseInt(String(stdout).trim(), 10);
      resolve(err || !Number.isFinite(kb) ? null : kb);
    });
  });
  if (fromPs !== null) return fromPs;
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(await readFile(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export { freePort } from '../../src/db/embedded-postgres';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `url` with GET until it answers 200; fails early if `child` exits. */
export async function waitForHttp200(url: string, timeoutMs: number, child?: ChildHandle): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < until) {
    if (child?.exitStatus) {
      throw new Error(`${child.name} exited (${describeExit(child.exitStatus)}) before ${url} answered 200${lastLine(child.output())}. Its output:\n${indent(child.output())}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      const text = await res.text();
      if (res.status === 200) return;
      last = `HTTP ${res.status} ${text.slice(0, 300)}`;
    } catch (err) {
      last = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err);
    }
    await sleep(100);
  }
  const output = child ? `\nIts output:\n${indent(child.output())}` : '';
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s (last: ${last})${output}`);
}

/** ": <the last non-empty line>" of a child's output, for one-line error messages. */
export function lastLine(output: string): string {
  const line = output.trimEnd().split('\n').pop()?.trim();
  return line ? `: ${line.length > 200 ? `${line.slice(0, 200)}…` : line}` : '';
}

export function indent(text: string, prefix = '  | '): string {
  const t = text.trimEnd();
  return t
    ? t
        .split('\n')
        .slice(-40)
        .map((l) => prefix + l)
        .join('\n')
    : `${prefix}(no output)`;
}
