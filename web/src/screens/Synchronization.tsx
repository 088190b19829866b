import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useSubscription, type AnyVariables, type TypedDocumentNode } from 'urql';
import {
  ConsoleCancelSyncRunDocument,
  ConsoleClearSyncScheduleDocument,
  ConsoleSetSyncScheduleDocument,
  ConsoleSyncContactsDocument,
  ConsoleSyncPrintersDocument,
  ConsoleSyncProgressDocument,
  ConsoleSyncScreenDocument,
  ConsoleSyncTasksDocument,
  type ConsoleSyncProgressSubscription,
  type ConsoleSyncRunFragment,
  type ConsoleSyncRunStateFragment,
  type ConsoleSyncScreenQuery,
  type SyncModule,
} from '../../../operations/generated/graphql';
import { errorMessage, fieldErrors } from '../client';
import { useI18n, type MessageKey } from '../i18n';
import { DataTable, Field, Loading, ScreenError } from './parts';

type Progress = ConsoleSyncProgressSubscription['syncProgress'];
type ModuleInfo = ConsoleSyncScreenQuery['syncModules'][number];
const FINAL = new Set(['SUCCEEDED', 'PARTIAL', 'FAILED', 'CANCELLED']);

/** How the console starts each module's sync (the API lists which modules are on; a module unknown here gets history and schedule only). */
interface Starter {
  document: TypedDocumentNode<Record<string, ConsoleSyncRunFragment>, AnyVariables>;
  /** Whether the module's mutation takes `full`. */
  full: boolean;
}
const STARTERS: Partial<Record<SyncModule, Starter>> = {
  TASKS: { document: ConsoleSyncTasksDocument as Starter['document'], full: true },
  CONTACTS: { document: ConsoleSyncContactsDocument as Starter['document'], full: true },
  PRINTERS: { document: ConsoleSyncPrintersDocument as Starter['document'], full: false },
};
const NO_STARTER: Starter = { document: ConsoleSyncTasksDocument as Starter['document'], full: false };

const MODULE_TITLES: Partial<Record<SyncModule, MessageKey>> = { TASKS: 'sync.module.TASKS', CONTACTS: 'sync.module.CONTACTS', PRINTERS: 'sync.module.PRINTERS' };

/** One card per enabled module with a sync job: start, follow live, cancel; the history and the schedule. */
export function Synchronization() {
  const { t } = useI18n();
  const [{ data, error }, refetch] = useQuery({ query: ConsoleSyncScreenDocument });
  if (!data) return error ? <ScreenError error={error} /> : <Loading />;
  return (
    <section aria-labelledby="sync-title">
      <h1 id="sync-title">{t('sync.title')}</h1>
      {data.syncModules.length === 0 && <p>{t('sync.noModules')}</p>}
      {data.syncModules.map((m) => (
        <ModuleCard
          key={m.module}
          module={m.module}
          title={MODULE_TITLES[m.module] ? t(MODULE_TITLES[m.module]!) : m.name}
          starter={STARTERS[m.module]}
          runs={m.recentRuns}
          schedule={m.schedule ?? null}
          onFinished={() => refetch({ requestPolicy: 'network-only' })}
        />
      ))}
    </section>
  );
}

interface CardProps {
  module: SyncModule;
  title: string;
  starter: Starter | undefined;
  runs: ConsoleSyncRunFragment[];
  schedule: ModuleInfo['schedule'];
  onFinished(): void;
}

function ModuleCard({ module, title, starter, runs, schedule, onFinished }: CardProps) {
  return (
    <article className="card" aria-labelledby={`card-${module}`} data-module={module}>
      <h2 id={`card-${module}`}>{title}</h2>
      <SyncControls module={module} title={title} starter={starter} runs={runs} onFinished={onFinished} />
      <History runs={runs} />
      <Schedule module={module} schedule={schedule} onSaved={onFinished} />
    </article>
  );
}

interface ControlsProps {
  module: SyncModule;
  title: string;
  starter?: Starter;
  /** The module's latest runs (a running one is followed). */
  runs: ConsoleSyncRunStateFragment[];
  /** Called when a run ends (the screen refetches its data). */
  onFinished(): void;
  /** The "Synchronize" button's words (default: Synchronize). */
  runLabel?: string;
}

/** Synchronize / Full resync / Cancel, and the live progress bar and counters of the module's run. */
export function SyncControls({ module, title, starter = STARTERS[module], runs, onFinished, runLabel }: ControlsProps) {
  const { t } = useI18n();
  // The document is fixed for a card's lifetime (cards are keyed by module).
  const [start, startSync] = useMutation((starter ?? NO_STARTER).document);
  const [cancel, cancelRun] = useMutation(ConsoleCancelSyncRunDocument);
  const [live] = useSubscription({ query: ConsoleSyncProgressDocument, variables: { module } }, (_prev: Progress | undefined, event) => {
    if (event.syncProgress.final) onFinished();
    return event.syncProgress;
  });
  const active = runs.find((r) => !FINAL.has(r.status));
  const started = start.data ? Object.values(start.data)[0] : undefined;
  // The newest of: the live event (of the run just started, if any), that run, the running run of the history.
  const current = live.data && (!started || live.data.runId === started.id) ? live.data : undefined;
  const progress: Progress | ConsoleSyncRunStateFragment | undefined = current ?? started ?? active;
  const runId = current?.runId ?? started?.id ?? active?.id;
  const running = progress !== undefined && !FINAL.has(progress.status);
  const pct = progress && progress.total > 0 ? Math.round((progress.processed / progress.total) * 100) : progress && FINAL.has(progress.status) ? 100 : 0;

  return (
    <>
      {starter && (
        <div className="actions">
          <button type="button" onClick={() => void startSync(starter.full ? { full: false } : {})} disabled={running || start.fetching}>
            {runLabel ?? t('sync.run')}
          </button>
          {starter.full && (
            <button type="button" onClick={() => void startSync({ full: true })} disabled={running || start.fetching}>
              {t('sync.full')}
            </button>
          )}
          <button type="button" onClick={() => runId && void cancelRun({ id: runId })} disabled={!running || cancel.fetching}>
            {t('sync.cancel')}
          </button>
        </div>
      )}
      <ScreenError error={start.error ?? cancel.error} />
      {progress && (
        <div className="progress">
          <div role="progressbar" aria-label={t('sync.progressOf', { module: title })} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} data-status={progress.status}>
            <div className="bar" style={{ width: `${pct}%` }} />
          </div>
          <p>
            <strong>{t(`status.${progress.status}`)}</strong> · {pct} % · {t('sync.counters', counters(progress))}
            {progress.phase ? ` · ${progress.phase}` : ''}
            {'message' in progress && progress.message ? ` · ${progress.message}` : ''}
            {'error' in progress && progress.error ? ` · ${progress.error}` : ''}
          </p>
        </div>
      )}
    </>
  );
}

const counters = (p: Progress | ConsoleSyncRunStateFragment) => ({
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
        <DataTable columns={[t('sync.col.started'), t('sync.col.status'), t('sync.col.trigger'), t('sync.col.duration'), t('sync.col.counts')]}>
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
        </DataTable>
      )}
    </>
  );
}

function Schedule({ module, schedule, onSaved }: { module: SyncModule; schedule: ModuleInfo['schedule']; onSaved(): void }) {
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
      <p data-testid={`schedule-${module}`}>{schedule ? `${schedule.cron} (${schedule.timeZone}) · ${t('sync.nextRun', { when: dateTime(schedule.nextRunAt) })}` : t('sync.noSchedule')}</p>
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
