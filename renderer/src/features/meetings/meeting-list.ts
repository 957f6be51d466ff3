// The meetings list as pure functions: one row per meeting (chair's name, agenda item count, the
// current minutes' status), the split into upcoming and past by the Kazakhstan date, the search
// (number, title, place, date) and the order of each tab.
import type { MeetingKind, MinutesStatus } from '@shared/domain/meeting.schema';

/** What the list shows of one meeting. */
export type MeetingListRow = {
  id: string;
  number: number;
  date: string;
  time?: string | undefined;
  kind: MeetingKind;
  place: string;
  title?: string | undefined;
  chairName?: string | undefined;
  agendaCount: number;
  /** The status of the newest minutes revision; 'none' before the minutes are started. */
  minutesStatus: MinutesStatus | 'none';
  /** Lower-cased text the search runs on (the stored row's, or built from the fields). */
  search: string;
};

type MeetingLike = {
  id: string; number: number; date: string; time?: string | undefined; kind: MeetingKind; place: string; title?: string | undefined;
  chairId?: string | undefined; alive: 0 | 1; search?: string | undefined;
};
type ItemLike = { meetingId: string; alive: 0 | 1 };
type MinutesLike = { meetingId: string; revision: number; status: MinutesStatus; alive: 0 | 1 };
type PersonLike = { id: string; fullName: string };

/** A date 'YYYY-MM-DD' as the clerk reads it, DD.MM.YYYY. */
const dotted = (iso: string) => iso.split('-').reverse().join('.');

/** The search text of a meeting as the repository stores it: number, title, place, date DD.MM.YYYY. */
export function meetingSearchText(m: { number: number; title?: string | undefined; place: string; date: string }): string {
  return `${m.number} ${m.title ?? ''} ${m.place} ${dotted(m.date)}`.toLocaleLowerCase('ru');
}

/** The status of the minutes a meeting has now: its newest live revision's, or 'none'. */
export function currentMinutesStatus(minutes: readonly MinutesLike[]): MinutesStatus | 'none' {
  let best: MinutesLike | undefined;
  for (const m of minutes) if (m.alive === 1 && (!best || m.revision > best.revision)) best = m;
  return best?.status ?? 'none';
}

/** The list's rows: live meetings with their chair, live agenda item count and minutes status. */
export function buildMeetingRows(
  meetings: readonly MeetingLike[],
  items: readonly ItemLike[],
  minutes: readonly MinutesLike[],
  people: readonly PersonLike[],
): MeetingListRow[] {
  const counts = new Map<string, number>();
  for (const i of items) if (i.alive === 1) counts.set(i.meetingId, (counts.get(i.meetingId) ?? 0) + 1);
  const minutesOf = new Map<string, MinutesLike[]>();
  for (const m of minutes) minutesOf.set(m.meetingId, [...(minutesOf.get(m.meetingId) ?? []), m]);
  const names = new Map(people.map((p) => [p.id, p.fullName]));
  return meetings
    .filter((m) => m.alive === 1)
    .map((m) => ({
      id: m.id, number: m.number, date: m.date, time: m.time, kind: m.kind, place: m.place, title: m.title,
      chairName: m.chairId ? names.get(m.chairId) : undefined,
      agendaCount: counts.get(m.id) ?? 0,
      minutesStatus: currentMinutesStatus(minutesOf.get(m.id) ?? []),
      search: m.search ?? meetingSearchText(m),
    }));
}

/** Whether a meeting is still ahead on `today` (a Kazakhstan date): a meeting of today is upcoming. */
export function isUpcoming(row: { date: string }, today: string): boolean {
  return row.date >= today;
}

const when = (r: { date: string; time?: string | undefined }) => `${r.date} ${r.time ?? ''}`;

/** Upcoming meetings: the nearest first (date, time, number). */
export function compareUpcoming(a: MeetingListRow, b: MeetingListRow): number {
  return when(a) < when(b) ? -1 : when(a) > when(b) ? 1 : a.number - b.number;
}

/** Past meetings: the latest first. */
export function comparePast(a: MeetingListRow, b: MeetingListRow): number {
  return -compareUpcoming(a, b);
}

/** Upcoming (the nearest first) and past (the latest first) meetings on `today`. */
export function splitMeetings(rows: readonly MeetingListRow[], today: string): { upcoming: MeetingListRow[]; past: MeetingListRow[] } {
  const upcoming = rows.filter((r) => isUpcoming(r, today)).sort(compareUpcoming);
  const past = rows.filter((r) => !isUpcoming(r, today)).sort(comparePast);
  return { upcoming, past };
}

/**
 * Whether a meeting matches what the clerk typed. Every word must match. A number with «№»
 * («№ 3», «№3») is the meeting's number exactly; a bare number of up to three digits is the
 * number too (so «3» does not find every date in March); anything else — a word of the title or
 * the place, a date «12.02.2026» or part of it, a year — is looked for in the search text.
 */
export function matchesMeetingSearch(row: { number: number; search: string }, query: string): boolean {
  const q = query.toLocaleLowerCase('ru').replace(/№\s*/g, '№').trim();
  if (q === '') return true;
  return q.split(/\s+/).every((word) => {
    const numbered = /^№(\d+)$/.exec(word);
    if (numbered) return row.number === Number(numbered[1]);
    if (word === '№') return true;
    if (/^\d{1,3}$/.test(word)) return row.number === Number(word);
    return row.search.includes(word);
  });
}

/** The rows matching `query`, in their order. */
export function searchMeetings(rows: readonly MeetingListRow[], query: string): MeetingListRow[] {
  return query.trim() === '' ? [...rows] : rows.filter((r) => matchesMeetingSearch(r, query));
}
