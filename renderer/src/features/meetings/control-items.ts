// The control item of an agenda («Об исполнении ранее данных поручений») as pure functions: which
// assignments were under control at the meeting's date (open or in progress, given before the
// meeting), which of them were overdue on that date, and the reference each one is known by —
// «п. 2.1 протокола № 3 от 12.02.2026» for a decision, source, number and date for an instruction
// received from above.
import { controlState, decisionNumbers } from '@shared/domain/decisions';
import { todayIso } from '@shared/locale/dates';
import type { AssignmentStatus, Deadline, DirectiveSource } from '@shared/domain/assignment.schema';

export const CONTROL_TITLE = {
  ru: 'Об исполнении ранее данных поручений',
  kk: 'Бұрын берілген тапсырмалардың орындалуы туралы',
} as const;

type AssignmentLike = {
  id: string; alive: 0 | 1; createdAt: string; status: AssignmentStatus; deadline?: Deadline | undefined;
  origin: 'decision' | 'directive'; meetingId?: string | undefined; agendaItemId?: string | undefined; position?: string | undefined;
  textRu?: string | undefined; textKk?: string | undefined;
  sourceKind?: DirectiveSource | undefined; sourceNumber?: string | undefined; sourceDate?: string | undefined; sourceTitle?: string | undefined;
  responsibleOrgIds: readonly string[];
};
type MeetingLike = { id: string; number: number; date: string };
type PositionedItem = { id: string; meetingId: string; position: string; alive: 0 | 1 };

/** How an assignment is referred to. */
export type AssignmentReference =
  | { kind: 'decision'; point: string | null; meetingNumber: number | null; meetingDate: string | null }
  | { kind: 'directive'; source: DirectiveSource | null; number: string | null; date: string | null; title: string | null };

export type ControlEntry = {
  id: string;
  textRu?: string | undefined;
  textKk?: string | undefined;
  responsibleOrgIds: readonly string[];
  reference: AssignmentReference;
  due: string | null;
  overdue: boolean;
  /** Calendar days from the meeting's date to the due date (negative: overdue by that many). */
  daysLeft: number | null;
};

/**
 * The day an assignment was given: a decision on its meeting's date, an instruction from above on
 * its own date; failing those, the Kazakhstan day its record was created.
 */
export function givenOn(a: Pick<AssignmentLike, 'origin' | 'meetingId' | 'sourceDate' | 'createdAt'>, meetings: ReadonlyMap<string, MeetingLike>): string {
  const source = a.origin === 'decision' ? (a.meetingId ? meetings.get(a.meetingId)?.date : undefined) : a.sourceDate;
  return source ?? todayIso(Date.parse(a.createdAt));
}

/**
 * The assignments under control at a meeting: alive, open or in progress, given before its date
 * (see `givenOn`: an instruction of 10 February entered the day of the meeting counts, a decision
 * of a later meeting does not) and not decisions of the meeting itself. Overdue ones first, then
 * by due date (none last).
 */
export function openAssignmentsAt(
  assignments: readonly AssignmentLike[],
  meeting: { id: string; date: string },
  meetings: readonly MeetingLike[],
  items: readonly PositionedItem[],
): ControlEntry[] {
  const byMeeting = new Map(meetings.map((m) => [m.id, m]));
  const open = assignments.filter(
    (a) => a.alive === 1 && (a.status === 'open' || a.status === 'in_progress') && a.meetingId !== meeting.id && givenOn(a, byMeeting) < meeting.date,
  );
  // Decision numbers of each meeting the open decisions come from (its items and all its decisions).
  const points = new Map<string, string>();
  const meetingIds = new Set(open.flatMap((a) => (a.origin === 'decision' && a.meetingId ? [a.meetingId] : [])));
  for (const mid of meetingIds) {
    const ownItems = items.filter((i) => i.meetingId === mid && i.alive === 1);
    const ownDecisions = assignments.filter((a) => a.alive === 1 && a.origin === 'decision' && a.meetingId === mid).map((a) => ({ id: a.id, position: a.position ?? '', agendaItemId: a.agendaItemId }));
    for (const [id, n] of decisionNumbers(ownItems, ownDecisions)) points.set(id, n);
  }
  const entries = open.map((a): ControlEntry => {
    const state = controlState(a, meeting.date);
    const source = a.meetingId ? byMeeting.get(a.meetingId) : undefined;
    const reference: AssignmentReference = a.origin === 'decision'
      ? { kind: 'decision', point: points.get(a.id) ?? null, meetingNumber: source?.number ?? null, meetingDate: source?.date ?? null }
      : { kind: 'directive', source: a.sourceKind ?? null, number: a.sourceNumber ?? null, date: a.sourceDate ?? null, title: a.sourceTitle ?? null };
    return { id: a.id, textRu: a.textRu, textKk: a.textKk, responsibleOrgIds: a.responsibleOrgIds, reference, due: state.due, overdue: state.overdue, daysLeft: state.daysLeft };
  });
  return entries.sort((x, y) => {
    if (x.overdue !== y.overdue) return x.overdue ? -1 : 1;
    if (x.due !== y.due) return x.due === null ? 1 : y.due === null ? -1 : x.due < y.due ? -1 : 1;
    return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  });
}
