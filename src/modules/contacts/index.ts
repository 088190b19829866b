import type { GatewayModule } from '../../kernel/module';
import { ContactSyncLink } from './contact-sync-link.entity';
import { Contact } from './contact.entity';
import { ContactResolver } from './contact.resolver';
import { contactsConfig } from './contacts.config';
import { ContactsSettingsResolver } from './contacts-settings.resolver';
import { contactsToGoogle } from './contacts-to-google.job';
import { loadContactsSettings, scopeOfTarget } from './contacts-settings';
import { m8Api } from './m8-api';
import { contactsMigrations } from './migrations';
import { peopleApi } from './people-api';

/** The ERP's shared contacts, pushed one way to Google (Domain Shared Contacts, or a People API contact group). */
export const contactsModule: GatewayModule = {
  name: 'contacts',
  entities: [Contact, ContactSyncLink],
  resolvers: [ContactResolver, ContactsSettingsResolver],
  migrations: contactsMigrations,
  syncJobs: [contactsToGoogle],
  googleApis: [m8Api, peopleApi],
  // Only the scope of the tenant's target is asked for (DESIGN: "Grants").
  tenantGoogleScopes: async (em, tenant) => [scopeOfTarget((await loadContactsSettings(em, tenant)).target)],
  config: contactsConfig,
};
