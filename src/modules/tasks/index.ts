import type { GatewayModule } from '../gateway-module';
import { DirectoryResolver } from './directory.resolver';
import { Employee } from './employee.entity';
import { Partner } from './partner.entity';
import { Project } from './project.entity';
import { TaskCalendarResolver } from './task-calendar.resolver';
import { TaskSyncLink } from './task-sync-link.entity';
import { Task } from './task.entity';
import { TaskResolver } from './task.resolver';

/** Employees, partners, projects, tasks; the task calendar; one-way sync to Google Calendar. */
export const tasksModule: GatewayModule = {
  name: 'tasks',
  entities: [Employee, Partner, Project, Task, TaskSyncLink],
  resolvers: [TaskResolver, DirectoryResolver, TaskCalendarResolver],
  syncJobs: [],
  googleScopes: ['https://www.googleapis.com/auth/calendar.events'],
};
