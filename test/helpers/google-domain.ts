import { DEFAULT_ACCOUNT, type GoogleEmulator } from '../google-emulator';

/**
 * What a Workspace customer does before the gateway may write into its employees' own calendars with
 * the admin's token: the employees are users of the domain (their addresses' domains added as
 * secondary domains when needed), and each shares their primary calendar with the admin as
 * "Make changes to events" (`writer`).
 */
export function shareEmployeeCalendars(google: GoogleEmulator, emails: readonly string[], options: { with?: string; role?: 'writer' | 'owner' } = {}): void {
  const grantee = options.with ?? DEFAULT_ACCOUNT.email;
  for (const email of emails) {
    const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
    if (!google.domain.domains().includes(domain)) google.domain.addDomain(domain);
    google.domain.addUser(email);
    google.calendar.share(email, grantee, options.role ?? 'writer');
  }
}
