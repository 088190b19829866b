import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { GatewayConfig } from '../config';
import { GoogleCallError } from '../google/google-errors';
import type { GoogleConnections } from '../google/google-connections';
import { badUserInput, DomainError } from '../kernel/errors';
import type { Logger } from '../kernel/logger';
import type { GatewayMetrics } from '../kernel/metrics';
import type { PgPubSub } from '../kernel/pubsub';
import type { SyncJob, SyncJobContext } from '../kernel/sync-job';
import { untilAborted } from '../kernel/abort';
import { tenantEntityManager } from '../kernel/tenant-em';
import { PERSIST_INTERVAL_MS, ProgressReporter, type Counters } from './progress-reporter';
import { RateLimiter } from './rate-limiter';
import { withRetry, type RetryOptions } from './retry-policy';
import { classifyRunError } from './run-errors';
import { SyncItemError } from './sync-item-error.entity';
import { SyncStatus, SyncTrigger } from './sync-module';
import { SyncRun } from './sync-run.entity';

export interface SyncEngineOptions {
  /** How often an idle worker asks pg-boss for work. */
  pollingIntervalSeconds: number;
  /** Runs one process executes at once (different tenants or modules). */
  concurrency: number;
  /** A running run whose worker has not renewed its lease for this long is taken over. */
  leaseSeconds: number;
  /** How often workers look for abandoned runs and due schedules. */
  housekeepingSeconds: number;
  /** A run that makes no progress this long is stopped and failed (default: config.sync.stallTimeoutMs). */
  stallTimeoutMs?: number;
  /** The retry policy's tuning for every call of the jobs (default: the policy's own). */
  retry?: Partial<RetryOptions>;
}

export const DEFAULT_ENGINE_OPTIONS: SyncEngineOptions = { pollingIntervalSeconds: 1, concurrency: 2, leaseSeconds: 30, housekeepingSeconds: 5 };

/** How long a job may take to unwind after a cancellation or a stall before its run is ended without it. */
export const UNWIND_GRACE_MS = 3000;

/** What the engine is built from (src/services.ts wires it). */
export interface SyncEngineDeps {
  config: GatewayConfig;
  orm: MikroORM;
  pubsub: PgPubSub;
  google: GoogleConnections;
  log: Logger;
  /** The sync jobs of the enabled modules. */
  jobs: SyncJob[];
  databaseUrl: string;
  /** Timings (default: config.sync). */
  options?: SyncEngineOptions;
  /** Runs jobs here (default: unless ROLE=api). */
  worker?: boolean;
  /** Where the rate limiter's waits are recorded. */
  metrics?: GatewayMetrics;
}

export interface EnqueueRequest {
  tenant: string;
  module: string;
  trigger: SyncTrigger;
  full?: boolean;
  requestedBy?: string | null;
}

interface JobData {
  runId: string;
  tenant: string;
}

const queueName = (module: string) => `sync-${module}`;

/** The abort reason of a run stopped on request (as opposed to shutdown or a lost lease). */
export class SyncCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'SyncCancelled';
  }
}
/** The abort reason of a run that made no progress for too long. */
export class SyncStalled extends Error {
  constructor(readonly afterMs: number) {
    super(`The sync made no progress for ${Math.round(afterMs / 100) / 10} s (a call to Google or to the database hung) and was stopped; run it again`);
    this.name = 'SyncStalled';
  }
}

/** Codes (from classifyGoogleError) that mean Google no longer accepts the tenant's grant. */
const FATAL_AUTH_CODES = new Set(['GOOGLE_NOT_AUTHORIZED']);

/**
 * The sync engine: runs modules' sync jobs on pg-boss in the gateway's PostgreSQL, one run per
 * (tenant, module) at a time, with SyncRun bookkeeping, a lease that lets another worker resume
 * a run whose worker died, cancellation, progress events and scheduled runs.
 */
export class SyncEngine {
  readonly workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  private readonly jobs = new Map<string, SyncJob>();
  private readonly running = new Map<string, AbortController>();
  private readonly pool: pg.Pool;
  private boss: PgBoss | null = null;
  private housekeeping: NodeJS.Timeout | null = null;
  private stopping = false;
  readonly rateLimiter: RateLimiter;
  /** Runs in flight in this process (for shutdown). */
  private readonly inFlight = new Set<Promise<void>>();
  /** Called by the scheduler (set by whoever owns schedules). */
  onHousekeeping: (() => Promise<void>) | null = null;

