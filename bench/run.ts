/**
 * `npm run bench [-- --only <name>[,<name>…]] [-- --repeat N] [-- --list]`
 *
 * Runs the registered suites one after the other (each N times with --repeat: the table shows
 * each figure's median and, in brackets, its spread min–max; targets are judged on the median),
 * prints one table per suite and a summary,
 * and writes bench/results/latest.json. Figures are reported against their targets, never asserted;
 * the exit code is 1 only when a suite could not run.
 *
 * Environment: BENCH_DURATION (s, default 10), BENCH_WARMUP (s, default 3), BENCH_CONNECTIONS
 * (default 10), BENCH_DATABASE_URL / TEST_DATABASE_URL (a PostgreSQL server for fresh databases;
 * else the embedded one), BENCH_GATEWAY_NODE_ARGS / BENCH_BARE_NODE_ARGS (e.g.
 * "--cpu-prof --cpu-prof-dir=.data/prof": node flags of the children),
 * BENCH_GRAPHQL_JIT=false (the gateway executes with graphql-js), BENCH_VERBOSE=1 (echo the children's output).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backgroundCpuShare } from './lib/cpu';
import { killAllChildrenSync, stopAllChildren } from './lib/process';
import { mergeRepeats } from './lib/repeat';
import { formatFigure, formatTarget, renderTable } from './lib/table';
import { isMeasure, targetMet, type BenchContext, type Row, type Suite } from './lib/types';
import { attack } from './suites/attack';
import { gatewayOverhead } from './suites/gateway-overhead';
import { taskCalendar } from './suites/task-calendar';
import { syncEngine } from './suites/sync-engine';
import { tasksSync } from './suites/tasks-sync';
import { contactsSync } from './suites/contacts';
import { printers } from './suites/printers';
import { calendarDelegated } from './suites/calendar-delegated';
import { compression } from './suites/compression';

/** Every suite, in the order they run. Add new ones here. */
const SUITES: Suite[] = [gatewayOverhead, syncEngine, taskCalendar, tasksSync, calendarDelegated, contactsSync, printers, attack, compression];

const repoRoot = path.resolve(__dirname, '..');
/** More than this share of the CPUs busy before a suite starts means someone else is using them. */
const BUSY_SHARE = 0.1;
const resultsFile = path.join(repoRoot, 'bench', 'results', 'latest.json');

interface SuiteResult {
  name: string;
  description?: string;
  seconds: number;
  /** Share of all CPUs busy during 1 s just before the suite, while the benchmark was idle. */
  backgroundCpu: number | null;
  rows: Row[];
  error?: string;
}

function usage(): string {
  return [
    'usage: npm run bench [-- --only <name>[,<name>…]] [-- --repeat N] [-- --list]',
    `suites: ${SUITES.map((s) => s.name).join(', ')}`,
    'env: BENCH_DURATION (s, default 10), BENCH_WARMUP (s, default 3), BENCH_CONNECTIONS (default 10),',
    '     BENCH_DATABASE_URL or TEST_DATABASE_URL, BENCH_GATEWAY_NODE_ARGS, BENCH_BARE_NODE_ARGS, BENCH_GRAPHQL_JIT=false, BENCH_VERBOSE=1',
  ].join('\n');
}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n\n${usage()}\n`);
  process.exit(2);
}

function parseArgs(argv: string[]): { only: string[]; list: boolean; repeat: number } {
  const only: string[] = [];
  let list = false;
  let repeat = 1;
  const repeatOf = (value: string | undefined) => {
    const n = Number(value);
    if (!value || !Number.isInteger(n) || n < 1 || n > 100) fail(`--repeat needs a whole number from 1 to 100, got "${value ?? ''}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--only') {
      const value = argv[++i];
      if (!value) fail('--only needs a suite name');
      only.push(...value.split(','));
    } else if (arg.startsWith('--only=')) {
      only.push(...arg.slice(7).split(','));
    } else if (arg === '--repeat') {
      repeat = repeatOf(argv[++i]);
    } else if (arg.startsWith('--repeat=')) {
      repeat = repeatOf(arg.slice(9));
    } else if (arg === '--list') {
      list = true;
    } else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${usage()}\n`);
      process.exit(0);
    } else {
      fail(`unknown argument "${arg}"`);
    }
  }
  const names = only.map((n) => n.trim()).filter(Boolean);
  const unknown = names.filter((n) => !SUITES.some((s) => s.name === n));
  if (unknown.length) fail(`unknown suite ${unknown.map((n) => `"${n}"`).join(', ')}`);
  return { only: names, list, repeat };
}

function numberEnv(name: string, fallback: number, min: number, integer = false): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n))) fail(`${name} must be ${integer ? 'an integer' : 'a number'} ≥ ${min}, got "${raw}"`);
  return n;
}

function gitCommit(): string | null {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${head}+dirty` : head;
  } catch {
    return null;
  }
}

const pct = (share: number) => `${(share * 100).toFixed(0)}%`;

const t0 = Date.now();
function log(message: string): void {
  process.stderr.write(`[bench ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s] ${message}\n`);
}

const cleanups: (() => Promise<void> | void)[] = [];
async function runCleanups(): Promise<void> {
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      await fn();
    } catch (err) {
      log(`clean-up failed: ${err instanceof Error ? err.message : err}`);
    }
  }
}

