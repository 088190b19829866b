import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125000000_tenant } from './Migration20261125000000_tenant';

/** The database's own migrations (tenants); layers and modules bring theirs in their contract. */
export const coreMigrations: MigrationObject[] = [{ name: 'Migration20261125000000_tenant', class: Migration20261125000000_tenant }];
