import { moduleConfig } from '../../kernel/module';
import { defineSyncJob } from '../../sync/define-sync-job';
import { ContactsTarget } from './contact.types';
import { loadContactsSettings } from './contacts-settings';
import { contactsConfig } from './contacts.config';
import { pushToDomainShared } from './dsc-push';
import { pushToUserGroup } from './people-push';

/**
 * One-way sync of the tenant's contacts to its Google target: the domain's shared contacts
 * (DOMAIN_SHARED) or one contact group of the authorizing account (USER_GROUP). Nothing made or
 * changed in Google comes back; only what carries our marker is ever changed or deleted there.
 */
export const contactsToGoogle = defineSyncJob({
  module: 'contacts',
  key: 'CONTACTS',
  name: 'contacts-to-google',
  async run(ctx) {
    const settings = await loadContactsSettings(ctx.em, ctx.tenant);
    const cfg = moduleConfig(ctx.sections, 'contacts', contactsConfig);
    if (settings.target === ContactsTarget.USER_GROUP) await pushToUserGroup(ctx, settings, cfg);
    else await pushToDomainShared(ctx, settings, cfg);
  },
});
