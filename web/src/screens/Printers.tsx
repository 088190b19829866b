import { useMemo, useState, type FormEvent } from 'react';
import { useClient, useMutation, useQuery, useSubscription } from 'urql';
import {
  ConsoleAddPrintServerDocument,
  ConsoleCancelPrintJobDocument,
  ConsolePrinterLiveDocument,
  ConsolePrintersDocument,
  ConsolePrintJobUpdatedDocument,
  ConsoleSubmitPrintJobDocument,
  type ConsolePrinterFragment,
  type ConsolePrintersQuery,
  type ConsolePrintJobFragment,
  type ConsolePrintJobUpdateFragment,
  type PrintJobState,
} from '../../../operations/generated/graphql';
import { errorMessage, fieldErrors } from '../client';
import { useI18n } from '../i18n';
import { DataTable, Field, Loading, ScreenError } from './parts';
import { SyncControls } from './Synchronization';
import { useSettled } from './useSettled';

const FINAL_JOB = new Set<PrintJobState>(['COMPLETED', 'ABORTED', 'CANCELED']);
/** How far along a job is, for its progress bar: queued, printing, done. */
const JOB_STEP: Record<PrintJobState, number> = { PENDING: 25, HELD: 25, PROCESSING: 60, COMPLETED: 100, ABORTED: 100, CANCELED: 100 };

type PrinterState = Pick<ConsolePrinterFragment, 'state' | 'stateReasons' | 'acceptingJobs' | 'stateCheckedAt'> & { stale?: boolean };

/** Printers with their live state, "print a file" with its job followed live; print servers for admins. */
export function Printers({ admin }: { admin: boolean }) {
  const { t } = useI18n();
  const client = useClient();
  const [search, setSearch] = useState('');
  const settled = useSettled(search.trim());
  const [{ data, error }, refetch] = useQuery({ query: ConsolePrintersDocument, variables: { search: settled || null } });
  /** Jobs as last heard of (submitted here or streamed), newest first, over those of the query. */
  const [jobUpdates, setJobUpdates] = useState<Map<string, ConsolePrintJobFragment>>(() => new Map());
  /** Printer states newer than the query's: from job events and "Check now". */
  const [states, setStates] = useState<Map<string, PrinterState>>(() => new Map());
  const [checking, setChecking] = useState<string | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [printFor, setPrintFor] = useState<string>('');
  const [lastJob, setLastJob] = useState<string | null>(null);

  const noteJob = (job: ConsolePrintJobUpdateFragment) => {
    setJobUpdates((m) => new Map(m).set(job.id, job));
    const { state, stateReasons, acceptingJobs, stateCheckedAt } = job.printer;
    setStates((m) => new Map(m).set(job.printer.id, { state, stateReasons, acceptingJobs, stateCheckedAt }));
  };
  useSubscription({ query: ConsolePrintJobUpdatedDocument, pause: !data }, (_prev, event) => {
    noteJob(event.printJobUpdated);
    return event;
  });

  const jobs = useMemo(() => {
    const byId = new Map<string, ConsolePrintJobFragment>();
    for (const e of data?.printJobs.edges ?? []) byId.set(e.node.id, e.node);
    for (const [id, job] of jobUpdates) byId.set(id, job);
    return [...byId.values()].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.id.localeCompare(a.id));
  }, [data, jobUpdates]);

  const checkNow = async (id: string) => {
    setChecking(id);
    setCheckError(null);
    const res = await client.query(ConsolePrinterLiveDocument, { id }, { requestPolicy: 'network-only' }).toPromise();
    setChecking(null);
    if (res.error) setCheckError(errorMessage(res.error));
    else if (res.data) setStates((m) => new Map(m).set(id, res.data!.printer));
  };

  if (!data) return error ? <ScreenError error={error} /> : <Loading />;
  const printers = data.printers.edges.map((e) => e.node);
  const target = printers.find((p) => p.id === printFor) ?? printers[0];

  return (
    <section aria-labelledby="printers-title">
      <h1 id="printers-title">{t('printers.title')}</h1>
      <div className="toolbar">
        <label>
          {t('printers.search')} <input type="search" name="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
      </div>
      <ScreenError error={error} />
      {checkError && (
        <p role="alert" className="error">
          {checkError}
        </p>
      )}
      {printers.length === 0 ? (
        <p>{t('printers.none')}</p>
      ) : (
        <DataTable columns={[t('printers.name'), t('printers.location'), t('printers.model'), t('printers.state'), t('printers.checked')]} actionsLabel={t('contacts.actions')}>
          {printers.map((p) => (
            <PrinterRow
              key={p.id}
              printer={p}
              state={states.get(p.id) ?? p}
              checking={checking === p.id}
              onCheck={() => void checkNow(p.id)}
              onPrint={() => {
                setPrintFor(p.id);
                document.getElementById('print-form')?.scrollIntoView();
              }}
            />
          ))}
        </DataTable>
      )}
      {target && (
        <PrintForm
          printers={printers}
          printerId={target.id}
          onPrinter={setPrintFor}
          onSubmitted={(job) => {
            noteJob(job);
            setLastJob(job.id);
          }}
        />
      )}
      {lastJob && jobs.find((j) => j.id === lastJob) && <JobProgress job={jobs.find((j) => j.id === lastJob)!} />}
      <Jobs jobs={jobs} />
      {admin && <Servers data={data} onChanged={() => refetch({ requestPolicy: 'network-only' })} />}
    </section>
  );
}

