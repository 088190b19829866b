// Only the Admin SDK Directory API: the `googleapis` index loads every Google API (tens of MB of heap).
import { admin, type admin_directory_v1 } from 'googleapis/build/src/apis/admin';
import type { GoogleApi } from '../../kernel/module';

/** Read-only Chrome printer management (the successor of the Cloud Print scope). */
export const CHROME_PRINTERS_SCOPE = 'https://www.googleapis.com/auth/admin.chrome.printers.readonly';

/** The Workspace customer of the authorizing admin. */
export const MY_CUSTOMER = 'customers/my_customer';

/**
 * Admin SDK Directory API v1, `customers.chrome.printers` and `customers.chrome.printServers`
 * (Chrome printer management). The Directory API allows 2,400 queries per minute per user per
 * project (Admin SDK quotas, developers.google.com/admin-sdk/directory/v1/limits); a sync lists
 * pages of 100, so 600 per minute leaves room for the admin's own console. Override with
 * GOOGLE_RATE_CHROME_PRINTERS_PER_MINUTE.
 */
export const chromePrintersApi: GoogleApi<admin_directory_v1.Admin> = {
  name: 'chrome-printers',
  perMinute: 600,
  rateEnv: 'GOOGLE_RATE_CHROME_PRINTERS_PER_MINUTE',
  scopes: [CHROME_PRINTERS_SCOPE],
  create: (options) => admin({ version: 'directory_v1', ...options }),
};
