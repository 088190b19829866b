import { createHash } from 'node:crypto';
import type { ContactFields } from './contact-validation';
import type { ContactAddress, ContactEmail, ContactPhoneNumber } from './contact.types';

/** What the sync pushes of a contact (the same for both targets). */
export type PushedContact = Omit<ContactFields, 'displayNameSet'> & { id: string };

/** Version of the mapping: bump it when what is pushed changes, so every contact is sent again. */
const MAPPING_VERSION = 1;

/** A contact as read by the sync's raw query (snake_case columns; jsonb comes parsed). */
export function pushedFromRow(r: Record<string, unknown>): PushedContact {
  return {
    id: r.id as string,
    givenName: (r.given_name as string | null) ?? null,
    middleName: (r.middle_name as string | null) ?? null,
    familyName: (r.family_name as string | null) ?? null,
    displayName: r.display_name as string,
    company: (r.company as string | null) ?? null,
    jobTitle: (r.job_title as string | null) ?? null,
    department: (r.department as string | null) ?? null,
    emails: (r.emails as ContactEmail[] | null) ?? [],
    phoneNumbers: (r.phone_numbers as ContactPhoneNumber[] | null) ?? [],
    addresses: (r.addresses as ContactAddress[] | null) ?? [],
    website: (r.website as string | null) ?? null,
    notes: (r.notes as string | null) ?? null,
    birthday: (r.birthday as string | null) ?? null,
  };
}

/** Hash of what was pushed to a target: a link whose hash equals it needs no write. */
export function contentHash(c: PushedContact, target: string): string {
  const canonical = [
    MAPPING_VERSION,
    target,
    c.givenName,
    c.middleName,
    c.familyName,
    c.displayName,
    c.company,
    c.jobTitle,
    c.department,
    c.emails.map((e) => [e.type, e.address, e.primary]),
    c.phoneNumbers.map((p) => [p.type, p.number, p.e164]),
    c.addresses.map((a) => [a.street, a.city, a.region, a.postalCode, a.countryCode]),
    c.website,
    c.notes,
    c.birthday,
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
