import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261205000000_printers } from './Migration20261205000000_printers';

/** The printers module's migrations, oldest first (npm run migration:create -- --module printers --name …). */
export const printersMigrations: MigrationObject[] = [{ name: 'Migration20261205000000_printers', class: Migration20261205000000_printers }];
