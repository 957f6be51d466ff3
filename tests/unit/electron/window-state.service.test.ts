// Tests window-state persistence: defaults, corrupt files, round trip, and fitting onto the displays present.
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clampToDisplays,
  createWindowStateStore,
  DEFAULT_WINDOW_STATE,
  MIN_WINDOW_SIZE,
  parseWindowState,
  type Rect,
  type WindowState,
} from '../../../electron/main/window-state.service';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };
const smallScreen: Rect = { x: 0, y: 0, width: 1024, height: 700 };

let dir: string;
beforeEach(async () => {
  dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'hattama-window-'));
});
afterEach(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

describe('clampToDisplays', () => {
  it.each<[string, WindowState, Rect[], WindowState]>([
    ['keeps a window that fits', { x: 100, y: 50, width: 1280, height: 800, isMaximized: false }, [laptop], { x: 100, y: 50, width: 1280, height: 800, isMaximized: false }],
    ['keeps a window on the second monitor', { x: 2000, y: 100, width: 1600, height: 900, isMaximized: true }, [laptop, rightMonitor], { x: 2000, y: 100, width: 1600, height: 900, isMaximized: true }],
    ['drops the position when its monitor is gone', { x: 2000, y: 100, width: 1600, height: 900, isMaximized: false }, [laptop], { width: 1600, height: 900, isMaximized: false }],
    ['pulls a window hanging off the edge back in', { x: 1500, y: 900, width: 1280, height: 800, isMaximized: false }, [laptop], { x: 640, y: 240, width: 1280, height: 800, isMaximized: false }],
    ['moves a window to the display it overlaps most', { x: 1800, y: 0, width: 1200, height: 800, isMaximized: false }, [laptop, rightMonitor], { x: 1920, y: 0, width: 1200, height: 800, isMaximized: false }],
    ['shrinks a window larger than the screen', { x: 0, y: 0, width: 3000, height: 2000, isMaximized: false }, [smallScreen], { x: 0, y: 0, width: 1024, height: 700, isMaximized: false }],
    ['fits an unpositioned window to the primary display', { width: 5000, height: 300, isMaximized: false }, [smallScreen, rightMonitor], { width: 1024, height: MIN_WINDOW_SIZE.height, isMaximized: false }],
    ['leaves the state alone when displays are unknown', { x: -5000, y: 0, width: 800, height: 600, isMaximized: false }, [], { x: -5000, y: 0, width: 800, height: 600, isMaximized: false }],
    ['handles displays left of and above the primary', { x: -1900, y: -1000, width: 1280, height: 800, isMaximized: false }, [laptop, { x: -1920, y: -1080, width: 1920, height: 1080 }], { x: -1900, y: -1000, width: 1280, height: 800, isMaximized: false }],
  ])('%s', (_name, state, displays, expected) => {
    expect(clampToDisplays(state, displays)).toEqual(expected);
  });
});

describe('parseWindowState', () => {
  it.each([
    ['not json', '{"width": 1280,'],
    ['wrong types', '{"width": "1280", "height": 800, "isMaximized": false}'],
    ['missing fields', '{"width": 1280}'],
    ['absurd size', '{"width": 10, "height": 800, "isMaximized": false}'],
    ['fractional coordinates', '{"x": 1.5, "y": 0, "width": 1280, "height": 800, "isMaximized": false}'],
    ['an array', '[]'],
  ])('rejects %s', (_name, text) => {
    expect(parseWindowState(text)).toBeNull();
  });

  it('accepts a stored state', () => {
    expect(parseWindowState('{"x":10,"y":20,"width":1300,"height":900,"isMaximized":true}')).toEqual({ x: 10, y: 20, width: 1300, height: 900, isMaximized: true });
  });
});

describe('createWindowStateStore', () => {
  it('returns the defaults when there is no file yet', async () => {
    const onCorrupt = vi.fn();
    const store = createWindowStateStore(path.join(dir, 'window-state.json'), onCorrupt);
    expect(await store.load([laptop])).toEqual(DEFAULT_WINDOW_STATE);
    expect(onCorrupt).not.toHaveBeenCalled();
  });

  it('returns the defaults (and reports it) when the file is corrupt', async () => {
    const file = path.join(dir, 'window-state.json');
    await fsp.writeFile(file, '\u0000\u0000garbage');
    const onCorrupt = vi.fn();
    expect(await createWindowStateStore(file, onCorrupt).load([laptop])).toEqual(DEFAULT_WINDOW_STATE);
    expect(onCorrupt).toHaveBeenCalledOnce();
  });

  it('round-trips a saved state and clamps it on load', async () => {
    const store = createWindowStateStore(path.join(dir, 'nested', 'window-state.json'));
    await store.save({ x: 2100, y: 40, width: 1500, height: 950, isMaximized: true });
    expect(await store.load([laptop, rightMonitor])).toEqual({ x: 2100, y: 40, width: 1500, height: 950, isMaximized: true });
    expect(await store.load([laptop])).toEqual({ width: 1500, height: 950, isMaximized: true });
    expect(await fsp.readdir(path.join(dir, 'nested'))).toEqual(['window-state.json']);
  });

  it('refuses to store an invalid state', async () => {
    const file = path.join(dir, 'window-state.json');
    const store = createWindowStateStore(file);
    await expect(store.save({ width: Number.NaN, height: 800, isMaximized: false })).rejects.toThrow();
    await expect(fsp.access(file)).rejects.toThrow();
  });
});
