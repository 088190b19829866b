import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../src/db/embedded-postgres';

export const REPO = path.resolve(__dirname, '..', '..');

export interface GatewayProcess {
  proc: ChildProcess;
  port: number;
  origin: string;
  url: string;
  wsUrl: string;
  stdout: string[];
  stderr: string[];
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

/** Runs `src/main.ts` as its own process, exactly as `npm start` does. */
export function spawnMain(env: Record<string, string>, port?: number): { proc: ChildProcess; stdout: string[]; stderr: string[]; exited: Promise<number | string> } {
  const proc = spawn(process.execPath, ['-r', '@swc-node/register', 'src/main.ts'], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', ...env, ...(port !== undefined ? { PORT: String(port) } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  proc.stdout!.on('data', (d) => stdout.push(d.toString()));
  proc.stderr!.on('data', (d) => stderr.push(d.toString()));
  const exited = new Promise<number | string>((resolve) => proc.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { proc, stdout, stderr, exited };
}

export async function waitForReady(origin: string, exited: Promise<unknown>, timeoutMs = 60_000): Promise<void> {
  let done = false;
  void exited.then(() => (done = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (done) throw new Error('the gateway process exited before it was ready');
    try {
      const res = await fetch(`${origin}/readyz`);
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gateway at ${origin} not ready after ${timeoutMs} ms`);
}

export async function startGatewayProcess(env: Record<string, string>): Promise<GatewayProcess> {
  const port = await freePort();
  const { proc, stdout, stderr, exited } = spawnMain(env, port);
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(origin, exited);
  } catch (err) {
    proc.kill('SIGKILL');
    throw new Error(`${(err as Error).message}\nstdout: ${stdout.join('')}\nstderr: ${stderr.join('')}`);
  }
  return {
    proc,
    port,
    origin,
    url: `${origin}/graphql`,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    stdout,
    stderr,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      return exited;
    },
  };
}