let interrupted = false;
function onSignal(signal: NodeJS.Signals): void {
  if (interrupted) return;
  interrupted = true;
  log(`${signal}: stopping the children`);
  const hardStop = setTimeout(() => process.exit(130), 20_000);
  hardStop.unref();
  void runCleanups()
    .then(() => stopAllChildren())
    .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
}

async function main(): Promise<void> {
  const { only, list, repeat } = parseArgs(process.argv.slice(2));
  if (list) {
    for (const s of SUITES) process.stdout.write(`${s.name}${s.description ? `  ${s.description}` : ''}\n`);
    return;
  }
  const durationSec = numberEnv('BENCH_DURATION', 10, 1);
  const warmupSec = numberEnv('BENCH_WARMUP', 3, 0);
  const connections = numberEnv('BENCH_CONNECTIONS', 10, 1, true);
  const selected = only.length ? SUITES.filter((s) => only.includes(s.name)) : SUITES;

  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', killAllChildrenSync);

  const startedAt = new Date();
  const results: SuiteResult[] = [];
  for (const suite of selected) {
    const ctx: BenchContext = {
      repoRoot,
      durationSec,
      warmupSec,
      connections,
      log: (m) => log(`${suite.name}: ${m}`),
      defer: (fn) => void cleanups.push(fn),
    };
    const background = await backgroundCpuShare();
    log(`${suite.name}: starting (CPU busy before: ${background === null ? 'unknown' : `${pct(background)} of ${os.cpus().length} cores`})`);
    if (background !== null && background > BUSY_SHARE) log(`${suite.name}: WARNING other processes are using the CPUs: the figures will be skewed`);
    const started = Date.now();
    const result: SuiteResult = { name: suite.name, description: suite.description, seconds: 0, backgroundCpu: background, rows: [] };
    const runs: Row[][] = [];
    for (let i = 0; i < repeat && !result.error && !interrupted; i++) {
      if (repeat > 1) log(`${suite.name}: run ${i + 1} of ${repeat}`);
      try {
        runs.push(await suite.run(ctx));
      } catch (err) {
        result.error = err instanceof Error ? err.message : String(err);
      } finally {
        await runCleanups();
        await stopAllChildren();
      }
    }
    if (runs.length) result.rows = mergeRepeats(runs);
    result.seconds = (Date.now() - started) / 1000;
    results.push(result);
    printSuite(result, { durationSec, warmupSec, connections, repeat });
  }
  printSummary(results);

  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    commit: gitCommit(),
    machine: { node: process.version, platform: `${os.platform()} ${os.release()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, memoryMb: Math.round(os.totalmem() / 2 ** 20) },
    settings: { durationSec, warmupSec, connections, repeat, only: only.length ? only : null },
    suites: results,
  };
  mkdirSync(path.dirname(resultsFile), { recursive: true });
  writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
  log(`results written to ${path.relative(process.cwd(), resultsFile) || resultsFile}`);
  if (results.some((r) => r.error)) process.exitCode = 1;
}

function printSuite(r: SuiteResult, s: { durationSec: number; warmupSec: number; connections: number; repeat: number }): void {
  const out: string[] = ['', `## ${r.name}`];
  if (r.description) out.push(r.description);
  const runs = s.repeat > 1 ? `; each figure: median [min–max] of ${s.repeat} runs` : '';
  out.push(`(${s.connections} connections, ${s.durationSec} s measured after a ${s.warmupSec} s warm-up; latencies in ms${runs}; ${r.seconds.toFixed(0)} s)`, '');
  if (r.backgroundCpu !== null && r.backgroundCpu > BUSY_SHARE) {
    out.push(`WARNING: ${pct(r.backgroundCpu)} of the CPUs were busy with other processes just before the suite: the figures are skewed`, '');
  }
  if (r.rows.length) out.push(renderTable(r.rows));
  for (const row of r.rows) for (const note of row.notes ?? []) out.push(`note (${row.label}): ${note}`);
  if (r.error) out.push(`FAILED: ${r.error}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

function printSummary(results: SuiteResult[]): void {
  const out: string[] = ['', '## Summary'];
  let met = 0;
  let missed = 0;
  for (const r of results) {
    if (r.error) {
      out.push(`- ${r.name}: FAILED (${r.error.split('\n')[0]!.replace(/\. Its output:$/, '')})`);
      continue;
    }
    out.push(`- ${r.name}: ${r.rows.length} row${r.rows.length === 1 ? '' : 's'} in ${r.seconds.toFixed(0)} s`);
    for (const row of r.rows) {
      for (const [column, figure] of Object.entries(row.figures)) {
        if (!isMeasure(figure) || !figure.target) continue;
        const ok = targetMet(figure);
        if (ok) met++;
        else missed++;
        const value = formatFigure({ ...figure, target: undefined });
        out.push(`    ${ok ? 'met   ' : 'MISSED'}  ${row.label} / ${column}: ${value} (target ${formatTarget(figure.target, figure.digits)})`);
      }
    }
  }
  out.push(`targets: ${met} met, ${missed} missed; suites: ${results.filter((r) => !r.error).length} ran, ${results.filter((r) => r.error).length} failed`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch(async (err) => {
  log(`fatal: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
  await runCleanups();
  await stopAllChildren();
  process.exit(1);
});
