import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Tenant } from '../../db/tenant.entity';
import { cursorKey, decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from '../../schema/connection';
import { badUserInput, notFound } from '../../kernel/errors';
import { optionalText, requiredText, uuid } from '../../kernel/validate';
import { DirectoryService } from './directory.service';
import { Employee } from './employee.entity';
import { Partner } from './partner.entity';
import { Project } from './project.entity';
import type { CreateTaskInput, TaskFilter, UpdateTaskInput } from './task.inputs';
import { Task, TaskStatus } from './task.entity';
import { addDays, parseLocalDate, startOfLocalDay } from './zoned-time';

const MAX_TASK_DAYS = 366;
const DAY_MS = 86_400_000;

export async function tenantTimeZone(em: EntityManager, tenant: string): Promise<string> {
  const row = await em.findOne(Tenant, { id: tenant }, { fields: ['timeZone'] });
  return row?.timeZone ?? 'Europe/Bucharest';
}

/** The instants a task covers: [startsAt, endsAt) or the local days [startDate, endDate] in the zone. */
export function taskRange(t: Pick<Task, 'startsAt' | 'endsAt' | 'startDate' | 'endDate'>, timeZone: string): { start: Date; end: Date } {
  if (t.startDate && t.endDate) {
    return { start: startOfLocalDay(parseLocalDate(t.startDate), timeZone), end: startOfLocalDay(addDays(parseLocalDate(t.endDate), 1), timeZone) };
  }
  return { start: t.startsAt!, end: t.endsAt! };
}

const instant = (v: unknown): Date | null => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(v as string));
const idRef = (id: unknown) => (id ? { id } : null);

/**
 * Read-only Task objects straight from rows (`SELECT t.*, start/end dates as text`): thousands of
 * calendar rows need no identity map or change tracking, and relations stay `{ id }` references
 * that the DataLoaders resolve. They are Task instances (type-graphql passes them to field
 * resolvers as they are) whose prototype chain first meets plain writable data properties, so
 * that assignment makes own properties and never reaches the accessors MikroORM puts on the entity
 * prototype (those cost more than the query; defining each property one by one cost a tenth of
 * the 100-task page).
 */
const ROW = Symbol('task row');
const ASSIGNED = ['id', 'tenant', 'title', 'description', 'location', 'employee', 'partner', 'project', 'startsAt', 'endsAt', 'startDate', 'endDate', 'status'] as const;
/**
 * Parsed only when read (a Date costs about as much as the rest of the row): the range only by
 * period groupings and cursors, the bookkeeping instants rarely.
 */
const LAZY_INSTANTS = [
  ['rangeStart', 'range_start'],
  ['rangeEnd', 'range_end'],
  ['deletedAt', 'deleted_at'],
  ['createdAt', 'created_at'],
  ['updatedAt', 'updated_at'],
] as const;

const taskRowPrototype: object = Object.create(Task.prototype, {
  ...Object.fromEntries(ASSIGNED.map((key) => [key, { value: undefined, writable: true, configurable: true }])),
  ...Object.fromEntries(
    LAZY_INSTANTS.map(([key, column]) => [
      key,
      {
        get(this: { [ROW]: Record<string, unknown> }) {
          return instant(this[ROW][column]);
        },
        enumerable: true,
        configurable: true,
      },
    ]),
  ),
});

export function hydrateTasks(rows: Record<string, unknown>[]): Task[] {
  return rows.map((r) => {
    const task = Object.create(taskRowPrototype) as Task & { [ROW]: Record<string, unknown> };
    task[ROW] = r;
    task.id = r.id as string;
    task.tenant = r.tenant as string;
    task.title = r.title as string;
    task.description = (r.description as string | null) ?? null;
    task.location = (r.location as string | null) ?? null;
    task.employee = idRef(r.employee_id) as Task['employee'];
    task.partner = idRef(r.partner_id) as Task['partner'];
    task.project = idRef(r.project_id) as Task['project'];
    task.startsAt = instant(r.starts_at);
    task.endsAt = instant(r.ends_at);
    task.startDate = (r.start_day as string | null) ?? null;
    task.endDate = (r.end_day as string | null) ?? null;
    task.status = r.status as TaskStatus;
    return task;
  });
}

/** The columns the list and the calendar read (dates as text: no time-zone shift by the driver). */
export const TASK_COLUMNS = 't.*, t.start_date::text AS start_day, t.end_date::text AS end_day';

interface Schedule {
  startsAt: Date | null;
  endsAt: Date | null;
  startDate: string | null;
  endDate: string | null;
}

