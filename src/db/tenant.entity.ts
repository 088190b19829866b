import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** A company using the ERP (the seed's "Titular"). Created on the first request a token names it in. */
@ObjectType({ description: 'The company (legal entity) whose data a caller works with', simpleResolvers: true })
@Entity({ tableName: 'tenant' })
export class Tenant {
  @Field(() => ID, { description: 'The tenant key carried by bearer tokens' })
  @PrimaryKey({ length: 63 })
  id!: string;

  @Field()
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field({ description: 'IANA time zone of the task calendar’s days, weeks and months, and of synced events' })
  @Property({ length: 64 })
  timeZone: string = 'Europe/Bucharest';
}
