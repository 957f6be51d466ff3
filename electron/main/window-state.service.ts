// Remembers the main window's size, position and maximized flag across launches (JSON file, written atomically).
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';

/** A rectangle in screen coordinates (a display's work area, a window's bounds). */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Smallest window the layout supports; the glue passes the same values as minWidth/minHeight. */
export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;

const coordinate = z.number().int().min(-100_000).max(100_000);
const size = z.number().int().min(100).max(100_000);

/** What is stored on disk. x/y are absent when the window should be centred by the OS. */
export const windowStateSchema = z.object({
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: size,
  height: size,
  isMaximized: z.boolean(),
});

export type WindowState = z.infer<typeof windowStateSchema>;

/** Used on first launch and whenever the stored state is missing or unreadable. */
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 800, isMaximized: false };

function intersectionArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clampNumber(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/**
 * Fits a stored state onto the current displays: the window goes to the display it overlaps
 * most, is shrunk to that display's work area and moved so it is fully visible. A window that
 * overlaps no display loses its position (the OS centres it on the primary display).
 * @param state the stored (or default) state
 * @param workAreas the displays' work areas, primary first; empty when unknown
 */
export function clampToDisplays(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0];
  if (primary === undefined) return state;
  const fitSize = (area: Rect) => ({
    width: clampNumber(state.width, Math.min(MIN_WINDOW_SIZE.width, area.width), area.width),
    height: clampNumber(state.height, Math.min(MIN_WINDOW_SIZE.height, area.height), area.height),
  });
  if (state.x === undefined || state.y === undefined) {
    return { ...fitSize(primary), isMaximized: state.isMaximized };
  }
  const bounds: Rect = { x: state.x, y: state.y, width: state.width, height: state.height };
  let best: Rect | undefined;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = intersectionArea(bounds, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  if (best === undefined) return { ...fitSize(primary), isMaximized: state.isMaximized };
  const { width, height } = fitSize(best);
  return {
    x: clampNumber(state.x, best.x, best.x + best.width - width),
    y: clampNumber(state.y, best.y, best.y + best.height - height),
    width,
    height,
    isMaximized: state.isMaximized,
  };
}

/**
 * Parses stored JSON text into a state; null when it is not valid JSON or not a valid state.
 * @param text the file's content
 */
export function parseWindowState(text: string): WindowState | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = windowStateSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

/** Loads and saves the window state file. */
export interface WindowStateStore {
  /** The stored state fitted to the given displays, or the defaults when there is none or it is corrupt. */
  load(workAreas: readonly Rect[]): Promise<WindowState>;
  /** Stores the state atomically (invalid states are rejected, not written). */
  save(state: WindowState): Promise<void>;
}

/**
 * Creates a store backed by one JSON file, e.g. `<userData>/window-state.json`.
 * @param filePath absolute path of the state file
 * @param onCorrupt called when an existing file could not be read or parsed (for the log)
 */
export function createWindowStateStore(filePath: string, onCorrupt?: (reason: unknown) => void): WindowStateStore {
  return {
    async load(workAreas) {
      let text: string;
      try {
        text = await readFile(filePath, 'utf8');
      } catch (error) {
        if (!(typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT')) onCorrupt?.(error);
        return clampToDisplays(DEFAULT_WINDOW_STATE, workAreas);
      }
      const state = parseWindowState(text);
      if (state === null) onCorrupt?.(new Error(`Ignoring unreadable window state in ${filePath}`));
      return clampToDisplays(state ?? DEFAULT_WINDOW_STATE, workAreas);
    },
    async save(state) {
      const valid = windowStateSchema.parse(state);
      await mkdir(path.dirname(filePath), { recursive: true });
      await writeFileAtomic(filePath, `${JSON.stringify(valid, null, 2)}\n`);
    },
  };
}
