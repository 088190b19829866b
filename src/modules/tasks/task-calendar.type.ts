import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Employee } from './employee.entity';
import { Task } from './task.entity';

export enum CalendarGrouping {
  EMPLOYEE = 'EMPLOYEE',
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(CalendarGrouping, {
  name: 'CalendarGrouping',
  valuesConfig: {
    DAY: { description: 'Local calendar days in the tenant’s time zone (23 or 25 hours on DST change days)' },
    WEEK: { description: 'ISO weeks, from Monday' },
    MONTH: { description: 'Calendar months' },
  },
});

@ObjectType({ description: 'One employee or one period of the task calendar', simpleResolvers: true })
export class TaskCalendarGroup {
  @Field({ description: 'Employee id, or the period: 2026-03-29, 2026-W13, 2026-03' }) key!: string;
  @Field() label!: string;
  @Field(() => Employee, { nullable: true }) employee!: Employee | null;
  @Field(() => Date, { nullable: true }) periodStart!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Exclusive' }) periodEnd!: Date | null;
  @Field(() => Int) taskCount!: number;
  @Field(() => [Task], { description: 'Ordered by start; a task appears in every period it overlaps; at most maxTasksPerGroup' }) tasks!: Task[];
  @Field({ description: 'True when taskCount is more than the tasks listed (maxTasksPerGroup)' }) hasMore!: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      'When hasMore: the cursor of the last task listed. The rest of the group is `tasks(filter: { range: { from: periodStart, to: periodEnd } } (for EMPLOYEE: the calendar range and employeeIds: [key]) plus the same filter, after: endCursor)`',
  })
  endCursor!: string | null;
}

@ObjectType({ description: 'The seed’s "Task calendar": tasks in a range, grouped by employee or period' })
export class TaskCalendar {
  @Field() from!: Date;
  @Field() to!: Date;
  @Field(() => CalendarGrouping) groupBy!: CalendarGrouping;
  @Field({ description: 'The zone periods are computed in' }) timeZone!: string;
  @Field(() => Int, { description: 'Distinct tasks in the range' }) totalTasks!: number;
  @Field(() => [TaskCalendarGroup]) groups!: TaskCalendarGroup[];
}
