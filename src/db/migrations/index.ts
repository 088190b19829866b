import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125000000_tenant } from './Migration20261125000000_tenant';

/** Every migration, oldest first. New ones are appended (npm run migration:create). */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261125000000_tenant', class: Migration20261125000000_tenant },
];
