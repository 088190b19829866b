import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { TenantScopedEntity } from '../../db/tenant-scoped.entity';
import { ContactAddress, ContactEmail, ContactPhoneNumber } from './contact.types';

/**
 * A contact the ERP shares with Google (one way: nothing made in Google comes back). A deleted
 * contact stays as a tombstone (deletedAt) until its deletion reached Google.
 */
@ObjectType({ description: "A contact of the tenant's shared address book", simpleResolvers: true })
@Entity({ tableName: 'contact' })
export class Contact extends TenantScopedEntity {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field(() => String, { nullable: true }) @Property({ length: 100, nullable: true }) givenName: string | null = null;
  @Field(() => String, { nullable: true }) @Property({ length: 100, nullable: true }) middleName: string | null = null;
  @Field(() => String, { nullable: true }) @Property({ length: 100, nullable: true }) familyName: string | null = null;
  @Field({ description: 'As set, or derived from the names, the company or the primary email' }) @Property({ length: 300 }) displayName!: string;
  /** True when displayName was given rather than derived. */
  @Property() displayNameSet: boolean = false;
  @Field(() => String, { nullable: true }) @Property({ length: 200, nullable: true }) company: string | null = null;
  @Field(() => String, { nullable: true }) @Property({ length: 200, nullable: true }) jobTitle: string | null = null;
  @Field(() => String, { nullable: true }) @Property({ length: 200, nullable: true }) department: string | null = null;
  @Field(() => [ContactEmail]) @Property({ type: 'json' }) emails: ContactEmail[] = [];
  @Field(() => [ContactPhoneNumber]) @Property({ type: 'json' }) phoneNumbers: ContactPhoneNumber[] = [];
  @Field(() => [ContactAddress]) @Property({ type: 'json' }) addresses: ContactAddress[] = [];
  @Field(() => String, { nullable: true }) @Property({ length: 1000, nullable: true }) website: string | null = null;
  @Field(() => String, { nullable: true }) @Property({ type: 'text', nullable: true }) notes: string | null = null;
  @Field(() => LocalDateResolver, { nullable: true }) @Property({ type: 'date', nullable: true }) birthday: string | null = null;
  /** The last error Google gave for this contact; cleared when it is pushed. */
  @Property({ type: 'text', nullable: true }) syncError: string | null = null;
  @Property({ type: 'timestamptz', nullable: true }) deletedAt: Date | null = null;
  @Field() @Property({ type: 'timestamptz' }) createdAt: Date = new Date();
  @Field() @Property({ type: 'timestamptz', onUpdate: () => new Date() }) updatedAt: Date = new Date();
}
