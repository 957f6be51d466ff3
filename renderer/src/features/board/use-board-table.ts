// The board's hooks. `useBoardRows` gives the register's rows sorted and filtered (board-order.ts):
// a column's order is kept once computed and patched when a few rows change elsewhere, and a
// search only walks that order. `useBoardTable` binds a table model (columns, layout, sorting
// state, grouping) to the rows it is given: with no grouping the board gives it only the rows on
// screen, so 100,000 projects never become 100,000 table rows.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTable, type ColumnOrderState, type GroupingState, type SortingState } from '@tanstack/react-table';
import type { Lang } from '@shared/locale/lang';
import type { BoardRow } from '../../db/db';
import type { BoardFilters, Facet } from './board-filters';
import { buildColumns, features } from './board-columns';
import { BoardOrders, facetCounts, rowMatcher, RunningSums, type RowsDelta } from './board-order';
import { loadLayout, saveLayout, type ColumnLayout } from './board-layout';

/** Text columns whose order is prepared while the clerk looks at a large board. */
const PREPARED = ['title', 'investorName'] as const;

/** The register's rows in the board's order under its filters, and what goes with them. */
export function useBoardRows(opts: { rows: BoardRow[]; delta?: RowsDelta | undefined; filters: BoardFilters; lang: Lang; t: TFunction }) {
  const { rows, delta, filters, lang, t } = opts;
  const orders = useMemo(() => new BoardOrders(lang, t), [lang, t]);
  const [sorting, setSorting] = useState<SortingState>([]);
  const sort = sorting[0];
  const sorted = useMemo(() => {
    orders.follow(rows, delta);
    return (sort && orders.sorted(rows, sort.id, sort.desc, delta)) || rows;
  }, [orders, rows, delta, sort]);
  useEffect(() => {
    // Prepare the text orders while the clerk looks at the board, so the first click is fast.
    if (rows.length < 5000) return;
    const idle = globalThis.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
    const cancel = globalThis.cancelIdleCallback ?? clearTimeout;
    const handles: unknown[] = [];
    const prepare = (i: number) => {
      const id = PREPARED[i];
      if (!id) return;
      handles.push(idle(() => {
        if (!orders.has(id, rows)) orders.sorted(rows, id, false);
        prepare(i + 1);
      }));
    };
    prepare(0);
    return () => handles.forEach((h) => cancel(h as number));
  }, [orders, rows]);
  const match = useMemo(() => rowMatcher(filters), [filters]);
  const shown = useMemo(() => (match ? sorted.filter(match) : sorted), [sorted, match]);
  // Totals of the unfiltered register follow a change elsewhere by its rows alone.
  const running = useMemo(() => new RunningSums(), []);
  // Order does not change a sum: unfiltered, the totals are those of `rows` (kept across sorts).
  const sums = useMemo(() => running.of(rows, match ? shown : rows, delta), [running, rows, shown, match, delta]);
  // Facet counts are asked for when a facet list opens; a stable function keeps the memoised
  // toolbar from re-rendering on every sort.
  const latest = useRef({ sorted, filters });
  useLayoutEffect(() => {
    latest.current = { sorted, filters };
  }, [sorted, filters]);
  const counts = useCallback((facet: Facet) => facetCounts(latest.current.sorted, latest.current.filters, facet), []);
  return { shown, sums, facetCounts: counts, sorting, setSorting };
}

/** The remembered column order and visibility. */
export function useBoardLayout() {
  const [layout, setLayoutState] = useState<ColumnLayout>(loadLayout);
  const setLayout = useCallback((next: ColumnLayout) => {
    setLayoutState(next);
    saveLayout(next);
  }, []);
  return { layout, setLayout };
}

/** A table model over `data` (already sorted and filtered). */
export function useBoardTable(opts: {
  data: readonly BoardRow[];
  grouping: GroupingState;
  sorting: SortingState;
  setSorting: (updater: SortingState | ((old: SortingState) => SortingState)) => void;
  layout: ColumnLayout;
  lang: Lang;
  t: TFunction;
  onOpen: (id: string) => void;
}) {
  const { data, grouping, sorting, setSorting, layout, lang, t, onOpen } = opts;
  const columns = useMemo(() => buildColumns(lang, t, onOpen), [lang, t, onOpen]);
  const columnOrder: ColumnOrderState = layout.order;
  return useTable({
    features,
    columns,
    data: data as BoardRow[],
    getRowId: (r) => r.id,
    // Expanding only matters for group rows; with no grouping it would walk every row for nothing.
    state: { sorting, grouping, columnOrder, columnVisibility: layout.visibility, expanded: grouping.length > 0 ? true : {} },
    onSortingChange: setSorting,
    manualSorting: true,
    enableMultiSort: false,
    groupedColumnMode: false,
    autoResetExpanded: false,
  });
}
export type BoardTable = ReturnType<typeof useBoardTable>;
