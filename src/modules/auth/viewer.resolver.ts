import { Authorized, Ctx, Mutation, Query, Resolver, Subscription, Root } from 'type-graphql';
import { Tenant } from '../../db/tenant.entity';
import { requireCaller, type GatewayContext, type GatewayServices } from '../../schema/context';
import { CACHE_RESET, type CacheResetPayload } from '../../kernel/topics';
import { CacheResetEvent } from './cache-reset-event.type';
import { TenantService, toCacheResetEvent } from './tenant.service';
import { Role, Viewer } from './viewer.type';

/** The caller, its tenant, and the tenant's cache resets. */
@Resolver()
export class ViewerResolver {
  private readonly tenants: TenantService;

  constructor(private readonly services: GatewayServices) {
    this.tenants = new TenantService(services);
  }

  @Authorized()
  @Query(() => Viewer, { description: 'Who is calling' })
  viewer(@Ctx() ctx: GatewayContext): Viewer {
    const caller = requireCaller(ctx);
    return Object.assign(new Viewer(), { sub: caller.sub, tenant: caller.tenant, roles: caller.roles as Role[] });
  }

  @Authorized()
  @Query(() => Tenant, { description: "The caller's tenant" })
  tenant(@Ctx() ctx: GatewayContext): Promise<Tenant> {
    return this.tenants.current(ctx, requireCaller(ctx));
  }

  @Authorized()
  @Query(() => [String], { description: 'The modules this gateway serves (MODULES and those they switch on), e.g. tasks, contacts, printers' })
  modules(@Ctx() ctx: GatewayContext): string[] {
    return ctx.services.modules.map((m) => m.name);
  }

  @Authorized('admin')
  @Mutation(() => CacheResetEvent, {
    description: "Drops every server-side cache of the caller's tenant on every gateway process and notifies frontends (cacheReset)",
  })
  resetCaches(@Ctx() ctx: GatewayContext): Promise<CacheResetEvent> {
    return this.tenants.resetCaches(requireCaller(ctx), 'manual');
  }

  @Authorized()
  @Subscription(() => CacheResetEvent, {
    description: "The caller's tenant had its server caches dropped: clear client caches",
    topics: CACHE_RESET,
    topicId: ({ context }) => requireCaller(context as GatewayContext).tenant,
  })
  cacheReset(@Root() payload: CacheResetPayload): CacheResetEvent {
    return toCacheResetEvent(payload);
  }
}
