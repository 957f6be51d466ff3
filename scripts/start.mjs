// `npm start`: builds the renderer and the Electron bundles, then launches Electron (or explains why it cannot).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildElectron } from './build-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WEB_HINT = 'run `npm run web` to use Hattama in the browser at http://127.0.0.1:5173';

/**
 * Finds the Electron runtime binary the way the electron package does, without require('electron')
 * (which throws when the binary was never downloaded).
 * @returns `{ binary }` or `{ problem }` describing what is missing
 */
function findElectronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return { problem: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { problem: `${path.relative(root, pathFile)} is missing, the binary was never downloaded` };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(packageDir, 'dist');
  const binary = path.join(distDir, relative);
  if (!existsSync(binary)) return { problem: `${path.relative(root, binary)} is missing` };
  return { binary };
}

async function main() {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  await buildElectron();

  const found = findElectronBinary();
  if (!('binary' in found)) {
    console.error(`Electron runtime is not installed on this machine (${found.problem}); ${WEB_HINT}`);
    process.exit(1);
  }

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
