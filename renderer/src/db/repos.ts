// The repositories of the app's tables, wired with their search text and table rules: a stage
// change writes a stage-log record; a write to a project or one of its barriers refreshes the
// project's board row, all in the write's own transaction.
import { projectFieldsSchema, barrierFieldsSchema, stageLogFieldsSchema, type Project, type Barrier } from '@shared/domain/project.schema';
import { personFieldsSchema, organizationFieldsSchema } from '@shared/domain/people.schema';
import { investmentStatFieldsSchema } from '@shared/domain/investment-stat.schema';
import type { FieldClocks } from '@shared/sync/merge';
import { clockKey, type HattamaDb } from './db';
import { toBoardRow } from './board-rows';
import { Repository, type RepoContext } from './repository';

export { projectSearchText } from './board-rows';

/**
 * Rebuilds a project's board row from the project and its barriers (inside the caller's
 * transaction). `known` passes the project and its stamps when the caller has just written them.
 */
export async function refreshBoardRow(db: HattamaDb, projectId: string, known?: { project: Project; clocks: FieldClocks }): Promise<void> {
  const [project, barriers, clockRow, revRow] = await Promise.all([
    known ? known.project : db.projects.get(projectId),
    db.barriers.where('projectId').equals(projectId).toArray(),
    known ? undefined : db.fieldClocks.get(clockKey('projects', projectId)),
    db.syncState.get('boardRev'),
  ]);
  if (!project) return;
  const clocks = known?.clocks ?? clockRow?.clock ?? {};
  const rev = (revRow?.version ?? 0) + 1;
  await Promise.all([
    db.syncState.put({ key: 'boardRev', version: rev }),
    db.boardRows.put({ ...toBoardRow(project as Project, barriers as Barrier[], clocks.stage ?? null), rev }),
  ]);
}

export function createRepos(ctx: RepoContext) {
  const stageLog = new Repository(ctx, { table: 'stageLog', schema: stageLogFieldsSchema });
  const barriers = new Repository(ctx, {
    table: 'barriers',
    schema: barrierFieldsSchema,
    afterWrite: async ({ row, previous }) => {
      await refreshBoardRow(ctx.db, row.projectId);
      if (previous && previous.projectId !== row.projectId) await refreshBoardRow(ctx.db, previous.projectId);
    },
  });
  const projects = new Repository(ctx, {
    table: 'projects',
    schema: projectFieldsSchema,
    guarded: ['stage', 'status'],
    afterWrite: async ({ id, row, clocks, previous, changed, at, actor, remote }) => {
      // Stage-log entries made elsewhere arrive as records of their own: only a local change logs.
      if (!remote && changed.has('stage')) {
        await stageLog.create({ projectId: id, at, from: previous?.stage ?? null, to: row.stage, by: actor });
      }
      await refreshBoardRow(ctx.db, id, { project: row as Project, clocks });
    },
  });
  return {
    projects,
    barriers,
    stageLog,
    people: new Repository(ctx, { table: 'people', schema: personFieldsSchema, searchText: (p) => `${p.fullName} ${p.position ?? ''}` }),
    organizations: new Repository(ctx, { table: 'organizations', schema: organizationFieldsSchema, searchText: (o) => `${o.name} ${o.bin ?? ''}` }),
    investmentStats: new Repository(ctx, { table: 'investmentStats', schema: investmentStatFieldsSchema, searchText: (s) => s.sourceTitle }),
    /** Runs several writes as one transaction: all of them are stored, or none. */
    transaction<T>(work: () => Promise<T>): Promise<T> {
      return ctx.db.transaction('rw', ctx.db.writeTables(), work);
    },
  };
}
export type Repos = ReturnType<typeof createRepos>;
