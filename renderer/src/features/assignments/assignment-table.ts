// The control table of assignments (поручения на контроле), pure: the rows built once from the
// in-memory model (reference, text, responsible bodies, deadline, control state, projects, search
// text), then the filters, the sort by any column and the grouping by responsible body — plain
// functions over those rows, so 20,000 assignments filter in a few milliseconds and the tests need
// no database.
import type { Lang } from '@shared/locale/lang';
import { collationRanks } from '@shared/locale/collation';
import type { IsoDate } from '@shared/locale/dates';
import { controlState, decisionNumbers, type ControlState } from '@shared/domain/decisions';
import type { Assignment, AssignmentStatus } from '@shared/domain/assignment.schema';
import type { WorkCalendar } from '@shared/domain/work-calendar';
import { deadlineText, labels, referenceOf, textOf } from './assignment-text';
import { soonUntil, weekOf } from './due-soon';

/** What the table reads of an assignment (a stored row has all of it). */
export type ModelAssignment = Pick<Assignment, 'id' | 'origin' | 'responsibleOrgIds' | 'status' | 'projectIds' | 'zoneIds' | 'meetingIds'> &
  Partial<Pick<Assignment, 'meetingId' | 'agendaItemId' | 'position' | 'textRu' | 'textKk' | 'deadline' | 'sourceKind' | 'sourceDate' | 'sourceNumber' | 'sourceTitle' | 'directiveId'>>;
export type ModelMeeting = { id: string; number: number; date: IsoDate };
export type ModelAgendaItem = { id: string; meetingId: string; position: string };

/** The compact in-memory model the table is built from. */
export type ControlModel = {
  /** Live assignments. */
  assignments: readonly ModelAssignment[];
  /** Organization id → name. */
  organizations: ReadonlyMap<string, string>;
  meetings: ReadonlyMap<string, ModelMeeting>;
  /** Live agenda items (for the decisions' numbers). */
  agendaItems: readonly ModelAgendaItem[];
  /** Project id → title. */
  projects: ReadonlyMap<string, string>;
};

/** One assignment as the table shows it. */
export type ControlRow = {
  id: string;
  assignment: ModelAssignment;
  /** A decision's number in its minutes («2.1»). */
  number: string | null;
  reference: string;
  /** Orders references: by date, then meeting number and decision number. */
  referenceKey: string;
  text: string;
  responsibleIds: readonly string[];
  responsible: readonly string[];
  deadline: string;
  status: AssignmentStatus;
  state: ControlState;
  projects: readonly string[];
  /** The meeting it was decided at and the meetings that took it up. */
  meetingIds: readonly string[];
  /** Lower-cased text the search runs on. */
  search: string;
};

export const COLUMN_IDS = ['reference', 'text', 'responsible', 'deadline', 'status', 'daysLeft', 'projects'] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];

const pad = (n: number | string, width: number) => String(n).padStart(width, '0');

/** «2.10» → «0002.0010», so decision numbers order numerically. */
function numberKey(no: string | null): string {
  return no ? no.split('.').map((p) => pad(p, 4)).join('.') : '';
}

/** Decision id → number within its minutes, for every meeting of the model. */
export function decisionNumbersOf(model: Pick<ControlModel, 'assignments' | 'agendaItems'>): Map<string, string> {
  const items = new Map<string, ModelAgendaItem[]>();
  for (const it of model.agendaItems) {
    const list = items.get(it.meetingId);
    if (list) list.push(it);
    else items.set(it.meetingId, [it]);
  }
  const decisions = new Map<string, { id: string; position: string; agendaItemId: string | undefined }[]>();
  for (const a of model.assignments) {
    if (a.origin !== 'decision' || !a.meetingId) continue;
    const d = { id: a.id, position: a.position ?? '', agendaItemId: a.agendaItemId };
    const list = decisions.get(a.meetingId);
    if (list) list.push(d);
    else decisions.set(a.meetingId, [d]);
  }
  const out = new Map<string, string>();
  for (const [meetingId, list] of decisions) {
    for (const [id, no] of decisionNumbers(items.get(meetingId) ?? [], list)) out.set(id, no);
  }
  return out;
}

