// The repositories of the app's tables, wired with their search text and table rules: a stage
// change writes a stage-log record; a write to a project or one of its barriers refreshes the
// project's board row, all in the write's own transaction.
import { projectFieldsSchema, barrierFieldsSchema, stageLogFieldsSchema, type Project, type Barrier } from '@shared/domain/project.schema';
import { personFieldsSchema, organizationFieldsSchema } from '@shared/domain/people.schema';
import { investmentStatFieldsSchema } from '@shared/domain/investment-stat.schema';
import { agendaItemFieldsSchema, attendanceFieldsSchema, meetingFieldsSchema, meetingYear, minutesFieldsSchema } from '@shared/domain/meeting.schema';
import { assignmentFieldsSchema, calendarDayFieldsSchema, dueOf, extensionFieldsSchema, reportFieldsSchema, type Assignment, type Report } from '@shared/domain/assignment.schema';
import { attachmentFieldsSchema } from '@shared/domain/attachment.schema';
import type { FieldClocks } from '@shared/sync/merge';
import { clocksOf, type HattamaDb } from './db';
import { toBoardRow } from './board-rows';
import { toControlRow } from './control-rows';
import { rowsByIndex } from './by-index';
import { Repository, ValidationError, type RepoContext } from './repository';
import { createMeetingOps } from './meeting-ops';

export { projectSearchText } from './board-rows';

/** Rows grouped by the value of `key`, each group in the rows' order. */
function groupBy<T, K extends keyof T>(rows: readonly T[], key: K): Map<T[K], T[]> {
  const groups = new Map<T[K], T[]>();
  for (const r of rows) {
    const list = groups.get(r[key]);
    if (list) list.push(r);
    else groups.set(r[key], [r]);
  }
  return groups;
}

/**
 * Rebuilds a project's board row from the project and its barriers (inside the caller's
 * transaction). `known` passes the project and its stamps when the caller has just written them.
 */
export async function refreshBoardRow(db: HattamaDb, projectId: string, known?: { project: Project; clocks: FieldClocks }): Promise<void> {
  await refreshBoardRows(db, [projectId], known ? new Map([[projectId, known]]) : undefined);
}

/**
 * Rebuilds the board rows of many projects at once (a pulled page), inside the caller's
 * transaction: the same rows as {@link refreshBoardRow}, read and written in bulk under one new
 * revision. `known` passes projects (and their stamps) the caller has just written.
 */
export async function refreshBoardRows(db: HattamaDb, projectIds: Iterable<string>, known?: ReadonlyMap<string, { project: Project; clocks: FieldClocks }>): Promise<void> {
  const ids = [...new Set(projectIds)];
  if (ids.length === 0) return;
  const unknown = ids.filter((id) => !known?.has(id));
  const [projects, barriers, revRow] = await Promise.all([
    db.projects.bulkGet(unknown),
    rowsByIndex(db.barriers, 'projectId', ids),
    db.syncState.get('boardRev'),
  ]);
  const read = new Map(unknown.map((id, i) => [id, { project: projects[i] as Project | undefined, clocks: clocksOf(projects[i]) }]));
  const byProject = groupBy(barriers as Barrier[], 'projectId');
  const rev = (revRow?.version ?? 0) + 1;
  const rows = [];
  for (const id of ids) {
    const { project, clocks } = known?.get(id) ?? read.get(id) ?? { project: undefined, clocks: {} };
    if (project) rows.push({ ...toBoardRow(project, byProject.get(id) ?? [], clocks.stage ?? null), rev });
  }
  if (rows.length === 0) return;
  await Promise.all([db.syncState.put({ key: 'boardRev', version: rev }), db.boardRows.bulkPut(rows)]);
}

/**
 * Rebuilds an assignment's control row from the assignment and its reports (inside the caller's
 * transaction). `known` passes the assignment when the caller has just written it.
 */
export async function refreshControlRow(db: HattamaDb, assignmentId: string, known?: Assignment): Promise<void> {
  await refreshControlRows(db, [assignmentId], known ? new Map([[assignmentId, known]]) : undefined);
}

/**
 * Rebuilds the control rows of many assignments at once (a pulled page, an import), inside the
 * caller's transaction: the same rows as {@link refreshControlRow}, read and written in bulk under
 * one new revision. `known` passes assignments the caller has just written.
 */
