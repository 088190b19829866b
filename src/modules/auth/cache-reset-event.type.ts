import { Field, ObjectType } from 'type-graphql';

/** Sent when a tenant's server caches were dropped; frontends clear theirs on it. */
@ObjectType({ description: "A tenant's server caches were dropped on every gateway process; clear client caches too" })
export class CacheResetEvent {
  @Field()
  tenant!: string;

  @Field({ description: 'Why: "manual", "google-authorized", …' })
  reason!: string;

  @Field()
  at!: Date;

  @Field(() => String, { nullable: true, description: 'The subject who asked for it, if a person did' })
  requestedBy!: string | null;
}
