import { createServer } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../../helpers/client';
import { browserTestsUnavailable, launchChromium, screenshots, seriousA11yViolations } from '../../helpers/browser';
import { CLIENT_ID, CLIENT_SECRET, shareEmployeeCalendars, startGoogleTestBed, type GoogleTestBed } from '../../helpers/google';
import { TaskFixtures } from '../../helpers/tasks';
import { signDevToken } from '../../../src/schema/dev-token';
import { TEST_JWT_SECRET } from '../../helpers/gateway';

const unavailable = browserTestsUnavailable();

/** A free port, so that PUBLIC_URL (Google's redirect target) is the address the browser reaches. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

let bed: GoogleTestBed;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let base: string;
let f: TaskFixtures;
const ids: Record<string, string> = {};

/** The GraphQL operations the page sent, by name, from the moment this is called. */
function recordOperations(p: Page): string[] {
  const names: string[] = [];
  p.on('request', (req) => {
    if (req.url().endsWith('/graphql') && req.method() === 'POST') names.push(String((req.postDataJSON() as { operationName?: string }).operationName));
  });
  return names;
}

async function expectAccessible(name: string): Promise<void> {
  expect(await seriousA11yViolations(page), `${name}: serious or critical accessibility violations`).toEqual([]);
  await screenshots(page, name);
}

