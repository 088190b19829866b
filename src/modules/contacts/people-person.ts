import type { people_v1 } from 'googleapis/build/src/apis/people';
import type { PushedContact } from './contact-content';
import { ERP_CONTACT_ID, ERP_TENANT } from './dsc-xml';

/** The person fields the sync writes (the update mask: each one is replaced, an absent one cleared). */
export const PERSON_UPDATE_MASK = 'names,emailAddresses,phoneNumbers,addresses,organizations,urls,biographies,birthdays,clientData';

const lower = (s: string) => s.toLowerCase();
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;

/** A contact as a People API person, marked with our ids in `clientData` (and in the tenant's group when `group` is given). */
export function personFor(c: PushedContact, tenant: string, group: string | null): people_v1.Schema$Person {
  const person: people_v1.Schema$Person = {
    names: [defined({ givenName: c.givenName, middleName: c.middleName, familyName: c.familyName, unstructuredName: c.displayName })],
    emailAddresses: c.emails.map((e) => ({ value: e.address, type: lower(e.type), metadata: { primary: e.primary } })),
    phoneNumbers: c.phoneNumbers.map((p) => ({ value: p.number, type: p.type === 'FAX' ? 'workFax' : lower(p.type) })),
    addresses: c.addresses.map((a) => defined({ streetAddress: a.street, city: a.city, region: a.region, postalCode: a.postalCode, countryCode: a.countryCode, type: 'work' })),
    organizations: c.company || c.jobTitle || c.department ? [defined({ name: c.company, title: c.jobTitle, department: c.department })] : [],
    urls: c.website ? [{ value: c.website, type: 'work' }] : [],
    biographies: c.notes ? [{ value: c.notes, contentType: 'TEXT_PLAIN' }] : [],
    birthdays: c.birthday ? [{ date: { year: Number(c.birthday.slice(0, 4)), month: Number(c.birthday.slice(5, 7)), day: Number(c.birthday.slice(8, 10)) } }] : [],
    clientData: [
      { key: ERP_CONTACT_ID, value: c.id },
      { key: ERP_TENANT, value: tenant },
    ],
  };
  if (group) person.memberships = [{ contactGroupMembership: { contactGroupResourceName: group } }];
  return person;
}

/** Our marker on a person: the ERP contact id when `clientData` says it is this tenant's (Google allows repeated keys: the first wins). */
export function markerOf(p: people_v1.Schema$Person, tenant: string): string | null {
  const data = p.clientData ?? [];
  const id = data.find((d) => d.key === ERP_CONTACT_ID)?.value ?? null;
  const owner = data.find((d) => d.key === ERP_TENANT)?.value ?? null;
  return owner === tenant && id && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id) ? id : null;
}