  private readonly config: GatewayConfig;
  private readonly orm: MikroORM;
  private readonly pubsub: PgPubSub;
  private readonly google: GoogleConnections;
  private readonly log: Logger;
  private readonly databaseUrl: string;
  readonly options: SyncEngineOptions;
  readonly isWorker: boolean;

  constructor(deps: SyncEngineDeps) {
    ({ config: this.config, orm: this.orm, pubsub: this.pubsub, google: this.google, log: this.log, databaseUrl: this.databaseUrl } = deps);
    this.options = { stallTimeoutMs: deps.config.sync.stallTimeoutMs, ...(deps.options ?? deps.config.sync) };
    this.isWorker = deps.worker ?? deps.config.role !== 'api';
    for (const job of deps.jobs) {
      if (this.jobs.has(job.module)) throw new Error(`module ${job.module} declares two sync jobs`);
      this.jobs.set(job.module, job);
    }
    this.pool = new pg.Pool({ connectionString: this.databaseUrl, max: 4 });
    this.pool.on('error', (err) => this.log.warn({ err }, 'sync engine pool error'));
    const metrics = deps.metrics;
    this.rateLimiter = new RateLimiter(deps.config.rateLimits, metrics ? { onWait: (api, seconds) => metrics.limiterWait.observe({ api }, seconds) } : {}, deps.config.projectRateLimits ?? {});
  }

  hasJob(module: string): boolean {
    return this.jobs.has(module);
  }

