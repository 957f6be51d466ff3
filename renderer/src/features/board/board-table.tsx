// The board's table model (@tanstack/react-table v9): registered features, columns, and the
// hook that wires them to the board's filters, sorting, grouping and remembered column layout.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import {
  aggregationFn_sum,
  columnFacetingFeature,
  columnFilteringFeature,
  columnGroupingFeature,
  columnOrderingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  createExpandedRowModel,
  createFacetedRowModel,
  createFacetedUniqueValues,
  createFilteredRowModel,
  createGroupedRowModel,
  createSortedRowModel,
  rowAggregationFeature,
  rowExpandingFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnFiltersState,
  type ColumnOrderState,
  type GroupingState,
  type SortingState,
  type ColumnVisibilityState as VisibilityState,
} from '@tanstack/react-table';
import { UnstyledButton } from '@mantine/core';
import type { Lang } from '@shared/locale/lang';
import { formatDate, formatDateTime } from '@shared/locale/dates';
import { formatNumber, formatTenge } from '@shared/locale/money';
import { collationKey, collationRanks, compareKeys } from '@shared/locale/collation';
import { districtName, zoneName } from '@shared/geo/regions';
import { okedName } from '@shared/domain/oked';
import { openBarriers, type ProjectStatus, type Stage } from '@shared/domain/project.schema';
import type { ProjectRow } from '../../db/db';
import { FACETS, inRange, isRangeActive, normaliseQuery, RANGE_COLUMNS, type BoardFilters, type Facet, type NumberRange } from './board-filters';

export const STATUS_COLOR: Record<ProjectStatus, string> = { on_track: 'teal', at_risk: 'orange', blocked: 'red' };
export const STAGE_COLOR: Record<Stage, string> = {
  idea: 'gray', negotiation: 'grape', design: 'indigo', construction: 'blue', commissioning: 'cyan', operating: 'teal', suspended: 'orange', cancelled: 'dark',
};

export const features = tableFeatures({
  columnVisibilityFeature,
  columnOrderingFeature,
  columnSizingFeature,
  columnFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  columnFacetingFeature,
  facetedRowModel: createFacetedRowModel(),
  facetedUniqueValues: createFacetedUniqueValues(),
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  columnGroupingFeature,
  groupedRowModel: createGroupedRowModel(),
  rowExpandingFeature,
  expandedRowModel: createExpandedRowModel(),
  rowAggregationFeature,
  aggregationFns: { sum: aggregationFn_sum },
});

const helper = createColumnHelper<typeof features, ProjectRow>();

/** Columns a clerk may show, hide and reorder, in their default order. */
export const DEFAULT_ORDER = [
  'title', 'investorName', 'stage', 'status', 'districtId', 'investmentTenge', 'jobsPermanentPlanned', 'okedSection', 'zoneId',
  'plannedCommissioningDate', 'openBarriers', 'investorBin', 'jobsPermanentCreated', 'jobsConstructionPlanned', 'updatedAt',
] as const;
export type BoardColumnId = (typeof DEFAULT_ORDER)[number];
export const DEFAULT_HIDDEN: BoardColumnId[] = ['investorBin', 'jobsPermanentCreated', 'jobsConstructionPlanned', 'updatedAt'];
export const GROUPABLE: Facet[] = ['districtId', 'okedSection', 'stage', 'status', 'zoneId'];
export const SUMMED = ['investmentTenge', 'jobsPermanentPlanned', 'jobsPermanentCreated', 'jobsConstructionPlanned'] as const;

function facetFilter(row: { getValue: (id: string) => unknown }, columnId: string, value: string[]) {
  return value.includes((row.getValue(columnId) as string | undefined) ?? '');
}
facetFilter.autoRemove = (v: unknown) => !Array.isArray(v) || v.length === 0;

function rangeFilter(row: { original: ProjectRow }, columnId: string, range: NumberRange) {
  return inRange(row.original[columnId as (typeof RANGE_COLUMNS)[number]], range);
}
rangeFilter.autoRemove = (v: unknown) => !isRangeActive(v as NumberRange | undefined);

function containsFilter(row: { original: ProjectRow }, _columnId: string, q: string) {
  return row.original.investorName.toLocaleLowerCase('ru').includes(q);
}
containsFilter.autoRemove = (v: unknown) => typeof v !== 'string' || v === '';

function openBarrierFilter(row: { getValue: (id: string) => unknown }, columnId: string, only: boolean) {
  return !only || Number(row.getValue(columnId)) > 0;
}
openBarrierFilter.autoRemove = (v: unknown) => v !== true;

/** Label of a facet value in the UI language. */
export function facetLabel(facet: Facet, value: string, lang: Lang, t: TFunction): string {
  if (!value) return t('fields.none');
  switch (facet) {
    case 'districtId': return districtName(value, lang) || value;
    case 'zoneId': return zoneName(value, lang) || value;
    case 'okedSection': return `${value} — ${okedName(value, lang)}`;
    case 'stage': return t(`stage.${value}`);
    case 'status': return t(`status.${value}`);
  }
}

/** The rows the sort functions see, with collation ranks per text column computed on first use. */
type SortRankCache = { rows: ProjectRow[]; lang: Lang | null; ranks: Map<string, Int32Array> };
type SortRow = { index: number; original: ProjectRow };
type TextSorted = 'title' | 'investorName';

