// The board's table model (@tanstack/react-table v9): the registered table features, the
// columns a clerk may show, hide, reorder, filter, sort, group and sum, and their defaults.
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
} from '@tanstack/react-table';
import { UnstyledButton } from '@mantine/core';
import type { Lang } from '@shared/locale/lang';
import { formatDate, formatDateTime } from '@shared/locale/dates';
import { formatNumber, formatTenge } from '@shared/locale/money';
import type { ProjectStatus, Stage } from '@shared/domain/project.schema';
import type { BoardRow } from '../../db/db';
import { inRange, isRangeActive, type Facet, type NumberRange, type RANGE_COLUMNS } from './board-filters';
import { STAGE_COLOR, STATUS_COLOR } from './board-colors';
import { facetLabel } from './facet-label';
import { labelSort, textSort, type SortRankCache } from './board-sort';

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

const helper = createColumnHelper<typeof features, BoardRow>();

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

function rangeFilter(row: { original: BoardRow }, columnId: string, range: NumberRange) {
  return inRange(row.original[columnId as (typeof RANGE_COLUMNS)[number]], range);
}
rangeFilter.autoRemove = (v: unknown) => !isRangeActive(v as NumberRange | undefined);

function containsFilter(row: { original: BoardRow }, _columnId: string, q: string) {
  return row.original.investorName.toLocaleLowerCase('ru').includes(q);
}
containsFilter.autoRemove = (v: unknown) => typeof v !== 'string' || v === '';

function openBarrierFilter(row: { getValue: (id: string) => unknown }, columnId: string, only: boolean) {
  return !only || Number(row.getValue(columnId)) > 0;
}
openBarrierFilter.autoRemove = (v: unknown) => v !== true;

/** The board's columns in the UI language; `cache` holds the text sorts' collation ranks. */
export function buildColumns(lang: Lang, t: TFunction, onOpen: (id: string) => void, cache: SortRankCache) {
  const money = (v: unknown) => (typeof v === 'number' ? formatTenge(v, lang) : '');
  const num = (v: unknown) => (typeof v === 'number' ? formatNumber(v, lang) : '');
  const facetCol = (id: Facet, size: number, render?: (v: string) => React.ReactNode) =>
    helper.accessor((r) => (r[id] as string | undefined) ?? '', {
      id,
      header: t(`columns.${id}`),
      size,
      filterFn: facetFilter,
      sortFn: labelSort(id, lang, t),
      sortUndefined: false,
      cell: (c) => (render ? render(c.getValue()) : facetLabel(id, c.getValue(), lang, t)),
    });
  return helper.columns([
    helper.accessor('title', {
      header: t('columns.title'),
      size: 290,
      sortFn: textSort(cache, 'title', lang),
      sortUndefined: false,
      enableHiding: false,
      cell: (c) => (
        <UnstyledButton className="cell-link" onClick={() => onOpen(c.row.original.id)} title={c.getValue()}>
          {c.getValue()}
        </UnstyledButton>
      ),
    }),
    helper.accessor('investorName', { header: t('columns.investorName'), size: 210, sortFn: textSort(cache, 'investorName', lang), sortUndefined: false, filterFn: containsFilter, cell: (c) => <span title={c.getValue()}>{c.getValue()}</span> }),
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
    helper.accessor((r) => r.openBarriers, {
      id: 'openBarriers', header: t('columns.openBarriers'), size: 100, meta: { align: 'right' }, filterFn: openBarrierFilter,
      cell: (c) => (c.getValue() > 0 ? <span className="cell-alert">{c.getValue()}</span> : ''),
    }),
    helper.accessor('updatedAt', { header: t('columns.updatedAt'), size: 150, cell: (c) => formatDateTime(c.getValue()) }),
  ]);
}
