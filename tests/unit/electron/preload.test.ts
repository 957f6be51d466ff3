// Tests the preload against a fake `electron`: it exposes exactly the contract's methods as window.hattama,
// invokes the right channel, and hands event listeners only the payload string, with a working unsubscribe.
import * as fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bridgeContract, bridgeEvents, BRIDGE_GLOBAL } from '../../../shared/bridge/contract';

type Listener = (event: unknown, ...args: unknown[]) => void;

const exposed = new Map<string, Record<string, (...args: unknown[]) => unknown>>();
const listeners = new Map<string, Set<Listener>>();
const fakeElectron = {
  contextBridge: { exposeInMainWorld: (name: string, api: Record<string, (...args: unknown[]) => unknown>) => void exposed.set(name, api) },
  ipcRenderer: {
    invoke: vi.fn(async (channel: string, request: unknown) => ({ channel, request })),
    on: (channel: string, listener: Listener) => void listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel: string, listener: Listener) => void listeners.get(channel)?.delete(listener),
  },
};

function emit(channel: string, ...args: unknown[]) {
  for (const listener of listeners.get(channel) ?? []) listener({ sender: { secret: true } }, ...args);
}

let dir: string;
let bridge: Record<string, (...args: unknown[]) => unknown>;

beforeAll(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'hattama-preload-'));
  (globalThis as Record<string, unknown>).__hattamaFakeElectron = fakeElectron;
  const outfile = path.join(dir, 'preload.cjs');
  await build({
    entryPoints: [path.resolve(import.meta.dirname, '../../../electron/preload/preload.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    logLevel: 'silent',
    metafile: true,
    plugins: [
      {
        name: 'fake-electron',
        setup(b) {
          b.onResolve({ filter: /^electron$/ }, () => ({ path: 'electron', namespace: 'fake' }));
          b.onLoad({ filter: /.*/, namespace: 'fake' }, () => ({ contents: 'module.exports = globalThis.__hattamaFakeElectron;', loader: 'js' }));
        },
      },
    ],
  }).then((result) => {
    // The sandboxed preload stays small: the zod-free channel table, never zod or the contract's schemas.
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((p) => p.includes('node_modules/zod'))).toBe(false);
    expect(inputs.some((p) => p.endsWith('shared/bridge/contract.ts'))).toBe(false);
  });
  createRequire(import.meta.url)(outfile);
  const api = exposed.get(BRIDGE_GLOBAL);
  if (!api) throw new Error('the preload exposed nothing');
  bridge = api;
});

afterAll(async () => {
  delete (globalThis as Record<string, unknown>).__hattamaFakeElectron;
  await fsp.rm(dir, { recursive: true, force: true });
});

describe('preload', () => {
  it('exposes exactly one method per channel and per event, frozen', () => {
    const methods = [...Object.values(bridgeContract).map((c) => c.method), ...Object.values(bridgeEvents).map((e) => e.method)];
    expect(Object.keys(bridge).sort()).toEqual(methods.sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    expect([...exposed.keys()]).toEqual([BRIDGE_GLOBAL]);
  });

  it.each(Object.entries(bridgeContract))('%s: invokes its channel with the single request', async (channel, spec) => {
    const request = { any: 'thing' };
    await expect(bridge[spec.method]?.(request, 'ignored extra')).resolves.toEqual({ channel, request });
    expect(fakeElectron.ipcRenderer.invoke).toHaveBeenLastCalledWith(channel, request);
  });

  it('onMenuCommand passes only the id string, and unsubscribes', () => {
    const listener = vi.fn();
    const unsubscribe = bridge.onMenuCommand?.(listener) as () => void;
    emit('menu:command', 'project:new');
    emit('menu:command', { id: 'not a string' });
    emit('menu:command', 42);
    expect(listener.mock.calls).toEqual([['project:new']]);
    unsubscribe();
    emit('menu:command', 'view:board');
    expect(listener).toHaveBeenCalledOnce();
    expect(listeners.get('menu:command')?.size).toBe(0);
  });

  it('onMenuCommand refuses a non-function', () => {
    expect(() => bridge.onMenuCommand?.('alert(1)')).toThrow(TypeError);
  });
});
