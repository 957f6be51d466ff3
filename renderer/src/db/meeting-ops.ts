// The secretariat's work on meetings, minutes and assignments as whole operations — each one
// transaction through the repositories (agenda order, attendance, decisions, status changes,
// revisions, extensions, reports). Views call these; none writes a table itself.
import { generateKeyBetween } from 'fractional-indexing';
import { childId } from '@shared/domain/derived-id';
import { byPosition, decisionNumbers } from '@shared/domain/decisions';
import { todayIso } from '@shared/locale/dates';
import {
  DOC_LANGS, minutesDocId, meetingYear,
  type AgendaItemFieldsInput, type AttendanceRole, type DocLang, type MeetingFieldsInput, type MinutesStatus, type Presence,
} from '@shared/domain/meeting.schema';
import { dueOf, type AssignmentFieldsInput, type Deadline } from '@shared/domain/assignment.schema';
import { copyDocState } from './doc-store';
import { ValidationError, type RepoContext, type UpdateOptions } from './repository';
import type { AgendaItemRow, AssignmentRow, MinutesRow } from './db';
import type { BaseRepos } from './repos';

/** Thrown when an operation is not allowed in the record's state (e.g. editing signed minutes). */
export class StateError extends Error {
  constructor(readonly code: 'minutes_signed' | 'not_signed' | 'not_found' | 'bad_transition') {
    super(code);
    this.name = 'StateError';
  }
}

/** What a decision of the minutes holds (an assignment of origin `decision`). */
export type DecisionInput = Pick<AssignmentFieldsInput, 'textRu' | 'textKk' | 'deadline'> & {
  responsibleOrgIds?: string[];
  projectIds?: string[];
  directiveId?: string;
};

/** The problems that keep minutes from being agreed or signed, per decision. */
export type MinutesProblem = { assignmentId: string; number: string; problem: 'no_responsible' | 'no_deadline' | 'no_text' };

