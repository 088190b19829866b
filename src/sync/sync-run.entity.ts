import { Collection, Entity, Enum, Index, OneToMany, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TenantScopedEntity } from '../db/tenant-scoped.entity';
import { SyncItemError } from './sync-item-error.entity';
import { SyncStatus, SyncTrigger } from './sync-module';

/** One sync of one module for one tenant, with its counters; the engine's bookkeeping. */
@ObjectType({ description: 'One sync of a module for the tenant' })
@Entity({ tableName: 'sync_run' })
@Index({ properties: ['tenant', 'module', 'createdAt'] })
export class SyncRun extends TenantScopedEntity {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The module's name (GraphQL exposes it as the SyncModule enum). */
  @Property({ length: 63 })
  module!: string;

  @Field(() => SyncStatus)
  @Enum({ items: () => SyncStatus })
  status: SyncStatus = SyncStatus.QUEUED;

  @Field(() => SyncTrigger)
  @Enum({ items: () => SyncTrigger })
  trigger: SyncTrigger = SyncTrigger.MANUAL;

  @Field({ description: 'A full sync re-reads every linked object in Google and restores drift' })
  @Property()
  full: boolean = false;

  @Field(() => String, { nullable: true, description: 'Who asked (token subject), if a person did' })
  @Property({ length: 255, nullable: true })
  requestedBy: string | null = null;

  @Field(() => String, { nullable: true, description: 'What the job is doing now' })
  @Property({ length: 63, nullable: true })
  phase: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  message: string | null = null;

  @Field(() => Int) @Property() total: number = 0;
  @Field(() => Int) @Property() processed: number = 0;
  @Field(() => Int) @Property() created: number = 0;
  @Field(() => Int) @Property() updated: number = 0;
  @Field(() => Int) @Property() deleted: number = 0;
  @Field(() => Int) @Property() skipped: number = 0;
  @Field(() => Int) @Property() failed: number = 0;

  /** Where a resumed run continues (job-defined, persisted with the counters). */
  @Property({ type: 'json', nullable: true })
  cursor: unknown = null;

  @Field(() => Int, { description: 'How many times a worker picked the run up again after another stopped mid-run' })
  @Property()
  resumedCount: number = 0;

  @Field({ description: 'Cancellation was asked; the job stops at its next item' })
  @Property()
  cancelRequested: boolean = false;

  @Field(() => String, { nullable: true, description: 'Why the run failed as a whole' })
  @Property({ type: 'text', nullable: true })
  error: string | null = null;

  @Property({ length: 100, nullable: true })
  workerId: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  heartbeatAt: Date | null = null;

  @Field()
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  startedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null = null;

  @OneToMany(() => SyncItemError, (e) => e.run)
  itemErrors = new Collection<SyncItemError>(this);
}
