import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbQuery } from '../../helpers/database';
import { startTestGateway, testEnv, type TestGateway } from '../../helpers/gateway';
import { REPO } from '../../helpers/process';
import { planWalker, WALKER_TABLE_SQL, walkerModule, type WalkerPlan } from '../../fixtures/walker';

let gw: TestGateway;

beforeAll(async () => {
  gw = await startTestGateway({ extraModules: [walkerModule] });
  await dbQuery(gw.databaseUrl, WALKER_TABLE_SQL);
});
afterAll(() => gw?.stop());

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'test/fixtures/walker/sync-cli.ts', ...args], {
      cwd: REPO,
      env: { PATH: process.env.PATH ?? '', ...testEnv(gw.databaseUrl, { LOG_LEVEL: 'warn' }) },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const plan = (tenant: string, p: WalkerPlan) => planWalker(gw.databaseUrl, tenant, p);

describe('npm run sync', () => {
  it('follows a run to SUCCEEDED (exit 0) and prints it as JSON with --json', async () => {
    await plan('cli-ok', { items: 30, delayMs: 5 });
    const res = await cli(['--tenant', 'cli-ok', '--module', 'walker', '--json']);
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ status: 'SUCCEEDED', trigger: 'CLI', processed: 30, module: 'walker' });
  }, 60_000);

  it('exits 2 for PARTIAL and 1 for FAILED, with a progress line', async () => {
    await plan('cli-partial', { items: 5, permanent: [1] });
    const partial = await cli(['--tenant', 'cli-partial', '--module', 'walker']);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toMatch(/\[#+\.*\] 100% 5\/5 .*failed 1 PARTIAL/);
    await plan('cli-failed', { items: 5, fatalAt: 0 });
    const failed = await cli(['--tenant', 'cli-failed', '--module', 'walker']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/error: .*authoriz/i);
  }, 60_000);

  it('refuses a module without a sync job and bad arguments', async () => {
    const unknown = await cli(['--tenant', 'x', '--module', 'weather']);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toMatch(/--module: "weather" has no sync job; modules that sync: tasks, contacts, printers, walker/);
    expect((await cli(['--tenant', 'x'])).code).toBe(64);
  }, 60_000);
});