/** Exactly one kind of bounds, in order, at most a year long. */
function checkSchedule(s: Schedule): Schedule {
  const timed = s.startsAt != null || s.endsAt != null;
  const allDay = s.startDate != null || s.endDate != null;
  if (timed && allDay) throw badUserInput('Give either startsAt/endsAt (timed) or startDate/endDate (all-day), not both', 'startsAt');
  if (!timed && !allDay) throw badUserInput('A task needs startsAt/endsAt or startDate/endDate', 'startsAt');
  if (timed) {
    if (!s.startsAt || !s.endsAt) throw badUserInput('A timed task needs both startsAt and endsAt', s.startsAt ? 'endsAt' : 'startsAt');
    if (Number.isNaN(s.startsAt.getTime()) || Number.isNaN(s.endsAt.getTime())) throw badUserInput('Invalid date-time', 'startsAt');
    if (s.endsAt <= s.startsAt) throw badUserInput('endsAt must be after startsAt', 'endsAt');
    if (s.endsAt.getTime() - s.startsAt.getTime() > MAX_TASK_DAYS * DAY_MS) throw badUserInput(`A task lasts at most ${MAX_TASK_DAYS} days`, 'endsAt');
    return { startsAt: s.startsAt, endsAt: s.endsAt, startDate: null, endDate: null };
  }
  if (!s.startDate || !s.endDate) throw badUserInput('An all-day task needs both startDate and endDate', s.startDate ? 'endDate' : 'startDate');
  let start;
  let end;
  try {
    start = parseLocalDate(s.startDate);
    end = parseLocalDate(s.endDate);
  } catch {
    throw badUserInput('startDate/endDate must be calendar dates (YYYY-MM-DD)', 'startDate');
  }
  const days = (Date.UTC(end.year, end.month - 1, end.day) - Date.UTC(start.year, start.month - 1, start.day)) / DAY_MS;
  if (days < 0) throw badUserInput('endDate must not be before startDate', 'endDate');
  if (days >= MAX_TASK_DAYS) throw badUserInput(`A task lasts at most ${MAX_TASK_DAYS} days`, 'endDate');
  return { startsAt: null, endsAt: null, startDate: s.startDate, endDate: s.endDate };
}

export interface TaskQuery {
  tenant: string;
  filter?: TaskFilter | null;
  range?: { from: Date; to: Date } | null;
}

/** SQL for the tasks of a tenant matching a filter; the tenant condition is explicit (raw SQL bypasses the ORM filter). */
export function taskWhere(q: TaskQuery): { sql: string; params: unknown[] } {
  const clauses = ['t.tenant = ?', 't.deleted_at IS NULL'];
  const params: unknown[] = [q.tenant];
  const range = q.range ?? q.filter?.range ?? null;
  if (range) {
    if (Number.isNaN(range.from.getTime()) || Number.isNaN(range.to.getTime())) throw badUserInput('range needs valid from and to', 'range');
    if (range.from > range.to) throw badUserInput('range.from must not be after range.to', 'range');
    clauses.push('tstzrange(t.range_start, t.range_end) && tstzrange(?, ?)');
    params.push(range.from, range.to);
  }
  const ids = (list: string[] | undefined, column: string, field: string) => {
    if (!list) return;
    if (!list.length) {
      clauses.push('false');
      return;
    }
    clauses.push(`t.${column} IN (${list.map(() => '?').join(', ')})`);
    params.push(...list.map((id) => uuid(id, field)));
  };
  ids(q.filter?.employeeIds, 'employee_id', 'employeeIds');
  ids(q.filter?.partnerIds, 'partner_id', 'partnerIds');
  ids(q.filter?.projectIds, 'project_id', 'projectIds');
  if (q.filter?.statuses) {
    if (!q.filter.statuses.length) clauses.push('false');
    else {
      clauses.push(`t.status IN (${q.filter.statuses.map(() => '?').join(', ')})`);
      params.push(...q.filter.statuses);
    }
  }
  const search = q.filter?.search?.trim();
  if (search) {
    if (search.length > 200) throw badUserInput('search must be at most 200 characters', 'search');
    const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    clauses.push('(t.title ILIKE ? OR t.description ILIKE ?)');
    params.push(like, like);
  }
  return { sql: clauses.join(' AND '), params };
}

/** Tasks: validation, the tenant's time zone, the list and the calendar's data. */
export class TaskService {
  private readonly directory = new DirectoryService();

  private async references(em: EntityManager, input: { employeeId?: string; partnerId?: string | null; projectId?: string | null }, current?: Task) {
    const employee = input.employeeId !== undefined ? await this.directory.find(em, Employee, input.employeeId, 'employeeId') : undefined;
    const partner = input.partnerId === undefined ? undefined : input.partnerId === null ? null : await this.directory.find(em, Partner, input.partnerId, 'partnerId');
    const project = input.projectId === undefined ? undefined : input.projectId === null ? null : await this.directory.find(em, Project, input.projectId, 'projectId');
    // The task's partner must be its project's partner; a task given only a project takes that partner.
    const effectiveProject = project === undefined ? (current?.project ? await em.findOne(Project, { id: current.project.id }) : null) : project;
    let effectivePartnerId = partner === undefined ? (current?.partner?.id ?? null) : (partner?.id ?? null);
    const projectPartnerId = effectiveProject?.partner?.id ?? null;
    let inheritedPartner: Partner | null | undefined;
    if (projectPartnerId) {
      if (effectivePartnerId === null && partner === undefined) {
        inheritedPartner = em.getReference(Partner, projectPartnerId);
        effectivePartnerId = projectPartnerId;
      } else if (effectivePartnerId !== projectPartnerId) {
        throw badUserInput("The task's partner differs from its project's partner", 'projectId');
      }
    }
    return { employee, partner: inheritedPartner ?? partner, project };
  }

