import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ObjectType } from 'type-graphql';
import { TenantScopedEntity } from '../db/tenant-scoped.entity';

/** A tenant's cron schedule for one module's sync. */
@ObjectType({ description: "A module's sync schedule for the tenant" })
@Entity({ tableName: 'sync_schedule' })
@Unique({ properties: ['tenant', 'module'] })
export class SyncSchedule extends TenantScopedEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ length: 63 })
  module!: string;

  @Field({ description: 'Cron expression (5 fields, or 6 with seconds), in timeZone' })
  @Property({ length: 120 })
  cron!: string;

  @Field()
  @Property({ length: 64 })
  timeZone!: string;

  @Field()
  @Property({ type: 'timestamptz' })
  nextRunAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastRunAt: Date | null = null;

  @Property({ length: 255, nullable: true })
  createdBy: string | null = null;
}
