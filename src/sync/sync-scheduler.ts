import { CronExpressionParser } from 'cron-parser';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../kernel/logger';
import { tenantEntityManager } from '../kernel/tenant-em';
import { badUserInput } from '../kernel/errors';
import { checkTimeZone } from '../kernel/time-zone';
import type { SyncEngine } from './sync-engine';
import { SyncTrigger } from './sync-module';
import { SyncSchedule } from './sync-schedule.entity';

/** The next time a cron expression fires after `after`, in a time zone; BAD_USER_INPUT when invalid. */
export function nextCronTime(cron: string, timeZone: string, after = new Date()): Date {
  const expression = cron.trim();
  const fields = expression.split(/\s+/).length;
  if (!expression || fields < 5 || fields > 6) throw badUserInput('cron must have 5 fields (or 6 with seconds), e.g. "0 */2 * * *"', 'cron');
  try {
    return CronExpressionParser.parse(expression, { currentDate: after, tz: timeZone }).next().toDate();
  } catch (err) {
    throw badUserInput(`cron "${expression}" is not valid: ${err instanceof Error ? err.message : String(err)}`, 'cron');
  }
}

/** How far ahead a schedule's intervals are checked: occurrences, and time. */
const CHECKED_OCCURRENCES = 5000;
const CHECKED_SPAN_MS = 366 * 86_400_000;

/**
 * The shortest interval between two consecutive firings of a valid cron expression over the next
 * year (or its next 5,000 firings), in seconds; Infinity when it fires at most once.
 */
export function shortestCronInterval(cron: string, timeZone: string, after = new Date()): number {
  const expression = CronExpressionParser.parse(cron.trim(), { currentDate: after, tz: timeZone });
  const end = after.getTime() + CHECKED_SPAN_MS;
  let shortest = Infinity;
  let previous: number | null = null;
  for (let i = 0; i < CHECKED_OCCURRENCES && expression.hasNext(); i++) {
    const at = expression.next().getTime();
    if (at > end) break;
    if (previous !== null) shortest = Math.min(shortest, (at - previous) / 1000);
    previous = at;
  }
  return shortest;
}

/** Per-tenant cron schedules; due ones become runs with trigger SCHEDULE (checked by workers). */
export class SyncScheduler {
  constructor(
    private readonly orm: MikroORM,
    private readonly engine: SyncEngine,
    private readonly log: Logger,
    /** A schedule may not fire more often than this (config.sync.minScheduleSeconds). */
    private readonly minIntervalSeconds = 300,
  ) {
    engine.onHousekeeping = () => this.runDue();
  }

  async set(tenant: string, module: string, cron: string, timeZone: string, by: string): Promise<SyncSchedule> {
    if (!this.engine.hasJob(module)) throw badUserInput(`The ${module} module has no sync job enabled`, 'module');
    checkTimeZone(timeZone);
    const nextRunAt = nextCronTime(cron, timeZone);
    const shortest = shortestCronInterval(cron, timeZone);
    if (shortest < this.minIntervalSeconds) {
      throw badUserInput(`cron "${cron.trim()}" fires ${describeSeconds(shortest)} apart; a sync may be scheduled at most every ${describeSeconds(this.minIntervalSeconds)}`, 'cron');
    }
    const em = tenantEntityManager(this.orm, tenant);
    let schedule = await em.findOne(SyncSchedule, { module });
    if (!schedule) schedule = em.create(SyncSchedule, { tenant, module, cron: cron.trim(), timeZone, nextRunAt, createdBy: by });
    Object.assign(schedule, { cron: cron.trim(), timeZone, nextRunAt, createdBy: by });
    await em.flush();
    return schedule;
  }

  async clear(tenant: string, module: string): Promise<boolean> {
    return (await tenantEntityManager(this.orm, tenant).nativeDelete(SyncSchedule, { module })) > 0;
  }

  /** Claims due schedules (one worker each, SKIP LOCKED), moves them to their next time, queues runs. */
  async runDue(): Promise<void> {
    const due: { tenant: string; module: string }[] = [];
    await this.orm.em.fork().transactional(async (em) => {
      const conn = em.getConnection();
      // Raw statements join the transaction only when handed it: the row locks must hold until the commit.
      const trx = em.getTransactionContext();
      const rows: { id: string; tenant: string; module: string; cron: string; time_zone: string }[] = await conn.execute(
        /* dueSchedules */ `SELECT id, tenant, module, cron, time_zone FROM sync_schedule WHERE next_run_at <= now() ORDER BY next_run_at LIMIT 100 FOR UPDATE SKIP LOCKED`,
        [],
        'all',
        trx,
      );
      for (const row of rows) {
        let next: Date;
        try {
          next = nextCronTime(row.cron, row.time_zone);
        } catch (err) {
          // Stored before a stricter parser or edited by hand: try again tomorrow, and say so.
          next = new Date(Date.now() + 24 * 3600_000);
          this.log.error({ err, tenant: row.tenant, module: row.module, cron: row.cron, timeZone: row.time_zone, retryAt: next }, 'a stored sync schedule is not valid; fix it with setSyncSchedule');
        }
        await conn.execute(/* advanceSchedule */ `UPDATE sync_schedule SET next_run_at = ?, last_run_at = now() WHERE id = ?`, [next, row.id], 'run', trx);
        due.push({ tenant: row.tenant, module: row.module });
      }
    });
    for (const d of due) {
      if (!this.engine.hasJob(d.module)) continue;
      const run = await this.engine.enqueue({ tenant: d.tenant, module: d.module, trigger: SyncTrigger.SCHEDULE });
      this.log.info({ tenant: d.tenant, module: d.module, runId: run.id }, 'scheduled sync queued');
    }
  }
}

function describeSeconds(seconds: number): string {
  if (seconds % 60 === 0) return seconds === 60 ? '1 minute' : `${seconds / 60} minutes`;
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}
