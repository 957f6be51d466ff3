// Benchmarks of meetings, minutes and assignments, measured in Chromium against the built web host
// on a stored workspace of 20,000 assignments and one meeting whose minutes run to ~50 pages.
// Prints one JSON line per figure: {"name","value","unit"}.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, startWeb } from '../tests/support/web-host';
import { browserBundle, median, report, runMain } from './support';

const ASSIGNMENTS = Number(process.env.BENCH_ASSIGNMENTS ?? 20_000);

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? -1;

/** Runs `action` in the page; ms until the frame after `done` (a JS expression) turns true. */
async function timeToRepaint(page: Page, action: string, done: string): Promise<number> {
  return page.evaluate(async ({ code, until }) => {
    const check = new Function(`return (${until});`) as () => boolean;
    const t0 = performance.now();
    new Function(code)();
    for (;;) {
      await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      if (check()) break;
      if (performance.now() - t0 > 30_000) throw new Error(`timed out waiting for ${until}`);
    }
    return performance.now() - t0;
  }, { code: action, until: done });
}

async function seedBundle(): Promise<string> {
  return browserBundle('seed-meetings.browser.ts');
}

async function main() {
  const web = await startWeb();
  const profile = await mkdtemp(join(tmpdir(), 'hattama-bench-meetings-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1440, height: 900 }, bypassCSP: true });
  let context = await launch();
  try {
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(web.url);
    await page.getByTestId('empty-register').waitFor();
    await page.addScriptTag({ content: await seedBundle() });
    const seeded = await page.evaluate((n) => window.__seedMeetings(n), ASSIGNMENTS);
    console.error(`seeded ${seeded.assignments} assignments; minutes of ${seeded.words} words`);
    await context.close();

    // The control table: 20,000 assignments, from typing a filter to the repainted count.
    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${web.url}#/assignments`);
    const COUNT = `document.querySelector('[data-testid=assignments-count]')?.textContent ?? ''`;
    await page.waitForFunction((n) => (document.querySelector('[data-testid=assignments-count]')?.textContent ?? '').replace(/\D/g, '').includes(String(n)), ASSIGNMENTS, { timeout: 120_000 });
    await page.waitForTimeout(500);
    const setSearch = (q: string) => `
      const input = document.querySelector('[data-testid=assignments-search]');
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      setter.call(input, ${JSON.stringify(q)});
      input.dispatchEvent(new Event('input', { bubbles: true }));`;
    const filterTimes: number[] = [];
    for (const q of ['обеспечить', 'газ', 'проработать завод', 'тапсырма', 'экспорт логистика']) {
      const before = await page.evaluate(COUNT);
      filterTimes.push(await timeToRepaint(page, setSearch(q), `${COUNT} !== ${JSON.stringify(before)}`));
      const filtered = await page.evaluate(COUNT);
      filterTimes.push(await timeToRepaint(page, setSearch(''), `${COUNT} !== ${JSON.stringify(filtered)}`));
    }
    report('assignments.table_20k_ms', median(filterTimes), 'ms');
    report('assignments.table_20k_max_ms', Math.max(...filterTimes), 'ms');

    // Opening the 50-page minutes from stored Yjs state, on a fresh page (bundle included): from
    // navigation to `hattama:minutes-editable` — the document drawn, the editors of the parts on
    // screen and of one screen below it on the page with their text, every other part's text drawn
    // read-only — and to `hattama:minutes-all-editable`, every part's editor made (in idle moments).
    const mark = (name: string) => page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? -1, name);
    const waitMark = (name: string) => page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: 60_000 });
    const openTimes: number[] = [];
    const allTimes: number[] = [];
    for (let k = 0; k < 3; k++) {
      await page.goto('about:blank');
      await page.goto(`${web.url}#/meetings/${seeded.bigMeetingId}/minutes`);
      await waitMark('hattama:minutes-editable');
      await waitMark('hattama:minutes-all-editable');
      openTimes.push(await mark('hattama:minutes-editable'));
      allTimes.push(await mark('hattama:minutes-all-editable'));
    }
    report('minutes.open_50p_ms', median(openTimes), 'ms');
    report('minutes.open_50p_all_ms', median(allTimes), 'ms');

    // Typing into the minutes, right after opening (the other parts' editors are still being made):
    // the 20th part scrolled to (its editor is made as it nears the screen) and clicked; keydown to
    // the next frame after the change.
    await page.goto('about:blank');
    await page.goto(`${web.url}#/meetings/${seeded.bigMeetingId}/minutes`);
    await waitMark('hattama:minutes-editable');
    // (In the page, at once: the part's drawn text may give way to its editor while Playwright waits for it to settle.)
    await page.evaluate(() => document.querySelectorAll('[data-testid=minutes-paper] .minutes-part')[20]?.scrollIntoView({ block: 'center' }));
    const editor = page.locator('[data-testid=minutes-paper] .minutes-part-wrap').nth(20).locator('.ProseMirror[contenteditable=true]');
    await editor.waitFor({ timeout: 10_000 });
    await editor.click();
    await page.keyboard.press('End');
    await page.evaluate(() => {
      const w = window as unknown as { __keyTimes: number[] };
      w.__keyTimes = [];
      document.addEventListener('keydown', () => {
        const t0 = performance.now();
        requestAnimationFrame(() => setTimeout(() => w.__keyTimes.push(performance.now() - t0), 0));
      }, true);
    });
    await page.keyboard.type('Решение принято единогласно, инвестору оказать содействие в оформлении земельного участка. ', { delay: 40 });
    await page.waitForTimeout(500);
    const keyTimes = await page.evaluate(() => (window as unknown as { __keyTimes: number[] }).__keyTimes.slice(5));
    report('minutes.keystroke_p50_ms', median(keyTimes), 'ms');
    report('minutes.keystroke_p95_ms', percentile(keyTimes, 0.95), 'ms');
  } finally {
    await context.close();
    await web.stop();
    await rm(profile, { recursive: true, force: true });
  }
}

runMain(main);
