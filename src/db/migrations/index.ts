import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125000000_tenant } from './Migration20261125000000_tenant';
import { Migration20261125010000_google_connection } from './Migration20261125010000_google_connection';
import { Migration20261125020000_sync_engine } from './Migration20261125020000_sync_engine';
import { Migration20261125030000_tasks } from './Migration20261125030000_tasks';

/** Every migration, oldest first. New ones are appended (npm run migration:create). */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261125000000_tenant', class: Migration20261125000000_tenant },
  { name: 'Migration20261125010000_google_connection', class: Migration20261125010000_google_connection },
  { name: 'Migration20261125020000_sync_engine', class: Migration20261125020000_sync_engine },
  { name: 'Migration20261125030000_tasks', class: Migration20261125030000_tasks },
];
