import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { TenantScopedEntity } from '../../db/tenant-scoped.entity';
import { Employee } from './employee.entity';
import { Partner } from './partner.entity';
import { Project } from './project.entity';

export enum TaskStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TaskStatus, { name: 'TaskStatus' });

/**
 * A task for one employee over a period: timed (startsAt/endsAt, instants) or all-day
 * (startDate/endDate, local dates, both inclusive). `rangeStart`/`rangeEnd` are the instants it
 * covers in the tenant's time zone, kept for overlap queries. A deleted task stays as a tombstone
 * (deletedAt) until its deletion reached Google.
 */
@ObjectType({ description: 'A task assigned to one employee for a period', simpleResolvers: true })
@Entity({ tableName: 'task' })
export class Task extends TenantScopedEntity {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field() @Property({ length: 500 }) title!: string;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) description: string | null = null;
  @Field(() => String, { nullable: true }) @Property({ length: 1000, nullable: true }) location: string | null = null;
  @ManyToOne(() => Employee, { ref: true, deleteRule: 'restrict' }) employee!: Ref<Employee>;
  @ManyToOne(() => Partner, { ref: true, nullable: true, deleteRule: 'restrict' }) partner: Ref<Partner> | null = null;
  @ManyToOne(() => Project, { ref: true, nullable: true, deleteRule: 'restrict' }) project: Ref<Project> | null = null;
  @Field(() => Date, { nullable: true, description: 'Start of a timed task' }) @Property({ type: 'timestamptz', nullable: true }) startsAt: Date | null = null;
  @Field(() => Date, { nullable: true, description: 'End of a timed task (exclusive)' }) @Property({ type: 'timestamptz', nullable: true }) endsAt: Date | null = null;
  @Field(() => LocalDateResolver, { nullable: true, description: 'First day of an all-day task' }) @Property({ type: 'date', nullable: true }) startDate: string | null = null;
  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day of an all-day task (inclusive)' }) @Property({ type: 'date', nullable: true }) endDate: string | null = null;
  @Field(() => TaskStatus) @Enum({ items: () => TaskStatus }) status: TaskStatus = TaskStatus.OPEN;
  @Property({ type: 'timestamptz' }) rangeStart!: Date;
  @Property({ type: 'timestamptz' }) rangeEnd!: Date;
  @Property({ type: 'timestamptz', nullable: true }) deletedAt: Date | null = null;
  @Field() @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
  @Field() @Property({ type: 'timestamptz', onUpdate: () => new Date() }) updatedAt: Date = new Date();

  @Field({ description: 'True for an all-day task (startDate/endDate)' })
  get allDay(): boolean {
    return this.startDate !== null;
  }
}
