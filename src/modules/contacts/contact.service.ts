import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, notFound } from '../../kernel/errors';
import { uuid } from '../../kernel/validate';
import { pageSize, toConnection, type Connection } from '../../schema/connection';
import { decodeContactCursor, encodeContactCursor } from './contact-cursor';
import { contactFields, type ContactFields } from './contact-validation';
import { Contact } from './contact.entity';
import type { ContactFilter, CreateContactInput, UpdateContactInput } from './contact.inputs';
import { loadContactsSettings } from './contacts-settings';

const fieldsOf = (c: Contact): ContactFields => ({
  givenName: c.givenName,
  middleName: c.middleName,
  familyName: c.familyName,
  displayName: c.displayName,
  displayNameSet: c.displayNameSet,
  company: c.company,
  jobTitle: c.jobTitle,
  department: c.department,
  emails: c.emails,
  phoneNumbers: c.phoneNumbers,
  addresses: c.addresses,
  website: c.website,
  notes: c.notes,
  birthday: c.birthday,
});

const COLUMNS = `c.id, c.tenant, c.given_name, c.middle_name, c.family_name, c.display_name, c.display_name_set, c.company, c.job_title, c.department,
  c.emails, c.phone_numbers, c.addresses, c.website, c.notes, c.birthday::text AS birthday, c.sync_error, c.deleted_at, c.created_at, c.updated_at`;

/** Contacts: validation, the list, create/update/delete (a deletion reaches Google on the next sync). */
export class ContactService {
  async create(em: EntityManager, tenant: string, input: CreateContactInput): Promise<Contact> {
    const { defaultCountry } = await loadContactsSettings(em, tenant);
    // `partial`: the tenant is stamped at flush (TenantWriteGuard) and the timestamps have defaults.
    const contact = em.create(Contact, contactFields(input, defaultCountry), { partial: true });
    await em.flush();
    return contact;
  }

  async get(em: EntityManager, id: string): Promise<Contact> {
    const contact = await em.findOne(Contact, { id: uuid(id, 'id'), deletedAt: null });
    if (!contact) throw notFound('Contact', id);
    return contact;
  }

  async update(em: EntityManager, tenant: string, id: string, input: UpdateContactInput): Promise<Contact> {
    const contact = await this.get(em, id);
    const { defaultCountry } = await loadContactsSettings(em, tenant);
    Object.assign(contact, contactFields(input, defaultCountry, fieldsOf(contact)));
    await em.flush();
    return contact;
  }

  /** Keeps a tombstone until the sync has removed the contact from Google. */
  async delete(em: EntityManager, id: string): Promise<boolean> {
    const contact = await this.get(em, id);
    contact.deletedAt = new Date();
    await em.flush();
    return true;
  }

  /** Live contacts ordered by display name, then id (Relay connection). */
  async list(em: EntityManager, tenant: string, filter: ContactFilter | null, first: number | null, after: string | null): Promise<Connection<Contact>> {
    const n = pageSize(first);
    const clauses = ['c.tenant = ?', 'c.deleted_at IS NULL'];
    const params: unknown[] = [tenant];
    const search = filter?.search?.trim();
    if (search) {
      if (search.length > 200) throw badUserInput('search must be at most 200 characters', 'search');
      const like = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      clauses.push(`(c.display_name ILIKE ? OR c.company ILIKE ? OR EXISTS (SELECT 1 FROM jsonb_array_elements(c.emails) e WHERE e->>'address' ILIKE ?))`);
      params.push(like, like, like);
    }
    if (after) {
      const cursor = decodeContactCursor(after);
      clauses.push('(c.display_name, c.id) > (?, ?)');
      params.push(cursor.displayName, cursor.id);
    }
    const rows: Record<string, unknown>[] = await em
      .getConnection()
      .execute(`/* listContacts */ SELECT ${COLUMNS} FROM contact c WHERE ${clauses.join(' AND ')} ORDER BY c.display_name, c.id LIMIT ${n + 1}`, params);
    const contacts = rows.map((r) => em.map(Contact, r));
    return toConnection(contacts, n, (c) => encodeContactCursor({ displayName: c.displayName, id: c.id }));
  }
}
