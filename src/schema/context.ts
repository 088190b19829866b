import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { GatewayConfig } from '../config';
import type { TenantRegistry } from '../db/tenant-registry';
import type { GoogleConnections } from '../google/google-connections';
import type { SecretBox } from '../google/secret-box';
import type { CacheRegistry } from '../kernel/caches';
import type { Caller } from '../kernel/caller';
import type { GatewayMetrics } from '../kernel/metrics';
import type { Logger } from '../kernel/logger';
import type { GatewayModule } from '../kernel/module';
import type { PgPubSub } from '../kernel/pubsub';
import { tenantEntityManager } from '../kernel/tenant-em';
import type { SyncEngine } from '../sync/sync-engine';
import type { SyncScheduler } from '../sync/sync-scheduler';
import type { CallerVerifier } from './caller';
import { unauthenticated } from './errors';
import { EntityLoaders } from './loaders';
import { OperationBudget } from './operation-limits';

/** The long-lived parts of one gateway process that resolvers and services use. */
export interface GatewayServices {
  config: GatewayConfig;
  log: Logger;
  orm: MikroORM;
  pubsub: PgPubSub;
  caches: CacheRegistry;
  verifier: CallerVerifier;
  /** Each tenant's Google connection and ready clients (the only way modules reach Google). */
  google: GoogleConnections;
  /** The sync engine (queue, workers, bookkeeping) and its schedules. */
  sync: { engine: SyncEngine; scheduler: SyncScheduler };
  /** Makes sure a caller's tenant row exists. */
  tenants: TenantRegistry;
  /** Seals and opens stored secrets (SECRETS_KEY). */
  box: SecretBox;
  /** The enabled modules (and the ones they switched on). */
  modules: readonly GatewayModule[];
  databaseUrl: string;
  /** The process's Prometheus metrics (/metrics). */
  metrics: GatewayMetrics;
}

/** What every resolver receives: the caller and a request-scoped EntityManager. */
export interface GatewayContext {
  caller: Caller | null;
  /** A fork of its own per request (one identity map), filtered to the caller's tenant. */
  em: EntityManager;
  /** Batched look-ups by id for nested fields (no N+1). */
  loaders: EntityLoaders;
  log: Logger;
  services: GatewayServices;
  /** This operation's limits: list items produced (GRAPHQL_MAX_RESULT_OBJECTS) and its deadline (GRAPHQL_TIMEOUT_MS). */
  operation: OperationBudget;
}

export function requireCaller(ctx: Pick<GatewayContext, 'caller'>): Caller {
  if (!ctx.caller) throw unauthenticated();
  return ctx.caller;
}

/**
 * The request context. The EntityManager fork, the loaders and the request's child logger are made
 * on first use, so a request that reads no rows and logs nothing (e.g. `viewer`) pays for none. The lazy getters live on the prototype:
 * Apollo copies a context's own properties (per operation), which would otherwise call them.
 */
class RequestContext implements GatewayContext {
  private cachedEm: EntityManager | null = null;
  private cachedLoaders: EntityLoaders | null = null;
  private cachedLog: Logger | null = null;
  private cachedBudget: OperationBudget | null = null;

  constructor(
    readonly caller: Caller | null,
    readonly services: GatewayServices,
    private readonly logOf: () => Logger,
  ) {}

  get log(): Logger {
    return (this.cachedLog ??= this.logOf());
  }

  get em(): EntityManager {
    return (this.cachedEm ??= tenantEntityManager(this.services.orm, this.caller?.tenant ?? null));
  }

  get operation(): OperationBudget {
    const { maxResultObjects, timeoutMs } = this.services.config.limits;
    return (this.cachedBudget ??= new OperationBudget(maxResultObjects, timeoutMs));
  }

  get loaders(): EntityLoaders {
    return (this.cachedLoaders ??= new EntityLoaders(this.em));
  }
}

/** `requestLog` makes the request's logger (with its request id) when something first logs. */
export function createContext(services: GatewayServices, caller: Caller | null, requestLog: () => Logger): GatewayContext {
  return new RequestContext(caller, services, requestLog);
}
