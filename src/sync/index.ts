import type { GatewayModule } from '../kernel/module';
import { Migration20261125020000_sync_engine } from './migrations/Migration20261125020000_sync_engine';
import { SyncItemError } from './sync-item-error.entity';
import { SyncRun } from './sync-run.entity';
import { SyncSchedule } from './sync-schedule.entity';

/** The sync engine's bookkeeping tables (always on; its GraphQL face is the `sync` module). */
export const syncCore: GatewayModule = {
  name: 'sync-core',
  entities: [SyncRun, SyncItemError, SyncSchedule],
  migrations: [{ name: 'Migration20261125020000_sync_engine', class: Migration20261125020000_sync_engine }],
};
