import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../../helpers/client';
import { browserTestsUnavailable, launchChromium, screenshots, seriousA11yViolations } from '../../helpers/browser';
import { ContactFixtures } from '../../helpers/contacts';
import { cupsAvailable, startTestCups, STANDARD_QUEUES, type TestCups } from '../../helpers/cups';
import { connectGoogle, startGoogleTestBed, type GoogleTestBed } from '../../helpers/google';
import { addPrintServer, syncPrinters, tinyPdf } from '../../helpers/printers';

const unavailable = browserTestsUnavailable();
const withCups = cupsAvailable();
const DOMAIN = 'example.com';

let bed: GoogleTestBed;
let cups: TestCups | null = null;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** The GraphQL operations the page sent, by name, from the moment this is called. */
function recordOperations(p: Page): string[] {
  const names: string[] = [];
  p.on('request', (req) => {
    if (req.url().endsWith('/graphql') && req.method() === 'POST' && req.headers()['content-type']?.includes('json'))
      names.push(String((req.postDataJSON() as { operationName?: string }).operationName));
  });
  return names;
}

async function expectAccessible(name: string): Promise<void> {
  expect(await seriousA11yViolations(page), `${name}: serious or critical accessibility violations`).toEqual([]);
  await screenshots(page, name);
  // Nothing wider than a phone: the page never scrolls sideways at 390 px (tables scroll within themselves).
  const original = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate('document.documentElement.scrollWidth'), `${name}: page width on a phone`).toBeLessThanOrEqual(390);
  if (original) await page.setViewportSize(original);
}

