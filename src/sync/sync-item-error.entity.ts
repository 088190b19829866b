import { Entity, ManyToOne, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { TenantScopedEntity } from '../db/tenant-scoped.entity';
import type { SyncRun } from './sync-run.entity';

/** An item Google refused for good during a run; the run went on without it. */
@ObjectType({ description: 'An item that could not be synced; the run went on without it' })
@Entity({ tableName: 'sync_item_error' })
export class SyncItemError extends TenantScopedEntity {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne('SyncRun', { deleteRule: 'cascade' })
  run!: Rel<SyncRun>;

  @Field({ description: 'The ERP id of the item' })
  @Property({ length: 255 })
  entityId!: string;

  @Field({ description: "Google's reason or our code, e.g. notFound, forbidden, HTTP_400" })
  @Property({ length: 100 })
  code!: string;

  @Field()
  @Property({ type: 'text' })
  message!: string;

  @Field(() => Int)
  @Property()
  attempts: number = 1;

  @Field()
  @Property({ type: 'timestamptz' })
  at: Date = new Date();
}