export async function refreshControlRows(db: HattamaDb, assignmentIds: Iterable<string>, known?: ReadonlyMap<string, Assignment>): Promise<void> {
  const ids = [...new Set(assignmentIds)];
  if (ids.length === 0) return;
  const unknown = ids.filter((id) => !known?.has(id));
  const [assignments, reports, revRow] = await Promise.all([
    unknown.length > 0 ? db.assignments.bulkGet(unknown) : [],
    rowsByIndex(db.reports, 'assignmentId', ids),
    db.syncState.get('controlRev'),
  ]);
  const read = new Map(unknown.map((id, i) => [id, assignments[i] as Assignment | undefined]));
  const byAssignment = groupBy(reports as Report[], 'assignmentId');
  const rev = (revRow?.version ?? 0) + 1;
  const rows = [];
  for (const id of ids) {
    const assignment = known?.get(id) ?? read.get(id);
    if (assignment) rows.push({ ...toControlRow(assignment, byAssignment.get(id) ?? []), rev });
  }
  if (rows.length === 0) return;
  await Promise.all([db.syncState.put({ key: 'controlRev', version: rev }), db.controlRows.bulkPut(rows)]);
}

/**
 * Rebuilds every project's board row and every assignment's control row from the records, inside
 * the caller's transaction, each table read once (a restore; the end of a first sync).
 */
export async function rebuildProjections(db: HattamaDb): Promise<void> {
  const [projects, barriers, assignments, reports, boardRev, controlRev] = await Promise.all([
    db.projects.toArray(), db.barriers.toArray(), db.assignments.toArray(), db.reports.toArray(), db.syncState.get('boardRev'), db.syncState.get('controlRev'),
  ]);
  const barriersOf = groupBy(barriers as Barrier[], 'projectId');
  const reportsOf = groupBy(reports as Report[], 'assignmentId');
  const board = (boardRev?.version ?? 0) + 1;
  const control = (controlRev?.version ?? 0) + 1;
  await Promise.all([
    db.boardRows.bulkPut(projects.map((p) => ({ ...toBoardRow(p as Project, barriersOf.get(p.id) ?? [], clocksOf(p).stage ?? null), rev: board }))),
    db.controlRows.bulkPut(assignments.map((a) => ({ ...toControlRow(a as Assignment, reportsOf.get(a.id) ?? []), rev: control }))),
    db.syncState.bulkPut([{ key: 'boardRev', version: board }, { key: 'controlRev', version: control }]),
  ]);
}

/**
 * Notes, inside the caller's transaction, that records were stored without their projections (a
 * first sync's pages): {@link rebuildStaleProjections} builds them, and a crash before that leaves
 * the note for the next run.
 */
export async function markProjectionsStale(db: HattamaDb): Promise<void> {
  await db.syncState.put({ key: 'projectionsStale', version: 1 });
}

/** Rebuilds the projections in their own transaction when they were noted stale; true if it did. */
export async function rebuildStaleProjections(db: HattamaDb): Promise<boolean> {
  return db.transaction('rw', [db.projects, db.barriers, db.assignments, db.reports, db.boardRows, db.controlRows, db.syncState], async () => {
    if (!(await db.syncState.get('projectionsStale'))) return false;
    await rebuildProjections(db);
    await db.syncState.delete('projectionsStale');
    return true;
  });
}

