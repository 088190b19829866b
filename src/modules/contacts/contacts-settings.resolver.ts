import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { requireCaller, type GatewayContext, type GatewayServices } from '../../schema/context';
import { SyncTrigger } from '../../kernel/sync-job';
import { SyncRun } from '../../sync/sync-run.entity';
import { SyncContactsInput, UpdateContactsSettingsInput } from './contact.inputs';
import { ContactsSettings, contactsSettingsView, updateContactsSettings } from './contacts-settings';

/** The tenant's contacts settings and the one-way sync of contacts to Google. */
@Resolver()
export class ContactsSettingsResolver {
  constructor(private readonly services: GatewayServices) {}

  @Authorized()
  @Query(() => ContactsSettings)
  contactsSettings(@Ctx() ctx: GatewayContext): Promise<ContactsSettings> {
    return contactsSettingsView(ctx.em, requireCaller(ctx).tenant);
  }

  @Authorized('admin')
  @Mutation(() => ContactsSettings, { description: 'A new target asks for its scope at the next authorization; contacts are then pushed there in full' })
  updateContactsSettings(@Ctx() ctx: GatewayContext, @Arg('input', () => UpdateContactsSettingsInput) input: UpdateContactsSettingsInput): Promise<ContactsSettings> {
    return updateContactsSettings(ctx.em, requireCaller(ctx).tenant, input);
  }

  @Authorized('admin')
  @Mutation(() => SyncRun, { description: 'Returns at once (QUEUED), or the run already queued or running' })
  syncContacts(@Ctx() ctx: GatewayContext, @Arg('input', () => SyncContactsInput, { nullable: true }) input: SyncContactsInput | null): Promise<SyncRun> {
    const caller = requireCaller(ctx);
    return this.services.sync.engine.enqueue({ tenant: caller.tenant, module: 'contacts', trigger: SyncTrigger.MANUAL, full: input?.full ?? false, requestedBy: caller.sub });
  }
}
