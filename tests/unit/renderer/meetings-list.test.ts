// The meetings list: upcoming and past by the Kazakhstan date, their order, the search a clerk
// types (a number, «№ 3», a word of the place, a date), and each row's chair, agenda count and
// minutes status — built from real records written through the repositories.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHarness, type Harness } from '../db/harness';
import {
  buildMeetingRows, currentMinutesStatus, matchesMeetingSearch, meetingSearchText, searchMeetings, splitMeetings, type MeetingListRow,
} from '../../../renderer/src/features/meetings/meeting-list';
import { liveQuery } from 'dexie';
import { readMeetingRows } from '../../../renderer/src/features/meetings/meeting-list-query';

function row(number: number, date: string, extra: Partial<MeetingListRow> = {}): MeetingListRow {
  const place = extra.place ?? 'Акимат области';
  return { id: `m${number}-${date}`, number, date, kind: 'regular', place, agendaCount: 0, minutesStatus: 'none', search: meetingSearchText({ number, place, date, title: extra.title }), ...extra };
}

describe('upcoming and past', () => {
  const rows = [row(1, '2026-01-20'), row(2, '2026-02-12'), row(3, '2026-03-15', { time: '15:00' }), row(4, '2026-03-15', { time: '10:00' }), row(5, '2026-04-02'), row(1, '2025-12-01')];

  it('puts a meeting of today among the upcoming ones, the nearest first', () => {
    const { upcoming } = splitMeetings(rows, '2026-03-15');
    expect(upcoming.map((r) => r.number)).toEqual([4, 3, 5]);
  });

  it('lists past meetings the latest first, across years', () => {
    const { past } = splitMeetings(rows, '2026-03-15');
    expect(past.map((r) => `${r.number}/${r.date}`)).toEqual(['2/2026-02-12', '1/2026-01-20', '1/2025-12-01']);
  });

  it('moves a meeting to the past the day after it', () => {
    expect(splitMeetings(rows, '2026-03-16').upcoming.map((r) => r.number)).toEqual([5]);
  });
});

describe('search', () => {
  const rows = [
    row(3, '2026-02-12', { place: 'Актюбинский ферросплавный завод', title: 'Выездное заседание штаба' }),
    row(13, '2026-03-03', { place: 'Акимат области' }),
    row(23, '2026-03-30', { place: 'СЭЗ «Актобе»' }),
  ];
  const numbers = (q: string) => searchMeetings(rows, q).map((r) => r.number);

  it('finds a meeting by its number, bare or with №, and not every date that has the digit', () => {
    expect(numbers('3')).toEqual([3]);
    expect(numbers('№ 3')).toEqual([3]);
    expect(numbers('№13')).toEqual([13]);
    expect(numbers('№ 4')).toEqual([]);
  });

  it('finds by a word of the place or the title, whatever the case', () => {
    expect(numbers('ферросплавный')).toEqual([3]);
    expect(numbers('ВЫЕЗДНОЕ')).toEqual([3]);
    expect(numbers('актобе')).toEqual([23]);
  });

  it('finds by a date as the clerk writes it, or part of it, or the year', () => {
    expect(numbers('12.02.2026')).toEqual([3]);
    expect(numbers('.03.2026')).toEqual([13, 23]);
    expect(numbers('2026')).toEqual([3, 13, 23]);
  });

  it('needs every word to match', () => {
    expect(numbers('акимат 2026')).toEqual([13]);
    expect(numbers('акимат 12.02')).toEqual([]);
  });

  it('keeps every row for an empty query', () => {
    expect(numbers('  ')).toEqual([3, 13, 23]);
    expect(matchesMeetingSearch(rows[0] as MeetingListRow, '')).toBe(true);
  });
});

describe('minutes status', () => {
  it('is the newest live revision’s, or none before the minutes are started', () => {
    expect(currentMinutesStatus([])).toBe('none');
    expect(currentMinutesStatus([
      { meetingId: 'm', revision: 1, status: 'signed', alive: 1 },
      { meetingId: 'm', revision: 2, status: 'draft', alive: 1 },
    ])).toBe('draft');
    expect(currentMinutesStatus([
      { meetingId: 'm', revision: 1, status: 'signed', alive: 1 },
      { meetingId: 'm', revision: 2, status: 'draft', alive: 0 },
    ])).toBe('signed');
  });
});

