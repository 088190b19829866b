import { LocalDateResolver } from 'graphql-scalars';
import { Field, InputType } from 'type-graphql';
import { ContactEmailType, ContactPhoneType, ContactsTarget } from './contact.types';

@InputType()
export class ContactEmailInput {
  @Field(() => ContactEmailType, { nullable: true, description: 'Default WORK' }) type?: ContactEmailType | null;
  @Field() address!: string;
  @Field(() => Boolean, { nullable: true, description: 'At most one; without one, the first address is primary' }) primary?: boolean | null;
}

@InputType()
export class ContactPhoneNumberInput {
  @Field(() => ContactPhoneType, { nullable: true, description: 'Default WORK' }) type?: ContactPhoneType | null;
  @Field({ description: "As written; E.164 is derived with the tenant's default country" }) number!: string;
}

@InputType()
export class ContactAddressInput {
  @Field(() => String, { nullable: true }) street?: string | null;
  @Field(() => String, { nullable: true }) city?: string | null;
  @Field(() => String, { nullable: true }) region?: string | null;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2, e.g. RO' }) countryCode?: string | null;
}

@InputType({ description: 'A contact needs at least one of: a name, a company, an email' })
export class CreateContactInput {
  @Field(() => String, { nullable: true }) givenName?: string | null;
  @Field(() => String, { nullable: true }) middleName?: string | null;
  @Field(() => String, { nullable: true }) familyName?: string | null;
  @Field(() => String, { nullable: true, description: 'Derived from the names (or company, or email) when not given' }) displayName?: string | null;
  @Field(() => String, { nullable: true }) company?: string | null;
  @Field(() => String, { nullable: true }) jobTitle?: string | null;
  @Field(() => String, { nullable: true }) department?: string | null;
  @Field(() => [ContactEmailInput], { nullable: true, description: 'At most 10' }) emails?: ContactEmailInput[] | null;
  @Field(() => [ContactPhoneNumberInput], { nullable: true, description: 'At most 10' }) phoneNumbers?: ContactPhoneNumberInput[] | null;
  @Field(() => [ContactAddressInput], { nullable: true, description: 'At most 5' }) addresses?: ContactAddressInput[] | null;
  @Field(() => String, { nullable: true, description: 'An http(s) URL' }) website?: string | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => LocalDateResolver, { nullable: true }) birthday?: string | null;
}

@InputType({ description: 'Only the fields given change (null clears one; a list given replaces the whole list)' })
export class UpdateContactInput extends CreateContactInput {}

@InputType()
export class ContactFilter {
  @Field({ nullable: true, description: 'Words in the display name, company or an email address' }) search?: string;
}

@InputType()
export class SyncContactsInput {
  @Field({ nullable: true, description: 'Re-read every contact of ours in Google: restore what was changed or deleted there, delete ours that match no contact' })
  full?: boolean;
}

@InputType()
export class UpdateContactsSettingsInput {
  @Field(() => ContactsTarget, { nullable: true }) target?: ContactsTarget | null;
  @Field(() => String, { nullable: true, description: 'The Google Workspace domain whose shared contacts are written (DOMAIN_SHARED), e.g. example.com' })
  domain?: string | null;
  @Field(() => String, { nullable: true, description: "The contact group's name (USER_GROUP); default: the tenant's name" }) groupName?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country of numbers written without a country code (default RO)' })
  defaultCountry?: string | null;
}
