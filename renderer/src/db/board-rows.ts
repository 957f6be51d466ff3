// The board's projection of a project (a local, derived row; never synced): only what the register
// board, the kanban and their filters show, plus the prepared search text. The repository keeps it
// in the same transaction as every write to a project or its barriers, so reading 100,000 of
// them does not read the projects' long texts, and a write elsewhere repaints one row.
import type { Barrier, BarrierKind, Project } from '@shared/domain/project.schema';
import { BARRIER_KINDS } from '@shared/domain/project.schema';
import { openBarriers } from '@shared/domain/project.schema';
import { okedName } from '@shared/domain/oked';
import { districtName, regionName, zoneName } from '@shared/geo/regions';

/** Fields of a project the board reads. */
export const BOARD_FIELDS = [
  'title', 'investorName', 'investorBin', 'okedSection', 'regionId', 'districtId', 'zoneId', 'investmentTenge',
  'jobsConstructionPlanned', 'jobsConstructionCreated', 'jobsPermanentPlanned', 'jobsPermanentCreated',
  'stage', 'status', 'startDate', 'plannedCommissioningDate', 'actualCommissioningDate', 'curatorId', 'tags',
] as const satisfies readonly (keyof Project)[];

export type BoardRow = Pick<Project, (typeof BOARD_FIELDS)[number] | 'id' | 'createdAt' | 'updatedAt'> & {
  /** 1 while the project is not deleted (IndexedDB cannot index null). */
  alive: 0 | 1;
  /** Lower-cased text the board's search runs on. */
  search: string;
  /** Open barriers of the project. */
  openBarriers: number;
  /** Kinds of the project's open barriers, each once, in BARRIER_KINDS order (the dashboard counts by them). */
  openBarrierKinds: BarrierKind[];
  /** The stamp of the stage the board shows: the base of a stage change made on the kanban. */
  stageHlc: string | null;
  /** Local revision: increases with every write of a board row (see board-snapshot.ts). */
  rev?: number;
};

/** Text the board search matches: every visible text field, in all three languages for names. */
export function projectSearchText(p: Pick<Project, 'title' | 'investorName' | 'investorBin' | 'settlement' | 'capacity' | 'notes' | 'supportMeasures' | 'tags' | 'regionId' | 'districtId' | 'zoneId' | 'okedSection'>, barriers: readonly Pick<Barrier, 'text' | 'deletedAt'>[]): string {
  const langs = ['ru', 'kk', 'en'] as const;
  return [
    p.title,
    p.investorName,
    p.investorBin,
    p.settlement,
    p.capacity,
    p.notes,
    p.supportMeasures,
    ...p.tags,
    ...barriers.filter((b) => !b.deletedAt).map((b) => b.text),
    ...langs.map((l) => regionName(p.regionId, l)),
    ...(p.districtId ? langs.map((l) => districtName(p.districtId ?? '', l)) : []),
    ...(p.zoneId ? langs.map((l) => zoneName(p.zoneId ?? '', l)) : []),
    ...(p.okedSection ? langs.map((l) => okedName(p.okedSection ?? 'A', l)) : []),
  ]
    .filter(Boolean)
    .join('\u0001')
    .toLocaleLowerCase('ru');
}

/** The board row of a project and its barriers. */
export function toBoardRow(p: Project, barriers: readonly Barrier[], stageHlc: string | null): BoardRow {
  const row: Record<string, unknown> = { id: p.id, createdAt: p.createdAt, updatedAt: p.updatedAt };
  for (const f of BOARD_FIELDS) if (p[f] !== undefined) row[f] = p[f];
  const own = barriers.filter((b) => b.projectId === p.id);
  const open = openBarriers(own);
  const kinds = new Set(open.map((b) => b.kind));
  return {
    ...(row as Omit<BoardRow, 'alive' | 'search' | 'openBarriers' | 'openBarrierKinds' | 'stageHlc'>),
    alive: p.deletedAt ? 0 : 1,
    search: projectSearchText(p, own),
    openBarriers: open.length,
    openBarrierKinds: BARRIER_KINDS.filter((k) => kinds.has(k)),
    stageHlc,
  };
}
