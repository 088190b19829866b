import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { TenantScopedEntity } from '../../db/tenant-scoped.entity';

/** An employee (the seed's "Angajat"); tasks go into their Google calendar. */
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'employee' })
@Index({ properties: ['tenant', 'name'] })
export class Employee extends TenantScopedEntity {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field() @Property({ length: 200 }) name!: string;
  @Field() @Property({ length: 320 }) email!: string;
  @Field({ description: 'The Google calendar tasks go into (defaults to the email)' }) @Property({ length: 1024 }) calendarId!: string;
  @Field() @Property() active: boolean = true;
  @Field() @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
  @Field() @Property({ type: 'timestamptz', onUpdate: () => new Date() }) updatedAt: Date = new Date();
}
