import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125030000_tasks } from './Migration20261125030000_tasks';

/** The tasks module's migrations, oldest first (npm run migration:create -- --module tasks --name …). */
export const tasksMigrations: MigrationObject[] = [{ name: 'Migration20261125030000_tasks', class: Migration20261125030000_tasks }];
