// What the benchmarks share: a browser-side script bundled for page.addScriptTag, and the median.
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