function PrinterRow({ printer: p, state, checking, onCheck, onPrint }: { printer: ConsolePrinterFragment; state: PrinterState; checking: boolean; onCheck(): void; onPrint(): void }) {
  const { t, dateTime } = useI18n();
  return (
    <tr data-printer={p.id}>
      <td>
        {p.displayName}
        {p.description && p.description !== p.displayName ? <div className="muted">{p.description}</div> : null}
        <div className="muted">{p.printServer?.name ?? t(`printers.source.${p.source}`)}</div>
      </td>
      <td>{p.location}</td>
      <td>{p.makeAndModel}</td>
      <td data-state={state.state}>
        <strong>{t(`printerState.${state.state}`)}</strong>
        {!state.acceptingJobs && ` · ${t('printers.notAccepting')}`}
        {state.stale && ` · ${t('printers.stale')}`}
        {state.stateReasons.filter((r) => r !== 'none').length > 0 && <div className="muted">{state.stateReasons.filter((r) => r !== 'none').join(', ')}</div>}
      </td>
      <td>{dateTime(state.stateCheckedAt)}</td>
      <td>
        <div className="actions">
          <button type="button" onClick={onCheck} disabled={checking} aria-label={t('printers.checkOf', { name: p.displayName })}>
            {checking ? t('app.loading') : t('printers.check')}
          </button>
          <button type="button" onClick={onPrint} aria-label={t('printers.printOn', { name: p.displayName })}>
            {t('printers.print')}
          </button>
        </div>
      </td>
    </tr>
  );
}

/** "Print a file": a multipart request (GraphQL multipart request spec) with the file as an Upload. */
function PrintForm({
  printers,
  printerId,
  onPrinter,
  onSubmitted,
}: {
  printers: ConsolePrinterFragment[];
  printerId: string;
  onPrinter(id: string): void;
  onSubmitted(job: ConsolePrintJobUpdateFragment): void;
}) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [copies, setCopies] = useState('1');
  const [name, setName] = useState('');
  const [sent, submit] = useMutation(ConsoleSubmitPrintJobDocument);
  const errors = fieldErrors(sent.error);
  const printer = printers.find((p) => p.id === printerId);
  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!file) return;
    const res = await submit({ input: { printerId, file, copies: Number(copies) || 1, documentName: name.trim() || null } });
    if (res.data) onSubmitted(res.data.submitPrintJob);
  };
  const known = new Set(['printerId', 'file', 'copies', 'documentName']);
  return (
    <section className="card" aria-labelledby="print-title" id="print-form">
      <h2 id="print-title">{t('printers.printFile')}</h2>
      <form className="form inline" onSubmit={(e) => void onSubmit(e)} noValidate>
        <Field label={t('printers.printer')} error={errors.printerId}>
          <select name="printerId" value={printerId} onChange={(e) => onPrinter(e.target.value)}>
            {printers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.displayName}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('printers.file')} error={errors.file} hint={printer ? t('printers.formats', { formats: printer.capabilities.documentFormats.slice(0, 6).join(', ') }) : undefined}>
          <input type="file" name="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
        <Field label={t('printers.copies')} error={errors.copies}>
          <input type="number" name="copies" min={printer?.capabilities.copiesMin ?? 1} max={printer?.capabilities.copiesMax ?? 1} value={copies} onChange={(e) => setCopies(e.target.value)} />
        </Field>
        <Field label={t('printers.documentName')} error={errors.documentName}>
          <input name="documentName" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <button type="submit" disabled={!file || sent.fetching}>
          {t('printers.submit')}
        </button>
        {sent.error && !Object.keys(errors).some((k) => known.has(k)) && (
          <p role="alert" className="error">
            {errorMessage(sent.error)}
          </p>
        )}
      </form>
    </section>
  );
}

