// The register's filters: search, facet filters and column filters (investor, investment and
// jobs ranges, open barriers) — one state, shared by the table and the kanban, and the pure
// predicates both use (search runs on each row's prepared lower-case text).
import type { BarrierKind } from '@shared/domain/project.schema';
import type { BoardRow } from '../../db/db';

export const FACETS = ['districtId', 'okedSection', 'stage', 'status', 'zoneId'] as const;
export type Facet = (typeof FACETS)[number];
export type FacetFilters = Partial<Record<Facet, string[]>>;

/** An inclusive range; a missing end is open. */
export type NumberRange = { min?: number; max?: number };
export const RANGE_COLUMNS = ['investmentTenge', 'jobsPermanentPlanned'] as const;
export type RangeColumn = (typeof RANGE_COLUMNS)[number];

/** Filters on single columns (фильтры по столбцам). */
export type ColumnFilterValues = {
  /** Investor name contains this text (case-insensitive). */
  investorName?: string;
  investmentTenge?: NumberRange;
  jobsPermanentPlanned?: NumberRange;
  /** Only projects with at least one open barrier. */
  openBarriers?: boolean;
  /** Only projects with an open barrier of one of these kinds (the dashboard's barrier bars open this). */
  barrierKinds?: BarrierKind[] | undefined;
};

export type BoardFilters = { search: string; facets: FacetFilters; columns: ColumnFilterValues };
export const NO_FILTERS: BoardFilters = { search: '', facets: {}, columns: {} };

/** The value a facet filters on ('' for an empty field, so "not set" is selectable too). */
export function facetValue(row: BoardRow, facet: Facet): string {
  return (row[facet] as string | undefined) ?? '';
}

/** Normalises what the clerk typed into what the prepared search text holds. */
export function normaliseQuery(q: string): string {
  return q.trim().toLocaleLowerCase('ru');
}

/** Whether a range filter is set at all. */
export function isRangeActive(r: NumberRange | undefined): r is NumberRange {
  return r !== undefined && (r.min !== undefined || r.max !== undefined);
}

/** Whether a value lies in a range; an empty value passes only an inactive range. */
export function inRange(value: number | undefined, r: NumberRange | undefined): boolean {
  if (!isRangeActive(r)) return true;
  if (value === undefined) return false;
  return (r.min === undefined || value >= r.min) && (r.max === undefined || value <= r.max);
}

/** Whether a row passes the column filters. */
export function matchesColumnFilters(row: BoardRow, c: ColumnFilterValues): boolean {
  const investor = c.investorName ? normaliseQuery(c.investorName) : '';
  if (investor && !row.investorName.toLocaleLowerCase('ru').includes(investor)) return false;
  for (const col of RANGE_COLUMNS) if (!inRange(row[col], c[col])) return false;
  if (c.openBarriers && row.openBarriers === 0) return false;
  if (!hasBarrierKind(row, c.barrierKinds)) return false;
  return true;
}

/** Whether a row has an open barrier of one of `kinds` (no kinds: every row). */
export function hasBarrierKind(row: Pick<BoardRow, 'openBarrierKinds'>, kinds: readonly BarrierKind[] | undefined): boolean {
  return !kinds || kinds.length === 0 || kinds.some((k) => row.openBarrierKinds.includes(k));
}

/** Whether a row passes the search, every facet filter and every column filter. */
export function matchesFilters(row: BoardRow, filters: BoardFilters): boolean {
  const q = normaliseQuery(filters.search);
  if (q && !row.search.includes(q)) return false;
  for (const facet of FACETS) {
    const allowed = filters.facets[facet];
    if (allowed && allowed.length > 0 && !allowed.includes(facetValue(row, facet))) return false;
  }
  return matchesColumnFilters(row, filters.columns);
}

/** How many column filters are active. */
export function activeColumnFilterCount(c: ColumnFilterValues): number {
  return (c.investorName?.trim() ? 1 : 0) + RANGE_COLUMNS.filter((col) => isRangeActive(c[col])).length + (c.openBarriers ? 1 : 0) + ((c.barrierKinds?.length ?? 0) > 0 ? 1 : 0);
}

/** How many facet and column filters are active. */
export function activeFacetCount(filters: BoardFilters): number {
  return FACETS.filter((f) => (filters.facets[f]?.length ?? 0) > 0).length + activeColumnFilterCount(filters.columns);
}