/** The table's rows, in the model's order. */
export function buildControlRows(model: ControlModel, lang: Lang, today: IsoDate): ControlRow[] {
  const numbers = decisionNumbersOf(model);
  return model.assignments.map((a) => {
    const meeting = a.meetingId ? model.meetings.get(a.meetingId) : undefined;
    const number = numbers.get(a.id) ?? null;
    const reference = referenceOf(a, meeting, number ?? undefined, lang);
    const referenceKey = a.origin === 'decision'
      ? `${meeting?.date ?? '0000-00-00'}|1|${pad(meeting?.number ?? 0, 5)}|${numberKey(number)}`
      : `${a.sourceDate ?? '0000-00-00'}|0|${a.sourceNumber ?? ''}`;
    const responsible = a.responsibleOrgIds.map((id) => model.organizations.get(id) ?? '').filter(Boolean);
    const projects = a.projectIds.map((id) => model.projects.get(id) ?? '').filter(Boolean);
    const text = textOf(a, lang);
    const deadline = deadlineText(a.deadline, lang);
    const meetingIds = a.meetingId ? [a.meetingId, ...a.meetingIds.filter((m) => m !== a.meetingId)] : a.meetingIds;
    const search = [reference, a.textRu, a.textKk, ...responsible, ...projects, deadline, a.sourceNumber, a.sourceTitle]
      .filter(Boolean)
      .join('\u0001')
      .toLocaleLowerCase('ru');
    return {
      id: a.id, assignment: a, number, reference, referenceKey, text, responsibleIds: a.responsibleOrgIds, responsible, deadline,
      status: a.status, state: controlState(a, today), projects, meetingIds, search,
    };
  });
}

/** The table's filters; empty lists and nulls mean «all». */
export type ControlFilters = {
  query: string;
  /** Organization ids: rows any of them is responsible for. */
  responsible: readonly string[];
  statuses: readonly AssignmentStatus[];
  overdueOnly: boolean;
  /** Under control, not overdue, due within the reminder's working days (the strip's «срок в ближайшие…»). */
  dueSoon: boolean;
  /** Under control, due this week (Monday to Sunday). */
  dueThisWeek: boolean;
  meetingId: string | null;
  projectId: string | null;
};

export const NO_FILTERS: ControlFilters = Object.freeze({
  query: '', responsible: [], statuses: [], overdueOnly: false, dueSoon: false, dueThisWeek: false, meetingId: null, projectId: null,
});

/** How many filters are set. */
export function activeFilterCount(f: ControlFilters): number {
  return [f.query.trim() !== '', f.responsible.length > 0, f.statuses.length > 0, f.overdueOnly, f.dueSoon, f.dueThisWeek, f.meetingId !== null, f.projectId !== null]
    .filter(Boolean).length;
}

/** What the date filters compare against, worked out once per day. */
export type FilterDates = { today: IsoDate; weekStart: IsoDate; weekEnd: IsoDate; soonUntil: IsoDate };

/** The reminder's horizon: «срок в ближайшие 3 рабочих дня». */
export const SOON_WORKING_DAYS = 3;

export function filterDates(today: IsoDate, calendar: WorkCalendar, soonDays = SOON_WORKING_DAYS): FilterDates {
  const week = weekOf(today);
  return { today, weekStart: week.start, weekEnd: week.end, soonUntil: soonUntil(today, calendar, soonDays) };
}

/** A predicate for the filters, or null when nothing is filtered. */
export function rowMatcher(f: ControlFilters, dates: FilterDates): ((row: ControlRow) => boolean) | null {
  const terms = f.query.toLocaleLowerCase('ru').split(/\s+/).filter(Boolean);
  if (activeFilterCount(f) === 0) return null;
  const responsible = f.responsible.length > 0 ? new Set(f.responsible) : null;
  const statuses = f.statuses.length > 0 ? new Set(f.statuses) : null;
  return (row) => {
    const s = row.state;
    if (f.overdueOnly && !s.overdue) return false;
    if (f.dueSoon && !(s.active && !s.overdue && s.due !== null && s.due <= dates.soonUntil)) return false;
    if (f.dueThisWeek && !(s.active && s.due !== null && s.due >= dates.weekStart && s.due <= dates.weekEnd)) return false;
    if (statuses && !statuses.has(row.status)) return false;
    if (responsible && !row.responsibleIds.some((id) => responsible.has(id))) return false;
    if (f.meetingId !== null && !row.meetingIds.includes(f.meetingId)) return false;
    if (f.projectId !== null && !row.assignment.projectIds.includes(f.projectId)) return false;
    for (const t of terms) if (!row.search.includes(t)) return false;
    return true;
  };
}

