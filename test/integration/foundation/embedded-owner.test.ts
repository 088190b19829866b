import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { attachEmbeddedPostgres, freePort, postgresProcessesFor, processAlive } from '../../../src/db/embedded-postgres';
import type { OwnerRecord } from '../../../src/db/embedded-owner';
import { createLogger } from '../../../src/kernel/logger';
import { gql } from '../../helpers/client';
import { REPO, spawnMain, startGatewayProcess, type GatewayProcess } from '../../helpers/process';

// A DATA_DIR of its own under the repository's .data/ (every folder above is traversable by "postgres").
const dataDir = path.join(REPO, '.data', `owner-${randomBytes(3).toString('hex')}`);
// No JWT_SECRET / SECRETS_KEY: the gateway and the scripts share the development secrets of DATA_DIR.
const env = { HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' };
const gateways: GatewayProcess[] = [];

afterAll(async () => {
  for (const gw of gateways) await gw.stop('SIGKILL');
  for (const pid of postgresProcessesFor(dataDir)) process.kill(pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function startGateway(): Promise<GatewayProcess> {
  const gw = await startGatewayProcess(env);
  gateways.push(gw);
  return gw;
}

function ownerRecord(): OwnerRecord | null {
  const file = path.join(dataDir, 'pg-owner.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as OwnerRecord) : null;
}

/** `npm run -s <script> -- <args>` on the same DATA_DIR, as a user types it in a second terminal. */
function npmRun(script: string, args: string[] = [], timeoutMs = 120_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '-s', script, ...(args.length ? ['--', ...args] : [])], {
      cwd: REPO,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/root', DATA_DIR: dataDir },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm run ${script} did not finish in ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Asks /readyz again and again until stopped; every answer other than 200 is kept. */
function watchReadiness(origin: string): { stop(): Promise<{ checks: number; failures: string[] }> } {
  let running = true;
  let checks = 0;
  const failures: string[] = [];
  const loop = (async () => {
    while (running) {
      try {
        const res = await fetch(`${origin}/readyz`, { signal: AbortSignal.timeout(15_000) });
        if (res.status !== 200) failures.push(`${res.status} ${await res.text()}`);
      } catch (err) {
        failures.push(String(err));
      }
      checks++;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return { checks, failures };
    },
  };
}

/** Waits for a promise, failing with `what` after `ms` (a deadline, not a pause). */
async function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)));
  try {
    return await Promise.race([p, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** How many tasks of the seeded tenant the gateway serves (the seed makes 100). */
async function seededTasks(url: string, token: string): Promise<number> {
  const res = await gql<{ tasks: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } }>(url, '{ tasks(first: 100) { edges { node { id } } pageInfo { hasNextPage } } }', { token });
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.tasks.edges.length + (res.body.data!.tasks.pageInfo.hasNextPage ? 1 : 0);
}

describe.sequential('one owner of the embedded PostgreSQL per DATA_DIR', () => {
  let gw: GatewayProcess;
  let token = '';

  it('seed, migrate and sync attach to the running gateway’s server: the gateway stays ready and serves what was seeded', async () => {
    gw = await startGateway();
    const owner = ownerRecord()!;
    expect(owner).toMatchObject({ pid: gw.proc.pid, owner: 'gateway' });
    expect(processAlive(owner.postgresPid!)).toBe(true);
    const readiness = watchReadiness(gw.origin);

    const seed = await npmRun('seed', ['--tenant', 'demo', '--employees', '5', '--tasks', '100']);
    expect(seed.code, seed.stderr).toBe(0);
    expect(seed.stdout).toMatch(/seeded tenant demo: 5 employees, .* 100 tasks/);
    expect(seed.stdout + seed.stderr).not.toMatch(/orphan/);

    const migrate = await npmRun('migrate');
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toMatch(/no pending migrations/);

    // The gateway's workers run it (this tenant has no Google connection, so it fails at once).
    const sync = await npmRun('sync', ['--tenant', 'demo', '--module', 'tasks', '--json']);
    const run = JSON.parse(sync.stdout) as { id: string; status: string };
    expect(['SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED']).toContain(run.status);

    const { failures, checks } = await readiness.stop();
    expect(failures).toEqual([]);
    expect(checks).toBeGreaterThan(3);
    expect(gw.proc.exitCode).toBeNull();
    expect(ownerRecord()).toEqual(owner); // same owner, same server
    expect(processAlive(owner.postgresPid!)).toBe(true);

    const tok = await npmRun('token', ['--tenant', 'demo', '--role', 'admin']);
    expect(tok.code, tok.stderr).toBe(0);
    token = tok.stdout.trim();
    expect(await seededTasks(gw.url, token)).toBe(100);
    const seen = await gql<{ syncRun: { status: string } }>(gw.url, `{ syncRun(id: "${run.id}") { status } }`, { token });
    expect(seen.body.data?.syncRun.status).toBe(run.status);
  }, 240_000);

  it('a second gateway on the same DATA_DIR exits 2 with one line naming the owner; the first keeps serving', async () => {
    const owner = ownerRecord()!;
    const second = spawnMain(env, await freePort());
    expect(await within(second.exited, 60_000, 'the second gateway exit')).toBe(2);
    const lines = second.stderr.join('').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^Configuration error: DATA_DIR: ${dataDir} is in use by a gateway \\(pid ${gw.proc.pid}, postgres://postgres@127\\.0\\.0\\.1:${owner.port}/gateway, since .+\\)`),
    );

    expect((await fetch(`${gw.origin}/readyz`)).status).toBe(200);
    expect(ownerRecord()).toEqual(owner);
    expect(await seededTasks(gw.url, token)).toBe(100);
  }, 90_000);

  it('PostgreSQL killed under the gateway: it exits 1 with one line (for a supervisor), and started again it serves the data', async () => {
    const owner = ownerRecord()!;
    process.kill(owner.postgresPid!, 'SIGKILL');
    expect(await within(gw.exited, 30_000, 'the gateway exit')).toBe(1);
    const fatal = gw.stdout
      .join('')
      .split('\n')
      .filter((l) => l.includes('"level":60'));
    expect(fatal).toHaveLength(1);
    expect(JSON.parse(fatal[0]!).msg).toMatch(
      new RegExp(`^the embedded PostgreSQL \\(pid ${owner.postgresPid}\\) in ${dataDir}/pg exited unexpectedly \\(signal SIGKILL\\); exiting so that a supervisor restarts the gateway$`),
    );
    expect(ownerRecord()).toBeNull();

    // What a supervisor does: start it again.
    gw = await startGateway();
    expect(ownerRecord()).toMatchObject({ pid: gw.proc.pid });
    expect(await seededTasks(gw.url, token)).toBe(100);
  }, 120_000);

  it('after kill -9 of the gateway its stale owner record does not protect the orphan: the next start stops it and starts fresh', async () => {
    const stale = ownerRecord()!;
    expect(await gw.stop('SIGKILL')).toBe('SIGKILL');
    expect(ownerRecord()).toEqual(stale); // left behind
    expect(processAlive(stale.postgresPid!)).toBe(true); // the orphan

    gw = await startGateway();
    const fresh = ownerRecord()!;
    expect(fresh.pid).toBe(gw.proc.pid);
    expect(fresh.postgresPid).not.toBe(stale.postgresPid);
    expect(processAlive(stale.postgresPid!)).toBe(false);
    expect(gw.stdout.join('')).toMatch(/stopping an orphaned embedded PostgreSQL left by a previous run; its owner, a gateway \(pid \d+/);
    expect(await seededTasks(gw.url, token)).toBe(100);

    expect(await gw.stop('SIGTERM')).toBe(0);
    expect(ownerRecord()).toBeNull();
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  }, 120_000);

  it('with no gateway running, a script starts its own server and stops it when done', async () => {
    const migrate = await npmRun('migrate');
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toMatch(/no pending migrations/);
    expect(ownerRecord()).toBeNull();
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  }, 120_000);

  it('a script that started the server waits, before stopping it, for a script that attached to it', async () => {
    const warnings: string[] = [];
    const log = createLogger('warn', { write: (line: string) => void warnings.push(JSON.parse(line).msg) });
    const first = await attachEmbeddedPostgres(dataDir, log, { owner: 'first script' });
    expect(first.owned).toBe(true);
    const owner = ownerRecord()!;

    // A second script: attaches, says so, and lets go when its stdin closes.
    const code = `const { attachEmbeddedPostgres } = require('./src/db/embedded-postgres');
      const { createLogger } = require('./src/kernel/logger');
      attachEmbeddedPostgres(process.env.DATA_DIR, createLogger('warn'), { owner: 'second script' }).then((db) => {
        console.log(JSON.stringify({ url: db.url, owned: db.owned }));
        process.stdin.resume();
        process.stdin.on('end', () => db.stop().then(() => process.exit(0)));
      });`;
    const second = spawn(process.execPath, ['-r', '@swc-node/register', '-e', code], { cwd: REPO, env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir } });
    const exited = new Promise<number | null>((resolve) => second.on('exit', resolve));
    try {
      const attached = await within(
        new Promise<{ url: string; owned: boolean }>((resolve) => {
          let out = '';
          second.stdout.on('data', (d) => {
            out += d;
            if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]!));
          });
        }),
        60_000,
        'the second script attaching',
      );
      expect(attached).toEqual({ url: first.url, owned: false });

      const stopping = first.stop();
      await within(
        (async () => {
          while (!warnings.some((w) => w.includes('waiting for second script'))) await new Promise((r) => setTimeout(r, 50));
        })(),
        30_000,
        'the first script waiting',
      );
      expect(processAlive(owner.postgresPid!)).toBe(true);
      second.stdin.end();
      expect(await within(exited, 30_000, 'the second script exit')).toBe(0);
      await within(stopping, 30_000, 'the first script stopping');
      expect(processAlive(owner.postgresPid!)).toBe(false);
      expect(ownerRecord()).toBeNull();
    } finally {
      second.kill('SIGKILL');
      await first.stop();
    }
  }, 120_000);
});
