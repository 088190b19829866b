import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, type Connection } from '../../schema/connection';
import { requireCaller, type GatewayContext } from '../../schema/context';
import { Employee } from './employee.entity';
import { Partner } from './partner.entity';
import { Project } from './project.entity';
import { CreateTaskInput, TaskFilter, UpdateTaskInput } from './task.inputs';
import { Task } from './task.entity';
import { TaskService } from './task.service';

const TaskConnection = ConnectionType(Task, 'Task');

/** Tasks: the list page and create/update/delete (any user of the tenant). */
@Resolver(() => Task)
export class TaskResolver {
  private readonly service = new TaskService();

  @Authorized()
  @Query(() => TaskConnection, { name: 'tasks', description: 'Tasks ordered by start, then id' })
  tasks(
    @Ctx() ctx: GatewayContext,
    @Arg('filter', () => TaskFilter, { nullable: true }) filter: TaskFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<Task>> {
    return this.service.list(ctx.em, requireCaller(ctx).tenant, filter, first, after);
  }

  @Authorized()
  @Query(() => Task)
  task(@Ctx() ctx: GatewayContext, @Arg('id', () => ID) id: string): Promise<Task> {
    return this.service.get(ctx.em, id);
  }

  @Authorized()
  @Mutation(() => Task)
  createTask(@Ctx() ctx: GatewayContext, @Arg('input', () => CreateTaskInput) input: CreateTaskInput): Promise<Task> {
    return this.service.create(ctx.em, requireCaller(ctx).tenant, input);
  }

  @Authorized()
  @Mutation(() => Task)
  updateTask(@Ctx() ctx: GatewayContext, @Arg('id', () => ID) id: string, @Arg('input', () => UpdateTaskInput) input: UpdateTaskInput): Promise<Task> {
    return this.service.update(ctx.em, requireCaller(ctx).tenant, id, input);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'The event leaves Google on the next sync' })
  deleteTask(@Ctx() ctx: GatewayContext, @Arg('id', () => ID) id: string): Promise<boolean> {
    return this.service.delete(ctx.em, id);
  }

  @FieldResolver(() => Employee)
  async employee(@Ctx() ctx: GatewayContext, @Root() task: Task): Promise<Employee> {
    return (await ctx.loaders.of(Employee).load(task.employee.id))!;
  }

  @FieldResolver(() => Partner, { nullable: true })
  partner(@Ctx() ctx: GatewayContext, @Root() task: Task): Promise<Partner | null> | null {
    return task.partner ? ctx.loaders.of(Partner).load(task.partner.id) : null;
  }

  @FieldResolver(() => Project, { nullable: true })
  project(@Ctx() ctx: GatewayContext, @Root() task: Task): Promise<Project | null> | null {
    return task.project ? ctx.loaders.of(Project).load(task.project.id) : null;
  }
}