/** The search texts of a list of rows in one string, and where each row's text starts. */
type SearchIndex = { text: string; starts: Int32Array };
const searchIndexes = new WeakMap<readonly ControlRow[], SearchIndex>();
const ROW_BREAK = '\u0002';

function searchIndexOf(rows: readonly ControlRow[]): SearchIndex {
  let index = searchIndexes.get(rows);
  if (!index) {
    const starts = new Int32Array(rows.length + 1);
    let at = 0;
    rows.forEach((r, i) => {
      starts[i] = at;
      at += r.search.length + 1;
    });
    starts[rows.length] = at;
    index = { text: rows.map((r) => r.search).join(ROW_BREAK), starts };
    searchIndexes.set(rows, index);
  }
  return index;
}

/** The row a position of the index falls in. */
function rowAt(starts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Which rows contain every term: one indexOf pass over all the rows' texts per term (a search of
 * 20,000 assignments walks one string instead of 20,000), skipping to the next row on a hit.
 */
function rowsWithTerms(rows: readonly ControlRow[], terms: readonly string[]): Uint8Array {
  const { text, starts } = searchIndexOf(rows);
  let marks: Uint8Array | null = null;
  for (const term of terms) {
    const found = new Uint8Array(rows.length);
    let pos = text.indexOf(term);
    while (pos >= 0) {
      const i = rowAt(starts, pos);
      // A term that runs over the break between two rows is in neither.
      if (pos + term.length <= (starts[i + 1] ?? 0) - 1) found[i] = 1;
      pos = text.indexOf(term, found[i] ? (starts[i + 1] ?? text.length) : pos + 1);
    }
    if (marks) for (let i = 0; i < marks.length; i++) marks[i] = (marks[i] ?? 0) & (found[i] ?? 0);
    else marks = found;
  }
  return marks ?? new Uint8Array(rows.length).fill(1);
}

/** Prepares the search over `rows` ahead of the first search (e.g. at idle after a sort). */
export function prepareSearch(rows: readonly ControlRow[]): void {
  searchIndexOf(rows);
}

/** The rows the filters leave, in the order given. */
export function filterRows(rows: readonly ControlRow[], f: ControlFilters, dates: FilterDates): readonly ControlRow[] {
  if (activeFilterCount(f) === 0) return rows;
  const terms = f.query.toLocaleLowerCase('ru').split(/\s+/).filter(Boolean);
  const match = rowMatcher({ ...f, query: '' }, dates);
  const marks = terms.length > 0 ? rowsWithTerms(rows, terms) : null;
  const out: ControlRow[] = [];
  rows.forEach((row, i) => {
    if (marks && marks[i] !== 1) return;
    if (match && !match(row)) return;
    out.push(row);
  });
  return out;
}

/** A column to sort by; null: by urgency (under control first, the nearest deadline first). */
export type ControlSort = { id: ColumnId; desc: boolean } | null;

const STATUS_RANK: Record<AssignmentStatus, number> = { open: 1, in_progress: 2, done: 3, cancelled: 4 };
const LAST = '\uffff';

/** Orders deadlines: dates first by date, then «постоянно», «ежеквартально», none. */
function deadlineKey(r: ControlRow): string {
  const d = r.assignment.deadline;
  if (!d) return `3`;
  if (d.kind === 'date' || d.kind === 'workdays') return `0${d.due}`;
  return d.kind === 'permanent' ? '1' : '2';
}

function urgencyKey(r: ControlRow): string {
  return `${r.state.active ? 0 : 1}${r.state.due ?? LAST}|${r.referenceKey}`;
}

function byKey<T>(rows: readonly ControlRow[], key: (r: ControlRow) => T, cmp: (a: T, b: T) => number, desc: boolean): ControlRow[] {
  const keys = rows.map(key);
  const order = Array.from(keys.keys()).sort((a, b) => {
    const c = cmp(keys[a] as T, keys[b] as T);
    return desc ? -c : c;
  });
  return order.map((i) => rows[i] as ControlRow);
}

const strCmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const numCmp = (a: number, b: number) => a - b;

