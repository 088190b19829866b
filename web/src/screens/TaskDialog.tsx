import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ConsoleCreateTaskDocument, ConsoleDeleteTaskDocument, ConsoleUpdateTaskDocument, type ConsoleTaskFragment, type TaskStatus } from '../../../operations/generated/graphql';
import { errorMessage, fieldErrors } from '../client';
import { addDays, today, wallTime, zonedToInstant } from '../dates';
import { useI18n } from '../i18n';
import { Field } from './parts';

type Option = { id: string; name: string };
const STATUSES: TaskStatus[] = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'];

interface Props {
  task: ConsoleTaskFragment | null;
  employees: Option[];
  partners: Option[];
  projects: Option[];
  onClose(): void;
  onSaved(): void;
}

/** A task's detail; edit it, or create one. The API's messages appear on the field it names. */
export function TaskDialog({ task, employees, partners, projects, onClose, onSaved }: Props) {
  const { t, dateTime, timeZone } = useI18n();
  const [editing, setEditing] = useState(task === null);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const day = today(timeZone);
  const [form, setForm] = useState(() => ({
    title: task?.title ?? '',
    employeeId: task?.employee.id ?? employees[0]?.id ?? '',
    partnerId: task?.partner?.id ?? '',
    projectId: task?.project?.id ?? '',
    status: task?.status ?? ('OPEN' as TaskStatus),
    allDay: task?.allDay ?? false,
    startsAt: task?.startsAt ? wallTime(task.startsAt, timeZone).slice(0, 16) : `${day}T09:00`,
    endsAt: task?.endsAt ? wallTime(task.endsAt, timeZone).slice(0, 16) : `${day}T10:00`,
    startDate: task?.startDate ?? day,
    endDate: task?.endDate ?? day,
    location: task?.location ?? '',
    description: task?.description ?? '',
  }));
  const [created, createTask] = useMutation(ConsoleCreateTaskDocument);
  const [updated, updateTask] = useMutation(ConsoleUpdateTaskDocument);
  const [, deleteTask] = useMutation(ConsoleDeleteTaskDocument);
  const failure = task ? updated.error : created.error;
  const errors = fieldErrors(failure);
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Times typed are the tenant's wall-clock time; the API takes instants.
    const when = form.allDay
      ? { startDate: form.startDate, endDate: form.endDate, startsAt: null, endsAt: null }
      : { startsAt: zonedToInstant(form.startsAt, timeZone).toISOString(), endsAt: zonedToInstant(form.endsAt, timeZone).toISOString(), startDate: null, endDate: null };
    const common = {
      title: form.title,
      employeeId: form.employeeId,
      partnerId: form.partnerId || null,
      projectId: form.projectId || null,
      status: form.status,
      location: form.location || null,
      description: form.description || null,
    };
    const res = task ? await updateTask({ id: task.id, input: { ...common, ...when } }) : await createTask({ input: { ...common, ...when } });
    if (!res.error) onSaved();
  };

  const select = (name: keyof typeof form, options: Option[], optional: boolean) => (
    <select name={name} value={String(form[name])} onChange={(e) => set({ [name]: e.target.value })}>
      {optional && <option value="">{t('task.none')}</option>}
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );

  return (
    <dialog ref={ref} className="task-dialog" aria-labelledby="task-dialog-title" onClose={onClose} onCancel={onClose}>
      <h2 id="task-dialog-title">{task === null ? t('task.create') : editing ? t('task.edit') : task.title}</h2>
      {!editing && task ? (
        <>
          <dl className="status">
            <dt>{t('task.employee')}</dt>
            <dd>{task.employee.name}</dd>
            <dt>{t('task.status')}</dt>
            <dd>{t(`taskStatus.${task.status}`)}</dd>
            <dt>{task.allDay ? t('task.startDate') : t('task.startsAt')}</dt>
            <dd>{task.allDay ? task.startDate : dateTime(task.startsAt)}</dd>
            <dt>{task.allDay ? t('task.endDate') : t('task.endsAt')}</dt>
            <dd>{task.allDay ? task.endDate : dateTime(task.endsAt)}</dd>
            <dt>{t('task.partner')}</dt>
            <dd>{task.partner?.name ?? t('task.none')}</dd>
            <dt>{t('task.project')}</dt>
            <dd>{task.project?.name ?? t('task.none')}</dd>
            <dt>{t('task.location')}</dt>
            <dd>{task.location ?? t('task.none')}</dd>
            <dt>{t('task.description')}</dt>
            <dd>{task.description ?? t('task.none')}</dd>
          </dl>
          <div className="actions">
            <button type="button" onClick={() => setEditing(true)}>
              {t('task.edit')}
            </button>
            <button type="button" onClick={() => void deleteTask({ id: task.id }).then((r) => !r.error && onSaved())}>
              {t('task.delete')}
            </button>
            <button type="button" onClick={onClose}>
              {t('task.close')}
            </button>
          </div>
        </>
      ) : (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <Field label={t('task.title')} error={errors.title}>
            <input name="title" value={form.title} onChange={(e) => set({ title: e.target.value })} />
          </Field>
          <Field label={t('task.employee')} error={errors.employeeId}>
            {select('employeeId', employees, false)}
          </Field>
          <Field label={t('task.partner')} error={errors.partnerId}>
            {select('partnerId', partners, true)}
          </Field>
          <Field label={t('task.project')} error={errors.projectId}>
            {select('projectId', projects, true)}
          </Field>
          <Field label={t('task.status')} error={errors.status}>
            <select name="status" value={form.status} onChange={(e) => set({ status: e.target.value as TaskStatus })}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`taskStatus.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <label className="check">
            <input type="checkbox" name="allDay" checked={form.allDay} onChange={(e) => set({ allDay: e.target.checked })} /> {t('task.allDay')}
          </label>
          {form.allDay ? (
            <>
              <Field label={t('task.startDate')} error={errors.startDate}>
                <input
                  type="date"
                  name="startDate"
                  value={form.startDate}
                  onChange={(e) => set({ startDate: e.target.value, endDate: form.endDate < e.target.value ? e.target.value : form.endDate })}
                />
              </Field>
              <Field label={t('task.endDate')} error={errors.endDate}>
                <input type="date" name="endDate" value={form.endDate} min={addDays(form.startDate, 0)} onChange={(e) => set({ endDate: e.target.value })} />
              </Field>
            </>
          ) : (
            <>
              <Field label={t('task.startsAt')} error={errors.startsAt}>
                <input type="datetime-local" name="startsAt" value={form.startsAt} onChange={(e) => set({ startsAt: e.target.value })} />
              </Field>
              <Field label={t('task.endsAt')} error={errors.endsAt}>
                <input type="datetime-local" name="endsAt" value={form.endsAt} onChange={(e) => set({ endsAt: e.target.value })} />
              </Field>
            </>
          )}
          <Field label={t('task.location')} error={errors.location}>
            <input name="location" value={form.location} onChange={(e) => set({ location: e.target.value })} />
          </Field>
          <Field label={t('task.description')} error={errors.description}>
            <textarea name="description" rows={3} value={form.description} onChange={(e) => set({ description: e.target.value })} />
          </Field>
          {failure && !Object.keys(errors).length && (
            <p role="alert" className="error">
              {errorMessage(failure)}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={created.fetching || updated.fetching}>
              {task ? t('task.save') : t('task.create')}
            </button>
            <button type="button" onClick={onClose}>
              {t('task.close')}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
