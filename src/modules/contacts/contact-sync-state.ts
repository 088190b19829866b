import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ObjectType } from 'type-graphql';
import { contentHash, type PushedContact } from './contact-content';
import type { Contact } from './contact.entity';
import { ContactsTarget } from './contact.types';

@ObjectType({ description: "A contact's state in the tenant's current Google target" })
export class ContactSyncState {
  @Field(() => ContactsTarget) target!: ContactsTarget;
  @Field(() => String, { nullable: true, description: "The contact's id in Google (DSC entry id or People resource name); null until pushed" })
  googleId!: string | null;
  @Field(() => Date, { nullable: true, description: 'When it was last pushed or confirmed' }) syncedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'What Google said when it last refused the contact' }) lastError!: string | null;
  @Field({ description: 'True when Google holds the current version (nothing to push)' }) upToDate!: boolean;
}

export interface LinkRow {
  contact_id: string;
  google_id: string | null;
  content_hash: string | null;
  synced_at: Date | null;
}

/** The links of some contacts to a target, in one statement (the tenant condition is explicit). */
export async function linksOf(em: EntityManager, tenant: string, target: ContactsTarget, ids: readonly string[]): Promise<Map<string, LinkRow>> {
  const rows: LinkRow[] = await em
    .getConnection()
    .execute(/* contactLinks */ `SELECT contact_id, google_id, content_hash, synced_at FROM contact_sync_link WHERE tenant = ? AND target = ? AND contact_id = ANY(?::uuid[])`, [
      tenant,
      target,
      `{${ids.join(',')}}`,
    ]);
  return new Map(rows.map((r) => [r.contact_id, r]));
}

export function syncStateOf(contact: Contact, target: ContactsTarget, link: LinkRow | undefined): ContactSyncState {
  const pushed: PushedContact = { ...contact, id: contact.id };
  const googleId = link?.google_id ?? null;
  return Object.assign(new ContactSyncState(), {
    target,
    googleId,
    syncedAt: link?.synced_at ? new Date(link.synced_at) : null,
    lastError: contact.syncError,
    upToDate: googleId !== null && link?.content_hash === contentHash(pushed, target),
  });
}