describe('rows from the stored records', () => {
  let h: Harness;
  beforeEach(() => {
    h = openHarness();
  });
  afterEach(async () => {
    await h.dispose();
  });

  it('shows each meeting with its chair, its live agenda items and its minutes status, and finds it by the stored search text', async () => {
    const akim = await h.repos.people.create({ fullName: 'Асхат Шахаров', position: 'аким области', regionId: 'aktobe' });
    const m1 = await h.repos.ops.createMeeting({ regionId: 'aktobe', number: 1, kind: 'on_site', date: '2026-02-12', place: 'Актюбинский ферросплавный завод', chairId: akim.id });
    const m2 = await h.repos.ops.createMeeting({ regionId: 'aktobe', number: 2, kind: 'regular', date: '2026-04-01', place: 'Акимат области' });
    await h.repos.ops.addAgendaItem(m1.id, { kind: 'topic', titleRu: 'О СЭЗ «Актобе»', projectIds: [] });
    const gone = await h.repos.ops.addAgendaItem(m1.id, { kind: 'topic', titleRu: 'О проектах', projectIds: [] });
    await h.repos.ops.removeAgendaItem(gone.id);
    await h.repos.ops.ensureMinutes(m1.id);

    const rows = await readMeetingRows(h.db);
    const one = rows.find((r) => r.id === m1.id);
    const two = rows.find((r) => r.id === m2.id);
    expect(one).toMatchObject({ number: 1, chairName: 'Асхат Шахаров', agendaCount: 1, minutesStatus: 'draft', kind: 'on_site' });
    expect(two).toMatchObject({ number: 2, agendaCount: 0, minutesStatus: 'none' });
    expect(two?.chairName).toBeUndefined();
    expect(searchMeetings(rows, 'ферросплавный 12.02.2026').map((r) => r.id)).toEqual([m1.id]);

    const { upcoming, past } = splitMeetings(rows, '2026-03-15');
    expect(upcoming.map((r) => r.id)).toEqual([m2.id]);
    expect(past.map((r) => r.id)).toEqual([m1.id]);
  });

  it('is read again when a chair is renamed, and not when someone else among the people is added or changed', async () => {
    const akim = await h.repos.people.create({ fullName: 'Асхат Шахаров', position: 'аким области', regionId: 'aktobe' });
    const other = await h.repos.people.create({ fullName: 'Айгерим Серикова', position: 'секретарь', regionId: 'aktobe' });
    const m = await h.repos.ops.createMeeting({ regionId: 'aktobe', number: 1, kind: 'on_site', date: '2026-02-12', place: 'Актюбинский ферросплавный завод', chairId: akim.id });
    const seen: (string | undefined)[] = [];
    let next: (() => void) | null = null;
    const sub = liveQuery(() => readMeetingRows(h.db)).subscribe({
      next: (rows) => {
        seen.push(rows.find((r) => r.id === m.id)?.chairName);
        next?.();
      },
    });
    const emitted = (n: number) => new Promise<void>((resolve) => {
      next = () => seen.length >= n && resolve();
      next();
    });
    try {
      await emitted(1);
      // A first sync's page of people, and an edit of someone who chairs nothing: the list stays as read.
      for (let i = 0; i < 20; i++) await h.repos.people.create({ fullName: `Сотрудник ${i}`, position: 'специалист', regionId: 'aktobe' });
      await h.repos.people.update(other.id, { position: 'главный специалист' });
      // Time for a read those writes would start to end (a read started meanwhile is dropped for the next).
      await new Promise((resolve) => setTimeout(resolve, 300));
      await h.repos.people.update(akim.id, { fullName: 'Асхат Шахаров (и. о.)' });
      await emitted(2);
      expect(seen).toEqual(['Асхат Шахаров', 'Асхат Шахаров (и. о.)']);
    } finally {
      sub.unsubscribe();
    }
  });

  it('drops a deleted meeting from the list', async () => {
    const m = await h.repos.ops.createMeeting({ regionId: 'aktobe', number: 1, kind: 'regular', date: '2026-02-12', place: 'Акимат' });
    await h.repos.meetings.remove(m.id);
    expect(buildMeetingRows(await h.db.meetings.toArray(), [], [], [])).toEqual([]);
  });
});
