import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useSubscription } from 'urql';
import {
  ConsoleCancelSyncRunDocument,
  ConsoleClearSyncScheduleDocument,
  ConsoleSetSyncScheduleDocument,
  ConsoleSyncProgressDocument,
  ConsoleSyncScreenDocument,
  ConsoleSyncTasksDocument,
  type ConsoleSyncProgressSubscription,
  type ConsoleSyncRunFragment,
  type ConsoleSyncScreenQuery,
  type SyncModule,
} from '../../../operations/generated/graphql';
import { errorMessage, fieldErrors } from '../client';
import { useI18n, type MessageKey } from '../i18n';
import { Field, Loading, ScreenError } from './parts';

type Progress = ConsoleSyncProgressSubscription['syncProgress'];
const FINAL = new Set(['SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED']);

/** The modules with a sync job, and the mutation that starts each (one card each). */
const CARDS: { module: SyncModule; title: MessageKey }[] = [{ module: 'TASKS', title: 'sync.module.TASKS' }];

/** One card per module: start, follow live, cancel; the history and the schedule. */
export function Synchronization() {
  const { t } = useI18n();
  const [{ data, error }, refetch] = useQuery({ query: ConsoleSyncScreenDocument });
  if (!data) return error ? <ScreenError error={error} /> : <Loading />;
  return (
    <section aria-labelledby="sync-title">
      <h1 id="sync-title">{t('sync.title')}</h1>
      {CARDS.map((c) => (
        <ModuleCard
          key={c.module}
          module={c.module}
          title={t(c.title)}
          runs={data.syncRuns.edges.map((e) => e.node).filter((r) => r.module === c.module)}
          schedule={data.syncSchedules.find((s) => s.module === c.module) ?? null}
          onFinished={() => refetch({ requestPolicy: 'network-only' })}
        />
      ))}
    </section>
  );
}

interface CardProps {
  module: SyncModule;
  title: string;
  runs: ConsoleSyncRunFragment[];
  schedule: ConsoleSyncScreenQuery['syncSchedules'][number] | null;
  onFinished(): void;
}

