// A large register opened anew, in the browser host: the first rows at once, the count saying the
// rest is loading (with nothing spinning meanwhile), then every row; and the next opening from the
// board's saved snapshot. The register is written straight into IndexedDB by the benchmark's seed
// script, in the shape the repository stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startWeb } from '../support/web-host';

const N = 30_000;
const SEED_SCRIPT = fileURLToPath(new URL('../../bench/seed-projects.browser.js', import.meta.url));

let web: Awaited<ReturnType<typeof startWeb>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  web = await startWeb();
  browser = await launchChromium();
  // bypassCSP: the seed script is added to the page inline.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true, locale: 'ru-RU' });
  page = await context.newPage();
  await page.goto(web.url);
  await page.getByTestId('empty-register').waitFor();
  await page.addScriptTag({ path: SEED_SCRIPT });
  await page.evaluate((n) => (window as unknown as { __seedProjects: (n: number) => Promise<number> }).__seedProjects(n), N);
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

/** The board count's text with the digits' thin spaces as plain ones. */
const plain = (t: string) => t.replace(/[\u00a0\u202f]/g, ' ');

describe('a large register', () => {
  it('opens with its first rows, says the rest is loading with nothing spinning, then shows every row', async () => {
    await page.reload();
    // Watched from inside the page, frame by frame, so the seconds of the partial board are not
    // missed (the check of support/animations.ts, made in the same frame as the text is read).
    const partial = await page.evaluate(async () => {
      const t0 = performance.now();
      for (;;) {
        const text = document.querySelector('[data-testid=board-count]')?.textContent ?? '';
        if (text.startsWith('Загрузка реестра')) {
          const spinning = document.getAnimations().filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations === Infinity).length;
          return { text, rows: document.querySelectorAll('[data-testid=board-row]').length, spinning };
        }
        if (performance.now() - t0 > 60_000) return null;
        await new Promise((r) => requestAnimationFrame(r));
      }
    });
    expect(partial).not.toBeNull();
    expect(plain(partial!.text)).toMatch(/^Загрузка реестра: показаны первые [\d ]+( из 30 000)?…$/);
    expect(partial!.rows).toBeGreaterThan(0);
    expect(partial!.spinning).toBe(0);
    await expect.poll(async () => plain(await page.getByTestId('board-count').innerText()), { timeout: 60_000 }).toBe('Показано 30 000 из 30 000');
  });

  it('opened again, reads the saved snapshot and shows every row', async () => {
    // The snapshot is taken at idle after the full read.
    await expect.poll(() => page.evaluate(() => new Promise<boolean>((resolve) => {
      const r = indexedDB.open('hattama');
      r.onsuccess = () => {
        const q = r.result.transaction('settings').objectStore('settings').get('board.snapshot');
        q.onsuccess = () => {
          resolve(q.result !== undefined);
          r.result.close();
        };
      };
    })), { timeout: 30_000 }).toBe(true);
    await page.reload();
    await expect.poll(async () => plain(await page.getByTestId('board-count').innerText()), { timeout: 60_000 }).toBe('Показано 30 000 из 30 000');
    await page.getByTestId('board-row').first().waitFor();
  });
});
