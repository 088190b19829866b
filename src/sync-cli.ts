import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config';
import { openScriptDatabase } from './db/script-database';
import { createLogger } from './kernel/logger';
import { syncJobsOf, type GatewayModule } from './kernel/module';
import { SyncTrigger } from './kernel/sync-job';
import { tenantEntityManager } from './kernel/tenant-em';
import { createServices } from './services';
import { SYNC_PROGRESS, type SyncProgressPayload } from './sync/sync-events';
import { isFinalStatus, SyncStatus } from './sync/sync-module';
import { SyncRun } from './sync/sync-run.entity';

/** Exit codes: 0 SUCCEEDED, 2 PARTIAL, 1 anything else (or a usage error: 64). */
export function exitCodeFor(status: string): number {
  if (status === SyncStatus.SUCCEEDED) return 0;
  if (status === SyncStatus.PARTIAL) return 2;
  return 1;
}

export function renderBar(p: Pick<SyncProgressPayload, 'status' | 'phase' | 'total' | 'processed' | 'created' | 'updated' | 'deleted' | 'skipped' | 'failed'>, width = 30): string {
  const ratio = p.total > 0 ? Math.min(1, p.processed / p.total) : 0;
  const filled = Math.round(ratio * width);
  const pct = p.total > 0 ? `${Math.floor(ratio * 100)}%`.padStart(4) : '  --';
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct} ${p.processed}/${p.total} created ${p.created} updated ${p.updated} deleted ${p.deleted} skipped ${p.skipped} failed ${p.failed} ${p.status}${p.phase ? ` (${p.phase})` : ''}`;
}

/**
 * `npm run sync -- --tenant <t> --module <m> [--full] [--json]`: queues a run (or joins the active
 * one), follows it until it ends, and exits 0 (SUCCEEDED), 2 (PARTIAL) or 1.
 */
export async function runSyncCli(modules: readonly GatewayModule[], argv = process.argv.slice(2)): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { tenant: { type: 'string' }, module: { type: 'string' }, full: { type: 'boolean' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`sync: ${(err as Error).message}\nusage: npm run sync -- --tenant <tenant> --module <module> [--full] [--json]\n`);
    return 64;
  }
  if (values.help || !values.tenant || !values.module) {
    process.stderr.write('usage: npm run sync -- --tenant <tenant> --module <module> [--full] [--json]\n');
    return values.help ? 0 : 64;
  }
  // Quieter than the gateway: the progress bar is the output.
  const config = loadConfig(process.env, modules, { LOG_LEVEL: 'warn' });
  const module = values.module.toLowerCase();
  const withJobs = syncJobsOf(modules.filter((m) => config.modules.includes(m.name))).map((j) => j.module);
  if (!withJobs.includes(module)) {
    throw new ConfigError('--module', `"${values.module}" has no sync job; modules that sync: ${withJobs.join(', ') || 'none'}`);
  }
  const log = createLogger(config.logLevel, process.stderr, config.logFormat);

  // A gateway may own the embedded database already; otherwise this process starts it and works the run itself.
  const db = await openScriptDatabase(config, log, 'npm run sync');
  const databaseUrl = db.url;
  const worksItself = db.owned;
  const services = await createServices(config, log, { databaseUrl, available: modules, worker: worksItself });
  const { orm, pubsub, sync } = services;
  const engine = sync.engine;
  try {
    await pubsub.start();
    await engine.start();
    await services.tenants.ensure(values.tenant);
    const events = pubsub.subscribe(SYNC_PROGRESS, values.tenant);
    const run = await engine.enqueue({ tenant: values.tenant, module, trigger: SyncTrigger.CLI, full: values.full ?? false, requestedBy: 'cli' });
    const tty = process.stderr.isTTY && !values.json;
    if (!values.json) process.stderr.write(`sync run ${run.id} (${module}, tenant ${values.tenant})${run.trigger !== SyncTrigger.CLI ? `: joined the ${run.status.toLowerCase()} run` : ''}\n`);

    const em = () => tenantEntityManager(orm, values.tenant!);
    let final = isFinalStatus(run.status) ? run : null;
    const started = Date.now();
    let hinted = false;
    // Events draw the bar; the database (every 2 s, and once the final event came) decides the end.
    const pollOnce = async () => {
      const current = await em().findOne(SyncRun, { id: run.id });
      if (current && isFinalStatus(current.status)) {
        final = current;
      } else if (current?.status === SyncStatus.QUEUED && !worksItself && !hinted && Date.now() - started > 15_000) {
        hinted = true;
        process.stderr.write('still queued: is a gateway with ROLE=all or ROLE=worker running on this database?\n');
      }
    };
    const follow = (async () => {
      for await (const ev of events) {
        if (ev.runId !== run.id) continue;
        if (tty) process.stderr.write(`\r${renderBar(ev)}\x1b[K`);
        else if (!values.json && ev.final) process.stderr.write(`${renderBar(ev)}\n`);
        if (ev.final) break;
      }
    })();
    let followed = false;
    void follow.then(() => (followed = true));
    while (!final) {
      const tick = new Promise((r) => setTimeout(r, 2000).unref());
      await (followed ? tick : Promise.race([follow, tick]));
      await pollOnce();
    }
    await events.return?.();
    const done = (await em().findOneOrFail(SyncRun, { id: run.id }, { refresh: true })) as SyncRun;
    if (tty) process.stderr.write(`\r${renderBar(done)}\x1b[K\n`);
    if (values.json) {
      const { id, tenant, status, trigger, full, total, processed, created, updated, deleted, skipped, failed, resumedCount, error, createdAt, startedAt, finishedAt } = done;
      const json = { id, tenant, module, status, trigger, full, total, processed, created, updated, deleted, skipped, failed, resumedCount, error, createdAt, startedAt, finishedAt };
      process.stdout.write(`${JSON.stringify(json)}\n`);
    } else if (done.error) {
      process.stderr.write(`error: ${done.error}\n`);
    }
    return exitCodeFor(done.status);
  } finally {
    await engine.stop();
    await pubsub.close();
    await orm.close(true);
    await db.close();
  }
}

/** Runs the CLI and exits with its code; a bad argument or setting exits 64 with one line. */
export function syncCliMain(modules: readonly GatewayModule[]): void {
  runSyncCli(modules).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`sync: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(err instanceof ConfigError ? 64 : 1);
    },
  );
}
