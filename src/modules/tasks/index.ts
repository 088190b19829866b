import type { GatewayModule } from '../../kernel/module';
import { calendarApi } from './calendar-api';
import { CalendarSettingsResolver } from './calendar-settings.resolver';
import { loadCalendarSettings, scopesOfMode } from './calendar-settings';
import { DirectoryResolver } from './directory.resolver';
import { Employee } from './employee.entity';
import { tasksMigrations } from './migrations';
import { Partner } from './partner.entity';
import { Project } from './project.entity';
import { TaskCalendarResolver } from './task-calendar.resolver';
import { TaskSyncLink } from './task-sync-link.entity';
import { TaskSyncResolver } from './task-sync.resolver';
import { Task } from './task.entity';
import { TaskResolver } from './task.resolver';
import { tasksConfig } from './tasks.config';
import { tasksToGoogleCalendar } from './tasks-to-google.job';

/** Employees, partners, projects, tasks; the task calendar; one-way sync to Google Calendar. */
export const tasksModule: GatewayModule = {
  name: 'tasks',
  entities: [Employee, Partner, Project, Task, TaskSyncLink],
  resolvers: [TaskResolver, DirectoryResolver, TaskCalendarResolver, TaskSyncResolver, CalendarSettingsResolver],
  migrations: tasksMigrations,
  syncJobs: [tasksToGoogleCalendar],
  googleApis: [calendarApi],
  // The full Calendar scope only when the tenant's mode creates and shares calendars.
  tenantGoogleScopes: async (em, tenant) => scopesOfMode((await loadCalendarSettings(em, tenant)).mode),
  config: tasksConfig,
};
