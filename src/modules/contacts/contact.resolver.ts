import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, type Connection } from '../../schema/connection';
import { requireCaller, type GatewayContext } from '../../schema/context';
import { ContactSyncState, linksOf, syncStateOf } from './contact-sync-state';
import { Contact } from './contact.entity';
import { ContactFilter, CreateContactInput, UpdateContactInput } from './contact.inputs';
import { ContactService } from './contact.service';
import { loadContactsSettings } from './contacts-settings';

const ContactConnection = ConnectionType(Contact, 'Contact');

/** Contacts: the list and one contact for any user of the tenant; writes for admins. */
@Resolver(() => Contact)
export class ContactResolver {
  private readonly service = new ContactService();

  @Authorized()
  @Query(() => ContactConnection, { name: 'contacts', description: 'Live contacts ordered by display name, then id' })
  contacts(
    @Ctx() ctx: GatewayContext,
    @Arg('filter', () => ContactFilter, { nullable: true }) filter: ContactFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<Contact>> {
    return this.service.list(ctx.em, requireCaller(ctx).tenant, filter, first, after);
  }

  @Authorized()
  @Query(() => Contact)
  contact(@Ctx() ctx: GatewayContext, @Arg('id', () => ID) id: string): Promise<Contact> {
    return this.service.get(ctx.em, id);
  }

  @Authorized('admin')
  @Mutation(() => Contact)
  createContact(@Ctx() ctx: GatewayContext, @Arg('input', () => CreateContactInput) input: CreateContactInput): Promise<Contact> {
    return this.service.create(ctx.em, requireCaller(ctx).tenant, input);
  }

  @Authorized('admin')
  @Mutation(() => Contact)
  updateContact(@Ctx() ctx: GatewayContext, @Arg('id', () => ID) id: string, @Arg('input', () => UpdateContactInput) input: UpdateContactInput): Promise<Contact> {
    return this.service.update(ctx.em, requireCaller(ctx).tenant, id, input);
  }

  @Authorized('admin')
  @Mutation(() => Boolean, { description: 'The contact leaves Google on the next sync' })
  deleteContact(@Ctx() ctx: GatewayContext, @Arg('id', () => ID) id: string): Promise<boolean> {
    return this.service.delete(ctx.em, id);
  }

  @FieldResolver(() => ContactSyncState, { description: "Its state in the tenant's current Google target" })
  async syncState(@Ctx() ctx: GatewayContext, @Root() contact: Contact): Promise<ContactSyncState> {
    const tenant = requireCaller(ctx).tenant;
    const { target } = await ctx.loaders
      .named('contactsSettings', async (keys) => {
        const settings = await loadContactsSettings(ctx.em, tenant);
        return keys.map(() => settings);
      })
      .load(tenant);
    const link = await ctx.loaders
      .named(`contactLinks:${target}`, async (ids) => {
        const links = await linksOf(ctx.em, tenant, target, ids);
        return ids.map((id) => links.get(id));
      })
      .load(contact.id);
    return syncStateOf(contact, target, link);
  }
}
