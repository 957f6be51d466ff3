// The register's search and facet filters, shared by the table and the kanban.
import { describe, expect, it } from 'vitest';
import { activeFacetCount, matchesFilters, NO_FILTERS, type ColumnFilterValues } from '../../../renderer/src/features/board/board-filters';
import { toBoardRow, type BoardRow } from '../../../renderer/src/db/board-rows';
import { rowMatcher } from '../../../renderer/src/features/board/board-order';
import { projectFieldsSchema, type Barrier } from '@shared/domain/project.schema';

function row(fields: Record<string, unknown>, barriers: Pick<Barrier, 'kind' | 'text' | 'openedOn'>[] = []): BoardRow {
  const p = { ...projectFieldsSchema.parse({ regionId: 'aktobe', stage: 'idea', status: 'on_track', tags: [], ...fields }), id: 'x', createdAt: '', updatedAt: '', deletedAt: null };
  return toBoardRow(p, barriers.map((b, i) => ({ ...b, id: `b${i}`, projectId: 'x', createdAt: '', updatedAt: '', deletedAt: null })), null);
}

const pipes = row({ title: 'Завод по производству пластиковых труб', investorName: 'ТОО «Polyline»', districtId: 'aktobe-alga', okedSection: 'C', investmentTenge: 12.5e9, jobsPermanentPlanned: 150 }, [{ kind: 'gas', text: 'Нет газа', openedOn: '2026-01-10' }]);
const hub = row({ title: 'Курьерский центр и логистический хаб', investorName: 'ТОО «IZBAS Logistics»', okedSection: 'H', stage: 'design' });

describe('board filters', () => {
  it('finds by any word, case-insensitively, in Russian and Kazakh district names', () => {
    expect(matchesFilters(pipes, { ...NO_FILTERS, search: 'POLYLINE' })).toBe(true);
    expect(matchesFilters(pipes, { ...NO_FILTERS, search: 'Алгинский' })).toBe(true);
    expect(matchesFilters(pipes, { ...NO_FILTERS, search: 'алға' })).toBe(true);
    expect(matchesFilters(hub, { ...NO_FILTERS, search: 'пластик' })).toBe(false);
  });

  it('combines facets: a project passes only when every active facet allows it', () => {
    const f = { ...NO_FILTERS, facets: { okedSection: ['C', 'H'], stage: ['design'] } };
    expect(matchesFilters(pipes, f)).toBe(false);
    expect(matchesFilters(hub, f)).toBe(true);
    expect(activeFacetCount(f)).toBe(2);
  });

  it('lets "not set" be chosen as a facet value', () => {
    expect(matchesFilters(hub, { ...NO_FILTERS, facets: { districtId: [''] } })).toBe(true);
    expect(matchesFilters(pipes, { ...NO_FILTERS, facets: { districtId: [''] } })).toBe(false);
  });

  it('filters by columns: investor contains, investment and jobs ranges, open barriers', () => {
    const c = (columns: ColumnFilterValues) => ({ ...NO_FILTERS, columns });
    expect(matchesFilters(pipes, c({ investorName: 'poly' }))).toBe(true);
    expect(matchesFilters(hub, c({ investorName: 'poly' }))).toBe(false);
    expect(matchesFilters(pipes, c({ investmentTenge: { min: 10e9 } }))).toBe(true);
    expect(matchesFilters(pipes, c({ investmentTenge: { min: 10e9, max: 12e9 } }))).toBe(false);
    // A project whose investment is not known does not pass an active investment range.
    expect(matchesFilters(hub, c({ investmentTenge: { max: 1e15 } }))).toBe(false);
    expect(matchesFilters(hub, c({ investmentTenge: {} }))).toBe(true);
    expect(matchesFilters(pipes, c({ jobsPermanentPlanned: { min: 100, max: 150 } }))).toBe(true);
    expect(matchesFilters(pipes, c({ openBarriers: true }))).toBe(true);
    expect(matchesFilters(hub, c({ openBarriers: true }))).toBe(false);
    expect(activeFacetCount(c({ investorName: ' ', investmentTenge: {}, openBarriers: true }))).toBe(1);
  });
});

describe('the barrier-kind filter (what a bar of the dashboard\'s barrier chart opens)', () => {
  it('keeps the projects with an open barrier of one of the kinds — a resolved one does not count — on the table and the kanban alike', () => {
    const c = (columns: ColumnFilterValues) => ({ ...NO_FILTERS, columns });
    const resolvedLand = row({ title: 'Цех', investorName: 'ТОО «Цех»' }, [{ kind: 'land', text: 'Участок', openedOn: '2026-01-10', resolvedOn: '2026-02-01' } as Pick<Barrier, 'kind' | 'text' | 'openedOn'>]);
    expect(matchesFilters(pipes, c({ barrierKinds: ['gas'] }))).toBe(true);
    expect(matchesFilters(pipes, c({ barrierKinds: ['land', 'power'] }))).toBe(false);
    expect(matchesFilters(pipes, c({ barrierKinds: ['land', 'gas'] }))).toBe(true);
    expect(matchesFilters(hub, c({ barrierKinds: ['gas'] }))).toBe(false);
    expect(matchesFilters(resolvedLand, c({ barrierKinds: ['land'] }))).toBe(false);
    expect(matchesFilters(hub, c({ barrierKinds: [] }))).toBe(true);
    expect(activeFacetCount(c({ barrierKinds: ['gas'] }))).toBe(1);
    const match = rowMatcher(c({ barrierKinds: ['gas'] }));
    expect([pipes, hub, resolvedLand].filter((r) => match?.(r) ?? true)).toEqual([pipes]);
  });
});
