// The hook that binds the board's table model to the register's rows, the shared filters,
// sorting, grouping and the remembered column layout.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import {
  useTable,
  type ColumnFiltersState,
  type ColumnOrderState,
  type GroupingState,
  type SortingState,
} from '@tanstack/react-table';
import type { Lang } from '@shared/locale/lang';
import type { BoardRow } from '../../db/db';
import { FACETS, isRangeActive, normaliseQuery, RANGE_COLUMNS, type BoardFilters } from './board-filters';
import { buildColumns, features } from './board-columns';
import { ranksOf, type SortRankCache } from './board-sort';
import { loadLayout, saveLayout, type ColumnLayout } from './board-layout';

/** The board table bound to the register's rows and the shared filters. */
export function useBoardTable(opts: {
  rows: BoardRow[];
  filters: BoardFilters;
  grouping: GroupingState;
  lang: Lang;
  t: TFunction;
  onOpen: (id: string) => void;
}) {
  const { rows, filters, grouping, lang, t, onOpen } = opts;
  const globalFilter = normaliseQuery(filters.search);
  // The search runs on each row's prepared lower-case text before the table sees the rows: one
  // substring test per row, instead of the table's per-row filter bookkeeping on 100,000 rows.
  const data = useMemo(() => (globalFilter ? rows.filter((r) => r.search.includes(globalFilter)) : rows), [rows, globalFilter]);
  const cache = useMemo<SortRankCache>(() => ({ rows: data, lang: null, ranks: new Map() }), [data]);
  useEffect(() => {
    // Prepare the text sorts while the clerk looks at the board, so the first click is fast.
    if (data.length < 5000) return;
    const idle = globalThis.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
    const cancel = globalThis.cancelIdleCallback ?? clearTimeout;
    const handles: unknown[] = [];
    handles.push(idle(() => {
      ranksOf(cache, 'title', lang);
      handles.push(idle(() => ranksOf(cache, 'investorName', lang)));
    }));
    return () => handles.forEach((h) => cancel(h as number));
  }, [cache, lang, data.length]);
  const columns = useMemo(() => buildColumns(lang, t, onOpen, cache), [lang, t, onOpen, cache]);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [layout, setLayoutState] = useState<ColumnLayout>(loadLayout);
  const setLayout = useCallback((next: ColumnLayout) => {
    setLayoutState(next);
    saveLayout(next);
  }, []);
  const columnFilters = useMemo<ColumnFiltersState>(() => {
    const c = filters.columns;
    const state: ColumnFiltersState = FACETS.filter((f) => (filters.facets[f]?.length ?? 0) > 0).map((f) => ({ id: f, value: filters.facets[f] }));
    if (c.investorName?.trim()) state.push({ id: 'investorName', value: normaliseQuery(c.investorName) });
    for (const col of RANGE_COLUMNS) if (isRangeActive(c[col])) state.push({ id: col, value: c[col] });
    if (c.openBarriers) state.push({ id: 'openBarriers', value: true });
    return state;
  }, [filters.facets, filters.columns]);
  const columnOrder: ColumnOrderState = layout.order;
  const columnVisibility = layout.visibility;

  const table = useTable({
    features,
    columns,
    data,
    getRowId: (r) => r.id,
    // Expanding only matters for group rows; with no grouping it would walk every row for nothing.
    state: { sorting, columnFilters, grouping, columnOrder, columnVisibility, expanded: grouping.length > 0 ? true : {} },
    onSortingChange: setSorting,
    groupedColumnMode: false,
    autoResetExpanded: false,
  });
  return { table, sorting, setSorting, layout, setLayout };
}
export type BoardTable = ReturnType<typeof useBoardTable>['table'];
