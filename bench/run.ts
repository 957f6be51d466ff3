// Benchmarks of the register board on 100,000 projects stored on disk, measured in Chromium
// against the built web host. Prints one JSON line per figure: {"name","value","unit"}.
import { existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, startWeb } from '../tests/support/web-host';
import { report, runMain } from './support';

const N = Number(process.env.BENCH_PROJECTS ?? 100_000);
const SEED_SCRIPT = fileURLToPath(new URL('./seed-projects.browser.js', import.meta.url));
const label = N === 100_000 ? '100k' : String(N);

/**
 * Runs `action` in the page and returns the ms until the frame after `done` (a JS expression over
 * the DOM) turns true — the repaint the clerk sees, not just the event.
 */
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

const FIRST_TITLE = `document.querySelector('[data-testid=board-row] td')?.textContent ?? ''`;
const COUNT_TEXT = `document.querySelector('[data-testid=board-count]')?.textContent ?? ''`;

async function main() {
  // BENCH_PROFILE=<dir> keeps the seeded browser profile for the next run (served on a fixed port,
  // so the origin and its IndexedDB are the same): for trying a change without seeding again.
  const kept = process.env.BENCH_PROFILE;
  const web = await startWeb(kept ? 5199 : undefined);
  const profile = kept ?? (await mkdtemp(join(tmpdir(), 'hattama-bench-')));
  const seeded = kept !== undefined && existsSync(join(kept, 'hattama-seeded'));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1440, height: 900 }, bypassCSP: true,
    });
  let context = await launch();
  try {
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(web.url);
    if (!seeded) await page.getByTestId('empty-register').waitFor();
    if (!seeded) {
      await page.addScriptTag({ path: SEED_SCRIPT });
      const seedStart = Date.now();
      await page.evaluate((n) => (window as unknown as { __seedProjects: (n: number) => Promise<number> }).__seedProjects(n), N);
      report(`board.seed_${label}_ms`, Date.now() - seedStart, 'ms');
      if (kept) writeFileSync(join(kept, 'hattama-seeded'), String(N));
    }

    // Close the browser and open the app anew on the stored register, as a clerk starts the day.
    await context.close();
    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(web.url);
    await page.waitForFunction(() => performance.getEntriesByName('hattama:board-first-rows').length > 0, undefined, { timeout: 60_000 });
    const marks = () =>
      page.evaluate(() => ({
        boot: performance.getEntriesByName('hattama:boot')[0]?.startTime ?? -1,
        firstRows: performance.getEntriesByName('hattama:board-first-rows')[0]?.startTime ?? -1,
      }));
    const cold = await marks();
    report(`board.first_rows_cold_${label}_ms`, cold.firstRows, 'ms');
    report('app.boot_cold_ms', cold.boot, 'ms');
    await page.waitForFunction(() => performance.getEntriesByName('hattama:board-all-rows').length > 0, undefined, { timeout: 120_000 });
    const firstOpenAll = await page.evaluate(() => performance.getEntriesByName('hattama:board-all-rows')[0]?.startTime ?? -1);
    report(`board.all_rows_first_open_${label}_ms`, firstOpenAll, 'ms');
    // The board saves a snapshot of its rows at idle after a full read; every later opening starts
    // from it. Wait for it, as a clerk's second day would.
    const hasSnapshot = () =>
      page.evaluate(() => new Promise<boolean>((resolve) => {
        const q = indexedDB.open('hattama');
        q.onsuccess = () => {
          const db = q.result;
          const g = db.transaction('settings').objectStore('settings').get('board.snapshot');
          g.onsuccess = () => { db.close(); resolve(g.result !== undefined); };
          g.onerror = () => { db.close(); resolve(false); };
        };
        q.onerror = () => resolve(false);
      }));
    for (let waited = 0; !(await hasSnapshot()); waited += 1000) {
      if (waited > 120_000) throw new Error('the board saved no snapshot');
      await page.waitForTimeout(1000);
    }

    // The same, with the browser (or the Electron shell) already running: open the app again.
    await page.goto('about:blank');
    await page.goto(web.url);
    await page.waitForFunction(() => performance.getEntriesByName('hattama:board-first-rows').length > 0, undefined, { timeout: 60_000 });
    const warm = await marks();
    if (process.env.BENCH_MARKS) console.error(await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name} ${Math.round(m.startTime)}`).join('\n')));
    report(`board.first_rows_${label}_ms`, warm.firstRows, 'ms');
    report('app.boot_ms', warm.boot, 'ms');
    await page.waitForFunction(() => performance.getEntriesByName('hattama:board-all-rows').length > 0, undefined, { timeout: 120_000 });
    const allRows = await page.evaluate(() => performance.getEntriesByName('hattama:board-all-rows')[0]?.startTime ?? -1);
    report(`board.all_rows_${label}_ms`, allRows, 'ms');
    await page.waitForTimeout(500);

    const sortTimes: number[] = [];
    for (const column of ['title', 'investorName', 'title', 'districtId', 'investorName', 'title', 'stage', 'investorName']) {
      const before = await page.evaluate(FIRST_TITLE);
      sortTimes.push(await timeToRepaint(page, `document.querySelector('[data-testid=sort-${column}]').click()`, `${FIRST_TITLE} !== ${JSON.stringify(before)}`));
    }
    report(`board.sort_${label}_ms`, sortTimes.sort((a, b) => a - b)[Math.floor(sortTimes.length / 2)] ?? -1, 'ms');
    report(`board.sort_${label}_max_ms`, Math.max(...sortTimes), 'ms');

    const setSearch = (q: string) => `
      const input = document.querySelector('[data-testid=board-search]');
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      setter.call(input, ${JSON.stringify(q)});
      input.dispatchEvent(new Event('input', { bubbles: true }));`;
    const filterTimes: number[] = [];
    const clearTimes: number[] = [];
    for (const q of ['пластиковых труб', 'ферросплав', 'blue sky 12', 'цех', 'алға']) {
      const before = await page.evaluate(COUNT_TEXT);
      filterTimes.push(await timeToRepaint(page, setSearch(q), `${COUNT_TEXT} !== ${JSON.stringify(before)}`));
      const filtered = await page.evaluate(COUNT_TEXT);
      clearTimes.push(await timeToRepaint(page, setSearch(''), `${COUNT_TEXT} !== ${JSON.stringify(filtered)}`));
    }
    report(`board.filter_${label}_ms`, filterTimes.sort((a, b) => a - b)[Math.floor(filterTimes.length / 2)] ?? -1, 'ms');
    report(`board.filter_clear_${label}_ms`, clearTimes.sort((a, b) => a - b)[Math.floor(clearTimes.length / 2)] ?? -1, 'ms');

    // A project changed in another tab (its card saved there), to the changed row on this board's
    // screen: the change feed carries it over; nothing re-reads the register.
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('hattama:board-all-rows').length > 0, undefined, { timeout: 120_000 });
    const other = await context.newPage();
    const seq = 777;
    const projectId = `0190${seq.toString(16).padStart(4, '0').slice(-4)}-0000-7000-8000-${seq.toString(16).padStart(12, '0')}`;
    await other.goto(`${web.url}#/projects/${projectId}`);
    // From the write committed in the other tab (its card saved) to the row on this screen; and,
    // apart, from the click on Save, which adds the other tab's own form work.
    const externalTimes: number[] = [];
    const externalFromClick: number[] = [];
    for (let k = 0; k < 5; k++) {
      await other.evaluate((id) => { location.hash = `#/projects/${id}`; }, projectId);
      await other.getByTestId('field-title').waitFor({ timeout: 120_000 });
      const title = `Изменён в другой вкладке ${k + 1}`;
      await other.getByTestId('field-title').fill(title);
      await page.waitForTimeout(300);
      const shown = page.evaluate(async (expected) => {
        for (;;) {
          await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          if ((document.querySelector('[data-testid=board-row] td')?.textContent ?? '') === expected) return performance.timeOrigin + performance.now();
        }
      }, title);
      await page.waitForTimeout(50);
      const clicked = await other.evaluate(() => {
        const t0 = performance.timeOrigin + performance.now();
        (document.querySelector('[data-testid=save-project]') as HTMLButtonElement).click();
        return t0;
      });
      const onScreen = await shown;
      const committed = await other.evaluate(() => {
        const m = performance.getEntriesByName('hattama:card-saved').at(-1);
        return m ? performance.timeOrigin + m.startTime : Number.NaN;
      });
      externalTimes.push(onScreen - committed);
      externalFromClick.push(onScreen - clicked);
      await other.getByTestId('project-drawer').waitFor({ state: 'hidden' }).catch(() => undefined);
    }
    await other.close();
    report(`board.external_change_${label}_ms`, externalTimes.sort((a, b) => a - b)[Math.floor(externalTimes.length / 2)] ?? -1, 'ms');
    report(`board.external_change_${label}_max_ms`, Math.max(...externalTimes), 'ms');
    report(`board.external_change_from_click_${label}_ms`, externalFromClick.sort((a, b) => a - b)[Math.floor(externalFromClick.length / 2)] ?? -1, 'ms');

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    report(`board.heap_${label}_mb`, heap.usedSize / 1024 / 1024, 'MB');
  } finally {
    await context.close();
    await web.stop();
    if (!kept) await rm(profile, { recursive: true, force: true });
  }
}

runMain(main);