/** Collation ranks of a text column for the cached rows (one key sort, then integer compares). */
function ranksOf(cache: SortRankCache, id: TextSorted, lang: Lang): Int32Array {
  if (cache.lang !== lang) {
    cache.ranks.clear();
    cache.lang = lang;
  }
  let ranks = cache.ranks.get(id);
  if (!ranks) {
    ranks = collationRanks(cache.rows.map((r) => r[id]), lang);
    cache.ranks.set(id, ranks);
  }
  return ranks;
}

function buildColumns(lang: Lang, t: TFunction, onOpen: (id: string) => void, cache: SortRankCache) {
  const text = (id: TextSorted) => {
    let ranks: Int32Array | null = null;
    return (a: SortRow, b: SortRow) => {
      ranks ??= ranksOf(cache, id, lang);
      return (ranks[a.index] ?? 0) - (ranks[b.index] ?? 0);
    };
  };
  const byLabel = (facet: Facet) => {
    const keys = new Map<string, string>();
    const key = (v: string) => {
      let k = keys.get(v);
      if (k === undefined) {
        k = v === '' ? '\uffff' : collationKey(facetLabel(facet, v, lang, t), lang);
        keys.set(v, k);
      }
      return k;
    };
    return (a: SortRow, b: SortRow) => compareKeys(key((a.original[facet] as string | undefined) ?? ''), key((b.original[facet] as string | undefined) ?? ''));
  };
  const money = (v: unknown) => (typeof v === 'number' ? formatTenge(v, lang) : '');
  const num = (v: unknown) => (typeof v === 'number' ? formatNumber(v, lang) : '');
  const facetCol = (id: Facet, size: number, render?: (v: string) => React.ReactNode) =>
    helper.accessor((r) => (r[id] as string | undefined) ?? '', {
      id,
      header: t(`columns.${id}`),
      size,
      filterFn: facetFilter,
      sortFn: byLabel(id),
      sortUndefined: false,
      cell: (c) => (render ? render(c.getValue()) : facetLabel(id, c.getValue(), lang, t)),
    });
  return helper.columns([
    helper.accessor('title', {
      header: t('columns.title'),
      size: 290,
      sortFn: text('title'),
      sortUndefined: false,
      enableHiding: false,
      cell: (c) => (
        <UnstyledButton className="cell-link" onClick={() => onOpen(c.row.original.id)} title={c.getValue()}>
          {c.getValue()}
        </UnstyledButton>
      ),
    }),
    helper.accessor('investorName', { header: t('columns.investorName'), size: 210, sortFn: text('investorName'), sortUndefined: false, filterFn: containsFilter, cell: (c) => <span title={c.getValue()}>{c.getValue()}</span> }),
    helper.accessor((r) => r.investorBin ?? '', { id: 'investorBin', header: t('columns.investorBin'), size: 130 }),
    facetCol('okedSection', 160),
    facetCol('districtId', 160),
    facetCol('zoneId', 130),
    helper.accessor((r) => r.investmentTenge, {
      id: 'investmentTenge', header: t('columns.investmentTenge'), size: 130, sortUndefined: 'last', aggregationFn: 'sum', filterFn: rangeFilter,
      cell: (c) => money(c.getValue()), aggregatedCell: (c) => money(c.getValue()),
      meta: { align: 'right' },
    }),
    ...(['jobsPermanentPlanned', 'jobsPermanentCreated', 'jobsConstructionPlanned'] as const).map((id) =>
      helper.accessor((r) => r[id], {
        id, header: t(`columns.${id}`), size: 120, sortUndefined: 'last', aggregationFn: 'sum', filterFn: rangeFilter,
        cell: (c) => num(c.getValue()), aggregatedCell: (c) => num(c.getValue()), meta: { align: 'right' },
      }),
    ),
    // Plain spans, not Badge components: a sort repaints these cells in every visible row.
    facetCol('stage', 150, (v) => <span className={`cell-tag tag-${STAGE_COLOR[v as Stage]}`}>{t(`stage.${v}`)}</span>),
    facetCol('status', 140, (v) => <span className={`cell-status status-${STATUS_COLOR[v as ProjectStatus]}`}>{t(`status.${v}`)}</span>),
    helper.accessor((r) => r.plannedCommissioningDate ?? '', { id: 'plannedCommissioningDate', header: t('columns.plannedCommissioningDate'), size: 120, cell: (c) => formatDate(c.getValue() || null) }),
    helper.accessor((r) => openBarriers(r).length, {
      id: 'openBarriers', header: t('columns.openBarriers'), size: 100, meta: { align: 'right' }, filterFn: openBarrierFilter,
      cell: (c) => (c.getValue() > 0 ? <span className="cell-alert">{c.getValue()}</span> : ''),
    }),
    helper.accessor('updatedAt', { header: t('columns.updatedAt'), size: 150, cell: (c) => formatDateTime(c.getValue()) }),
  ]);
}

export type ColumnLayout = { order: string[]; visibility: VisibilityState };
const LAYOUT_KEY = 'hattama.board.columns';

/** The remembered column order and visibility (defaults where nothing is saved or it is damaged). */
export function loadLayout(): ColumnLayout {
  const fallback: ColumnLayout = { order: [...DEFAULT_ORDER], visibility: Object.fromEntries(DEFAULT_HIDDEN.map((c) => [c, false])) };
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

/** The board table bound to the register's rows and the shared filters. */
export function useBoardTable(opts: {
  rows: ProjectRow[];
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
