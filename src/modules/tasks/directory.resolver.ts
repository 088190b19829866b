import type { FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, cursorKey, decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from '../../schema/connection';
import type { GatewayContext } from '../../schema/context';
import { CreateEmployeeInput, CreatePartnerInput, CreateProjectInput, UpdateEmployeeInput, UpdatePartnerInput, UpdateProjectInput } from './directory.inputs';
import { DirectoryService } from './directory.service';
import { Employee } from './employee.entity';
import { Partner } from './partner.entity';
import { Project } from './project.entity';

const EmployeeConnection = ConnectionType(Employee, 'Employee');
const PartnerConnection = ConnectionType(Partner, 'Partner');
const ProjectConnection = ConnectionType(Project, 'Project');

/** The columns a page by name is ordered and sought by. */
interface Named {
  id: string;
  name: string;
}

/** A page of a tenant's rows ordered by name, then id. */
async function byName<T extends Named>(ctx: GatewayContext, entity: new () => T, first: number | null, after: string | null): Promise<Connection<T>> {
  const n = pageSize(first, 50);
  // Typed by the columns it uses (MikroORM cannot check a filter against a generic T); the rows,
  // instances of `entity`, are narrowed back to T.
  const where: FilterQuery<Named> = {};
  if (after) {
    const [name, id] = decodeCursor(after, [cursorKey.text(1000), cursorKey.id()]);
    where.$or = [{ name: { $gt: name } }, { name, id: { $gt: id } }];
  }
  const orderBy: QueryOrderMap<Named> = { name: 'asc', id: 'asc' };
  const rows: T[] = [];
  for (const row of await ctx.em.find<Named>(entity, where, { orderBy, limit: n + 1 })) if (row instanceof entity) rows.push(row);
  return toConnection(rows, n, (r) => encodeCursor([r.name, r.id]));
}

/** Employees, partners (third parties) and projects; reads for users, writes for admins. */
@Resolver(() => Project)
export class DirectoryResolver {
  private readonly directory = new DirectoryService();

  @Authorized()
  @Query(() => EmployeeConnection)
  employees(@Ctx() ctx: GatewayContext, @Arg('first', () => Int, { nullable: true }) first: number | null, @Arg('after', () => String, { nullable: true }) after: string | null) {
    return byName(ctx, Employee, first, after);
  }

  @Authorized()
  @Query(() => PartnerConnection)
  partners(@Ctx() ctx: GatewayContext, @Arg('first', () => Int, { nullable: true }) first: number | null, @Arg('after', () => String, { nullable: true }) after: string | null) {
    return byName(ctx, Partner, first, after);
  }

  @Authorized()
  @Query(() => ProjectConnection)
  projects(@Ctx() ctx: GatewayContext, @Arg('first', () => Int, { nullable: true }) first: number | null, @Arg('after', () => String, { nullable: true }) after: string | null) {
    return byName(ctx, Project, first, after);
  }

  @FieldResolver(() => Partner, { nullable: true })
  partner(@Ctx() ctx: GatewayContext, @Root() project: Project): Promise<Partner | null> | null {
    return project.partner ? ctx.loaders.of(Partner).load(project.partner.id) : null;
  }

  @Authorized('admin')
  @Mutation(() => Employee)
  createEmployee(@Ctx() ctx: GatewayContext, @Arg('input', () => CreateEmployeeInput) input: CreateEmployeeInput) {
    return this.directory.createEmployee(ctx.em, input);
  }

  @Authorized('admin')
  @Mutation(() => Employee)
  updateEmployee(@Ctx() ctx: GatewayContext, @Arg('id', () => ID) id: string, @Arg('input', () => UpdateEmployeeInput) input: UpdateEmployeeInput) {
    return this.directory.updateEmployee(ctx.em, id, input);
  }

  @Authorized('admin')
  @Mutation(() => Boolean)
  deleteEmployee(@Ctx() ctx: GatewayContext, @Arg('id', () => ID) id: string) {
    return this.directory.delete(ctx.em, Employee, id);
  }

  @Authorized('admin')
  @Mutation(() => Partner)
  createPartner(@Ctx() ctx: GatewayContext, @Arg('input', () => CreatePartnerInput) input: CreatePartnerInput) {
    return this.directory.createPartner(ctx.em, input);
  }

  @Authorized('admin')
  @Mutation(() => Partner)
  updatePartner(@Ctx() ctx: GatewayContext, @Arg('id', () => ID) id: string, @Arg('input', () => UpdatePartnerInput) input: UpdatePartnerInput) {
    return this.directory.updatePartner(ctx.em, id, input);
  }

  @Authorized('admin')
  @Mutation(() => Boolean)
  deletePartner(@Ctx() ctx: GatewayContext, @Arg('id', () => ID) id: string) {
    return this.directory.delete(ctx.em, Partner, id);
  }

  @Authorized('admin')
  @Mutation(() => Project)
  createProject(@Ctx() ctx: GatewayContext, @Arg('input', () => CreateProjectInput) input: CreateProjectInput) {
    return this.directory.createProject(ctx.em, input);
  }

  @Authorized('admin')
  @Mutation(() => Project)
  updateProject(@Ctx() ctx: GatewayContext, @Arg('id', () => ID) id: string, @Arg('input', () => UpdateProjectInput) input: UpdateProjectInput) {
    return this.directory.updateProject(ctx.em, id, input);
  }

  @Authorized('admin')
  @Mutation(() => Boolean)
  deleteProject(@Ctx() ctx: GatewayContext, @Arg('id', () => ID) id: string) {
    return this.directory.delete(ctx.em, Project, id);
  }
}
