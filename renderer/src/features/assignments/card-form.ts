// The assignment card's form, pure: the values a stored assignment opens with, which of them the
// clerk changed, what a save sends (only those; a decision's content through the minutes'
// operation, its status as a control action), and how values changed elsewhere are taken over
// for the fields the clerk is not editing.
import { dequal } from 'dequal';
import type { Assignment, AssignmentStatus, Deadline, DirectiveSource } from '@shared/domain/assignment.schema';
import { formatDate, parseDate } from '@shared/locale/dates';
import { draftOf, type DeadlineDraft } from './deadline-form';

export type CardForm = {
  textRu: string;
  textKk: string;
  responsible: string[];
  deadline: DeadlineDraft;
  status: AssignmentStatus;
  projects: string[];
  sourceKind: DirectiveSource | null;
  sourceDate: string;
  sourceNumber: string;
  sourceTitle: string;
  zones: string[];
  meetings: string[];
};
export type CardField = keyof CardForm;

type Stored = Pick<Assignment, 'responsibleOrgIds' | 'status' | 'projectIds' | 'zoneIds' | 'meetingIds'> &
  Partial<Pick<Assignment, 'textRu' | 'textKk' | 'deadline' | 'sourceKind' | 'sourceDate' | 'sourceNumber' | 'sourceTitle'>>;

export function toCardForm(a: Stored): CardForm {
  return {
    textRu: a.textRu ?? '', textKk: a.textKk ?? '', responsible: [...a.responsibleOrgIds], deadline: withDateText(draftOf(a.deadline)), status: a.status,
    projects: [...a.projectIds], sourceKind: a.sourceKind ?? null, sourceDate: a.sourceDate ? formatDate(a.sourceDate) : '',
    sourceNumber: a.sourceNumber ?? '', sourceTitle: a.sourceTitle ?? '', zones: [...a.zoneIds], meetings: [...a.meetingIds],
  };
}

/** The draft's date as the clerk reads it (DD.MM.YYYY). */
function withDateText(d: DeadlineDraft): DeadlineDraft {
  return d.date ? { ...d, date: formatDate(d.date) } : { ...d, date: '' };
}

/** Whether two values of a field mean the same (a date typed as 1.2.2026 is 01.02.2026; sets in any order). */
function same(field: CardField, a: CardForm, b: CardForm): boolean {
  const x = a[field];
  const y = b[field];
  if (field === 'deadline') {
    const p = x as DeadlineDraft;
    const q = y as DeadlineDraft;
    if (p.kind !== q.kind) return false;
    if (p.kind === 'date') return (parseDate(p.date ?? '') ?? (p.date ?? '').trim()) === (parseDate(q.date ?? '') ?? (q.date ?? '').trim());
    if (p.kind === 'workdays') return String(p.days).trim() === String(q.days).trim();
    return true;
  }
  if (field === 'sourceDate') return (parseDate(x as string) ?? (x as string).trim()) === (parseDate(y as string) ?? (y as string).trim());
  if (Array.isArray(x) && Array.isArray(y)) return dequal([...x].sort(), [...y].sort());
  if (typeof x === 'string' && typeof y === 'string') return x.trim() === y.trim();
  return dequal(x, y);
}

const FIELDS: readonly CardField[] = ['textRu', 'textKk', 'responsible', 'deadline', 'status', 'projects', 'sourceKind', 'sourceDate', 'sourceNumber', 'sourceTitle', 'zones', 'meetings'];

/** The fields whose value differs from the baseline. */
export function dirtyFields(baseline: CardForm, form: CardForm): CardField[] {
  return FIELDS.filter((f) => !same(f, baseline, form));
}

/**
 * The form after the stored record changed from `before` to `after`: fields the clerk has not
 * changed take the stored value, the clerk's own changes stay.
 */
export function takeOver(before: CardForm, after: CardForm, mine: CardForm): CardForm {
  const out = { ...mine } as Record<CardField, unknown>;
  for (const f of FIELDS) if (same(f, before, mine)) out[f] = after[f];
  return out as CardForm;
}

/** A save: the content patch, the status change, and fields only an instruction from above has. */
export type CardSave = {
  content: { textRu?: string | undefined; textKk?: string | undefined; responsibleOrgIds?: string[]; deadline?: Deadline | undefined; projectIds?: string[] };
  status?: AssignmentStatus;
  directive: {
    sourceKind?: DirectiveSource | undefined; sourceDate?: string | undefined; sourceNumber?: string | undefined; sourceTitle?: string | undefined;
    zoneIds?: string[]; meetingIds?: string[];
  };
};

/** What to send for the changed fields; `deadline` is the editor's result (already checked). */
export function cardSave(baseline: CardForm, form: CardForm, deadline: Deadline | undefined): CardSave {
  const changed = new Set(dirtyFields(baseline, form));
  const text = (v: string) => (v.trim() === '' ? undefined : v.trim());
  const out: CardSave = { content: {}, directive: {} };
  if (changed.has('textRu')) out.content.textRu = text(form.textRu);
  if (changed.has('textKk')) out.content.textKk = text(form.textKk);
  if (changed.has('responsible')) out.content.responsibleOrgIds = form.responsible;
  if (changed.has('deadline')) out.content.deadline = deadline;
  if (changed.has('projects')) out.content.projectIds = form.projects;
  if (changed.has('status')) out.status = form.status;
  if (changed.has('sourceKind') && form.sourceKind) out.directive.sourceKind = form.sourceKind;
  if (changed.has('sourceDate')) out.directive.sourceDate = parseDate(form.sourceDate) ?? undefined;
  if (changed.has('sourceNumber')) out.directive.sourceNumber = text(form.sourceNumber);
  if (changed.has('sourceTitle')) out.directive.sourceTitle = text(form.sourceTitle);
  if (changed.has('zones')) out.directive.zoneIds = form.zones;
  if (changed.has('meetings')) out.directive.meetingIds = form.meetings;
  return out;
}

/** Which form field a repository's issue path is about. */
export function fieldOfPath(path: string): CardField | 'form' {
  const head = path.split('.')[0] ?? '';
  const map: Record<string, CardField> = {
    textRu: 'textRu', textKk: 'textKk', responsibleOrgIds: 'responsible', deadline: 'deadline', status: 'status', projectIds: 'projects',
    sourceKind: 'sourceKind', sourceDate: 'sourceDate', sourceNumber: 'sourceNumber', sourceTitle: 'sourceTitle', zoneIds: 'zones', meetingIds: 'meetings',
  };
  return map[head] ?? 'form';
}
