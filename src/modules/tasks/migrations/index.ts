import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125030000_tasks } from './Migration20261125030000_tasks';
import { Migration20261205000000_employee_email_unique } from './Migration20261205000000_employee_email_unique';
import { Migration20261206000000_calendar_access } from './Migration20261206000000_calendar_access';

/** The tasks module's migrations, oldest first (npm run migration:create -- --module tasks --name …). */
export const tasksMigrations: MigrationObject[] = [
  { name: 'Migration20261125030000_tasks', class: Migration20261125030000_tasks },
  { name: 'Migration20261205000000_employee_email_unique', class: Migration20261205000000_employee_email_unique },
  { name: 'Migration20261206000000_calendar_access', class: Migration20261206000000_calendar_access },
];
