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
