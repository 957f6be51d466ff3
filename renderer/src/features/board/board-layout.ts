// The board's remembered column layout (order and visibility), kept in localStorage.
import type { ColumnVisibilityState as VisibilityState } from '@tanstack/react-table';
import { DEFAULT_HIDDEN, DEFAULT_ORDER } from './board-columns';

export type ColumnLayout = { order: string[]; visibility: VisibilityState };
const LAYOUT_KEY = 'hattama.board.columns';

/** The default layout: every column in the default order, the rarely used ones hidden. */
export function defaultLayout(): ColumnLayout {
  return { order: [...DEFAULT_ORDER], visibility: Object.fromEntries(DEFAULT_HIDDEN.map((c) => [c, false])) };
}

/** The remembered column order and visibility (defaults where nothing is saved or it is damaged). */
export function loadLayout(): ColumnLayout {
  const fallback = defaultLayout();
  try {
    const raw = JSON.parse(globalThis.localStorage?.getItem(LAYOUT_KEY) ?? 'null') as ColumnLayout | null;
    if (!raw || !Array.isArray(raw.order) || typeof raw.visibility !== 'object') return fallback;
    const known = new Set<string>(DEFAULT_ORDER);
    const order = raw.order.filter((c) => known.has(c));
    for (const c of DEFAULT_ORDER) if (!order.includes(c)) order.push(c);
    return { order, visibility: raw.visibility };
  } catch {
    return fallback;
  }
}

export function saveLayout(layout: ColumnLayout) {
  globalThis.localStorage?.setItem(LAYOUT_KEY, JSON.stringify(layout));
}
