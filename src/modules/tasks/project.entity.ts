import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { TenantScopedEntity } from '../../db/tenant-scoped.entity';
import { Partner } from './partner.entity';

/** A project, optionally for one partner. */
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'project' })
@Index({ properties: ['tenant', 'name'] })
export class Project extends TenantScopedEntity {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field() @Property({ length: 200 }) name!: string;
  @ManyToOne(() => Partner, { ref: true, nullable: true, deleteRule: 'restrict' }) partner: Ref<Partner> | null = null;
  @Field() @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
  @Field() @Property({ type: 'timestamptz', onUpdate: () => new Date() }) updatedAt: Date = new Date();
}
