import { Field, ID, InputType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { TaskStatus } from './task.entity';

@InputType({ description: 'A timed task has startsAt/endsAt; an all-day task has startDate/endDate (inclusive)' })
export class CreateTaskInput {
  @Field() title!: string;
  @Field(() => ID) employeeId!: string;
  @Field(() => ID, { nullable: true }) partnerId?: string | null;
  @Field(() => ID, { nullable: true }) projectId?: string | null;
  @Field(() => Date, { nullable: true }) startsAt?: Date | null;
  @Field(() => Date, { nullable: true }) endsAt?: Date | null;
  @Field(() => LocalDateResolver, { nullable: true }) startDate?: string | null;
  @Field(() => LocalDateResolver, { nullable: true }) endDate?: string | null;
  @Field(() => TaskStatus, { nullable: true }) status?: TaskStatus | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) location?: string | null;
}

@InputType({ description: 'Only the fields given change; to switch between timed and all-day give both bounds of the new kind' })
export class UpdateTaskInput {
  @Field({ nullable: true }) title?: string;
  @Field(() => ID, { nullable: true }) employeeId?: string;
  @Field(() => ID, { nullable: true }) partnerId?: string | null;
  @Field(() => ID, { nullable: true }) projectId?: string | null;
  @Field(() => Date, { nullable: true }) startsAt?: Date | null;
  @Field(() => Date, { nullable: true }) endsAt?: Date | null;
  @Field(() => LocalDateResolver, { nullable: true }) startDate?: string | null;
  @Field(() => LocalDateResolver, { nullable: true }) endDate?: string | null;
  @Field(() => TaskStatus, { nullable: true }) status?: TaskStatus;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) location?: string | null;
}

@InputType()
export class DateRangeInput {
  @Field() from!: Date;
  @Field({ description: 'Exclusive' }) to!: Date;
}

@InputType({ description: 'All given criteria apply together' })
export class TaskFilter {
  @Field(() => [ID], { nullable: true }) partnerIds?: string[];
  @Field(() => [ID], { nullable: true }) projectIds?: string[];
  @Field(() => [ID], { nullable: true }) employeeIds?: string[];
  @Field(() => [TaskStatus], { nullable: true }) statuses?: TaskStatus[];
  @Field({ nullable: true, description: 'Words in the title or description' }) search?: string;
  @Field(() => DateRangeInput, { nullable: true, description: 'Tasks that overlap [from, to)' }) range?: DateRangeInput;
}

@InputType()
export class SyncTasksInput {
  @Field({ nullable: true, description: 'Re-read every linked event in Google and restore what was changed there' }) full?: boolean;
}

@InputType()
export class UpdateTenantSettingsInput {
  @Field({ nullable: true, description: 'IANA time zone, e.g. Europe/Bucharest' }) timeZone?: string;
}
