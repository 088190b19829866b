// Only the People API: the `googleapis` index loads every Google API (tens of MB of heap).
import { people, type people_v1 } from 'googleapis/build/src/apis/people';
import type { GoogleApi } from '../../kernel/module';

export const PEOPLE_SCOPE = 'https://www.googleapis.com/auth/contacts';

/**
 * Google People API v1 (USER_GROUP target). 90 requests per minute per tenant: a conservative
 * default under the People API's per-user quotas (the Cloud console shows the project's); each
 * batch carries up to 200 contacts. Override with GOOGLE_RATE_PEOPLE_PER_MINUTE.
 */
export const peopleApi: GoogleApi<people_v1.People> = {
  name: 'people',
  perMinute: 90,
  rateEnv: 'GOOGLE_RATE_PEOPLE_PER_MINUTE',
  scopes: [PEOPLE_SCOPE],
  create: (options) => people({ version: 'v1', ...options }),
};