/**
 * The rows in the order of `sort` (a new array; equal rows keep their order). Texts sort as the
 * UI language collates them; rows without a value (no deadline, no date) come last both ways.
 */
export function sortRows(rows: readonly ControlRow[], sort: ControlSort, lang: Lang): ControlRow[] {
  if (!sort) return byKey(rows, urgencyKey, strCmp, false);
  const { id, desc } = sort;
  const text = (pick: (r: ControlRow) => string) => {
    const ranks = collationRanks(rows.map(pick), lang);
    const empty = rows.map((r) => pick(r) === '');
    const order = Array.from(ranks.keys()).sort((a, b) => {
      const ea = empty[a] ? 1 : 0;
      const eb = empty[b] ? 1 : 0;
      if (ea !== eb) return ea - eb;
      const c = (ranks[a] ?? 0) - (ranks[b] ?? 0);
      return desc ? -c : c;
    });
    return order.map((i) => rows[i] as ControlRow);
  };
  switch (id) {
    case 'reference':
      return byKey(rows, (r) => r.referenceKey, strCmp, desc);
    case 'text':
      return text((r) => r.text);
    case 'responsible':
      return text((r) => r.responsible.join('; '));
    case 'projects':
      return text((r) => r.projects.join('; '));
    case 'deadline': {
      const sorted = byKey(rows, deadlineKey, strCmp, desc);
      // Without a date last both ways.
      return desc ? [...sorted.filter((r) => r.state.due !== null), ...sorted.filter((r) => r.state.due === null).reverse()] : sorted;
    }
    case 'status':
      return byKey(rows, (r) => (r.state.overdue ? 0 : STATUS_RANK[r.status]), numCmp, desc);
    case 'daysLeft': {
      const withDays = rows.filter((r) => r.state.daysLeft !== null && r.state.active);
      const without = rows.filter((r) => !(r.state.daysLeft !== null && r.state.active));
      return [...byKey(withDays, (r) => r.state.daysLeft ?? 0, numCmp, desc), ...without];
    }
  }
}

/** A line of the grouped table: a responsible body's heading, or an assignment under it. */
export type ControlEntry =
  | { kind: 'group'; key: string; name: string; count: number; overdue: number; collapsed: boolean }
  | { kind: 'row'; key: string; row: ControlRow };

/** The key of the group of assignments with no responsible body. */
export const NO_RESPONSIBLE = '';

/**
 * The rows grouped by responsible body, bodies in collation order of their names and «no
 * responsible body» last; an assignment with several bodies is listed under each. Rows keep their
 * order within a group; a collapsed group shows its heading only.
 */
export function groupByResponsible(rows: readonly ControlRow[], organizations: ReadonlyMap<string, string>, lang: Lang, collapsed: ReadonlySet<string> = new Set()): ControlEntry[] {
  const groups = new Map<string, ControlRow[]>();
  const add = (key: string, row: ControlRow) => {
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  };
  for (const row of rows) {
    const ids = row.responsibleIds.filter((id) => organizations.has(id));
    if (ids.length === 0) add(NO_RESPONSIBLE, row);
    else for (const id of new Set(ids)) add(id, row);
  }
  const keys = [...groups.keys()].filter((k) => k !== NO_RESPONSIBLE);
  const ranks = collationRanks(keys.map((k) => organizations.get(k) ?? ''), lang);
  const order = Array.from(keys.keys()).sort((a, b) => (ranks[a] ?? 0) - (ranks[b] ?? 0)).map((i) => keys[i] as string);
  if (groups.has(NO_RESPONSIBLE)) order.push(NO_RESPONSIBLE);
  const out: ControlEntry[] = [];
  for (const key of order) {
    const list = groups.get(key) ?? [];
    const isCollapsed = collapsed.has(key);
    out.push({
      kind: 'group', key: `group:${key}`, name: key === NO_RESPONSIBLE ? labels(lang).group.none : (organizations.get(key) ?? ''),
      count: list.length, overdue: list.filter((r) => r.state.overdue).length, collapsed: isCollapsed,
    });
    if (!isCollapsed) for (const row of list) out.push({ kind: 'row', key: `${key}/${row.id}`, row });
  }
  return out;
}

/** The group id (organization id, or NO_RESPONSIBLE) of a group entry's key. */
export function groupIdOf(entryKey: string): string {
  return entryKey.slice('group:'.length);
}
