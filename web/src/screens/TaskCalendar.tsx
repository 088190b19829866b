import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import timeGridPlugin from '@fullcalendar/timegrid';
import listPlugin from '@fullcalendar/list';
import enGbLocale from '@fullcalendar/core/locales/en-gb';
import roLocale from '@fullcalendar/core/locales/ro';
import type { EventClickArg, EventInput } from '@fullcalendar/core';
import { useCallback, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { ConsoleCalendarDocument, type CalendarGrouping, type ConsoleCalendarQuery, type ConsoleTaskFragment } from '../../../operations/generated/graphql';
import { addDays, addMonths, startOfMonth, startOfWeek, today, wallTime, zonedToInstant } from '../dates';
import { useI18n, type MessageKey } from '../i18n';
import { MultiSelect } from './MultiSelect';
import { Loading, ScreenError } from './parts';
import { TaskDialog } from './TaskDialog';

type View = 'month' | 'week' | 'day' | 'list' | 'grouped';
const VIEWS: View[] = ['month', 'week', 'day', 'list', 'grouped'];
const FC_VIEW: Record<Exclude<View, 'grouped'>, string> = { month: 'dayGridMonth', week: 'timeGridWeek', day: 'timeGridDay', list: 'listWeek' };
const GROUPINGS: CalendarGrouping[] = ['EMPLOYEE', 'DAY', 'WEEK', 'MONTH'];

/** [from, to) as local dates: the days FullCalendar shows for the view around `anchor`. */
function rangeOf(view: View, anchor: string, custom: { from: string; to: string }): { from: string; to: string } {
  switch (view) {
    case 'month': {
      const from = startOfWeek(startOfMonth(anchor));
      return { from, to: addDays(from, 42) };
    }
    case 'week':
    case 'list': {
      const from = startOfWeek(anchor);
      return { from, to: addDays(from, 7) };
    }
    case 'day':
      return { from: anchor, to: addDays(anchor, 1) };
    case 'grouped':
      return custom;
  }
}

function step(view: View, anchor: string, dir: 1 | -1): string {
  if (view === 'month') return addMonths(anchor, dir);
  if (view === 'day') return addDays(anchor, dir);
  return addDays(anchor, 7 * dir);
}

function toEvent(task: ConsoleTaskFragment, timeZone: string): EventInput {
  // Times go to FullCalendar as the tenant's wall-clock time (the calendar itself runs in UTC).
  if (task.allDay && task.startDate)
    return { id: task.id, title: task.title, allDay: true, start: task.startDate, end: addDays(task.endDate ?? task.startDate, 1), classNames: [`task-${task.status.toLowerCase()}`] };
  return {
    id: task.id,
    title: task.title,
    start: wallTime(task.startsAt!, timeZone),
    end: task.endsAt ? wallTime(task.endsAt, timeZone) : undefined,
    classNames: [`task-${task.status.toLowerCase()}`],
  };
}

/** Timed tasks a month-view day lists before its "+N more" (which opens that day). */
const MONTH_DAY_TASKS = 3;
const PLUGINS = [dayGridPlugin, timeGridPlugin, listPlugin];
const LOCALES = [enGbLocale, roLocale];
const HEADER = { left: 'title', center: '', right: '' };

/**
 * The month view's events: every all-day or multi-day task, and per day its first timed tasks and
 * one "+N more" entry for the rest. FullCalendar lays out (and measures) every event it is given
 * before hiding those beyond a day's limit, so a busy month would cost seconds; what it gets here
 * is bounded by the days on screen.
 */
function monthEvents(tasks: ConsoleTaskFragment[], timeZone: string, more: (n: number) => string): EventInput[] {
  const out: EventInput[] = [];
  const byDay = new Map<string, EventInput[]>();
  for (const task of tasks) {
    const e = toEvent(task, timeZone);
    const day = typeof e.start === 'string' ? e.start.slice(0, 10) : '';
    const end = typeof e.end === 'string' ? e.end : '';
    // All-day tasks and those crossing midnight span days: always shown.
    if (e.allDay || !day || (end && end.slice(0, 10) !== day && end.slice(11) !== '00:00:00')) out.push(e);
    else {
      const list = byDay.get(day);
      if (list) list.push(e);
      else byDay.set(day, [e]);
    }
  }
  for (const [day, list] of byDay) {
    list.sort((a, b) => String(a.start).localeCompare(String(b.start)));
    out.push(...list.slice(0, MONTH_DAY_TASKS));
    const rest = list.length - MONTH_DAY_TASKS;
    if (rest > 0) out.push({ id: `more:${day}`, title: more(rest), start: `${day}T23:59:59`, classNames: ['more-tasks'], display: 'block', extendedProps: { moreOf: day } });
  }
  return out;
}

/** The seed's "Task calendar": range, filters and grouping in one query; FullCalendar views or our grouped one. */
export default function TaskCalendar() {
  const i18n = useI18n();
  const { t, timeZone, lang } = i18n;
  const [view, setView] = useState<View>('month');
  const [anchor, setAnchor] = useState(() => new URLSearchParams(window.location.search).get('date') ?? today(timeZone));
  const [custom, setCustom] = useState(() => ({ from: startOfMonth(anchor), to: addMonths(anchor, 1) }));
  const [groupBy, setGroupBy] = useState<CalendarGrouping>('EMPLOYEE');
  const [partnerIds, setPartnerIds] = useState<string[]>([]);
  const [projectIds, setProjectIds] = useState<string[]>([]);
  const [employeeIds, setEmployeeIds] = useState<string[]>([]);
  const [open, setOpen] = useState<ConsoleTaskFragment | 'new' | null>(null);

  const range = rangeOf(view, anchor, custom);
  const variables = useMemo(
    () => ({
      range: { from: zonedToInstant(`${range.from}T00:00`, timeZone).toISOString(), to: zonedToInstant(`${range.to}T00:00`, timeZone).toISOString() },
      filter: { partnerIds: partnerIds.length ? partnerIds : null, projectIds: projectIds.length ? projectIds : null, employeeIds: employeeIds.length ? employeeIds : null },
      groupBy: view === 'grouped' ? groupBy : ('EMPLOYEE' as const),
    }),
    [range.from, range.to, timeZone, partnerIds, projectIds, employeeIds, view, groupBy],
  );
  const [{ data, error }, refetch] = useQuery({ query: ConsoleCalendarDocument, variables });
  const tz = data?.taskCalendar.timeZone ?? timeZone;
  const tasks = useMemo(() => {
    const byId = new Map<string, ConsoleTaskFragment>();
    for (const g of data?.taskCalendar.groups ?? []) for (const task of g.tasks) byId.set(task.id, task);
    return [...byId.values()];
  }, [data]);
  const events = useMemo(() => (view === 'month' ? monthEvents(tasks, tz, (n) => t('calendar.more', { n })) : tasks.map((task) => toEvent(task, tz))), [tasks, tz, view, t]);
  const onEventClick = useCallback(
    (arg: EventClickArg) => {
      arg.jsEvent.preventDefault();
      const moreOf = arg.event.extendedProps.moreOf as string | undefined;
      if (moreOf) {
        setAnchor(moreOf);
        setView('day');
      } else setOpen(tasks.find((x) => x.id === arg.event.id) ?? null);
    },
    [tasks],
  );

  const options = {
    employees: data?.employees.edges.map((e) => e.node) ?? [],
    partners: data?.partners.edges.map((e) => e.node) ?? [],
    projects: data?.projects.edges.map((e) => e.node) ?? [],
  };

  return (
    <section aria-labelledby="calendar-title" className="calendar">
      <h1 id="calendar-title">{t('calendar.title')}</h1>
      <div className="toolbar">
        <div role="group" aria-label={t('calendar.view')} className="segmented">
          {VIEWS.map((v) => (
            <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
              {t(`calendar.view.${v}` as MessageKey)}
            </button>
          ))}
        </div>
        {view === 'grouped' ? (
          <>
            <label>
              {t('calendar.from')} <input type="date" name="from" value={custom.from} onChange={(e) => e.target.value && setCustom({ ...custom, from: e.target.value })} />
            </label>
            <label>
              {t('calendar.to')} <input type="date" name="to" value={addDays(custom.to, -1)} onChange={(e) => e.target.value && setCustom({ ...custom, to: addDays(e.target.value, 1) })} />
            </label>
            <label>
              {t('calendar.groupBy')}{' '}
              <select name="groupBy" value={groupBy} onChange={(e) => setGroupBy(e.target.value as CalendarGrouping)}>
                {GROUPINGS.map((g) => (
                  <option key={g} value={g}>
                    {t(`calendar.group.${g}`)}
                  </option>
                ))}
              </select>
            </label>
          </>
        ) : (
          <div className="segmented">
            <button type="button" onClick={() => setAnchor(step(view, anchor, -1))}>
              {t('calendar.prev')}
            </button>
            <button type="button" onClick={() => setAnchor(today(timeZone))}>
              {t('calendar.today')}
            </button>
            <button type="button" onClick={() => setAnchor(step(view, anchor, 1))}>
              {t('calendar.next')}
            </button>
          </div>
        )}
        <button type="button" className="primary" onClick={() => setOpen('new')}>
          {t('calendar.newTask')}
        </button>
      </div>
      <div className="filters">
        <MultiSelect label={t('calendar.partners')} name="partners" options={options.partners} selected={partnerIds} onChange={setPartnerIds} />
        <MultiSelect label={t('calendar.projects')} name="projects" options={options.projects} selected={projectIds} onChange={setProjectIds} />
        <MultiSelect label={t('calendar.employees')} name="employees" options={options.employees} selected={employeeIds} onChange={setEmployeeIds} />
      </div>
      {!data && (error ? <ScreenError error={error} /> : <Loading />)}
      {data && (
        <>
          <ScreenError error={error} />
          <p role="status" data-testid="task-total">
            {t('calendar.total', { n: data.taskCalendar.totalTasks })}
          </p>
        </>
      )}
      {/* The grid is laid out while the data loads; the tasks are then only added to it. */}
      {view === 'grouped'
        ? data && <Grouped groups={data.taskCalendar.groups} groupBy={groupBy} onOpen={setOpen} />
        : (data || !error) && (
            <FullCalendar
              key={`${view}-${anchor}`}
              plugins={PLUGINS}
              initialView={FC_VIEW[view]}
              initialDate={anchor}
              timeZone="UTC"
              locales={LOCALES}
              locale={lang === 'ro' ? 'ro' : 'en-gb'}
              firstDay={1}
              headerToolbar={HEADER}
              height="auto"
              dayMaxEvents={false}
              eventMaxStack={4}
              events={events}
              eventClick={onEventClick}
            />
          )}
      {open && (
        <TaskDialog
          task={open === 'new' ? null : open}
          employees={options.employees}
          partners={options.partners}
          projects={options.projects}
          onClose={() => setOpen(null)}
          onSaved={() => {
            setOpen(null);
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </section>
  );
}

type Group = ConsoleCalendarQuery['taskCalendar']['groups'][number];

/** Our own grouped view: one section per employee (or per day, week, month) with its tasks. */
function Grouped({ groups, groupBy, onOpen }: { groups: Group[]; groupBy: CalendarGrouping; onOpen(task: ConsoleTaskFragment): void }) {
  const { t, dateTime, date } = useI18n();
  if (groups.length === 0) return <p>{t('calendar.empty')}</p>;
  return (
    <div className="grouped" data-group-by={groupBy}>
      {groups.map((g) => (
        <section key={g.key} className="group" aria-label={g.label}>
          <h2>
            {groupBy === 'EMPLOYEE' ? (g.employee?.name ?? g.label) : groupBy === 'DAY' && g.periodStart ? date(g.periodStart) : g.label} <small>({g.taskCount})</small>
          </h2>
          <ul>
            {g.tasks.map((task) => (
              <li key={task.id}>
                <button type="button" className="link" onClick={() => onOpen(task)}>
                  {task.title}
                </button>{' '}
                <span className="muted">
                  {task.allDay ? `${task.startDate} – ${task.endDate}` : `${dateTime(task.startsAt)} – ${dateTime(task.endsAt)}`}
                  {groupBy !== 'EMPLOYEE' ? ` · ${task.employee.name}` : ''}
                  {task.partner ? ` · ${task.partner.name}` : ''}
                  {task.project ? ` · ${task.project.name}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
