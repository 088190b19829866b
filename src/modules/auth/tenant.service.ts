import { Tenant } from '../../db/tenant.entity';
import type { Caller } from '../../kernel/caller';
import type { GatewayContext, GatewayServices } from '../../schema/context';
import type { CacheResetPayload } from '../../kernel/topics';
import { CacheResetEvent } from './cache-reset-event.type';

/** The caller's tenant and its cache resets. */
export class TenantService {
  constructor(private readonly services: GatewayServices) {}

  async current(ctx: GatewayContext, caller: Caller): Promise<Tenant> {
    return ctx.em.findOneOrFail(Tenant, { id: caller.tenant });
  }

  /** Drops the tenant's server caches on every process (through pub/sub) and tells frontends. */
  async resetCaches(caller: Caller, reason: string): Promise<CacheResetEvent> {
    const payload = await this.services.caches.reset(this.services.pubsub, caller.tenant, reason, caller.sub);
    return toCacheResetEvent(payload);
  }
}

export function toCacheResetEvent(payload: CacheResetPayload): CacheResetEvent {
  return Object.assign(new CacheResetEvent(), { ...payload, at: new Date(payload.at) });
}
