import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's chromium (apt-get install chromium); no browser is downloaded. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CONSOLE_DIST = path.resolve('web/dist');
export const ARTIFACTS = path.resolve('test-results/console');

/**
 * Why the browser tests cannot run here, or null when they can. Under CI=true a missing browser
 * or console build is a failure, not a skip.
 */
export function browserTestsUnavailable(): string | null {
  const missing = !existsSync(CHROMIUM_PATH)
    ? `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`
    : !existsSync(path.join(CONSOLE_DIST, 'index.html'))
      ? 'the console is not built (npm run build:web)'
      : null;
  if (missing && process.env.CI === 'true') throw new Error(`browser tests must run under CI: ${missing}`);
  if (missing) console.warn(`skipping the console's browser tests: ${missing}`);
  return missing;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Containers run as root without user namespaces; /dev/shm is often tiny.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

export const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Full-page screenshots at 1280×800 and 390×844 into test-results/console (not committed). */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const original = page.viewportSize();
  for (const v of VIEWPORTS) {
    await page.setViewportSize({ width: v.width, height: v.height });
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${v.name}.png`), fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}

/** axe-core's serious and critical violations on the page, as "rule: target" lines. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}
