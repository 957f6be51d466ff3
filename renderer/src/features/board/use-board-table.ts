// The hook that binds the board's table model to the register's rows, the shared filters,
// sorting, grouping and the remembered column layout. The rows the table gets are already sorted
// and filtered (board-order.ts): a column's order is kept once computed and patched when a few
// rows change elsewhere, and a search only walks that order.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTable, type ColumnOrderState, type GroupingState, type SortingState } from '@tanstack/react-table';
import type { Lang } from '@shared/locale/lang';
import type { BoardRow } from '../../db/db';
import type { BoardFilters, Facet } from './board-filters';
import { buildColumns, features } from './board-columns';
import { BoardOrders, facetCounts, rowMatcher, type RowsDelta } from './board-order';
import { loadLayout, saveLayout, type ColumnLayout } from './board-layout';

/** Text columns whose order is prepared while the clerk looks at a large board. */
const PREPARED = ['title', 'investorName'] as const;

/** The board table bound to the register's rows and the shared filters. */
export function useBoardTable(opts: {
  rows: BoardRow[];
  delta?: RowsDelta | undefined;
  filters: BoardFilters;
  grouping: GroupingState;
  lang: Lang;
  t: TFunction;
  onOpen: (id: string) => void;
}) {
  const { rows, delta, filters, grouping, lang, t, onOpen } = opts;
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
  const data = useMemo(() => (match ? sorted.filter(match) : sorted), [sorted, match]);
  // Facet counts are asked for when a facet list opens; a stable function keeps the memoised
  // toolbar from re-rendering on every sort.
  const latest = useRef({ sorted, filters });
  useLayoutEffect(() => {
    latest.current = { sorted, filters };
  }, [sorted, filters]);
  const counts = useCallback((facet: Facet) => facetCounts(latest.current.sorted, latest.current.filters, facet), []);
  const columns = useMemo(() => buildColumns(lang, t, onOpen), [lang, t, onOpen]);
  const [layout, setLayoutState] = useState<ColumnLayout>(loadLayout);
  const setLayout = useCallback((next: ColumnLayout) => {
    setLayoutState(next);
    saveLayout(next);
  }, []);
  const columnOrder: ColumnOrderState = layout.order;
  const columnVisibility = layout.visibility;

  const table = useTable({
    features,
    columns,
    data,
    getRowId: (r) => r.id,
    // Expanding only matters for group rows; with no grouping it would walk every row for nothing.
    state: { sorting, grouping, columnOrder, columnVisibility, expanded: grouping.length > 0 ? true : {} },
    onSortingChange: setSorting,
    manualSorting: true,
    enableMultiSort: false,
    groupedColumnMode: false,
    autoResetExpanded: false,
  });
  return { table, rows: data, facetCounts: counts, sorting, setSorting, layout, setLayout };
}
export type BoardTable = ReturnType<typeof useBoardTable>['table'];
