import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261205120000_contacts } from './Migration20261205120000_contacts';

/** The contacts module's migrations, oldest first (npm run migration:create -- --module contacts --name …). */
export const contactsMigrations: MigrationObject[] = [{ name: 'Migration20261205120000_contacts', class: Migration20261205120000_contacts }];
