import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const DIST = path.resolve('web/dist');
const built = existsSync(path.join(DIST, 'index.html'));
if (!built && process.env.CI === 'true') throw new Error('the console is not built (npm ci builds it): the budget must be checked under CI');
if (!built) console.warn('skipping the console budget: web/dist is not built (npm run build:web)');

/** The JavaScript a first visit downloads: index.html's module scripts and their modulepreloads. */
function initialScripts(): string[] {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  return [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g)].map((m) => m[1]);
}

const gzipKb = (file: string) => gzipSync(readFileSync(path.join(DIST, file)), { level: 9 }).length / 1024;

describe.skipIf(!built)('console budget (from the build in web/dist)', () => {
  it('initial JavaScript is at most 250 KB gzipped', () => {
    const initial = initialScripts();
    expect(initial.length).toBeGreaterThan(0);
    const total = initial.reduce((sum, f) => sum + gzipKb(f), 0);
    console.log(`initial JavaScript: ${initial.join(', ')} = ${total.toFixed(1)} KB gzip`);
    expect(total).toBeLessThanOrEqual(250);
  });

  it('the calendar (FullCalendar) is a chunk of its own, loaded when its screen opens', () => {
    const initial = new Set(initialScripts());
    const chunks = readdirSync(path.join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
    const calendar = chunks.filter((f) => readFileSync(path.join(DIST, 'assets', f), 'utf8').includes('fc-daygrid'));
    expect(calendar.length).toBeGreaterThan(0);
    for (const f of calendar) expect(initial.has(`assets/${f}`), f).toBe(false);
  });
});
