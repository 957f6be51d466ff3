// The register's search and facet filters, shared by the table and the kanban.
import { describe, expect, it } from 'vitest';
import { activeFacetCount, matchesFilters, NO_FILTERS } from '../../../renderer/src/features/board/board-filters';
import { projectSearchText } from '../../../renderer/src/db/repos';
import type { ProjectRow } from '../../../renderer/src/db/db';
import { projectFieldsSchema } from '@shared/domain/project.schema';

function row(fields: Record<string, unknown>): ProjectRow {
  const p = projectFieldsSchema.parse({ regionId: 'aktobe', stage: 'idea', status: 'on_track', stageLog: [], barriers: [], tags: [], ...fields });
  return { ...p, id: 'x', createdAt: '', updatedAt: '', deletedAt: null, alive: 1, search: projectSearchText(p).toLocaleLowerCase('ru') };
}

const pipes = row({ title: 'Завод по производству пластиковых труб', investorName: 'ТОО «Polyline»', districtId: 'aktobe-alga', okedSection: 'C' });
const hub = row({ title: 'Курьерский центр и логистический хаб', investorName: 'ТОО «IZBAS Logistics»', okedSection: 'H', stage: 'design' });

describe('board filters', () => {
  it('finds by any word, case-insensitively, in Russian and Kazakh district names', () => {
    expect(matchesFilters(pipes, { ...NO_FILTERS, search: 'POLYLINE' })).toBe(true);
    expect(matchesFilters(pipes, { ...NO_FILTERS, search: 'Алгинский' })).toBe(true);
    expect(matchesFilters(pipes, { ...NO_FILTERS, search: 'алға' })).toBe(true);
    expect(matchesFilters(hub, { ...NO_FILTERS, search: 'пластик' })).toBe(false);
  });

  it('combines facets: a project passes only when every active facet allows it', () => {
    const f = { search: '', facets: { okedSection: ['C', 'H'], stage: ['design'] } };
    expect(matchesFilters(pipes, f)).toBe(false);
    expect(matchesFilters(hub, f)).toBe(true);
    expect(activeFacetCount(f)).toBe(2);
  });

  it('lets "not set" be chosen as a facet value', () => {
    expect(matchesFilters(hub, { search: '', facets: { districtId: [''] } })).toBe(true);
    expect(matchesFilters(pipes, { search: '', facets: { districtId: [''] } })).toBe(false);
  });
});