function ModuleCard({ module, title, runs, schedule, onFinished }: CardProps) {
  const { t } = useI18n();
  const [start, syncTasks] = useMutation(ConsoleSyncTasksDocument);
  const [cancel, cancelRun] = useMutation(ConsoleCancelSyncRunDocument);
  const [live] = useSubscription({ query: ConsoleSyncProgressDocument, variables: { module } }, (_prev: Progress | undefined, event) => {
    if (event.syncProgress.final) onFinished();
    return event.syncProgress;
  });
  const active = runs.find((r) => !FINAL.has(r.status));
  const started = start.data?.syncTasks;
  // The newest of: the live event (of the run just started, if any), that run, the running run of the history.
  const current = live.data && (!started || live.data.runId === started.id) ? live.data : undefined;
  const progress: Progress | ConsoleSyncRunFragment | undefined = current ?? started ?? active;
  const runId = current?.runId ?? started?.id ?? active?.id;
  const running = progress !== undefined && !FINAL.has(progress.status);
  const pct = progress && progress.total > 0 ? Math.round((progress.processed / progress.total) * 100) : progress && FINAL.has(progress.status) ? 100 : 0;

  return (
    <article className="card" aria-labelledby={`card-${module}`}>
      <h2 id={`card-${module}`}>{title}</h2>
      <div className="actions">
        <button type="button" onClick={() => void syncTasks({ full: false })} disabled={running || start.fetching}>
          {t('sync.run')}
        </button>
        <button type="button" onClick={() => void syncTasks({ full: true })} disabled={running || start.fetching}>
          {t('sync.full')}
        </button>
        <button type="button" onClick={() => runId && void cancelRun({ id: runId })} disabled={!running || cancel.fetching}>
          {t('sync.cancel')}
        </button>
      </div>
      <ScreenError error={start.error ?? cancel.error} />
      {progress && (
        <div className="progress">
          <div role="progressbar" aria-label={t('sync.progress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} data-status={progress.status}>
            <div className="bar" style={{ width: `${pct}%` }} />
          </div>
          <p>
            <strong>{t(`status.${progress.status}`)}</strong> · {pct} % · {t('sync.counters', counters(progress))}
            {progress.phase ? ` · ${progress.phase}` : ''}
          </p>
        </div>
      )}
      <History runs={runs} />
      <Schedule module={module} schedule={schedule} onSaved={onFinished} />
    </article>
  );
}

const counters = (p: Progress | ConsoleSyncRunFragment) => ({
  processed: p.processed,
  total: p.total,
  created: p.created,
  updated: p.updated,
  deleted: p.deleted,
  skipped: p.skipped,
  failed: p.failed,
});

function duration(run: ConsoleSyncRunFragment): string {
  if (!run.startedAt || !run.finishedAt) return '—';
  const s = (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000;
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

function History({ runs }: { runs: ConsoleSyncRunFragment[] }) {
  const { t, dateTime } = useI18n();
  return (
    <>
      <h3>{t('sync.history')}</h3>
      {runs.length === 0 ? (
        <p>{t('sync.noRuns')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('sync.col.started')}</th>
                <th scope="col">{t('sync.col.status')}</th>
                <th scope="col">{t('sync.col.trigger')}</th>
                <th scope="col">{t('sync.col.duration')}</th>
                <th scope="col">{t('sync.col.counts')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id} data-run={r.id}>
                  <td>{dateTime(r.startedAt ?? r.createdAt)}</td>
                  <td>
                    {t(`status.${r.status}`)}
                    {r.full ? ` (${t('sync.full')})` : ''}
                    {r.error && <div className="error">{r.error}</div>}
                    {r.errors.length > 0 && (
                      <details>
                        <summary>{t('sync.errors', { n: r.errors.length })}</summary>
                        <ul>
                          {r.errors.map((e) => (
                            <li key={e.id}>
                              <code>{e.entityId}</code> {e.code}: {e.message}
                            </li>
                          ))}
                        </ul>
                      </details>
                    )}
                  </td>
                  <td>{t(`trigger.${r.trigger}`)}</td>
                  <td>{duration(r)}</td>
                  <td>
                    {r.created} / {r.updated} / {r.deleted} / {r.failed}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function Schedule({ module, schedule, onSaved }: { module: SyncModule; schedule: CardProps['schedule']; onSaved(): void }) {
  const { t, dateTime, timeZone } = useI18n();
  const [cron, setCron] = useState(schedule?.cron ?? '0 2 * * *');
  const [tz, setTz] = useState(schedule?.timeZone ?? timeZone);
  const [saved, save] = useMutation(ConsoleSetSyncScheduleDocument);
  const [, clear] = useMutation(ConsoleClearSyncScheduleDocument);
  const errors = fieldErrors(saved.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await save({ module, cron, timeZone: tz });
    if (!res.error) onSaved();
  };
  return (
    <>
      <h3>{t('sync.schedule')}</h3>
      <p>{schedule ? `${schedule.cron} (${schedule.timeZone}) · ${t('sync.nextRun', { when: dateTime(schedule.nextRunAt) })}` : t('sync.noSchedule')}</p>
      <form className="form inline" onSubmit={(e) => void submit(e)}>
        <Field label={t('sync.cron')} error={errors.cron ?? (Object.keys(errors).length ? undefined : (errorMessage(saved.error) ?? undefined))}>
          <input name="cron" value={cron} onChange={(e) => setCron(e.target.value)} spellCheck={false} />
        </Field>
        <Field label={t('sync.scheduleTz')} error={errors.timeZone}>
          <input name="scheduleTimeZone" value={tz} onChange={(e) => setTz(e.target.value)} spellCheck={false} />
        </Field>
        <button type="submit">{t('sync.saveSchedule')}</button>
        {schedule && (
          <button type="button" onClick={() => void clear({ module }).then(onSaved)}>
            {t('sync.clearSchedule')}
          </button>
        )}
      </form>
    </>
  );
}