  async start(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.databaseUrl,
      schema: 'pgboss',
      max: 4,
      application_name: 'gateway-sync',
      supervise: this.isWorker,
      schedule: false,
      migrate: true,
    });
    // While stopping, pg-boss's connections being cut ("terminating connection due to administrator
    // command") is expected: not an error.
    boss.on('error', (err) => (this.stopping ? this.log.debug({ err }, 'pg-boss error while stopping') : this.log.error({ err }, 'pg-boss error')));
    await boss.start();
    this.boss = boss;
    for (const module of this.jobs.keys()) {
      // pg-boss 10 drops jobs sent to a queue that does not exist: create every queue first.
      await boss.createQueue(queueName(module), {
        name: queueName(module),
        retryLimit: 5,
        retryDelay: 5,
        retryBackoff: true,
        expireInSeconds: 4 * 3600,
      });
      if (this.isWorker) {
        for (let i = 0; i < this.options.concurrency; i++) {
          await boss.work<JobData>(queueName(module), { batchSize: 1, pollingIntervalSeconds: this.options.pollingIntervalSeconds }, async ([job]) => {
            if (job) await this.track(this.execute(job.data));
          });
        }
      }
    }
    if (this.isWorker) {
      this.housekeeping = setInterval(() => void this.runHousekeeping(), this.options.housekeepingSeconds * 1000);
      this.housekeeping.unref();
    }
    this.log.info({ workerId: this.workerId, worker: this.isWorker, jobs: [...this.jobs.keys()] }, 'sync engine started');
  }

  private async track(p: Promise<void>): Promise<void> {
    this.inFlight.add(p);
    try {
      await p;
    } finally {
      this.inFlight.delete(p);
    }
  }

  /** Stops taking work, asks running jobs to stop at their next item, and lets them record it. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.housekeeping) clearInterval(this.housekeeping);
    // Runs stopped by shutdown are left RUNNING with their cursor; another worker resumes them.
    for (const controller of this.running.values()) controller.abort(new Error('shutdown'));
    await Promise.allSettled([...this.inFlight]);
    await this.boss?.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }

  /** Queues a run, or returns the one already queued or running for that tenant and module. */
  async enqueue(req: EnqueueRequest): Promise<SyncRun> {
    if (!this.jobs.has(req.module)) throw badUserInput(`The ${req.module} module has no sync job enabled`, 'module');
    if (!this.boss) throw new Error('sync engine not started');
    for (let attempt = 0; attempt < 5; attempt++) {
      const client = await this.pool.connect();
      let runId: string | null = null;
      let created = false;
      try {
        await client.query('BEGIN');
        const inserted = await client.query(
          /* enqueueSyncRun */ `INSERT INTO sync_run (id, tenant, module, status, trigger, "full", requested_by, created_at)
           VALUES (gen_random_uuid(), $1, $2, 'QUEUED', $3, $4, $5, now())
           ON CONFLICT (tenant, module) WHERE status IN ('QUEUED', 'RUNNING') DO NOTHING RETURNING id`,
          [req.tenant, req.module, req.trigger, req.full ?? false, req.requestedBy ?? null],
        );
        if (inserted.rows[0]) {
          runId = inserted.rows[0].id as string;
          created = true;
          // Same transaction: the run and its job exist together or not at all.
          await this.boss.send(queueName(req.module), { runId, tenant: req.tenant } satisfies JobData, {
            db: { executeSql: (text: string, values: unknown[]) => client.query(text, values) },
          });
        } else {
          const active = await client.query(/* activeSyncRun */ `SELECT id FROM sync_run WHERE tenant = $1 AND module = $2 AND status IN ('QUEUED', 'RUNNING')`, [req.tenant, req.module]);
          runId = (active.rows[0]?.id as string | undefined) ?? null;
        }
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
      if (!runId) continue; // the active run finished in between: try again
      const run = await tenantEntityManager(this.orm, req.tenant).findOneOrFail(SyncRun, { id: runId });
      if (created) {
        this.log.info({ tenant: req.tenant, module: req.module, runId, trigger: req.trigger }, 'sync run queued');
        await this.reporterFor(run).publishNow(false);
      }
      return run;
    }
    throw new Error('could not queue a sync run (the active run kept changing)');
  }

  /** Cancels a queued run at once, or asks a running one to stop at its next item. */
  async cancel(tenant: string, runId: string): Promise<SyncRun | null> {
    const res = await this.pool.query(
      /* cancelSyncRun */ `UPDATE sync_run SET cancel_requested = true,
         status = CASE WHEN status = 'QUEUED' THEN 'CANCELLED' ELSE status END,
         finished_at = CASE WHEN status = 'QUEUED' THEN now() ELSE finished_at END
       WHERE id = $1 AND tenant = $2 AND status IN ('QUEUED', 'RUNNING') RETURNING status`,
      [runId, tenant],
    );
    this.running.get(runId)?.abort(new SyncCancelled());
    const run = await tenantEntityManager(this.orm, tenant).findOne(SyncRun, { id: runId });
    if (run && res.rows[0]?.status === SyncStatus.CANCELLED) await this.reporterFor(run).publishNow(true, SyncStatus.CANCELLED);
    return run;
  }

  private reporterFor(run: SyncRun, onCancel: () => void = () => undefined): ProgressReporter {
    return new ProgressReporter(run, this.pubsub, (state) => this.persist(run.id, state), this.log, onCancel);
  }

  /** Writes counters + cursor and renews the lease; a lost lease stops this worker's copy of the run. */
  private async persist(runId: string, state: Counters & { phase: string | null; message: string | null; cursor: unknown }): Promise<{ cancelRequested: boolean }> {
    const res = await this.pool.query(
      /* persistSyncProgress */ `UPDATE sync_run SET total = $3, processed = $4, created = $5, updated = $6, deleted = $7, skipped = $8, failed = $9,
         phase = $10, message = $11, cursor = $12, heartbeat_at = now()
       WHERE id = $1 AND worker_id = $2 AND status = 'RUNNING' RETURNING cancel_requested`,
      [runId, this.workerId, state.total, state.processed, state.created, state.updated, state.deleted, state.skipped, state.failed, state.phase, state.message, JSON.stringify(state.cursor ?? null)],
    );
    if (!res.rows[0]) {
      this.running.get(runId)?.abort(new Error('lease lost'));
      return { cancelRequested: false };
    }
    return { cancelRequested: res.rows[0].cancel_requested === true };
  }

  /** Claims the run (a queued one, or a running one whose lease expired) and runs its job. */
  private async execute(data: JobData): Promise<void> {
    if (this.stopping) throw new Error('worker is stopping'); // pg-boss retries the job elsewhere
    const claim = await this.pool.query(
      /* claimSyncRun */ `UPDATE sync_run SET status = 'RUNNING', worker_id = $3, heartbeat_at = now(), started_at = coalesce(started_at, now()),
         resumed_count = resumed_count + CASE WHEN status = 'RUNNING' THEN 1 ELSE 0 END
       WHERE id = $1 AND tenant = $2 AND (status = 'QUEUED' OR (status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => $4)))
       RETURNING id`,
      [data.runId, data.tenant, this.workerId, this.options.leaseSeconds],
    );
    if (!claim.rows[0]) return; // finished, cancelled, or alive elsewhere
    const em = tenantEntityManager(this.orm, data.tenant);
    const run = await em.findOneOrFail(SyncRun, { id: data.runId });
    const job = this.jobs.get(run.module)!;
    const controller = new AbortController();
    const reporter = this.reporterFor(run, () => controller.abort(new SyncCancelled()));
    const wasCancelled = () => run.cancelRequested || (controller.signal.aborted && controller.signal.reason instanceof SyncCancelled);
    const stalled = () => (controller.signal.aborted && controller.signal.reason instanceof SyncStalled ? controller.signal.reason : null);
    // A job that does not unwind after a cancellation or a stall (a call that ignores the signal) is
    // left behind: its run ends without it, so that it no longer blocks the next run.
    let abandon: () => void = () => undefined;
    const abandoned = new Promise<'abandoned'>((resolve) => (abandon = () => resolve('abandoned')));
    let graceTimer: NodeJS.Timeout | null = null;
    controller.signal.addEventListener('abort', () => {
      if (!(controller.signal.reason instanceof SyncCancelled || controller.signal.reason instanceof SyncStalled)) return;
      graceTimer = setTimeout(abandon, UNWIND_GRACE_MS);
      graceTimer.unref();
    });
    this.running.set(run.id, controller);
    const log = this.log.child({ runId: run.id, tenant: run.tenant, module: run.module });
    if (run.resumedCount > 0) log.warn({ resumedCount: run.resumedCount }, 'resuming a sync run another worker left');
    else log.info('sync run started');
    reporter.markStatus(SyncStatus.RUNNING);
    await reporter.publishNow(false, SyncStatus.RUNNING);

    const stallMs = this.options.stallTimeoutMs ?? this.config.sync.stallTimeoutMs;
    const beat = setInterval(() => {
      // The watchdog: a renewed lease proves the process lives, not that the run moves.
      if (!controller.signal.aborted && Date.now() - reporter.lastProgressAt > stallMs) {
        log.warn({ stallMs, lastProgressAt: new Date(reporter.lastProgressAt).toISOString() }, 'sync run made no progress: stopping it');
        controller.abort(new SyncStalled(stallMs));
      }
      reporter.persist(true).catch((err) => log.warn({ err }, 'could not persist sync progress'));
    }, PERSIST_INTERVAL_MS);
    beat.unref();

    let status: SyncStatus = SyncStatus.SUCCEEDED;
    let error: string | null = null;
    try {
      const work = (async () => {
        if (!run.cancelRequested) await job.run(this.contextFor(run, em, reporter, controller.signal, log, job));
        if (controller.signal.aborted && !wasCancelled()) throw controller.signal.reason;
      })();
      const outcome = await Promise.race([work.then(() => 'done' as const), abandoned]);
      if (outcome === 'abandoned') {
        work.catch((err: unknown) => log.debug({ err }, 'an abandoned sync job ended'));
        log.error({ reason: stalled() ? 'stalled' : 'cancelled' }, `sync job did not unwind within ${UNWIND_GRACE_MS} ms; its run ends without it`);
      }
    } catch (err) {
      if (wasCancelled()) {
        // stopped at an item boundary on request
      } else if (stalled()) {
        status = SyncStatus.FAILED;
        error = stalled()!.message;
      } else if (controller.signal.aborted) {
        // shutdown or lease lost: leave the run RUNNING for another worker to resume
        clearInterval(beat);
        if (graceTimer) clearTimeout(graceTimer);
        await reporter.drain();
        this.running.delete(run.id);
        log.warn({ reason: String((controller.signal.reason as Error)?.message ?? controller.signal.reason) }, 'sync run interrupted; it will be resumed');
        return;
      } else {
        const cls = classifyRunError(err);
        status = SyncStatus.FAILED;
        error = cls.code === 'INTERNAL' ? `${cls.message} (run ${run.id})` : err instanceof DomainError ? err.message : cls.message;
        if (cls.code === 'INTERNAL' || cls.code === 'DATABASE_UNAVAILABLE') log.error({ err }, 'sync job failed with an internal error');
        else log.warn({ code: cls.code, error }, 'sync run failed');
        if (FATAL_AUTH_CODES.has(cls.code)) {
          await this.google
            .markReauthorizationRequired(run.tenant, `Google refused the tenant's grant during a sync (${cls.code})`)
            .catch((markErr: unknown) => log.error({ err: markErr }, 'could not mark the tenant as needing reauthorization'));
        }
      }
    } finally {
      clearInterval(beat);
      if (graceTimer) clearTimeout(graceTimer);
    }
    if (wasCancelled()) status = SyncStatus.CANCELLED;
    else if (stalled()) {
      status = SyncStatus.FAILED;
      error = stalled()!.message;
    } else if (status === SyncStatus.SUCCEEDED && reporter.counters.failed > 0) status = SyncStatus.PARTIAL;
    await this.finish(run.id, status, error, reporter);
    this.running.delete(run.id);
    log.info({ status, ...reporter.counters }, 'sync run finished');
  }

  private async finish(runId: string, status: SyncStatus, error: string | null, reporter: ProgressReporter): Promise<void> {
    const c = reporter.counters;
    await this.pool.query(
      /* finishSyncRun */ `UPDATE sync_run SET status = $3, error = $4, finished_at = now(), heartbeat_at = null,
         total = $5, processed = $6, created = $7, updated = $8, deleted = $9, skipped = $10, failed = $11, phase = $12, message = $13, cursor = $14
       WHERE id = $1 AND worker_id = $2`,
      [runId, this.workerId, status, error, c.total, c.processed, c.created, c.updated, c.deleted, c.skipped, c.failed, reporter.phase, reporter.message, JSON.stringify(reporter.cursor ?? null)],
    );
    await reporter.drain();
    await reporter.publishNow(true, status);
    // A job left behind (see execute) must not publish after the final event.
    reporter.seal();
  }

  private contextFor(run: SyncRun, em: SyncJobContext['em'], progress: ProgressReporter, signal: AbortSignal, log: Logger, job: SyncJob): SyncJobContext {
    return {
      run: { id: run.id, tenant: run.tenant, module: run.module, full: run.full, trigger: run.trigger, resumedCount: run.resumedCount, cursor: run.cursor },
      tenant: run.tenant,
      em,
      log,
      progress,
      signal,
      sections: this.config.sections,
      // Every Google call of the run is bounded by the request timeout and aborted with the run (cancel, stall, shutdown).
      google: (api) => withRetry(() => this.google.client(run.tenant, api, job.googleScopes, signal), { ...this.options.retry, signal }),
      googleAs: (api, subject) => withRetry(() => this.google.delegation.client(run.tenant, subject, api, signal), { ...this.options.retry, signal }),
      call: (api, fn, as) =>
        withRetry(
          async () => {
            await this.rateLimiter.take(run.tenant, api.name, signal, as?.subject);
            return (await untilAborted(fn(), signal)).data;
          },
          { ...this.options.retry, signal },
        ),
      retry: (call, options) => withRetry(call, { ...this.options.retry, ...options, signal }),
      rateLimit: (api, as) => this.rateLimiter.take(run.tenant, api.name, signal, as?.subject),
      recordItemError: async (entityId, error, attempts = 1, cursor) => {
        // A call cut short by cancellation or shutdown is not the item's fault: unwind instead.
        if (signal.aborted) throw signal.reason;
        const cls = classifyRunError(error);
        // Still transient after every retry: Google (or the way to it) is down for the whole run, not for this item.
        if (cls.kind === 'transient') throw error;
        if (cls.code === 'INTERNAL' || cls.code === 'DATABASE_UNAVAILABLE') log.error({ err: error, entityId }, 'sync item failed with an internal error');
        const attemptsMade = error instanceof GoogleCallError ? error.attempts : attempts;
        const fork = em.fork();
        // `partial`: `at` has its default.
        fork.create(
          SyncItemError,
          {
            tenant: run.tenant,
            run: fork.getReference(SyncRun, run.id),
            entityId: entityId.slice(0, 255),
            code: cls.code.slice(0, 100),
            message: cls.message,
            attempts: attemptsMade,
          },
          { partial: true },
        );
        await fork.flush();
        progress.item('failed', cursor);
        return cls;
      },
    };
  }

  /** Workers: resume runs whose worker stopped renewing its lease; run due schedules. */
  private async runHousekeeping(): Promise<void> {
    if (this.stopping || !this.boss) return;
    try {
      const stale = await this.pool.query(/* abandonedSyncRuns */ `SELECT id, tenant, module FROM sync_run WHERE status = 'RUNNING' AND heartbeat_at < now() - make_interval(secs => $1)`, [
        this.options.leaseSeconds,
      ]);
      for (const row of stale.rows) {
        if (!this.jobs.has(row.module)) continue;
        await this.boss.send(queueName(row.module), { runId: row.id, tenant: row.tenant } satisfies JobData, { singletonKey: `resume-${row.id}`, singletonSeconds: this.options.leaseSeconds });
        this.log.warn({ runId: row.id, tenant: row.tenant }, 'sync run abandoned by its worker: queued for resumption');
      }
      await this.onHousekeeping?.();
    } catch (err) {
      this.log.warn({ err }, 'sync housekeeping failed');
    }
  }
}
