import path from 'node:path';
import { freePort, indent, lastLine, spawnChild, type ChildHandle, type StopResult } from './process';
import type { BenchContext } from './types';

export interface RunningBareApollo {
  child: ChildHandle;
  pid: number;
  /** The GraphQL endpoint (standalone Apollo answers on every path). */
  url: string;
  rssKb(): Promise<number | null>;
  stop(): Promise<StopResult>;
}

/**
 * Starts bench/bare-apollo.ts as a child (NODE_ENV=production) and waits until it listens.
 * `nodeArgs` (default: BENCH_BARE_NODE_ARGS split on spaces) go before `-r`, e.g. --cpu-prof;
 * `tasksFile`: the page of tasks its `tasks` field serves from memory.
 */
export async function startBareApollo(ctx: BenchContext, nodeArgs?: string[], opts: { tasksFile?: string } = {}): Promise<RunningBareApollo> {
  const args = nodeArgs ?? (process.env.BENCH_BARE_NODE_ARGS?.split(/\s+/).filter(Boolean) || []);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' };
  delete env.NODE_OPTIONS;
  if (opts.tasksFile) env.BARE_TASKS_FILE = opts.tasksFile;
  const child = spawnChild('bare-apollo', process.execPath, [...args, '-r', '@swc-node/register', path.join('bench', 'bare-apollo.ts')], {
    cwd: ctx.repoRoot,
    env,
  });
  let stopped: Promise<StopResult> | null = null;
  const stop = () =>
    (stopped ??= child.stop(15_000).then((r) => {
      if (r.forced) ctx.log('bare-apollo: did not exit within 15 s of SIGTERM; killed');
      else if (!r.alreadyExited && r.code !== 0) ctx.log(`bare-apollo: exited with ${r.signal ?? `code ${r.code}`} after SIGTERM`);
      return r;
    }));
  ctx.defer(async () => {
    await stop();
  });
  try {
    await child.waitForLine(/^bare-apollo ready /, 30_000);
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : err}${lastLine(child.output())}. Its output:\n${indent(child.output())}`);
  }
  ctx.log(`bare-apollo: ready (pid ${child.pid}, port ${port})`);
  return { child, pid: child.pid, url: `http://127.0.0.1:${port}/`, rssKb: () => child.rssKb(), stop };
}
