// The board's remembered column layout: kept across sessions, and a damaged or outdated saved
// layout never breaks the board.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ORDER } from '../../../renderer/src/features/board/board-columns';
import { loadLayout, saveLayout } from '../../../renderer/src/features/board/board-layout';

const store = new Map<string, string>();
beforeEach(() => {
  store.clear();
  (globalThis as { localStorage?: unknown }).localStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
});
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('board column layout', () => {
  it('starts with every column in the default order and the rarely used ones hidden', () => {
    const layout = loadLayout();
    expect(layout.order).toEqual([...DEFAULT_ORDER]);
    expect(layout.visibility).toMatchObject({ investorBin: false, updatedAt: false });
  });

  it('remembers order and visibility', () => {
    const order = [...DEFAULT_ORDER].reverse();
    saveLayout({ order, visibility: { zoneId: false } });
    expect(loadLayout()).toEqual({ order, visibility: { zoneId: false } });
  });

  it('falls back to the defaults on a damaged layout and keeps up with added or removed columns', () => {
    store.set('hattama.board.columns', '{not json');
    expect(loadLayout().order).toEqual([...DEFAULT_ORDER]);
    store.set('hattama.board.columns', JSON.stringify({ order: ['stage', 'noSuchColumn', 'title'], visibility: {} }));
    const { order } = loadLayout();
    expect(order.slice(0, 2)).toEqual(['stage', 'title']);
    expect(order).not.toContain('noSuchColumn');
    expect([...order].sort()).toEqual([...DEFAULT_ORDER].sort());
  });
});
