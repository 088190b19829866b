import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum ContactEmailType {
  WORK = 'WORK',
  HOME = 'HOME',
  OTHER = 'OTHER',
}
registerEnumType(ContactEmailType, { name: 'ContactEmailType' });

export enum ContactPhoneType {
  WORK = 'WORK',
  HOME = 'HOME',
  MOBILE = 'MOBILE',
  FAX = 'FAX',
  OTHER = 'OTHER',
}
registerEnumType(ContactPhoneType, { name: 'ContactPhoneType' });

/** Where a tenant's contacts go in Google. */
export enum ContactsTarget {
  DOMAIN_SHARED = 'DOMAIN_SHARED',
  USER_GROUP = 'USER_GROUP',
}
registerEnumType(ContactsTarget, {
  name: 'ContactsTarget',
  description: "DOMAIN_SHARED: the Workspace domain's shared contacts (Domain Shared Contacts API); USER_GROUP: one contact group of the authorizing account (People API)",
});

@ObjectType({ description: 'An email address of a contact' })
export class ContactEmail {
  @Field(() => ContactEmailType) type!: ContactEmailType;
  @Field() address!: string;
  @Field({ description: 'Exactly one address of a contact with addresses is primary' }) primary!: boolean;
}

@ObjectType({ description: 'A phone number as entered, and in E.164 form when it could be derived' })
export class ContactPhoneNumber {
  @Field(() => ContactPhoneType) type!: ContactPhoneType;
  @Field({ description: 'As entered' }) number!: string;
  @Field(() => String, { nullable: true, description: "E.164 (+40712345678), derived with the tenant's default country; null when the number is not valid" })
  e164!: string | null;
}

@ObjectType({ description: 'A postal address' })
export class ContactAddress {
  @Field(() => String, { nullable: true }) street!: string | null;
  @Field(() => String, { nullable: true }) city!: string | null;
  @Field(() => String, { nullable: true }) region!: string | null;
  @Field(() => String, { nullable: true }) postalCode!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2' }) countryCode!: string | null;
}
