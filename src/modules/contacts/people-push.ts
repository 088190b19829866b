import type { z } from 'zod';
import { domainError } from '../../kernel/errors';
import type { SyncJobContext } from '../../kernel/sync-job';
import type { ContactsSettingsRow } from './contacts-settings';
import type { contactsConfig } from './contacts.config';

export async function pushToUserGroup(_ctx: SyncJobContext, _settings: ContactsSettingsRow, _cfg: z.infer<typeof contactsConfig>): Promise<void> {
  throw domainError('BAD_USER_INPUT', 'USER_GROUP is not available yet');
}