export function createMeetingOps(ctx: RepoContext, repos: BaseRepos) {
  const { db } = ctx;
  const today = () => todayIso(ctx.now());

  async function liveItems(meetingId: string): Promise<AgendaItemRow[]> {
    return byPosition((await db.agendaItems.where('meetingId').equals(meetingId).toArray()).filter((i) => i.alive === 1));
  }

  async function liveDecisions(meetingId: string): Promise<AssignmentRow[]> {
    return (await db.assignments.where('meetingId').equals(meetingId).toArray()).filter((a) => a.alive === 1 && a.origin === 'decision');
  }

  /** The minutes revision the clerk works on (the newest), if any. */
  async function currentMinutes(meetingId: string): Promise<MinutesRow | undefined> {
    const all = (await db.minutes.where('meetingId').equals(meetingId).toArray()).filter((m) => m.alive === 1);
    return all.sort((a, b) => b.revision - a.revision)[0];
  }

  async function assertEditable(meetingId: string): Promise<void> {
    const m = await currentMinutes(meetingId);
    if (m && m.status === 'signed') throw new StateError('minutes_signed');
  }

  const ops = {
    /** The next free number in the year of `date` for the region. */
    async nextMeetingNumber(regionId: string, date: string): Promise<number> {
      const year = meetingYear({ date });
      const rows = await db.meetings.where('date').between(`${year}-01-01`, `${year}-12-31`, true, true).toArray();
      return rows.filter((m) => m.alive === 1 && m.regionId === regionId).reduce((max, m) => Math.max(max, m.number), 0) + 1;
    },

    createMeeting(fields: MeetingFieldsInput) {
      return repos.meetings.create(fields);
    },

    /** Adds an agenda item at the end (or after `afterId`). */
    async addAgendaItem(meetingId: string, fields: Omit<AgendaItemFieldsInput, 'meetingId' | 'position'>, afterId?: string) {
      return repos.transaction(async () => {
        await assertEditable(meetingId);
        const items = await liveItems(meetingId);
        const at = afterId ? items.findIndex((i) => i.id === afterId) : items.length - 1;
        const before = items[at]?.position ?? null;
        const after = items[at + 1]?.position ?? null;
        return repos.agendaItems.create({ ...fields, meetingId, position: generateKeyBetween(before, after) });
      });
    },

    /** Moves an item to index `to` of the agenda: only the moved item is rewritten. */
    async moveAgendaItem(itemId: string, to: number) {
      return repos.transaction(async () => {
        const item = await db.agendaItems.get(itemId);
        if (!item) throw new StateError('not_found');
        await assertEditable(item.meetingId);
        const others = (await liveItems(item.meetingId)).filter((i) => i.id !== itemId);
        const index = Math.max(0, Math.min(to, others.length));
        const position = generateKeyBetween(others[index - 1]?.position ?? null, others[index]?.position ?? null);
        return repos.agendaItems.update(itemId, { position });
      });
    },

    /** Removes an agenda item and its decisions (tombstones; undo restores them). */
    async removeAgendaItem(itemId: string): Promise<string[]> {
      return repos.transaction(async () => {
        const item = await db.agendaItems.get(itemId);
        if (!item) throw new StateError('not_found');
        await assertEditable(item.meetingId);
        const decisions = (await db.assignments.where('agendaItemId').equals(itemId).toArray()).filter((a) => a.alive === 1);
        for (const d of decisions) await repos.assignments.remove(d.id);
        await repos.agendaItems.remove(itemId);
        return decisions.map((d) => d.id);
      });
    },

    async restoreAgendaItem(itemId: string, decisionIds: readonly string[]) {
      return repos.transaction(async () => {
        await repos.agendaItems.restore(itemId);
        for (const id of decisionIds) await repos.assignments.restore(id);
      });
    },

    /**
     * Puts a person on the meeting as participant or invitee, or changes their presence. The
     * record's id is derived from meeting and person: two clerks adding the same person get one.
     */
    async setAttendance(meetingId: string, personId: string, change: { role?: AttendanceRole; presence?: Presence }) {
      const meeting = await db.meetings.get(meetingId);
      if (!meeting) throw new StateError('not_found');
      const id = childId(meetingId, `attendance/${personId}`);
      const input = { meetingId, personId, role: change.role ?? 'participant', presence: change.presence ?? 'unknown' };
      const patch: Record<string, unknown> = {};
      if (change.role) patch.role = change.role;
      if (change.presence) patch.presence = change.presence;
      return repos.attendance.upsert(id, input, patch);
    },

    removeAttendance(attendanceId: string) {
      return repos.attendance.remove(attendanceId);
    },

    currentMinutes,

    /**
     * The minutes of a meeting, created on first open (revision 1, draft). Its id is derived from
     * the meeting, so two clerks who open the minutes offline get one record, not two.
     */
    async ensureMinutes(meetingId: string, lang: DocLang = 'ru'): Promise<MinutesRow> {
      return repos.transaction(async () => {
        const existing = await currentMinutes(meetingId);
        if (existing) return existing;
        const meeting = await db.meetings.get(meetingId);
        if (!meeting) throw new StateError('not_found');
        const id = childId(meetingId, 'minutes/1');
        return repos.minutes.upsert(id, { meetingId, revision: 1, status: 'draft', languages: [lang] }, {});
      });
    },

    /** Adds the other language's text to the minutes (the structure and decisions are shared). */
    async addMinutesLanguage(minutesId: string, lang: DocLang) {
      const m = await db.minutes.get(minutesId);
      if (!m) throw new StateError('not_found');
      if (m.status === 'signed') throw new StateError('minutes_signed');
      if (m.languages.includes(lang)) return m;
      return repos.minutes.update(minutesId, { languages: DOC_LANGS.filter((l) => l === lang || m.languages.includes(l)) });
    },

    /** What keeps the minutes of a meeting from being agreed: decisions without text, responsible body or deadline. */
    async minutesProblems(meetingId: string): Promise<MinutesProblem[]> {
      const [items, decisions] = await Promise.all([liveItems(meetingId), liveDecisions(meetingId)]);
      const numbers = decisionNumbers(items, decisions.map((d) => ({ id: d.id, position: d.position ?? '', agendaItemId: d.agendaItemId })));
      const out: MinutesProblem[] = [];
      for (const d of decisions) {
        const number = numbers.get(d.id) ?? '';
        if (!d.textRu && !d.textKk) out.push({ assignmentId: d.id, number, problem: 'no_text' });
        if (d.responsibleOrgIds.length === 0) out.push({ assignmentId: d.id, number, problem: 'no_responsible' });
        if (!d.deadline) out.push({ assignmentId: d.id, number, problem: 'no_deadline' });
      }
      return out.sort((a, b) => a.number.localeCompare(b.number, 'ru', { numeric: true }));
    },

    /**
     * draft → agreed → signed (and agreed → draft). Agreeing and signing need every decision to
     * have a responsible body and a deadline; signing freezes the decisions in the revision.
     */
    async setMinutesStatus(minutesId: string, status: MinutesStatus) {
      return repos.transaction(async () => {
        const m = await db.minutes.get(minutesId);
        if (!m) throw new StateError('not_found');
        const allowed: Record<MinutesStatus, MinutesStatus[]> = { draft: ['agreed'], agreed: ['draft', 'signed'], signed: [] };
        if (!allowed[m.status].includes(status)) throw new StateError(m.status === 'signed' ? 'minutes_signed' : 'bad_transition');
        if (status !== 'draft') {
          const problems = await ops.minutesProblems(m.meetingId);
          if (problems.length > 0) throw new ValidationError(problems.map((p) => ({ path: `decision.${p.number}`, message: p.problem })));
        }
        if (status !== 'signed') return repos.minutes.update(minutesId, { status });
        const [items, decisions] = await Promise.all([liveItems(m.meetingId), liveDecisions(m.meetingId)]);
        const numbers = decisionNumbers(items, decisions.map((d) => ({ id: d.id, position: d.position ?? '', agendaItemId: d.agendaItemId })));
        const frozen = decisions
          .map((d) => ({ id: d.id, number: numbers.get(d.id) ?? '', textRu: d.textRu, textKk: d.textKk, responsibleOrgIds: d.responsibleOrgIds, deadline: d.deadline }))
          .sort((a, b) => a.number.localeCompare(b.number, 'ru', { numeric: true }));
        return repos.minutes.update(minutesId, { status, signedAt: ctx.now().toISOString(), signedDecisions: JSON.stringify(frozen) });
      });
    },

    /**
     * A correction of signed minutes: a new draft revision whose texts start as the signed ones;
     * the signed revision stays as it was. Its id is derived, so two clerks correcting offline get one.
     */
    async correctMinutes(minutesId: string, reason: string): Promise<MinutesRow> {
      return repos.transaction(async () => {
        const signed = await db.minutes.get(minutesId);
        if (!signed) throw new StateError('not_found');
        if (signed.status !== 'signed') throw new StateError('not_signed');
        const revision = signed.revision + 1;
        const id = childId(signed.meetingId, `minutes/${revision}`);
        const next = await repos.minutes.upsert(id, {
          meetingId: signed.meetingId, revision, status: 'draft', languages: signed.languages, supersedesId: signed.id, correctionReason: reason,
        }, {});
        for (const lang of signed.languages) await copyDocState(ctx, minutesDocId(signed.id, lang), minutesDocId(id, lang));
        return next;
      });
    },

    /** Adds a decision at the end of an agenda item (an assignment under control). */
    async addDecision(agendaItemId: string, input: DecisionInput) {
      return repos.transaction(async () => {
        const item = await db.agendaItems.get(agendaItemId);
        if (!item) throw new StateError('not_found');
        await assertEditable(item.meetingId);
        const meeting = await db.meetings.get(item.meetingId);
        if (!meeting) throw new StateError('not_found');
        const siblings = byPosition(
          (await db.assignments.where('agendaItemId').equals(agendaItemId).toArray()).filter((a) => a.alive === 1).map((a) => ({ id: a.id, position: a.position ?? '' })),
        );
        return repos.assignments.create({
          regionId: meeting.regionId, origin: 'decision', meetingId: meeting.id, agendaItemId,
          position: generateKeyBetween(siblings.at(-1)?.position ?? null, null),
          textRu: input.textRu, textKk: input.textKk, deadline: input.deadline, status: 'open',
          responsibleOrgIds: input.responsibleOrgIds ?? [], projectIds: input.projectIds ?? item.projectIds,
          zoneIds: [], meetingIds: [], directiveId: input.directiveId,
        });
      });
    },

    /**
     * Changes a decision (from the minutes or from the control table: one record, both ways).
     * `seen`: the field stamps the clerk saw (the deadline is guarded: its base is that stamp).
     */
    async updateDecision(assignmentId: string, patch: Partial<DecisionInput>, options: UpdateOptions = {}) {
      return repos.transaction(async () => {
        const a = await db.assignments.get(assignmentId);
        if (!a) throw new StateError('not_found');
        if (a.meetingId) await assertEditable(a.meetingId);
        return repos.assignments.update(assignmentId, patch, options);
      });
    },

    async removeDecision(assignmentId: string) {
      return repos.transaction(async () => {
        const a = await db.assignments.get(assignmentId);
        if (!a) throw new StateError('not_found');
        if (a.meetingId) await assertEditable(a.meetingId);
        return repos.assignments.remove(assignmentId);
      });
    },

    /** Extends a deadline to `toDue` with a reason: an extension record and the new deadline, together. */
    async extendDeadline(assignmentId: string, toDue: string, reason: string) {
      return repos.transaction(async () => {
        const a = await db.assignments.get(assignmentId);
        if (!a || a.deletedAt) throw new StateError('not_found');
        const fromDue = dueOf(a.deadline);
        const ext = await repos.extensions.create({ assignmentId, fromDue, toDue, reason, on: today(), by: ctx.actor() });
        const deadline: Deadline = { kind: 'date', due: toDue };
        await repos.assignments.update(assignmentId, { deadline });
        return ext;
      });
    },

    /** Records an execution report; `takeOffControl` also marks the assignment done («снять с контроля»). */
    async reportExecution(assignmentId: string, report: { on?: string; text: string; by?: string }, takeOffControl: boolean) {
      return repos.transaction(async () => {
        const a = await db.assignments.get(assignmentId);
        if (!a || a.deletedAt) throw new StateError('not_found');
        const r = await repos.reports.create({ assignmentId, on: report.on ?? today(), text: report.text, by: report.by ?? ctx.actor() });
        if (takeOffControl) await repos.assignments.update(assignmentId, { status: 'done' });
        else if (a.status === 'open') await repos.assignments.update(assignmentId, { status: 'in_progress' });
        return r;
      });
    },
  };
  return ops;
}
export type MeetingOps = ReturnType<typeof createMeetingOps>;
