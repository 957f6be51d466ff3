// `npm start`: makes sure the Electron runtime is there (downloading it on first start), builds the
// renderer and the Electron bundles, then launches Electron — or says in one line why it cannot.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB_HINT = 'run `npm run web` to use Hattama in the browser at http://127.0.0.1:5173';

/**
 * Finds the Electron runtime binary the way the electron package does, without require('electron')
 * (which, since Electron 42, tries to download a missing binary and throws when it cannot).
 * @returns `{ binary }`, or `{ problem, packageDir? }` describing what is missing
 */
function findElectronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { problem: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { problem: 'the runtime was never downloaded', packageDir };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  const binary = path.join(distDir, relative);
  if (!existsSync(binary)) return { problem: `${path.relative(root, binary)} is missing`, packageDir };
  return { binary };
}

/**
 * Electron ≥ 42 installs without its runtime; it is downloaded on first use by the package's own
 * installer. Runs that installer (its progress on stdout) and keeps only the gist of a failure.
 * @returns null on success, else a short reason
 */
function downloadElectron(packageDir) {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return 'ELECTRON_SKIP_BINARY_DOWNLOAD is set';
  console.log('Downloading the Electron runtime (first start only)…');
  const result = spawnSync(process.execPath, [path.join(packageDir, 'install.js')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
    timeout: 15 * 60_000,
  });
  if (result.status === 0) return null;
  if (result.error) return result.error.message;
  const firstLine = (result.stderr ?? '').split('\n').map((l) => l.trim()).find((l) => l.length > 0);
  return `download failed${firstLine ? `: ${firstLine}` : ''}`;
}

async function main() {
  let found = findElectronBinary();
  if (!('binary' in found) && found.packageDir) {
    const failure = downloadElectron(found.packageDir);
    const retried = findElectronBinary();
    found = 'binary' in retried ? retried : { problem: failure ?? retried.problem };
  }
  if (!('binary' in found)) {
    console.error(`Electron runtime is not available on this machine (${found.problem}); ${WEB_HINT}`);
    process.exit(1);
  }

  const [{ build }, { buildElectron }] = await Promise.all([import('vite'), import('./build-electron.mjs')]);
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  await buildElectron();

  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(found.binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (!child.killed) child.kill(signal);
    });
  }
  child.on('error', (error) => {
    console.error(`Could not launch Electron (${error.message}); ${WEB_HINT}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

await main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
