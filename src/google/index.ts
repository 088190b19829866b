import type { GatewayModule } from '../kernel/module';
import { GoogleConnectionRecord } from './google-connection.entity';
import { GOOGLE_CONNECTION_CHANGED } from './google-events';
import { Migration20261125010000_google_connection } from './migrations/Migration20261125010000_google_connection';
import { Migration20261206000000_service_account } from './migrations/Migration20261206000000_service_account';
import { GoogleOAuthState } from './oauth-state.entity';

/** The stored Google connection of each tenant: its tables and its event (always on). */
export const googleCore: GatewayModule = {
  name: 'google-core',
  entities: [GoogleConnectionRecord, GoogleOAuthState],
  migrations: [
    { name: 'Migration20261125010000_google_connection', class: Migration20261125010000_google_connection },
    { name: 'Migration20261206000000_service_account', class: Migration20261206000000_service_account },
  ],
  topics: [GOOGLE_CONNECTION_CHANGED],
};
