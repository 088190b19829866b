// Only the Calendar API: the `googleapis` index loads every Google API (tens of MB of heap).
import { calendar, type calendar_v3 } from 'googleapis/build/src/apis/calendar';
import type { GoogleApi } from '../../kernel/module';

export const CALENDAR_SCOPE = 'https://www.googleapis.com/auth/calendar.events';
/** Creating calendars and sharing them (SHARED_CALENDARS) needs the full scope. */
export const CALENDAR_FULL_SCOPE = 'https://www.googleapis.com/auth/calendar';

/**
 * Google Calendar v3. 600 requests per minute per acting user (GOOGLE_RATE_CALENDAR_PER_MINUTE) and
 * 10,000 per minute for the tenant as a whole (GOOGLE_RATE_CALENDAR_PROJECT_PER_MINUTE). Quota: "Per minute per user per project: 600
 * requests" (Calendar API usage limits, developers.google.com/workspace/calendar/api/guides/quota;
 * the project as a whole gets 10,000). Override with GOOGLE_RATE_CALENDAR_PER_MINUTE.
 */
export const calendarApi: GoogleApi<calendar_v3.Calendar> = {
  name: 'calendar',
  perMinute: 600,
  rateEnv: 'GOOGLE_RATE_CALENDAR_PER_MINUTE',
  projectPerMinute: 10_000,
  projectRateEnv: 'GOOGLE_RATE_CALENDAR_PROJECT_PER_MINUTE',
  scopes: [CALENDAR_SCOPE],
  create: (options) => calendar({ version: 'v3', ...options }),
};

/** The same API (and rate-limit bucket) with the full scope: calendars.insert/delete and acl.* (SHARED_CALENDARS). */
export const calendarOwnerApi: GoogleApi<calendar_v3.Calendar> = { ...calendarApi, scopes: [CALENDAR_FULL_SCOPE] };
