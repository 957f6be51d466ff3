// The board's table model (@tanstack/react-table v9): the registered table features, the
// columns a clerk may show, hide, reorder, sort, group and sum, and their defaults. Sorting and
// filtering of 100,000 rows are done by board-order.ts; the table groups, sums and renders.
import type { TFunction } from 'i18next';
import {
  aggregationFn_sum,
  columnGroupingFeature,
  columnOrderingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  createExpandedRowModel,
  createGroupedRowModel,
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
import type { Facet } from './board-filters';
import { STAGE_COLOR, STATUS_COLOR } from './board-colors';
import { facetLabel } from './facet-label';

export const features = tableFeatures({
  columnVisibilityFeature,
  columnOrderingFeature,
  columnSizingFeature,
  // Sorting state and header toggles only: the order itself is the board's (board-order.ts).
  rowSortingFeature,
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
export { SUMMED } from './board-order';

/**
 * The board's columns in the UI language. Sorting and filtering are the board's own (board-order.ts),
 * so the columns only say how a cell, a group total and a header read.
 */
export function buildColumns(lang: Lang, t: TFunction, onOpen: (id: string) => void) {
  /** A header that wraps to two lines at most, its full text in the title. */
  const head = (label: string) => () => <span className="th-text" title={label}>{label}</span>;
  /** A figure not given reads «—» (dimmed), not a blank that looks like a cell not drawn. */
  const none = <span className="cell-none" title={t('board.notGiven')}>—</span>;
  const money = (v: unknown) => (typeof v === 'number' ? formatTenge(v, lang) : none);
  const num = (v: unknown) => (typeof v === 'number' ? formatNumber(v, lang) : none);
  const sum = (render: (v: unknown) => React.ReactNode) => (v: unknown) => (typeof v === 'number' ? render(v) : '');
  const facetCol = (id: Facet, size: number, render?: (v: string) => React.ReactNode) =>
    helper.accessor((r) => (r[id] as string | undefined) ?? '', {
      id,
      header: head(t(`columns.${id}`)),
      size,
      cell: (c) => {
        if (render) return render(c.getValue());
        const label = facetLabel(id, c.getValue(), lang, t);
        // In a span: a flex cell does not put an ellipsis on its bare text.
        return <span title={label}>{label}</span>;
      },
    });
  return helper.columns([
    helper.accessor('title', {
      header: head(t('columns.title')),
      size: 290,
      enableHiding: false,
      cell: (c) => (
        <UnstyledButton className="cell-link" onClick={() => onOpen(c.row.original.id)} title={c.getValue()}>
          {c.getValue()}
        </UnstyledButton>
      ),
    }),
    helper.accessor('investorName', { header: head(t('columns.investorName')), size: 210, cell: (c) => <span title={c.getValue()}>{c.getValue()}</span> }),
    helper.accessor((r) => r.investorBin ?? '', { id: 'investorBin', header: head(t('columns.investorBin')), size: 130 }),
    facetCol('okedSection', 160),
    facetCol('districtId', 160),
    facetCol('zoneId', 130),
    helper.accessor((r) => r.investmentTenge, {
      id: 'investmentTenge', header: head(t('columns.investmentTenge')), size: 130, aggregationFn: 'sum',
      cell: (c) => money(c.getValue()), aggregatedCell: (c) => sum(money)(c.getValue()),
      meta: { align: 'right' },
    }),
    ...(['jobsPermanentPlanned', 'jobsPermanentCreated', 'jobsConstructionPlanned'] as const).map((id) =>
      helper.accessor((r) => r[id], {
        id, header: head(t(`columns.${id}`)), size: 120, aggregationFn: 'sum',
        cell: (c) => num(c.getValue()), aggregatedCell: (c) => sum(num)(c.getValue()), meta: { align: 'right' },
      }),
    ),
    // Plain spans, not Badge components: a sort repaints these cells in every visible row.
    facetCol('stage', 150, (v) => <span className={`cell-tag tag-${STAGE_COLOR[v as Stage]}`}>{t(`stage.${v}`)}</span>),
    facetCol('status', 140, (v) => <span className={`cell-status status-${STATUS_COLOR[v as ProjectStatus]}`}>{t(`status.${v}`)}</span>),
    helper.accessor((r) => r.plannedCommissioningDate ?? '', { id: 'plannedCommissioningDate', header: head(t('columns.plannedCommissioningDate')), size: 120, cell: (c) => (c.getValue() ? formatDate(c.getValue()) : none) }),
    helper.accessor((r) => r.openBarriers, {
      id: 'openBarriers', header: head(t('columns.openBarriers')), size: 100, meta: { align: 'right' },
      cell: (c) => (c.getValue() > 0 ? <span className="cell-alert">{c.getValue()}</span> : ''),
    }),
    helper.accessor('updatedAt', { header: head(t('columns.updatedAt')), size: 150, cell: (c) => formatDateTime(c.getValue()) }),
  ]);
}
