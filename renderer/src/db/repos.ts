// The repositories of the app's tables, wired with their search text and table rules: a stage
// change writes a stage-log record; a write to a project or one of its barriers refreshes the
// project's board row, all in the write's own transaction.
import { projectFieldsSchema, barrierFieldsSchema, stageLogFieldsSchema, type Project } from '@shared/domain/project.schema';
import { personFieldsSchema, organizationFieldsSchema } from '@shared/domain/people.schema';
import { investmentStatFieldsSchema } from '@shared/domain/investment-stat.schema';
import { agendaItemFieldsSchema, attendanceFieldsSchema, meetingFieldsSchema, meetingYear, minutesFieldsSchema } from '@shared/domain/meeting.schema';
import { assignmentFieldsSchema, calendarDayFieldsSchema, dueOf, extensionFieldsSchema, reportFieldsSchema, type Assignment } from '@shared/domain/assignment.schema';
import { attachmentFieldsSchema } from '@shared/domain/attachment.schema';
import { Repository, ValidationError, type RepoContext } from './repository';
import { createMeetingOps } from './meeting-ops';
import { holdingProjections, refreshBoardRow, refreshBoardRows, refreshControlRow, refreshControlRows } from './projections';

export { projectSearchText } from './board-rows';
export {
  refreshBoardRow, refreshBoardRows, refreshControlRow, refreshControlRows, rebuildProjections, markProjectionsStale, rebuildStaleProjections,
} from './projections';

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
    /** Inside {@link transaction}: the projections of `work`'s writes stored once at its end (many batches of an import). */
    holdingProjections<T>(work: () => Promise<T>): Promise<T> {
      return holdingProjections(ctx.db, work);
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
