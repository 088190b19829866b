import type { GatewayModule } from '../gateway-module';
import { DirectoryResolver } from './directory.resolver';
import { Employee } from './employee.entity';
import { Partner } from './partner.entity';
import { Project } from './project.entity';
import { TaskCalendarResolver } from './task-calendar.resolver';
import { TaskSyncLink } from './task-sync-link.entity';
import { Task } from './task.entity';
import { TaskResolver } from './task.resolver';
import { TaskSyncResolver } from './task-sync.resolver';
import { CALENDAR_SCOPE, tasksToGoogleCalendar } from './tasks-to-google.job';

/** Employees, partners, projects, tasks; the task calendar; one-way sync to Google Calendar. */
export const tasksModule: GatewayModule = {
  name: 'tasks',
  entities: [Employee, Partner, Project, Task, TaskSyncLink],
  resolvers: [TaskResolver, DirectoryResolver, TaskCalendarResolver, TaskSyncResolver],
  syncJobs: [tasksToGoogleCalendar],
  googleScopes: [CALENDAR_SCOPE],
};
