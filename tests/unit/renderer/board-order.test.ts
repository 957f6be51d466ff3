// The board's own sorting and filtering (board-order.ts): the same order a plain sort gives, empty
// figures last both ways, a kept order patched for a few changed rows equal to sorting anew, and
// filters and facet counts as the clerk expects.
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { collationKey, compareKeys } from '@shared/locale/collation';
import { projectFieldsSchema } from '@shared/domain/project.schema';
import { toBoardRow, type BoardRow } from '../../../renderer/src/db/board-rows';
import { BoardOrders, facetCounts, rowMatcher, RunningSums, sumFigures, type RowsDelta } from '../../../renderer/src/features/board/board-order';
import { matchesFilters, NO_FILTERS } from '../../../renderer/src/features/board/board-filters';

const t = i18next.createInstance().t;
const TITLES = ['Цех', 'Әуежай', 'Завод', 'Ábc plant', 'Zinc', 'Ақтөбе хаб', 'завод', 'Ёлка', 'Elevator', 'Ұн', 'Інжір', '10 цех', '2 цех'];

let seq = 0;
function row(title: string, fields: Record<string, unknown> = {}): BoardRow {
  seq++;
  const p = projectFieldsSchema.parse({ title, investorName: `ТОО «${title}»`, regionId: 'aktobe', stage: 'idea', status: 'on_track', tags: [], ...fields });
  const at = new Date(Date.UTC(2026, 0, 1) + seq * 1000).toISOString();
  return toBoardRow({ ...p, id: `id-${seq}`, createdAt: at, updatedAt: at, deletedAt: null }, [], null);
}

function byKey(rows: readonly BoardRow[]) {
  return [...rows].sort((a, b) => compareKeys(collationKey(a.title, 'ru'), collationKey(b.title, 'ru')));
}

describe('BoardOrders', () => {
  const rows = TITLES.map((title, i) => row(title, i % 3 === 0 ? {} : { investmentTenge: (i * 7) % 5 * 1e9, districtId: i % 2 ? 'aktobe-alga' : 'aktobe-khromtau' }));

  it('sorts a text column as its collation keys do, and reverses it for descending', () => {
    const orders = new BoardOrders('ru', t);
    const asc = orders.sorted(rows, 'title', false) ?? [];
    expect(asc.map((r) => r.title)).toEqual(byKey(rows).map((r) => r.title));
    expect(orders.sorted(rows, 'title', true)?.map((r) => r.title)).toEqual([...asc].reverse().map((r) => r.title));
  });

  it('keeps rows without a figure last in both directions', () => {
    const orders = new BoardOrders('ru', t);
    for (const desc of [false, true]) {
      const sorted = orders.sorted(rows, 'investmentTenge', desc) ?? [];
      const values = sorted.map((r) => r.investmentTenge);
      const firstEmpty = values.findIndex((v) => v === undefined);
      expect(values.slice(firstEmpty).every((v) => v === undefined)).toBe(true);
      const filled = values.slice(0, firstEmpty) as number[];
      expect(filled).toEqual([...filled].sort((a, b) => (desc ? b - a : a - b)));
    }
  });

  it('patches a kept order for rows changed elsewhere to exactly what a new sort gives', () => {
    const orders = new BoardOrders('ru', t);
    orders.sorted(rows, 'title', false);
    orders.sorted(rows, 'investmentTenge', false);
    // One project renamed, one deleted, one added — as the store's snapshot says.
    const renamed = { ...(rows[2] as BoardRow), title: 'Ақсай зауыты', investmentTenge: 9e9 };
    const added = row('Бета', { investmentTenge: 1e9 });
    const removed = rows[5] as BoardRow;
    const next = [added, renamed, ...rows.filter((r) => r !== rows[2] && r !== removed)];
    const delta: RowsDelta = { prev: rows, ids: new Set([renamed.id, removed.id, added.id]), removed: [rows[2] as BoardRow, removed], live: [added, renamed] };
    orders.follow(next, delta);
    const patched = orders.sorted(next, 'title', false, delta);
    expect(patched?.map((r) => r.title)).toEqual(byKey(next).map((r) => r.title));
    const fresh = new BoardOrders('ru', t);
    expect(orders.sorted(next, 'investmentTenge', false)?.map((r) => r.investmentTenge)).toEqual(fresh.sorted(next, 'investmentTenge', false)?.map((r) => r.investmentTenge));
  });

  it('moves the totals by the changed rows alone, to what a full sum gives, and says how many lack a figure', () => {
    const running = new RunningSums();
    const before = running.of(rows, rows);
    expect(before).toEqual(sumFigures(rows));
    expect(before.investmentTenge.missing).toBe(rows.filter((r) => r.investmentTenge === undefined).length);
    const changed = { ...(rows[1] as BoardRow), investmentTenge: 7e9 };
    const next = [changed, ...rows.filter((r) => r !== rows[1])];
    const after = running.of(next, next, { prev: rows, ids: new Set([changed.id]), removed: [rows[1] as BoardRow], live: [changed] });
    expect(after).toEqual(sumFigures(next));
    // Filtered rows are summed as they are.
    expect(running.of(next, next.slice(0, 2))).toEqual(sumFigures(next.slice(0, 2)));
  });

  it('does not sort a column it does not know', () => {
    expect(new BoardOrders('ru', t).sorted(rows, 'nonsense', false)).toBeNull();
  });
});

describe('rowMatcher and facet counts', () => {
  const rows = [
    row('Завод труб', { districtId: 'aktobe-alga', investmentTenge: 5e9 }),
    row('Цех', { districtId: 'aktobe-alga' }),
    row('Хаб', { districtId: 'aktobe-khromtau', stage: 'design' }),
  ];

  it('agrees with matchesFilters, and says "no filter" when none is set', () => {
    expect(rowMatcher(NO_FILTERS)).toBeNull();
    const filters = [
      { ...NO_FILTERS, search: '  ЗАВОД ' },
      { ...NO_FILTERS, facets: { districtId: ['aktobe-alga'] } },
      { ...NO_FILTERS, columns: { investmentTenge: { min: 1e9 } } },
      { ...NO_FILTERS, facets: { stage: ['design'] }, search: 'хаб' },
    ];
    for (const f of filters) {
      const match = rowMatcher(f);
      expect(rows.map((r) => match?.(r))).toEqual(rows.map((r) => matchesFilters(r, f)));
    }
  });

  it('counts a facet under every filter but its own', () => {
    const counts = facetCounts(rows, { ...NO_FILTERS, facets: { districtId: ['aktobe-alga'] }, search: '' }, 'districtId');
    expect(Object.fromEntries(counts)).toEqual({ 'aktobe-alga': 2, 'aktobe-khromtau': 1 });
    const stages = facetCounts(rows, { ...NO_FILTERS, facets: { districtId: ['aktobe-alga'] } }, 'stage');
    expect(Object.fromEntries(stages)).toEqual({ idea: 2 });
  });
});