/** The job just submitted, followed live (printJobUpdated) to its end. */
function JobProgress({ job }: { job: ConsolePrintJobFragment }) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="job-progress-title">
      <h2 id="job-progress-title">{t('printers.jobOf', { name: job.documentName })}</h2>
      <div role="progressbar" aria-label={t('printers.jobProgress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={JOB_STEP[job.state]} data-state={job.state}>
        <div className="bar" style={{ width: `${JOB_STEP[job.state]}%` }} />
      </div>
      <p role="status">
        <strong>{t(`jobState.${job.state}`)}</strong> · {job.printer.displayName}
        {job.stateMessage ? ` · ${job.stateMessage}` : ''}
      </p>
    </section>
  );
}

function Jobs({ jobs }: { jobs: ConsolePrintJobFragment[] }) {
  const { t, dateTime } = useI18n();
  const [cancelled, cancel] = useMutation(ConsoleCancelPrintJobDocument);
  return (
    <>
      <h2>{t('printers.jobs')}</h2>
      <ScreenError error={cancelled.error} />
      {jobs.length === 0 ? (
        <p>{t('printers.noJobs')}</p>
      ) : (
        <DataTable columns={[t('printers.document'), t('printers.printer'), t('printers.jobState'), t('printers.submitted'), t('printers.finished')]} actionsLabel={t('contacts.actions')}>
          {jobs.map((j) => (
            <tr key={j.id} data-job={j.id} data-state={j.state}>
              <td>
                {j.documentName}{' '}
                <span className="muted">
                  ({j.format}, {Math.ceil(j.sizeBytes / 1024)} KB)
                </span>
              </td>
              <td>{j.printer.displayName}</td>
              <td>{t(`jobState.${j.state}`)}</td>
              <td>{dateTime(j.submittedAt)}</td>
              <td>{dateTime(j.finishedAt)}</td>
              <td>
                {!FINAL_JOB.has(j.state) && (
                  <button type="button" onClick={() => void cancel({ id: j.id })} aria-label={t('printers.cancelOf', { name: j.documentName })}>
                    {t('sync.cancel')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

/** Admins: the print servers, adding one, and importing their printers (syncPrinters). */
function Servers({ data, onChanged }: { data: ConsolePrintersQuery; onChanged(): void }) {
  const { t, dateTime } = useI18n();
  const [form, setForm] = useState({ name: '', uri: '' });
  const [added, add] = useMutation(ConsoleAddPrintServerDocument);
  const errors = fieldErrors(added.error);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const res = await add({ input: { name: form.name, uri: form.uri } });
    if (!res.error) {
      setForm({ name: '', uri: '' });
      onChanged();
    }
  };
  return (
    <section className="card" aria-labelledby="servers-title">
      <h2 id="servers-title">{t('printers.servers')}</h2>
      <SyncControls module="PRINTERS" title={t('printers.title')} runs={data.syncRuns.edges.map((e) => e.node)} onFinished={onChanged} runLabel={t('printers.import')} />
      <ul>
        {data.printServers.map((s) => (
          <li key={s.id}>
            <strong>{s.name}</strong> <code>{s.uri}</code> · {s.lastError ? <span className="error">{s.lastError}</span> : t('printers.lastContact', { when: dateTime(s.lastContactAt) })}
          </li>
        ))}
      </ul>
      <form className="form inline" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('printers.serverName')} error={errors.name}>
          <input name="serverName" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </Field>
        <Field label={t('printers.serverUri')} error={errors.uri} hint="ipp://print.example.com:631">
          <input name="serverUri" value={form.uri} onChange={(e) => setForm({ ...form, uri: e.target.value })} spellCheck={false} />
        </Field>
        <button type="submit">{t('directory.add')}</button>
        {added.error && !errors.name && !errors.uri && (
          <p role="alert" className="error">
            {errorMessage(added.error)}
          </p>
        )}
      </form>
    </section>
  );
}
