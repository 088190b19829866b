import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ObjectType } from 'type-graphql';
import { badUserInput } from '../../kernel/errors';
import { optionalText } from '../../kernel/validate';
import { countryCode } from './contact-validation';
import type { UpdateContactsSettingsInput } from './contact.inputs';
import { ContactsTarget } from './contact.types';
import { M8_SCOPE } from './m8-api';
import { PEOPLE_SCOPE } from './people-api';

@ObjectType({ description: "Where and how the tenant's contacts are pushed to Google" })
export class ContactsSettings {
  @Field(() => ContactsTarget) target!: ContactsTarget;
  @Field(() => String, { nullable: true, description: 'The Workspace domain (DOMAIN_SHARED)' }) domain!: string | null;
  @Field({ description: "The contact group's name (USER_GROUP): as set, or the tenant's name" }) groupName!: string;
  @Field({ description: 'ISO 3166-1 alpha-2 country of phone numbers written without a country code' }) defaultCountry!: string;
  @Field({ description: 'The OAuth scope the target needs (the only contacts scope the authorization asks for)' }) googleScope!: string;
}

/** A tenant's settings row (defaults when none was saved). */
export interface ContactsSettingsRow {
  target: ContactsTarget;
  domain: string | null;
  groupName: string | null;
  defaultCountry: string;
  groupResourceName: string | null;
  groupSyncedName: string | null;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function scopeOfTarget(target: ContactsTarget): string {
  return target === ContactsTarget.USER_GROUP ? PEOPLE_SCOPE : M8_SCOPE;
}

/** The tenant's contacts settings; the tenant condition is explicit (raw SQL bypasses the ORM filter). */
export async function loadContactsSettings(em: EntityManager, tenant: string): Promise<ContactsSettingsRow> {
  const rows: Record<string, unknown>[] = await em
    .getConnection()
    .execute(/* contactsSettings */ 'SELECT target, domain, group_name, default_country, group_resource_name, group_synced_name FROM contacts_settings WHERE tenant = ?', [tenant]);
  const r = rows[0];
  return {
    target: (r?.target as ContactsTarget | undefined) ?? ContactsTarget.DOMAIN_SHARED,
    domain: (r?.domain as string | null | undefined) ?? null,
    groupName: (r?.group_name as string | null | undefined) ?? null,
    defaultCountry: (r?.default_country as string | undefined) ?? 'RO',
    groupResourceName: (r?.group_resource_name as string | null | undefined) ?? null,
    groupSyncedName: (r?.group_synced_name as string | null | undefined) ?? null,
  };
}

export async function contactsSettingsView(em: EntityManager, tenant: string): Promise<ContactsSettings> {
  const s = await loadContactsSettings(em, tenant);
  return Object.assign(new ContactsSettings(), {
    target: s.target,
    domain: s.domain,
    groupName: s.groupName ?? tenant,
    defaultCountry: s.defaultCountry,
    googleScope: scopeOfTarget(s.target),
  });
}

/** Validates and saves the settings in one statement (concurrent updates cannot both insert). */
export async function updateContactsSettings(em: EntityManager, tenant: string, input: UpdateContactsSettingsInput): Promise<ContactsSettings> {
  const current = await loadContactsSettings(em, tenant);
  let domain = current.domain;
  if (input.domain !== undefined) {
    domain = optionalText(input.domain, 'domain', 253)?.toLowerCase() ?? null;
    if (domain !== null && !DOMAIN.test(domain)) throw badUserInput('domain must be a domain name such as example.com', 'domain');
  }
  const groupName = input.groupName !== undefined ? optionalText(input.groupName, 'groupName', 200) : current.groupName;
  const defaultCountry = input.defaultCountry !== undefined && input.defaultCountry !== null ? countryCode(input.defaultCountry, 'defaultCountry')! : current.defaultCountry;
  const target = input.target ?? current.target;
  await em.getConnection().execute(
    /* saveContactsSettings */ `INSERT INTO contacts_settings (tenant, target, domain, group_name, default_country, updated_at) VALUES (?, ?, ?, ?, ?, now())
     ON CONFLICT (tenant) DO UPDATE SET target = excluded.target, domain = excluded.domain, group_name = excluded.group_name,
       default_country = excluded.default_country, updated_at = now()`,
    [tenant, target, domain, groupName, defaultCountry],
  );
  return contactsSettingsView(em, tenant);
}
