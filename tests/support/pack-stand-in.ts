// Packs the built app (dist-web, dist-electron) with electron-builder's `dir` target for linux-x64
// into <outDir>, against a stand-in Electron folder: the runtime cannot be downloaded here, so the
// "binary" is a small file that carries Electron's fuse sentinel and a fuse wire with Electron's
// defaults (which electron-builder's @electron/fuses then flips, as it would in the real binary).
// Runs in a child process with the network refused: any attempt to download fails the packing.
// Usage: tsx tests/support/pack-stand-in.ts <outDir>; prints one JSON line {appOutDir, attempts}.
import { mkdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Arch, build, Platform } from 'electron-builder';
import { packagingConfig } from '../../electron-builder.config';

/** Electron's fuse wire marker (@electron/fuses' SENTINEL); the wire follows it: version, length, states. */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron 45's default fuse states, in FuseV1Options order ('1' on, '0' off). */
export const DEFAULT_FUSE_WIRE = '10110001';

const attempts: string[] = [];
const refuse = (what: string): never => {
  attempts.push(what);
  throw new Error(`Network refused while packing: ${what}`);
};
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
  const [first] = args;
  // Local IPC (a path or a pipe) is allowed; TCP is not.
  if (typeof first === 'string' || (typeof first === 'object' && first !== null && 'path' in first)) {
    return (connect as (...a: unknown[]) => net.Socket).apply(this, args);
  }
  return refuse(`socket ${JSON.stringify(first)}`);
} as typeof net.Socket.prototype.connect;
globalThis.fetch = ((input: unknown) => refuse(`fetch ${String(input)}`)) as typeof fetch;

/** Writes the stand-in Electron folder for linux-x64 and returns its path. */
export function writeStandInElectron(dir: string): string {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const wire = Buffer.from([1, DEFAULT_FUSE_WIRE.length, ...Buffer.from(DEFAULT_FUSE_WIRE)]);
  writeFileSync(path.join(dir, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in Electron"\nexit 0\n# '), Buffer.from(FUSE_SENTINEL), wire, Buffer.from('\n')]), { mode: 0o755 });
  writeFileSync(path.join(dir, 'LICENSE'), 'MIT (stand-in)');
  writeFileSync(path.join(dir, 'version'), '45.5.0');
  return dir;
}

async function main(outDir: string): Promise<void> {
  const root = path.resolve(import.meta.dirname, '../..');
  const require = createRequire(import.meta.url);
  const electronVersion = (require('electron/package.json') as { version: string }).version;
  // The real configuration with no signing credentials (CI has none).
  const config = packagingConfig({});
  const directories = (config.directories ?? {}) as Record<string, unknown>;
  const configFile = path.join(outDir, 'electron-builder.json');
  writeFileSync(configFile, JSON.stringify({
    ...config,
    electronVersion,
    electronDist: writeStandInElectron(path.join(outDir, 'stand-in-electron')),
    directories: { ...directories, output: path.join(outDir, 'release') },
  }));
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    publish: 'never',
    // A config file, not an object: an object would be merged into electron-builder.yml, which
    // electron-builder would also load (and its lists, e.g. extraResources, would be doubled).
    config: configFile,
  });
  console.log(JSON.stringify({ appOutDir: path.join(outDir, 'release', 'linux-unpacked'), attempts }));
}

const outDir = process.argv[2];
if (!outDir) throw new Error('usage: pack-stand-in.ts <outDir>');
await main(path.resolve(outDir));
