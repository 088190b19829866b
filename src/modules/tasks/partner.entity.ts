import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { TenantScopedEntity } from '../../db/tenant-scoped.entity';

/** A customer or supplier (the seed's "Terț", third party). */
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'partner' })
@Index({ properties: ['tenant', 'name'] })
export class Partner extends TenantScopedEntity {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field() @Property({ length: 200 }) name!: string;
  @Field(() => String, { nullable: true }) @Property({ length: 32, nullable: true }) fiscalCode: string | null = null;
  @Field() @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
  @Field() @Property({ type: 'timestamptz', onUpdate: () => new Date() }) updatedAt: Date = new Date();
}
