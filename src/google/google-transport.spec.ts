import { describe, expect, it } from 'vitest';
import { apiLabelOf } from './google-transport';

const urls = { tokenUrl: 'https://oauth2.googleapis.com/token', revokeUrl: 'https://oauth2.googleapis.com/revoke' };

describe('apiLabelOf', () => {
  it('names OAuth endpoints and APIs by their first path segment that is not a version', () => {
    expect(apiLabelOf('https://oauth2.googleapis.com/token?x=1', urls)).toBe('oauth-token');
    expect(apiLabelOf('https://oauth2.googleapis.com/revoke?token=abc', urls)).toBe('oauth-revoke');
    expect(apiLabelOf('https://www.googleapis.com/calendar/v3/calendars/a%40b/events', urls)).toBe('calendar');
    expect(apiLabelOf('https://people.googleapis.com/v1/people:batchCreateContacts', urls)).toBe('people');
    expect(apiLabelOf('https://admin.googleapis.com/admin/directory/v1/customer/my_customer/chrome/printers', urls)).toBe('admin');
    expect(apiLabelOf('https://www.google.com/m8/feeds/contacts/example.com/full', urls)).toBe('m8');
    expect(apiLabelOf('https://www.googleapis.com/', urls)).toBe('other');
  });
});
