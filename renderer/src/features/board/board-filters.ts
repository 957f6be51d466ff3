// The register's search and facet filters: one state, shared by the table and the kanban,
// and the pure predicates both use (search runs on each row's prepared lower-case text).
import type { ProjectRow } from '../../db/db';

export const FACETS = ['districtId', 'okedSection', 'stage', 'status', 'zoneId'] as const;
export type Facet = (typeof FACETS)[number];
export type FacetFilters = Partial<Record<Facet, string[]>>;

export type BoardFilters = { search: string; facets: FacetFilters };
export const NO_FILTERS: BoardFilters = { search: '', facets: {} };

/** The value a facet filters on ('' for an empty field, so "not set" is selectable too). */
export function facetValue(row: ProjectRow, facet: Facet): string {
  return (row[facet] as string | undefined) ?? '';
}

/** Normalises what the clerk typed into what the prepared search text holds. */
export function normaliseQuery(q: string): string {
  return q.trim().toLocaleLowerCase('ru');
}

/** Whether a row passes the search and every facet filter. */
export function matchesFilters(row: ProjectRow, filters: BoardFilters): boolean {
  const q = normaliseQuery(filters.search);
  if (q && !row.search.includes(q)) return false;
  for (const facet of FACETS) {
    const allowed = filters.facets[facet];
    if (allowed && allowed.length > 0 && !allowed.includes(facetValue(row, facet))) return false;
  }
  return true;
}

/** How many facet filters are active. */
export function activeFacetCount(filters: BoardFilters): number {
  return FACETS.filter((f) => (filters.facets[f]?.length ?? 0) > 0).length;
}