  async create(em: EntityManager, tenant: string, input: CreateTaskInput): Promise<Task> {
    const schedule = checkSchedule({ startsAt: input.startsAt ?? null, endsAt: input.endsAt ?? null, startDate: input.startDate ?? null, endDate: input.endDate ?? null });
    const refs = await this.references(em, { employeeId: input.employeeId, partnerId: input.partnerId ?? undefined, projectId: input.projectId ?? null });
    const range = taskRange(schedule, await tenantTimeZone(em, tenant));
    // `partial`: the tenant is stamped at flush (TenantWriteGuard) and the timestamps have defaults.
    const task = em.create(
      Task,
      {
        title: requiredText(input.title, 'title', 500),
        description: optionalText(input.description, 'description', 8000),
        location: optionalText(input.location, 'location', 1000),
        employee: refs.employee,
        partner: refs.partner ?? null,
        project: refs.project ?? null,
        ...schedule,
        status: input.status ?? TaskStatus.OPEN,
        rangeStart: range.start,
        rangeEnd: range.end,
      },
      { partial: true },
    );
    await em.flush();
    return task;
  }

  async get(em: EntityManager, id: string): Promise<Task> {
    const task = await em.findOne(Task, { id: uuid(id, 'id'), deletedAt: null });
    if (!task) throw notFound('Task', id);
    return task;
  }

  async update(em: EntityManager, tenant: string, id: string, input: UpdateTaskInput): Promise<Task> {
    const task = await this.get(em, id);
    const kindGiven = input.startsAt !== undefined || input.endsAt !== undefined || input.startDate !== undefined || input.endDate !== undefined;
    if (kindGiven) {
      const switching = (input.startDate != null || input.endDate != null) !== task.allDay && (input.startsAt != null || input.endsAt != null || input.startDate != null || input.endDate != null);
      const base: Schedule = switching ? { startsAt: null, endsAt: null, startDate: null, endDate: null } : task;
      const schedule = checkSchedule({
        startsAt: input.startsAt !== undefined ? input.startsAt : base.startsAt,
        endsAt: input.endsAt !== undefined ? input.endsAt : base.endsAt,
        startDate: input.startDate !== undefined ? input.startDate : base.startDate,
        endDate: input.endDate !== undefined ? input.endDate : base.endDate,
      });
      Object.assign(task, schedule);
      const range = taskRange(schedule, await tenantTimeZone(em, tenant));
      task.rangeStart = range.start;
      task.rangeEnd = range.end;
    }
    const refs = await this.references(em, { employeeId: input.employeeId, partnerId: input.partnerId, projectId: input.projectId }, task);
    if (refs.employee) task.employee = ref(refs.employee);
    if (refs.partner !== undefined) task.partner = ref(refs.partner);
    if (refs.project !== undefined) task.project = ref(refs.project);
    if (input.title !== undefined) task.title = requiredText(input.title, 'title', 500);
    if (input.description !== undefined) task.description = optionalText(input.description, 'description', 8000);
    if (input.location !== undefined) task.location = optionalText(input.location, 'location', 1000);
    if (input.status !== undefined && input.status !== null) task.status = input.status;
    await em.flush();
    return task;
  }

  /** Keeps a tombstone until the sync has removed the event from Google. */
  async delete(em: EntityManager, id: string): Promise<boolean> {
    const task = await this.get(em, id);
    task.deletedAt = new Date();
    await em.flush();
    return true;
  }

  /** Tasks ordered by start, then id (Relay connection). */
  async list(em: EntityManager, tenant: string, filter: TaskFilter | null, first: number | null, after: string | null): Promise<Connection<Task>> {
    const n = pageSize(first);
    const where = taskWhere({ tenant, filter });
    if (after) {
      const [start, id] = decodeCursor(after, [cursorKey.instant(), cursorKey.id()]);
      where.sql += ' AND (t.range_start, t.id) > (?, ?)';
      where.params.push(start, id);
    }
    const rows: Record<string, unknown>[] = await em
      .getConnection()
      .execute(`/* listTasks */ SELECT ${TASK_COLUMNS} FROM task t WHERE ${where.sql} ORDER BY t.range_start, t.id LIMIT ${n + 1}`, where.params);
    const tasks = hydrateTasks(rows);
    return toConnection(tasks, n, (t) => encodeCursor([t.rangeStart.toISOString(), t.id]));
  }
}