function createBaseRepos(ctx: RepoContext) {
  const stageLog = new Repository(ctx, { table: 'stageLog', schema: stageLogFieldsSchema });
  const barriers = new Repository(ctx, {
    table: 'barriers',
    schema: barrierFieldsSchema,
    afterWrite: async ({ row, previous }) => {
      await refreshBoardRow(ctx.db, row.projectId);
      if (previous && previous.projectId !== row.projectId) await refreshBoardRow(ctx.db, previous.projectId);
    },
    // A pulled page: each project's row once, in bulk.
    afterWriteMany: async (events) => {
      const projects = new Set<string>();
      for (const { row, previous } of events) {
        projects.add(row.projectId);
        if (previous && previous.projectId !== row.projectId) projects.add(previous.projectId);
      }
      await refreshBoardRows(ctx.db, projects);
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
    // A pulled page (stage-log entries come as records of their own) or an import (local changes
    // of stage are logged here, as one write logs them): each project's row once, from its last state.
    afterWriteMany: async (events) => {
      const logs = events
        .filter((e) => !e.remote && e.changed.has('stage'))
        .map((e) => ({ input: { projectId: e.id, at: e.at, from: e.previous?.stage ?? null, to: e.row.stage, by: e.actor } }));
      if (logs.length > 0) await stageLog.writeMany(logs);
      const last = new Map(events.map((e) => [e.id, { project: e.row as Project, clocks: e.clocks }]));
      await refreshBoardRows(ctx.db, last.keys(), last);
    },
  });
  const { db } = ctx;
  const meetings = new Repository(ctx, {
    table: 'meetings',
    schema: meetingFieldsSchema,
    searchText: (m) => `${m.number} ${m.title ?? ''} ${m.place} ${m.date.split('-').reverse().join('.')}`,
    // The number restarts each year: one meeting per region, year and number.
    check: async (m, { id }) => {
      const year = meetingYear(m);
      const same = await db.meetings
        .where('date')
        .between(`${year}-01-01`, `${year}-12-31`, true, true)
        .filter((o) => o.alive === 1 && o.id !== id && o.regionId === m.regionId && o.number === m.number)
        .count();
      if (same > 0) throw new ValidationError([{ path: 'number', message: 'duplicate_number' }]);
    },
  });
  const assignments = new Repository(ctx, {
    table: 'assignments',
    schema: assignmentFieldsSchema,
    guarded: ['deadline', 'status'],
    searchText: (a) => `${a.textRu ?? ''} ${a.textKk ?? ''} ${a.sourceNumber ?? ''} ${a.sourceTitle ?? ''}`,
    check: async (a, { id, previous }) => {
      const due = dueOf(a.deadline);
      if (due && a.meetingId && (!previous || JSON.stringify(previous.deadline) !== JSON.stringify(a.deadline))) {
        const meeting = await db.meetings.get(a.meetingId);
        if (meeting && due < meeting.date) throw new ValidationError([{ path: 'deadline', message: 'before_meeting' }]);
      }
      // Taken off control («снято с контроля») only with an execution report.
      if (a.status === 'done' && previous?.status !== 'done') {
        const reported = id ? await db.reports.where('assignmentId').equals(id).filter((r) => r.alive === 1).count() : 0;
        if (reported === 0) throw new ValidationError([{ path: 'status', message: 'report_required' }]);
      }
    },
    afterWrite: ({ id, row }) => refreshControlRow(db, id, row as Assignment),
    // A pulled page or an import: each assignment's row once, in bulk.
    afterWriteMany: (events) => refreshControlRows(db, events.map((e) => e.id), new Map(events.map((e) => [e.id, e.row as Assignment]))),
  });
  return {
    meetings,
    agendaItems: new Repository(ctx, { table: 'agendaItems', schema: agendaItemFieldsSchema }),
    attendance: new Repository(ctx, { table: 'attendance', schema: attendanceFieldsSchema }),
    minutes: new Repository(ctx, { table: 'minutes', schema: minutesFieldsSchema }),
    assignments,
    extensions: new Repository(ctx, { table: 'extensions', schema: extensionFieldsSchema }),
    reports: new Repository(ctx, {
      table: 'reports',
      schema: reportFieldsSchema,
      afterWrite: async ({ row, previous }) => {
        await refreshControlRow(db, row.assignmentId);
        if (previous && previous.assignmentId !== row.assignmentId) await refreshControlRow(db, previous.assignmentId);
      },
      afterWriteMany: async (events) => {
        const ids = new Set<string>();
        for (const { row, previous } of events) {
          ids.add(row.assignmentId);
          if (previous && previous.assignmentId !== row.assignmentId) ids.add(previous.assignmentId);
        }
        await refreshControlRows(db, ids);
      },
    }),
    calendarDays: new Repository(ctx, { table: 'calendarDays', schema: calendarDayFieldsSchema }),
    attachments: new Repository(ctx, { table: 'attachments', schema: attachmentFieldsSchema, searchText: (a) => a.fileName }),
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
export type BaseRepos = ReturnType<typeof createBaseRepos>;

/** The repositories, and (`ops`) the meeting, minutes and assignment operations built on them. */
export function createRepos(ctx: RepoContext) {
  const base = createBaseRepos(ctx);
  return { ...base, ops: createMeetingOps(ctx, base) };
}
export type Repos = ReturnType<typeof createRepos>;
