import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class CreateEmployeeInput {
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => String, { nullable: true, description: 'Defaults to the email' }) calendarId?: string | null;
  @Field({ nullable: true }) active?: boolean;
}

@InputType()
export class UpdateEmployeeInput {
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) email?: string;
  @Field({ nullable: true }) calendarId?: string;
  @Field({ nullable: true }) active?: boolean;
}

@InputType()
export class CreatePartnerInput {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) fiscalCode?: string | null;
}

@InputType()
export class UpdatePartnerInput {
  @Field({ nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) fiscalCode?: string | null;
}

@InputType()
export class CreateProjectInput {
  @Field() name!: string;
  @Field(() => ID, { nullable: true }) partnerId?: string | null;
}

@InputType()
export class UpdateProjectInput {
  @Field({ nullable: true }) name?: string;
  @Field(() => ID, { nullable: true }) partnerId?: string | null;
}