// The Contacts and Printers screens, against the Google emulator (shared contacts) and a private CUPS.
describe.skipIf(unavailable !== null)('Contacts and Printers screens in Chromium', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    [bed, browser, cups] = await Promise.all([
      startGoogleTestBed({ env: { PRINT_JOB_POLL_MS: '100', IPP_TIMEOUT_MS: '3000' } }),
      launchChromium(),
      withCups ? startTestCups([...STANDARD_QUEUES, { name: 'held', info: 'Held queue' }]) : Promise.resolve(null),
    ]);
    await connectGoogle(bed);
    const f = new ContactFixtures(bed.gw.url, bed.admin);
    await f.settings({ target: 'DOMAIN_SHARED', domain: DOMAIN });
    await f.create({ givenName: 'Ana', familyName: 'Pop', company: 'Acme', emails: [{ address: 'ana@acme.test' }], phoneNumbers: [{ number: '0712 345 678', type: 'MOBILE' }] });
    await f.create({ givenName: 'Bogdan', familyName: 'Ionescu', company: 'Globex', emails: [{ address: 'bogdan@globex.test' }] });
    await f.create({ company: 'Initech', emails: [{ address: 'office@initech.test' }] });
    if (cups) {
      await cups.admin('lpadmin', ['-p', 'held', '-o', 'job-hold-until-default=indefinite']);
      await addPrintServer(bed.gw.url, bed.admin, cups.url, 'Office CUPS');
      expect(await syncPrinters(bed.gw.url, bed.admin)).toMatchObject({ status: 'SUCCEEDED' });
    }
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'Europe/Bucharest', locale: 'en-GB' });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await bed?.stop();
    await cups?.stop();
  });

  it('Contacts: the list and search, an edit with the API’s message on its field, and "Synchronize" to Google live', async () => {
    const ops = recordOperations(page);
    await page.goto(`${bed.gw.origin}/contacts#token=${bed.admin}`);
    await page.getByRole('heading', { name: 'Google Shared Contacts' }).waitFor();
    const rows = page.locator('tbody tr[data-contact]');
    await expect.poll(() => rows.count()).toBe(3);
    expect(ops.filter((o) => o !== 'ConsoleShell')).toEqual(['ConsoleContacts']);
    // The Status section: where contacts go.
    const status = page.getByRole('region', { name: 'Status' });
    expect(await status.getByTestId('contacts-target').textContent()).toContain(`Shared contacts of the Workspace domain · ${DOMAIN}`);
    expect(await rows.locator('[data-sync=pending]').count()).toBe(3);
    await expectAccessible('contacts');

    await page.getByLabel('Search').fill('globex');
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining('Bogdan Ionescu')]);
    await page.getByLabel('Search').fill('');
    await expect.poll(() => rows.count()).toBe(3);

    await page.getByRole('button', { name: 'Edit Ana Pop' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Email').fill('not-an-email');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const emailError = dialog.locator('.field.invalid', { has: page.getByLabel('Email') }).getByRole('alert');
    await expect.poll(() => emailError.textContent()).toBe('emails[0].address is not an email address');
    await dialog.getByLabel('Email').fill('ana.pop@acme.test');
    await dialog.getByLabel('Company').fill('Acme Industries');
    await dialog.getByRole('button', { name: 'Save' }).click();
    const ana = rows.filter({ hasText: 'Ana Pop' });
    await expect.poll(() => ana.textContent()).toContain('ana.pop@acme.test');
    expect(await ana.textContent()).toContain('Acme Industries');
    // The phone number kept its type and shows in E.164 (the tenant's default country, RO).
    expect(await ana.textContent()).toContain('+40712345678');

    await status.getByRole('button', { name: 'Synchronize Google Shared Contacts' }).click();
    const bar = status.getByRole('progressbar', { name: 'Progress of Google Shared Contacts' });
    await expect.poll(() => bar.getAttribute('data-status'), { timeout: 20_000 }).toBe('SUCCEEDED');
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    // The list is read again once the run ends: every contact is in Google now.
    await expect.poll(() => rows.locator('[data-sync=synced]').count(), { timeout: 10_000 }).toBe(3);
    const inGoogle = bed.google.sharedContacts
      .contacts(DOMAIN)
      .filter((c) => c.extendedProperties.erpTenant === 'acme')
      .map((c) => c.fullName)
      .sort();
    expect(inGoogle).toEqual(['Ana Pop', 'Bogdan Ionescu', 'Initech']);
    await expectAccessible('contacts-synced');
  });

  it.skipIf(!withCups)('Printers: live state, "Print a file" (multipart upload) and its job followed live to its end', async () => {
    const ops = recordOperations(page);
    await page.getByRole('link', { name: 'Printers' }).click();
    await page.getByRole('heading', { name: 'Printers', level: 1 }).waitFor();
    const row = (name: string) => page.locator('tr[data-printer]', { hasText: name });
    await row('Office laser').waitFor();
    expect(ops.filter((o) => o !== 'ConsoleShell')).toEqual(['ConsolePrinters']);
    expect(await row('Office laser').locator('[data-state]').getAttribute('data-state')).toBe('IDLE');
    expect(await row('Paused queue').locator('[data-state]').getAttribute('data-state')).toBe('STOPPED');
    // "Check now" reads the printer over IPP.
    await page.getByRole('button', { name: 'Check Paused queue now' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Check Paused queue now' }).textContent()).toBe('Check now');
    expect(await page.locator('.error[role=alert]').count()).toBe(0);
    expect(await row('Paused queue').locator('td').nth(4).textContent()).not.toBe('—');
    await expectAccessible('printers');

    // A held job: HELD, then released at CUPS: the page follows it to "Printed" without a reload.
    await page.getByRole('button', { name: 'Print on Held queue' }).click();
    const form = page.getByRole('region', { name: 'Print a file' });
    expect(await form.getByLabel('Printer').inputValue()).toBe(await row('Held queue').getAttribute('data-printer'));
    await form.getByLabel('File').setInputFiles({ name: 'held.pdf', mimeType: 'application/pdf', buffer: tinyPdf('held in the console') });
    await form.getByRole('button', { name: 'Print', exact: true }).click();
    const progress = page.getByRole('progressbar', { name: 'Job progress' });
    await expect.poll(() => progress.getAttribute('data-state')).toBe('HELD');
    await page.evaluate(`
      window.jobStates = [];
      new MutationObserver(() => {
        const bar = document.querySelector('[aria-label="Job progress"]');
        const v = bar && bar.getAttribute('data-state');
        if (v && window.jobStates[window.jobStates.length - 1] !== v) window.jobStates.push(v);
      }).observe(document.body, { subtree: true, attributes: true, childList: true });
    `);
    const jobs = await gql<{ printJobs: { edges: { node: { ippJobId: number; documentName: string } }[] } }>(bed.gw.url, '{ printJobs(first: 1) { edges { node { ippJobId documentName } } } }', {
      token: bed.admin,
    });
    const held = jobs.body.data!.printJobs.edges[0]!.node;
    expect(held.documentName).toBe('held.pdf');
    await cups!.admin('lp', ['-i', String(held.ippJobId), '-H', 'resume']);
    await expect.poll(() => progress.getAttribute('data-state'), { timeout: 20_000 }).toBe('COMPLETED');
    expect(await page.evaluate('window.jobStates')).toEqual(expect.arrayContaining(['COMPLETED']));
    expect(await page.locator('tr[data-job]', { hasText: 'held.pdf' }).getAttribute('data-state')).toBe('COMPLETED');

    // A job on a working printer, with a document name of its own.
    await page.getByRole('button', { name: 'Print on Office laser' }).click();
    await form.getByLabel('File').setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: tinyPdf('report') });
    await form.getByLabel('Document name').fill('Monthly report');
    await form.getByRole('button', { name: 'Print', exact: true }).click();
    await expect.poll(() => page.locator('tr[data-job]', { hasText: 'Monthly report' }).getAttribute('data-state'), { timeout: 20_000 }).toBe('COMPLETED');
    await expectAccessible('printers-printed');
  });

  it('a user sees Printers without its admin parts, and no Contacts screen; the API refuses the admin mutations', async () => {
    const user = await bed.gw.token('acme', ['user'], 'clerk-1');
    const userContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'Europe/Bucharest', locale: 'en-GB' });
    const p = await userContext.newPage();
    await p.goto(`${bed.gw.origin}/contacts#token=${user}`);
    await p.getByRole('heading', { name: 'Task calendar' }).waitFor();
    expect(await p.getByRole('navigation', { name: 'Screens' }).getByRole('link').allTextContents()).toEqual(['Task calendar', 'Printers']);
    await p.getByRole('link', { name: 'Printers' }).click();
    await p.getByRole('heading', { name: 'Printers', level: 1 }).waitFor();
    if (withCups) await p.getByRole('region', { name: 'Print a file' }).waitFor();
    expect(await p.getByRole('heading', { name: 'Print servers' }).count()).toBe(0);
    await userContext.close();
    const refused = await gql(bed.gw.url, 'mutation { syncContacts { id } }', { token: user });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noEdit = await gql(bed.gw.url, 'mutation { createContact(input: { company: "X" }) { id } }', { token: user });
    expect(noEdit.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('in Romanian', async () => {
    await page.getByLabel('Language').selectOption('ro');
    await page.getByRole('link', { name: 'Contacte' }).click();
    await page.getByRole('heading', { name: 'Stare' }).waitFor();
    await page.getByRole('button', { name: 'Sincronizează Google Shared Contacts' }).waitFor();
    await page.getByRole('link', { name: 'Imprimante' }).click();
    await page.getByRole('heading', { name: 'Imprimante', level: 1 }).waitFor();
    if (withCups) await page.getByRole('heading', { name: 'Tipărește un fișier' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Limba').selectOption('en');
  });
});