// Generous: one browser and the gateway share 2 busy cores with other test files.
describe.skipIf(unavailable !== null)('admin console in Chromium', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    const port = await freePort();
    [bed, browser] = await Promise.all([startGoogleTestBed({ env: { PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` } }), launchChromium()]);
    base = bed.gw.origin;
    f = new TaskFixtures(bed.gw, bed.admin);
    // The tenant's time zone is not the browser's: every day shown must be Bucharest's.
    const tz = await gql(bed.gw.url, 'mutation { updateTenantSettings(input: { timeZone: "Europe/Bucharest" }) { timeZone } }', { token: bed.admin });
    expect(tz.body.errors).toBeUndefined();
    ids.ana = await f.employee('Ana Pop', 'ana@acme.test');
    ids.bob = await f.employee('Bob Ionescu', 'bob@acme.test');
    shareEmployeeCalendars(bed.google, ['ana@acme.test', 'bob@acme.test']);
    ids.acme = await f.partner('Acme Industries');
    ids.other = await f.partner('Globex');
    ids.project = await f.project('Website', ids.acme);
    // The week DST ends in Bucharest (Sunday 2026-10-25, 04:00 EEST → 03:00 EET).
    ids.beforeDst = await f.task({
      title: 'Night shift before DST',
      employeeId: ids.ana,
      partnerId: ids.acme,
      projectId: ids.project,
      startsAt: '2026-10-24T21:30:00Z',
      endsAt: '2026-10-24T23:00:00Z',
    });
    ids.afterDst = await f.task({ title: 'Night shift after DST', employeeId: ids.bob, partnerId: ids.other, startsAt: '2026-10-25T22:30:00Z', endsAt: '2026-10-25T23:30:00Z' });
    ids.allDay = await f.task({ title: 'Audit days', employeeId: ids.ana, partnerId: ids.acme, startDate: '2026-10-27', endDate: '2026-10-28' });
    for (let i = 0; i < 24; i++)
      await f.task({
        title: `Visit ${i + 1}`,
        employeeId: i % 2 ? ids.ana : ids.bob,
        startsAt: `2026-11-${String((i % 20) + 1).padStart(2, '0')}T08:00:00Z`,
        endsAt: `2026-11-${String((i % 20) + 1).padStart(2, '0')}T09:00:00Z`,
      });
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'America/New_York', locale: 'en-US' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('console', (m) => {
      if (m.type() === 'error') console.log('[page]', m.text());
    });
    page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  });
  afterAll(async () => {
    await browser?.close();
    await bed?.stop();
  });

  it('a user token sees no admin screens, and the API refuses them anyway', async () => {
    const user = await bed.gw.token('acme', ['user'], 'user-1');
    await page.goto(`${base}/setup#token=${user}`);
    const nav = page.getByRole('navigation', { name: 'Screens' });
    await expect.poll(() => nav.getByRole('link').allTextContents()).toEqual(['Task calendar', 'Printers']);
    // /setup is not shown to a user: the console falls back to the calendar.
    await page.getByRole('heading', { name: 'Task calendar' }).waitFor();
    expect(page.url()).not.toContain('token=');
    expect(await page.evaluate("sessionStorage.getItem('console.token')")).toBe(user);
    const refused = await gql(bed.gw.url, '{ googleConnection { status } }', { token: user });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAccessible('sign-in');
  });

  it('Google setup: credentials → consent in a popup → "Authorized" shown without a reload', async () => {
    await page.goto(`${base}/setup#token=${bed.admin}`);
    await page.getByRole('heading', { name: 'Setup Google Apps' }).waitFor();
    await page.evaluate("window.marker = 'same page'");
    // The seed's order and words.
    const labels = await page.locator('form.form label').allTextContents();
    expect(labels).toEqual(['Client ID', 'Client Secret', 'Authorization code']);
    await expect.poll(() => page.getByTestId('google-status').getAttribute('data-status')).toBe('UNCONFIGURED');
    const request = page.getByRole('button', { name: 'Request authorization code' });
    await page.getByLabel('Client ID').fill(CLIENT_ID);
    expect(await request.count()).toBe(0); // appears once both are filled
    await page.getByLabel('Client Secret').fill(CLIENT_SECRET);
    await expectAccessible('google-setup');

    const [popup] = await Promise.all([context.waitForEvent('page'), request.click()]);
    // The emulator's consent approves and sends the popup to the gateway's callback.
    await popup.getByRole('heading', { name: 'Google is connected' }).waitFor();
    await expect.poll(() => page.getByTestId('google-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('AUTHORIZED');
    await popup.close();
    expect(await page.evaluate('window.marker')).toBe('same page');
    await expect.poll(() => page.locator('.scopes code').allTextContents()).toContain('https://www.googleapis.com/auth/calendar.events');
    expect(await page.getByRole('button', { name: 'Authorize and reset client + server cache' }).isVisible()).toBe(true);

    // "Reset caches": the cacheReset event comes back and the console drops its cache and refetches.
    const ops = recordOperations(page);
    await page.getByRole('button', { name: 'Reset caches' }).click();
    await page.getByText('Caches were reset; the screen was refreshed.').waitFor();
    await expect.poll(() => ops).toEqual(expect.arrayContaining(['ConsoleResetCaches', 'ConsoleShell', 'ConsoleGoogleSetup']));
    expect(await page.evaluate('window.marker')).toBe('same page');
  });

  it('Synchronize: one card per enabled module; the progress bar moves live and reaches 100 %', async () => {
    const ops = recordOperations(page);
    await page.getByRole('link', { name: 'Synchronization' }).click();
    await page.getByRole('heading', { name: 'Tasks → Google Calendar' }).waitFor();
    // Every module of the registry with a sync job (the test gateway enables them all), from the one query of the screen.
    expect(await page.locator('article.card h2').allTextContents()).toEqual(['Tasks → Google Calendar', 'Contacts → Google Shared Contacts', 'Printers ← print servers and Google Workspace']);
    expect(ops.filter((o) => o !== 'ConsoleShell')).toEqual(['ConsoleSyncScreen']);
    // Printers are imported: no "Full resync" there.
    expect(await page.locator('article[data-module=PRINTERS]').getByRole('button', { name: 'Full resync' }).count()).toBe(0);
    const card = page.locator('article[data-module=TASKS]');
    // Every value the bar takes, as the page renders it (in the page: the tests' tsconfig has no DOM types).
    await page.evaluate(`
      window.seen = [];
      new MutationObserver(() => {
        const bar = document.querySelector('article[data-module=TASKS] [role=progressbar]');
        const v = bar && bar.getAttribute('data-status') + ':' + bar.getAttribute('aria-valuenow');
        if (v && window.seen[window.seen.length - 1] !== v) window.seen.push(v);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    `);
    await card.getByRole('button', { name: 'Synchronize', exact: true }).click();
    const bar = card.getByRole('progressbar', { name: 'Progress of Tasks → Google Calendar' });
    await expect.poll(() => bar.getAttribute('data-status'), { timeout: 20_000 }).toBe('SUCCEEDED');
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    const seen = (await page.evaluate('window.seen')) as string[];
    expect(seen[0]).not.toBe('SUCCEEDED:100');
    expect(seen.at(-1)).toBe('SUCCEEDED:100');
    await expect.poll(() => card.locator('p', { hasText: '27 of 27' }).count()).toBeGreaterThan(0);
    // The history row arrives after the final event, without a reload.
    await expect.poll(() => card.locator('tbody tr').first().textContent()).toContain('Succeeded');
    await expectAccessible('synchronization');
  });

  it('the schedule form: the API refuses a bad cron on the field; a good one shows its next run', async () => {
    const card = page.locator('article[data-module=CONTACTS]');
    const cron = card.getByLabel('Cron');
    await cron.fill('*/5 * * *');
    await card.getByRole('button', { name: 'Save schedule' }).click();
    const cronError = card.locator('.field.invalid', { has: page.getByLabel('Cron') }).getByRole('alert');
    await expect.poll(() => cronError.textContent()).toBe('cron must have 5 fields (or 6 with seconds), e.g. "0 */2 * * *"');
    expect(await cron.getAttribute('aria-invalid')).toBe('true');

    await cron.fill('30 2 * * *');
    await card.getByLabel('Time zone').fill('Europe/Bucharest');
    await card.getByRole('button', { name: 'Save schedule' }).click();
    // The next run is 02:30 in Bucharest, shown in the tenant's time zone (Bucharest too).
    const summary = card.getByTestId('schedule-CONTACTS');
    await expect.poll(() => summary.textContent()).toMatch(/^30 2 \* \* \* \(Europe\/Bucharest\) · Next run: .*02:30$/);
    expect(await card.locator('.field.invalid').count()).toBe(0);
    const saved = await gql<{ syncSchedules: { module: string; cron: string; nextRunAt: string }[] }>(bed.gw.url, '{ syncSchedules { module cron nextRunAt } }', { token: bed.admin });
    expect(saved.body.data!.syncSchedules).toEqual([expect.objectContaining({ module: 'CONTACTS', cron: '30 2 * * *' })]);
    // Only that card has a schedule.
    expect(await page.getByTestId('schedule-TASKS').textContent()).toBe('Not scheduled.');
    await card.getByRole('button', { name: 'Remove schedule' }).click();
    await expect.poll(() => summary.textContent()).toBe('Not scheduled.');
  });

  it('Task calendar: seeded tasks on the right local days of a DST week; filters narrow them', async () => {
    const ops = recordOperations(page);
    await page.goto(`${base}/calendar?date=2026-10-25#token=${bed.admin}`);
    await page.getByRole('heading', { name: 'Task calendar' }).waitFor();
    const day = (d: string) => page.locator(`.fc-daygrid-day[data-date="${d}"]`);
    await day('2026-10-25').getByText('Night shift before DST').waitFor();
    await day('2026-10-26').getByText('Night shift after DST').waitFor();
    await day('2026-10-27').getByText('Audit days').waitFor();
    expect(await day('2026-10-24').getByText('Night shift').count()).toBe(0);
    // One query for the screen's data: no waterfall.
    expect(ops.filter((o) => o !== 'ConsoleShell')).toEqual(['ConsoleCalendar']);
    const total = page.getByTestId('task-total');
    // The month grid (Monday 2026-09-28 to Sunday 2026-11-08): the 3 of the DST week and the 12 visits of 1–8 November.
    expect(await total.textContent()).toBe('15 tasks');
    await expectAccessible('task-calendar-month');

    await page.locator('details[data-filter=partners] summary').click();
    await page.getByLabel('Partners: Search…').fill('acm');
    await page.getByLabel('Acme Industries').check();
    await expect.poll(() => total.textContent()).toBe('2 tasks');
    expect(await day('2026-10-26').getByText('Night shift after DST').count()).toBe(0);
    await page.getByLabel('Acme Industries').uncheck();
    await expect.poll(() => total.textContent()).toBe('15 tasks');

    await page.getByRole('button', { name: 'Week' }).click();
    await page.locator('.fc-timegrid').getByText('Night shift before DST').waitFor();
    await page.getByRole('button', { name: 'Grouped' }).click();
    await page.getByRole('region', { name: 'Ana Pop' }).waitFor();
    await expectAccessible('task-calendar-grouped');
  });

  it('a task: detail, and the API’s validation message on the field it names', async () => {
    await page.getByRole('button', { name: 'Month' }).click();
    await page.getByText('Night shift after DST').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Bob Ionescu').waitFor();
    await dialog.getByRole('button', { name: 'Edit task' }).click();
    await dialog.getByLabel('Ends').fill('2026-10-26T00:00');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const endsError = dialog.locator('.field.invalid', { has: page.getByLabel('Ends') }).getByRole('alert');
    await expect.poll(() => endsError.textContent()).toBe('endsAt must be after startsAt');
    await dialog.getByLabel('Title').fill('Night shift after DST (moved)');
    await dialog.getByLabel('Ends').fill('2026-10-26T02:00');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.locator('.fc-daygrid-day[data-date="2026-10-26"]').getByText('Night shift after DST (moved)').waitFor();
  });

  it('Directory lists employees, partners and projects', async () => {
    await page.getByRole('link', { name: 'Directory' }).click();
    await page.getByRole('row').filter({ hasText: 'Ana Pop' }).getByRole('cell', { name: 'ana@acme.test' }).first().waitFor();
    await page.getByRole('cell', { name: 'Globex' }).waitFor();
    await page.getByRole('cell', { name: 'Website' }).waitFor();
    await expectAccessible('directory');
  });

  it('switches to Romanian, with dates in the tenant’s time zone', async () => {
    await page.getByLabel('Language').selectOption('ro');
    await page.getByRole('heading', { name: 'Nomenclatoare' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Screens' }).getByRole('link').allTextContents()).toEqual([
      'Configurare Google',
      'Sincronizare',
      'Calendar sarcini',
      'Nomenclatoare',
      'Contacte',
      'Imprimante',
    ]);
    expect(await page.evaluate('document.documentElement.lang')).toBe('ro');
    await page.getByRole('link', { name: 'Configurare Google' }).click();
    await page.getByRole('button', { name: 'Autorizare și resetare cache client + server' }).waitFor();
    expect(await page.getByText('Fus orar: Europe/Bucharest').count()).toBe(1);
    await page.getByLabel('Limba').selectOption('en');
    await page.getByRole('heading', { name: 'Setup Google Apps' }).waitFor();
  });

  it('an expired token sends the person back to sign in', async () => {
    const short = await signDevToken(TEST_JWT_SECRET, { tenant: 'acme', roles: ['admin'], sub: 'admin-short', ttlSeconds: 3 });
    await page.goto(`${base}/sync#token=${short}`);
    await page.getByRole('heading', { name: 'Synchronization' }).waitFor();
    await page.getByText('Your session has expired. Sign in again.').waitFor({ timeout: 10_000 });
    expect(await page.evaluate("sessionStorage.getItem('console.token')")).toBeNull();
  });
});
