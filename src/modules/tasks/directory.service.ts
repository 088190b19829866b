import { ref, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, notFound } from '../../kernel/errors';
import { email, optionalText, requiredText, uuid } from '../../kernel/validate';
import type { CreateEmployeeInput, CreatePartnerInput, CreateProjectInput, UpdateEmployeeInput, UpdatePartnerInput, UpdateProjectInput } from './directory.inputs';
import { Employee } from './employee.entity';
import { Partner } from './partner.entity';
import { Project } from './project.entity';
import { Task } from './task.entity';

/** Employees, partners and projects: validation and the rules that tie them to tasks. */
export class DirectoryService {
  async find<T extends Employee | Partner | Project>(em: EntityManager, entity: new () => T, id: string, field = 'id'): Promise<T> {
    // Queried by the `id` they share (MikroORM cannot check a filter against a generic T); the row
    // found is an instance of `entity`, which narrows it back to T.
    const row = await em.findOne<{ id: string }>(entity, { id: uuid(id, field) });
    if (!(row instanceof entity)) throw field === 'id' ? notFound(entity.name, id) : badUserInput(`${field} ${id} does not exist`, field);
    return row;
  }

  async createEmployee(em: EntityManager, input: CreateEmployeeInput): Promise<Employee> {
    const mail = email(input.email, 'email');
    // `partial`: the tenant is stamped at flush (TenantWriteGuard) and the timestamps have defaults.
    const employee = em.create(
      Employee,
      {
        name: requiredText(input.name, 'name', 200),
        email: mail,
        calendarId: optionalText(input.calendarId, 'calendarId', 1024) ?? mail,
        active: input.active ?? true,
      },
      { partial: true },
    );
    await flushEmployee(em, employee);
    return employee;
  }

  async updateEmployee(em: EntityManager, id: string, input: UpdateEmployeeInput): Promise<Employee> {
    const employee = await this.find(em, Employee, id);
    if (input.name !== undefined) employee.name = requiredText(input.name, 'name', 200);
    if (input.email !== undefined) employee.email = email(input.email, 'email');
    if (input.calendarId !== undefined) employee.calendarId = requiredText(input.calendarId, 'calendarId', 1024);
    if (input.active !== undefined && input.active !== null) employee.active = input.active;
    await flushEmployee(em, employee);
    return employee;
  }

  async createPartner(em: EntityManager, input: CreatePartnerInput): Promise<Partner> {
    const partner = em.create(Partner, { name: requiredText(input.name, 'name', 200), fiscalCode: optionalText(input.fiscalCode, 'fiscalCode', 32) }, { partial: true });
    await em.flush();
    return partner;
  }

  async updatePartner(em: EntityManager, id: string, input: UpdatePartnerInput): Promise<Partner> {
    const partner = await this.find(em, Partner, id);
    if (input.name !== undefined) partner.name = requiredText(input.name, 'name', 200);
    if (input.fiscalCode !== undefined) partner.fiscalCode = optionalText(input.fiscalCode, 'fiscalCode', 32);
    await em.flush();
    return partner;
  }

  async createProject(em: EntityManager, input: CreateProjectInput): Promise<Project> {
    const partner = input.partnerId ? await this.find(em, Partner, input.partnerId, 'partnerId') : null;
    const project = em.create(Project, { name: requiredText(input.name, 'name', 200), partner }, { partial: true });
    await em.flush();
    return project;
  }

  async updateProject(em: EntityManager, id: string, input: UpdateProjectInput): Promise<Project> {
    const project = await this.find(em, Project, id);
    if (input.name !== undefined) project.name = requiredText(input.name, 'name', 200);
    if (input.partnerId !== undefined) {
      const partner = input.partnerId ? await this.find(em, Partner, input.partnerId, 'partnerId') : null;
      if (partner) {
        const clash = await em.count(Task, { project: project.id, partner: { $nin: [partner.id], $ne: null }, deletedAt: null });
        if (clash) throw badUserInput(`${clash} task(s) of this project belong to another partner`, 'partnerId');
      }
      project.partner = ref(partner);
    }
    await em.flush();
    return project;
  }

  /** Deleting is refused while live tasks (or tasks awaiting their deletion in Google) refer to the row. */
  async delete<T extends Employee | Partner | Project>(em: EntityManager, entity: new () => T, id: string): Promise<boolean> {
    const row = await this.find(em, entity, id);
    const key = entity === Employee ? 'employee' : entity === Partner ? 'partner' : 'project';
    const tasks = await em.count(Task, { [key]: row.id });
    if (tasks) throw badUserInput(`${entity.name} ${id} still has ${tasks} task(s)`, 'id');
    if (entity === Partner) {
      const projects = await em.count(Project, { partner: row.id });
      if (projects) throw badUserInput(`Partner ${id} still has ${projects} project(s)`, 'id');
    }
    em.remove(row);
    await em.flush();
    return true;
  }
}

/** Saves an employee; an email another employee of the tenant already has (in any case) is BAD_USER_INPUT. */
async function flushEmployee(em: EntityManager, employee: Employee): Promise<void> {
  try {
    await em.flush();
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException && /employee_tenant_email_unique/.test(err.message)) {
      throw badUserInput(`Another employee already has the email ${employee.email} (emails are compared without regard to case)`, 'email');
    }
    throw err;
  }
}
