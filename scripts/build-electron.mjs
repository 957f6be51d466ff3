// Bundles the Electron main process and preload into dist-electron/*.cjs with esbuild.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Shared esbuild options: CommonJS for Node, everything bundled except Electron itself. */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

/**
 * Builds dist-electron/main.cjs and dist-electron/preload.cjs. The preload runs sandboxed, where
 * require() only knows a few Electron modules, so it must be fully self-contained.
 * @param outdir where to write them (default: dist-electron/ of the checkout)
 * @returns the paths written
 */
export async function buildElectron(outdir = path.join(root, 'dist-electron')) {
  await Promise.all([
    build({ ...common, entryPoints: [path.join(root, 'electron/main/main.ts')], outfile: path.join(outdir, 'main.cjs') }),
    build({ ...common, entryPoints: [path.join(root, 'electron/preload/preload.ts')], outfile: path.join(outdir, 'preload.cjs'), minify: true }),
  ]);
  return [path.join(outdir, 'main.cjs'), path.join(outdir, 'preload.cjs')];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outputs = await buildElectron();
  console.log(`Built ${outputs.map((p) => path.relative(root, p)).join(', ')}`);
}
