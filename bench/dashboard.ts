// Benchmarks of the dashboard. Prints one JSON line per figure: {"name","value","unit"}.
// - dashboard.aggregate_100k_ms: every aggregation of the dashboard (all charts, a filtered view,
//   the zone view) over 100,000 projects and 50,000 assignments already in memory (Node), median.
// - dashboard.render_ms: the dashboard opened in Chromium on that data stored in IndexedDB, from
//   navigation to every chart painted (median of 3 openings; the dashboard's snapshots saved, as
//   on a clerk's usual day); dashboard.render_first_open_ms: the first opening, before any snapshot.
// Run: npx vite build && npx tsx bench/dashboard.ts   (BENCH_PROJECTS / BENCH_ASSIGNMENTS to change the size)
import { existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, startWeb } from '../tests/support/web-host';
import { aggregateDashboard, toProjectColumns, zoneView } from '../shared/dashboard/aggregate';
import { BENCH_TODAY, makeFacts } from './dashboard-data';
import { browserBundle, median, report, runMain, waitForQuiet } from './support';

const PROJECTS = Number(process.env.BENCH_PROJECTS ?? 100_000);
const ASSIGNMENTS = Number(process.env.BENCH_ASSIGNMENTS ?? 50_000);

function aggregateBench() {
  const facts = makeFacts(PROJECTS, ASSIGNMENTS);
  // The projects as the dashboard holds them in memory: columns.
  const { assignments, stats } = facts;
  const projects = toProjectColumns(facts.projects);
  const all = () => {
    const input = { projects, assignments, stats, regionId: 'aktobe', today: BENCH_TODAY };
    aggregateDashboard(input);
    aggregateDashboard({ ...input, filters: { districts: ['aktobe-alga', 'aktobe-khromtau'], sectors: ['C'], fromYear: 2025, toYear: 2026 } });
    zoneView({ projects, assignments, zoneId: 'sez-aktobe', today: BENCH_TODAY });
  };
  for (let i = 0; i < 5; i++) all();
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    all();
    times.push(performance.now() - t0);
  }
  console.error(`aggregate runs: min ${Math.min(...times).toFixed(1)} ms, median ${median(times).toFixed(1)} ms`);
  report('dashboard.aggregate_100k_ms', median(times), 'ms');
}

async function seedBundle(): Promise<string> {
  return browserBundle('seed-dashboard.browser.ts');
}

/** True once every chart card shows its drawing (bars or a line) or its empty state. */
const ALL_PAINTED = `(() => {
  const cards = [...document.querySelectorAll('section[data-testid^="chart-"]')];
  return cards.length >= 11 && cards.every((c) => c.querySelector('[data-testid$="-empty"]') || c.querySelector('.recharts-bar-rectangle, .recharts-line-curve'));
})()`;

/** True once the dashboard's facts and the control rows' snapshots are stored (a string: run as is in the page). */
const SNAPSHOTS_SAVED = `(async () => {
  const req = indexedDB.open('hattama');
  const db = await new Promise((res, rej) => { req.onsuccess = () => res(req.result); req.onerror = () => rej(req.error); });
  const get = (key) => new Promise((res) => { const r = db.transaction('settings').objectStore('settings').get(key); r.onsuccess = () => res(r.result); r.onerror = () => res(undefined); });
  const got = [await get('dashboard.facts'), await get('control.snapshot')];
  db.close();
  return got.every((g) => g !== undefined);
})()`;

async function openDashboard(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(`${url}#/dashboard`);
  await page.waitForFunction(ALL_PAINTED, undefined, { timeout: 120_000, polling: 'raf' });
  const at = await page.evaluate(() => performance.now());
  const marks = await page.evaluate(() => ['hattama:boot', 'hattama:store-load', 'hattama:store-first-page', 'hattama:control-rows-read', 'hattama:dashboard-facts-read', 'hattama:dashboard-control-rows', 'hattama:dashboard-projects', 'hattama:dashboard-aggregated', 'hattama:dashboard-painted'].map((n) => `${n.slice(8)} ${Math.round(performance.getEntriesByName(n)[0]?.startTime ?? -1)}`).join(', '));
  console.error(`  painted at ${Math.round(at)} ms (${marks})`);
  return at;
}

async function renderBench() {
  // BENCH_PROFILE=<dir> keeps the seeded browser profile for the next run (a fixed port keeps the origin).
  const kept = process.env.BENCH_PROFILE;
  const web = await startWeb(kept ? Number(process.env.BENCH_PORT ?? 5198) : undefined);
  const profile = kept ?? (await mkdtemp(join(tmpdir(), 'hattama-bench-dashboard-')));
  const seededBefore = kept !== undefined && existsSync(join(kept, 'hattama-seeded'));
  const launch = () =>
    chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1440, height: 900 }, bypassCSP: true });
  let context = await launch();
  try {
    let page = context.pages()[0] ?? (await context.newPage());
    if (!seededBefore) {
      await page.goto(web.url);
      await page.getByTestId('empty-register').waitFor();
      await page.addScriptTag({ content: await seedBundle() });
      const seeded = await page.evaluate(([p, a]) => window.__seedDashboard(p ?? 0, a ?? 0), [PROJECTS, ASSIGNMENTS]);
      console.error(`seeded ${seeded.projects} projects and ${seeded.assignments} assignments`);
      if (kept) writeFileSync(join(kept, 'hattama-seeded'), '1');
    }
    await context.close();

    // A fresh browser on the stored data, once it has settled: the first opening reads the register in full.
    context = await launch();
    console.error(`waited ${Math.round((await waitForQuiet()) / 1000)} s for the machine to be quiet`);
    page = context.pages()[0] ?? (await context.newPage());
    report('dashboard.render_first_open_ms', await openDashboard(page, web.url), 'ms');
    // The snapshots of the register and of the control rows are saved a few seconds after they are read, at idle.
    // (Polled by hand: waitForFunction takes the check's promise itself for a truthy answer.)
    for (const until = Date.now() + 60_000; !(await page.evaluate(SNAPSHOTS_SAVED)); ) {
      if (Date.now() > until) throw new Error('the dashboard did not save its snapshots within 60 s');
      await page.waitForTimeout(500);
    }
    // On a clerk's usual day: the snapshots saved, the browser's database settled.
    console.error(`waited ${Math.round((await waitForQuiet()) / 1000)} s for the machine to be quiet`);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) times.push(await openDashboard(page, web.url));
    console.error(`openings: ${times.map((t) => Math.round(t)).join(', ')} ms`);
    report('dashboard.render_ms', median(times), 'ms');
  } finally {
    await context.close();
    await web.stop();
    if (!kept) await rm(profile, { recursive: true, force: true });
  }
}

async function main() {
  if (process.env.BENCH_ONLY !== 'render') aggregateBench();
  if (process.env.BENCH_ONLY !== 'aggregate') await renderBench();
}

runMain(main);
