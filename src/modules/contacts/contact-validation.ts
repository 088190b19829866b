import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { badUserInput } from '../../kernel/errors';
import { optionalText } from '../../kernel/validate';
import type { ContactAddressInput, ContactEmailInput, ContactPhoneNumberInput, CreateContactInput } from './contact.inputs';
import { ContactEmailType, ContactPhoneType, type ContactAddress, type ContactEmail, type ContactPhoneNumber } from './contact.types';

export const MAX_EMAILS = 10;
export const MAX_PHONES = 10;
export const MAX_ADDRESSES = 5;

/** What a contact holds, validated and normalized (the columns the service writes). */
export interface ContactFields {
  givenName: string | null;
  middleName: string | null;
  familyName: string | null;
  displayName: string;
  displayNameSet: boolean;
  company: string | null;
  jobTitle: string | null;
  department: string | null;
  emails: ContactEmail[];
  phoneNumbers: ContactPhoneNumber[];
  addresses: ContactAddress[];
  website: string | null;
  notes: string | null;
  birthday: string | null;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const PHONE = /^[0-9+()\-./\s]*[0-9][0-9+()\-./\s]*((x|ext\.?)\s*[0-9]{1,6})?$/i;
const COUNTRY = /^[A-Z]{2}$/;
/** Control characters other than tab, newline and carriage return cannot travel in XML 1.0. */
// eslint-disable-next-line no-control-regex
const XML_UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

function text(value: string | null | undefined, field: string, max: number): string | null {
  const v = optionalText(value, field, max);
  if (v !== null && XML_UNSAFE.test(v)) throw badUserInput(`${field} contains a control character`, field);
  return v;
}

export function countryCode(value: string | null | undefined, field: string): string | null {
  const v = optionalText(value, field, 2)?.toUpperCase() ?? null;
  if (v !== null && !COUNTRY.test(v)) throw badUserInput(`${field} must be an ISO 3166-1 alpha-2 code such as RO`, field);
  return v;
}

function list<T>(values: T[] | null | undefined, field: string, max: number): T[] {
  if (!values) return [];
  if (values.length > max) throw badUserInput(`${field} holds at most ${max} entries`, field);
  return values;
}

function emails(values: ContactEmailInput[] | null | undefined): ContactEmail[] {
  const items = list(values, 'emails', MAX_EMAILS);
  const out = items.map((e, i) => {
    const field = `emails[${i}].address`;
    const address = text(e.address, field, 320)?.toLowerCase();
    if (!address) throw badUserInput(`${field} must not be empty`, field);
    if (!EMAIL.test(address)) throw badUserInput(`${field} is not an email address`, field);
    return { type: e.type ?? ContactEmailType.WORK, address, primary: e.primary === true };
  });
  const seen = new Set<string>();
  out.forEach((e, i) => {
    if (seen.has(e.address)) throw badUserInput(`emails[${i}].address is listed twice`, `emails[${i}].address`);
    seen.add(e.address);
  });
  const primaries = out.filter((e) => e.primary).length;
  if (primaries > 1) throw badUserInput('emails: only one address may be primary', 'emails');
  if (primaries === 0 && out.length) out[0]!.primary = true;
  return out;
}

/** E.164 of a number, read with the default country when it has no country code; null when it is not a valid number. */
export function e164(number: string, defaultCountry: string): string | null {
  const parsed = parsePhoneNumberFromString(number, defaultCountry as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}

function phones(values: ContactPhoneNumberInput[] | null | undefined, defaultCountry: string): ContactPhoneNumber[] {
  return list(values, 'phoneNumbers', MAX_PHONES).map((p, i) => {
    const field = `phoneNumbers[${i}].number`;
    const number = text(p.number, field, 40);
    if (!number) throw badUserInput(`${field} must not be empty`, field);
    if (!PHONE.test(number)) throw badUserInput(`${field} is not a phone number`, field);
    return { type: p.type ?? ContactPhoneType.WORK, number, e164: e164(number, defaultCountry) };
  });
}

function addresses(values: ContactAddressInput[] | null | undefined): ContactAddress[] {
  return list(values, 'addresses', MAX_ADDRESSES).map((a, i) => {
    const f = (name: string) => `addresses[${i}].${name}`;
    const address = {
      street: text(a.street, f('street'), 500),
      city: text(a.city, f('city'), 100),
      region: text(a.region, f('region'), 100),
      postalCode: text(a.postalCode, f('postalCode'), 20),
      countryCode: countryCode(a.countryCode, f('countryCode')),
    };
    if (!Object.values(address).some((v) => v !== null)) throw badUserInput(`addresses[${i}] is empty`, `addresses[${i}]`);
    return address;
  });
}

function website(value: string | null | undefined): string | null {
  const v = text(value, 'website', 1000);
  if (v === null) return null;
  let url: URL | null = null;
  try {
    url = new URL(v);
  } catch {
    /* below */
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname.includes('.')) throw badUserInput('website must be an http(s) URL', 'website');
  return v;
}

function birthday(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== value) throw badUserInput('birthday must be a calendar date (YYYY-MM-DD)', 'birthday');
  if (Number(m[1]) < 1900 || d.getTime() > Date.now()) throw badUserInput('birthday must be between 1900 and today', 'birthday');
  return value;
}

/** The display name a contact gets when none is set: its names, else its company, else its primary email. */
export function derivedDisplayName(f: Pick<ContactFields, 'givenName' | 'middleName' | 'familyName' | 'company' | 'emails'>): string | null {
  const name = [f.givenName, f.middleName, f.familyName].filter(Boolean).join(' ');
  return name || f.company || f.emails.find((e) => e.primary)?.address || null;
}

/**
 * Validates a whole contact (a create, or the result of an update merged onto the current values);
 * BAD_USER_INPUT naming the field otherwise.
 */
export function contactFields(input: CreateContactInput, defaultCountry: string, current?: ContactFields): ContactFields {
  const pick = <K extends keyof CreateContactInput>(key: K) => (input[key] !== undefined ? input[key] : undefined);
  const given = <T>(key: keyof CreateContactInput, parse: () => T, keep: T): T => (pick(key) !== undefined ? parse() : keep);
  const fields: ContactFields = {
    givenName: given('givenName', () => text(input.givenName, 'givenName', 100), current?.givenName ?? null),
    middleName: given('middleName', () => text(input.middleName, 'middleName', 100), current?.middleName ?? null),
    familyName: given('familyName', () => text(input.familyName, 'familyName', 100), current?.familyName ?? null),
    displayName: '',
    displayNameSet: false,
    company: given('company', () => text(input.company, 'company', 200), current?.company ?? null),
    jobTitle: given('jobTitle', () => text(input.jobTitle, 'jobTitle', 200), current?.jobTitle ?? null),
    department: given('department', () => text(input.department, 'department', 200), current?.department ?? null),
    emails: given('emails', () => emails(input.emails), current?.emails ?? []),
    phoneNumbers: given('phoneNumbers', () => phones(input.phoneNumbers, defaultCountry), current?.phoneNumbers ?? []),
    addresses: given('addresses', () => addresses(input.addresses), current?.addresses ?? []),
    website: given('website', () => website(input.website), current?.website ?? null),
    notes: given('notes', () => text(input.notes, 'notes', 8000), current?.notes ?? null),
    birthday: given('birthday', () => birthday(input.birthday), current?.birthday ?? null),
  };
  if (!fields.givenName && !fields.middleName && !fields.familyName && !fields.company && fields.emails.length === 0) {
    throw badUserInput('A contact needs a name, a company or an email address', pick('familyName') !== undefined ? 'familyName' : 'givenName');
  }
  const explicit = pick('displayName') !== undefined ? text(input.displayName, 'displayName', 300) : current?.displayNameSet ? current.displayName : null;
  fields.displayNameSet = explicit !== null;
  fields.displayName = explicit ?? derivedDisplayName(fields)!.slice(0, 300);
  return fields;
}
