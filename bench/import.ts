// Benchmark of the register import (issue 11). Prints one JSON line per figure: {"name","value","unit"}.
// - import.xlsx_10k_ms: a 10,000-row, 12-column register .xlsx imported in Chromium with
//   validation — ExcelJS parse, header and mapping, every row read and checked with the project
//   schema, matched against the register, written through the repository (audit, outbox, stage
//   log, board rows) in one transaction. Median of 3 runs, each into an empty database on disk.
// - import.vs_floor_ratio: that time over the floor measured in the same run: the bare ExcelJS
//   parse of the same bytes plus a bare bulkPut of the same records into the same tables (median).
// - import.bare_put_10k_rows_ms (extra): what a stored row costs here whatever it holds — 10,000
//   rows of a bare key put in one transaction with plain IndexedDB (median).
// Run: npx tsx bench/import.ts   (BENCH_ROWS to change the size, BENCH_RUNS the measured runs; 0: the first run only)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, startWeb } from '../tests/support/web-host';
import { makeRegister } from '../tests/support/register-xlsx';
import { median, report, runMain } from './support';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
/** Measured runs after the warm-up (each ~2 × the import on a loaded machine). */
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const root = fileURLToPath(new URL('..', import.meta.url));

async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [join(root, 'bench/import.browser.ts')], bundle: true, format: 'iife', write: false, logLevel: 'warning', platform: 'browser',
    alias: { '@shared': join(root, 'shared') }, define: { 'import.meta.env.DEV': 'false' },
  });
  return out.outputFiles[0]?.text ?? '';
}

async function main() {
  const xlsx = await makeRegister(ROWS);
  console.error(`register: ${ROWS} rows, ${Math.round(xlsx.byteLength / 1024)} KiB`);
  const web = await startWeb();
  const profile = await mkdtemp(join(tmpdir(), 'hattama-bench-import-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, bypassCSP: true });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(web.url);
    await page.getByTestId('empty-register').waitFor();
    await page.addScriptTag({ content: await bundle() });
    const base64 = xlsx.toString('base64');
    const imports: number[] = [];
    const ratios: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const r = await page.evaluate((b) => window.__benchImport(b), base64);
      console.error(`run ${i}: import ${Math.round(r.importMs)} ms (created ${r.created}, rejected ${r.rejected}); floor: parse ${Math.round(r.parseMs)} + bulkPut ${Math.round(r.putMs)} ms; 10,000 bare puts ${Math.round(r.barePutMs)} ms; rows ${JSON.stringify(r.written)}`);
      if (r.created !== ROWS || r.rejected !== 0) throw new Error(`expected ${ROWS} created and none rejected`);
      if (i === 0 && RUNS > 0) continue; // warm-up
      imports.push(r.importMs);
      ratios.push(r.importMs / (r.parseMs + r.putMs));
      bare.push(r.barePutMs);
    }
    report('import.xlsx_10k_ms', median(imports), 'ms', 2);
    report('import.vs_floor_ratio', median(ratios), 'ratio', 2);
    report('import.bare_put_10k_rows_ms', median(bare), 'ms');
  } finally {
    await context.close();
    await web.stop();
    await rm(profile, { recursive: true, force: true });
  }
}

runMain(main);
