// What the benchmarks share: a browser-side script bundled for page.addScriptTag, the median, the
// line printed per figure, and how a benchmark's main runs.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `bench/<file>` bundled as one script to run in the page (with the app's `@shared` alias). */
export async function browserBundle(file: string): Promise<string> {
  const out = await build({
    entryPoints: [join(root, 'bench', file)], bundle: true, format: 'iife', write: false, logLevel: 'warning',
    alias: { '@shared': join(root, 'shared') },
  });
  return out.outputFiles[0]?.text ?? '';
}

/** The median (the upper one of an even count); -1 for none. */
export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? -1;

/** Prints one figure as the benchmarks do: one JSON line `{"name","value","unit"}`, rounded to `decimals`. */
export function report(name: string, value: number, unit: string, decimals = 1): void {
  const f = 10 ** decimals;
  console.log(JSON.stringify({ name, value: Math.round(value * f) / f, unit }));
}

/** Runs a benchmark's main; a failure is printed and the process exits with 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}

/** The machine's busy and total CPU time so far (jiffies, all cores; Linux /proc/stat), or null elsewhere. */
async function cpuTimes(): Promise<{ busy: number; total: number } | null> {
  const { readFile } = await import('node:fs/promises');
  const line = (await readFile('/proc/stat', 'utf8').catch(() => '')).split('\n')[0] ?? '';
  if (!line.startsWith('cpu ')) return null;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const total = v.reduce((a, b) => a + b, 0);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  return { busy: total - idle, total };
}

/**
 * Waits until the machine is quiet — under a fifth of its CPU busy over one second, twice running —
 * or `maxMs` passed; returns the milliseconds waited. After writing 100,000 records the browser
 * keeps compacting its database for a while: a measurement taken then measures that too.
 */
export async function waitForQuiet(maxMs = 120_000): Promise<number> {
  const start = Date.now();
  let quiet = 0;
  let last = await cpuTimes();
  if (!last) return 0;
  while (quiet < 2 && Date.now() - start < maxMs) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = await cpuTimes();
    if (!now) return Date.now() - start;
    const share = (now.busy - last.busy) / Math.max(1, now.total - last.total);
    quiet = share < 0.2 ? quiet + 1 : 0;
    last = now;
  }
  return Date.now() - start;
}
