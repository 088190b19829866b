import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresProcessesFor } from '../../../src/db/embedded-postgres';
import { collect, gql, sleep, wsClient } from '../../helpers/client';
import { createTestDatabase } from '../../helpers/database';
import { startTestGateway, TEST_JWT_SECRET, TEST_SECRETS_KEY } from '../../helpers/gateway';
import { REPO, spawnMain, startGatewayProcess } from '../../helpers/process';
import { notesModule } from '../../fixtures/notes';
import { signDevToken } from '../../../src/schema/dev-token';

const dataDir = path.join(REPO, '.data', `lifecycle-${randomBytes(3).toString('hex')}`);
const embeddedEnv = { HOST: '127.0.0.1', DATA_DIR: dataDir, JWT_SECRET: TEST_JWT_SECRET, SECRETS_KEY: TEST_SECRETS_KEY, LOG_LEVEL: 'info' };

afterAll(async () => {
  for (const pid of postgresProcessesFor(dataDir)) process.kill(pid, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('process lifecycle with the embedded PostgreSQL', () => {
  let firstCreatedAt = '';

  it('starts with an embedded PostgreSQL, then SIGTERM closes sockets with 1001, exits 0 within 10 s and leaves no postgres', async () => {
    const gw = await startGatewayProcess(embeddedEnv);
    const token = await signDevToken(TEST_JWT_SECRET, { tenant: 'life', roles: ['admin'] });
    const res = await gql<{ tenant: { createdAt: string } }>(gw.url, '{ tenant { createdAt } }', { token });
    firstCreatedAt = res.body.data!.tenant.createdAt;
    expect(postgresProcessesFor(dataDir).length).toBeGreaterThan(0);

    let closeCode = 0;
    const client = wsClient(gw.wsUrl, token, { onClose: (code) => (closeCode = code) });
    const sub = collect(client, 'subscription { cacheReset { at } }');
    await sleep(300);

    const t0 = Date.now();
    const code = await gw.stop('SIGTERM');
    expect(code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
    await sub.until(() => closeCode !== 0 || sub.completed || sub.errors.length > 0);
    expect(closeCode).toBe(1001);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
    await client.dispose();
  }, 90_000);

  it('starts again on the same DATA_DIR with the data kept', async () => {
    const gw = await startGatewayProcess(embeddedEnv);
    const token = await signDevToken(TEST_JWT_SECRET, { tenant: 'life', roles: ['user'] });
    const res = await gql<{ tenant: { createdAt: string } }>(gw.url, '{ tenant { createdAt } }', { token });
    expect(res.body.data!.tenant.createdAt).toBe(firstCreatedAt);
    expect(await gw.stop('SIGINT')).toBe(0);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  }, 90_000);

  it('starts after a crash that left PostgreSQL running and a postmaster.pid behind', async () => {
    const crashed = await startGatewayProcess(embeddedEnv);
    expect(await crashed.stop('SIGKILL')).toBe('SIGKILL');
    expect(postgresProcessesFor(dataDir).length).toBeGreaterThan(0); // the orphan
    const gw = await startGatewayProcess(embeddedEnv);
    const token = await signDevToken(TEST_JWT_SECRET, { tenant: 'life', roles: ['user'] });
    const res = await gql<{ tenant: { createdAt: string } }>(gw.url, '{ tenant { createdAt } }', { token });
    expect(res.body.data!.tenant.createdAt).toBe(firstCreatedAt);
    expect(await gw.stop('SIGTERM')).toBe(0);
    expect(postgresProcessesFor(dataDir)).toEqual([]);
  }, 90_000);
});

describe('graceful stop drains requests in flight', () => {
  it('a request in flight finishes; new connections are refused', async () => {
    const gw = await startTestGateway({ extraModules: [notesModule] });
    const token = await gw.token('drain');
    const inFlight = gql<{ slow: number }>(gw.url, '{ slow(ms: 800) }', { token });
    await sleep(200);
    const stopping = gw.stop();
    await sleep(100);
    await expect(fetch(`${gw.origin}/healthz`)).rejects.toThrow();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(res.body.data!.slow).toBe(800);
    await stopping;
  });
});

describe('bad configuration', () => {
  async function failsWith(env: Record<string, string>, variable: string): Promise<void> {
    const { exited, stderr, stdout } = spawnMain({ ...embeddedEnv, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', ...env });
    const code = await exited;
    expect(code).toBe(2);
    const lines = stderr.join('').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Configuration error: ${variable}: `));
    expect(stderr.join('') + stdout.join('')).not.toMatch(/\n\s+at /);
  }

  it('unknown ROLE', () => failsWith({ ROLE: 'boss' }, 'ROLE'));
  it('malformed DATABASE_URL', () => failsWith({ DATABASE_URL: 'mysql:/x' }, 'DATABASE_URL'));
  it('unknown module in MODULES', () => failsWith({ MODULES: 'auth,weather' }, 'MODULES'));
  it('bad PORT', () => failsWith({ PORT: '99999' }, 'PORT'));
  it('unknown LOG_FORMAT', () => failsWith({ LOG_FORMAT: 'xml' }, 'LOG_FORMAT'));

  it('port in use', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const db = await createTestDatabase();
      try {
        await failsWith({ DATABASE_URL: db.url, PORT: String(port) }, 'PORT');
      } finally {
        await db.drop();
      }
    } finally {
      blocker.close();
    }
  }, 30_000);
});
