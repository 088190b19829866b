import type { EntityClass } from '@mikro-orm/core';
import type { SyncJob } from '../sync/define-sync-job';


/** The contract of a feature module: what it adds to the one schema and the one database. */
export interface GatewayModule {
  name: string;
  entities: EntityClass<unknown>[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: Function[];
  syncJobs: SyncJob[];
  /** The Google OAuth scopes this module's calls need; the authorization asks for those of the enabled modules. */
  googleScopes?: string[];
}
