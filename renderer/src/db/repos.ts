// The repositories of the app's tables, wired with their search text and table rules.
import { projectFieldsSchema, type ProjectFields, type StageLogEntry } from '@shared/domain/project.schema';
import { personFieldsSchema, organizationFieldsSchema } from '@shared/domain/people.schema';
import { investmentStatFieldsSchema } from '@shared/domain/investment-stat.schema';
import { okedName } from '@shared/domain/oked';
import { districtName, regionName, zoneName } from '@shared/geo/regions';
import { Repository, type RepoContext } from './repository';

/** Text the board search matches: every visible text field, in all three languages for names. */
export function projectSearchText(p: ProjectFields): string {
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
    ...p.barriers.map((b) => b.text),
    ...langs.map((l) => regionName(p.regionId, l)),
    ...(p.districtId ? langs.map((l) => districtName(p.districtId ?? '', l)) : []),
    ...(p.zoneId ? langs.map((l) => zoneName(p.zoneId ?? '', l)) : []),
    ...(p.okedSection ? langs.map((l) => okedName(p.okedSection ?? 'A', l)) : []),
  ]
    .filter(Boolean)
    .join('\u0001');
}

/** Appends a stage-log entry whenever the stage changes (стадия → журнал стадий). */
export function withStageLog(next: ProjectFields, previous: ProjectFields | null, info: { at: string; actor: string }): ProjectFields {
  const from = previous?.stage ?? null;
  if (from === next.stage && previous) return { ...next, stageLog: previous.stageLog };
  const entry: StageLogEntry = { at: info.at, from, to: next.stage, by: info.actor };
  return { ...next, stageLog: [...(previous?.stageLog ?? []), entry] };
}

export function createRepos(ctx: RepoContext) {
  return {
    projects: new Repository(ctx, {
      table: 'projects',
      schema: projectFieldsSchema,
      searchText: projectSearchText,
      guarded: ['stage', 'status'],
      beforeWrite: withStageLog,
    }),
    people: new Repository(ctx, { table: 'people', schema: personFieldsSchema, searchText: (p) => `${p.fullName} ${p.position ?? ''}` }),
    organizations: new Repository(ctx, { table: 'organizations', schema: organizationFieldsSchema, searchText: (o) => `${o.name} ${o.bin ?? ''}` }),
    investmentStats: new Repository(ctx, { table: 'investmentStats', schema: investmentStatFieldsSchema, searchText: (s) => s.sourceTitle }),
  };
}
export type Repos = ReturnType<typeof createRepos>;
