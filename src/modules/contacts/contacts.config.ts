import { z } from 'zod';

/** The contacts module's configuration section (environment variables). */
export const contactsConfig = z.object({
  /** Root of the Domain Shared Contacts API feeds (tests point it at the emulator). */
  GOOGLE_M8_ROOT: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'expected an http(s) URL')
    .transform((u) => u.replace(/\/+$/, ''))
    .default('https://www.google.com/m8/feeds'),
  /** Contacts a Workspace domain may hold in its shared contacts (Google's limit). */
  CONTACTS_DOMAIN_LIMIT: z.coerce.number().int().min(1).default(200_000),
  /** Contacts read from the database at a time by the sync. */
  CONTACTS_SYNC_PAGE_SIZE: z.coerce.number().int().min(10).max(5000).default(500),
  /**
   * People API reads may lag its writes (Google: "up to several minutes"). An insert whose answer
   * was lost and that no read shows yet is sent again only once it is older than this.
   */
  CONTACTS_PEOPLE_READ_LAG_SECONDS: z.coerce.number().int().min(0).default(600),
});
