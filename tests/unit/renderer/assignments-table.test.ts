// The control table of assignments as the clerk reads it: references to the minutes and to
// instructions from above, deadlines as the minutes word them, overdue ones and days left, the
// filters (responsible, status, overdue, meeting, project, this week, due soon, search), the sort
// by each column and the grouping by responsible body; and the reminders' counts across holidays.
import { describe, expect, it } from 'vitest';
import { buildWorkCalendar } from '@shared/domain/work-calendar';
import {
  activeFilterCount, buildControlRows, filterDates, filterRows, groupByResponsible, NO_FILTERS, sortRows,
  type ControlFilters, type ControlModel, type ControlRow, type ModelAssignment,
} from '../../../renderer/src/features/assignments/assignment-table';
import { daysLeftText, deadlineText, referenceOf, textOf } from '../../../renderer/src/features/assignments/assignment-text';
import { dueSoon, soonUntil, weekOf } from '../../../renderer/src/features/assignments/due-soon';

const ids = {
  meeting: '019c5000-0000-7000-8000-000000000001',
  item1: '019c5000-0000-7000-8000-000000000011',
  item2: '019c5000-0000-7000-8000-000000000012',
  d1: '019c5000-0000-7000-8000-0000000000d1',
  d2: '019c5000-0000-7000-8000-0000000000d2',
  d3: '019c5000-0000-7000-8000-0000000000d3',
  x: '019c5000-0000-7000-8000-0000000000a1',
  energy: '019c5000-0000-7000-8000-0000000000e1',
  akimat: '019c5000-0000-7000-8000-0000000000e2',
  pipes: '019c5000-0000-7000-8000-0000000000f1',
  logistics: '019c5000-0000-7000-8000-0000000000f2',
};

function assignment(a: Partial<ModelAssignment> & Pick<ModelAssignment, 'id' | 'origin'>): ModelAssignment {
  return { responsibleOrgIds: [], status: 'open', projectIds: [], zoneIds: [], meetingIds: [], ...a };
}

/**
 * Minutes № 3 of 12.02.2026 with two agenda items; decisions 2.1 (overdue), 1.1 (done), 2.2 (due
 * in two days); and the Head of State's instruction of 10.02.2026 № 15, permanent, taken up at
 * that meeting. «Today» is Monday 16.03.2026.
 */
const TODAY = '2026-03-16';
const model: ControlModel = {
  assignments: [
    assignment({
      id: ids.d1, origin: 'decision', meetingId: ids.meeting, agendaItemId: ids.item2, position: 'a0',
      textRu: 'Обеспечить подключение завода к электросетям', textKk: 'Зауытты электр желілеріне қосуды қамтамасыз ету',
      responsibleOrgIds: [ids.energy, ids.akimat], deadline: { kind: 'date', due: '2026-03-10' }, projectIds: [ids.pipes],
    }),
    assignment({
      id: ids.d2, origin: 'decision', meetingId: ids.meeting, agendaItemId: ids.item1, position: 'a0',
      textRu: 'Дополнительно изучить проекты', deadline: { kind: 'workdays', days: 5, due: '2026-02-19' }, status: 'done',
    }),
    assignment({
      id: ids.d3, origin: 'decision', meetingId: ids.meeting, agendaItemId: ids.item2, position: 'a1',
      textRu: 'Выделить земельный участок под логистический хаб', responsibleOrgIds: [ids.energy],
      deadline: { kind: 'date', due: '2026-03-18' }, status: 'in_progress', projectIds: [ids.logistics],
    }),
    assignment({
      id: ids.x, origin: 'directive', sourceKind: 'head_of_state', sourceDate: '2026-02-10', sourceNumber: '15',
      textRu: 'Обеспечить эффективную работу специальных экономических зон', responsibleOrgIds: [ids.akimat],
      deadline: { kind: 'permanent' }, meetingIds: [ids.meeting], zoneIds: ['sez-aktobe'],
    }),
  ],
  organizations: new Map([[ids.energy, 'Управление энергетики'], [ids.akimat, 'Акимат Актюбинской области']]),
  meetings: new Map([[ids.meeting, { id: ids.meeting, number: 3, date: '2026-02-12' }]]),
  agendaItems: [{ id: ids.item1, meetingId: ids.meeting, position: 'a0' }, { id: ids.item2, meetingId: ids.meeting, position: 'a1' }],
  projects: new Map([[ids.pipes, 'Завод по производству пластиковых труб'], [ids.logistics, 'Курьерский центр и логистический хаб']]),
};
const cal = buildWorkCalendar();
const rows = buildControlRows(model, 'ru', TODAY);
const dates = filterDates(TODAY, cal);
const byId = (id: string) => rows.find((r) => r.id === id) as ControlRow;
const idsOf = (list: readonly ControlRow[]) => list.map((r) => r.id);
const filtered = (f: Partial<ControlFilters>) => idsOf(filterRows(rows, { ...NO_FILTERS, ...f }, dates));

describe('references', () => {
  it('numbers a decision by its agenda item and its place in the item, in the minutes of its meeting', () => {
    expect(byId(ids.d1).reference).toBe('п. 2.1 протокола № 3 от 12.02.2026');
    expect(byId(ids.d2).reference).toBe('п. 1.1 протокола № 3 от 12.02.2026');
    expect(byId(ids.d3).reference).toBe('п. 2.2 протокола № 3 от 12.02.2026');
    expect(buildControlRows(model, 'kk', TODAY).find((r) => r.id === ids.d1)?.reference).toBe('12.02.2026 ж. № 3 хаттаманың 2.1-тармағы');
  });

  it('names an instruction from above by who gave it, its date and number', () => {
    expect(byId(ids.x).reference).toBe('Поручение Главы государства от 10.02.2026 № 15');
    expect(buildControlRows(model, 'kk', TODAY).find((r) => r.id === ids.x)?.reference).toBe('Мемлекет басшысының 10.02.2026 ж. № 15 тапсырмасы');
    expect(referenceOf({ origin: 'directive', sourceKind: 'government', sourceNumber: '12-3/45' }, undefined, undefined, 'ru')).toBe('Поручение Правительства № 12-3/45');
    expect(referenceOf({ origin: 'directive', sourceKind: 'other' }, undefined, undefined, 'kk')).toBe('Тапсырма');
  });

  it('refers to the minutes without a number when the decision is not placed, and says so when the meeting is gone', () => {
    const meeting = { number: 4, date: '2026-03-01' };
    expect(referenceOf({ origin: 'decision' }, meeting, undefined, 'ru')).toBe('протокол № 4 от 01.03.2026');
    expect(referenceOf({ origin: 'decision' }, undefined, undefined, 'ru')).toBe('Решение заседания штаба');
  });
});

describe('texts, deadlines and days', () => {
  it('shows the text in the UI language when it exists, else the other one', () => {
    expect(textOf({ textRu: 'Обеспечить', textKk: 'Қамтамасыз ету' }, 'kk')).toBe('Қамтамасыз ету');
    expect(textOf({ textRu: 'Обеспечить' }, 'kk')).toBe('Обеспечить');
    expect(textOf({ textKk: 'Қамтамасыз ету' }, 'ru')).toBe('Қамтамасыз ету');
    expect(textOf({ textRu: 'Обеспечить', textKk: 'Қамтамасыз ету' }, 'en')).toBe('Обеспечить');
  });

  it('words a deadline as the minutes do', () => {
    expect(deadlineText({ kind: 'date', due: '2026-03-10' }, 'ru')).toBe('10.03.2026');
    expect(deadlineText({ kind: 'workdays', days: 5, due: '2026-02-19' }, 'ru')).toBe('в течение 5 рабочих дней (до 19.02.2026)');
    expect(deadlineText({ kind: 'workdays', days: 1, due: '2026-02-13' }, 'ru')).toBe('в течение 1 рабочего дня (до 13.02.2026)');
    expect(deadlineText({ kind: 'workdays', days: 21, due: '2026-03-16' }, 'ru')).toBe('в течение 21 рабочего дня (до 16.03.2026)');
    expect(deadlineText({ kind: 'workdays', days: 5, due: '2026-02-19' }, 'kk')).toBe('5 жұмыс күні ішінде (19.02.2026 дейін)');
    expect(deadlineText({ kind: 'permanent' }, 'ru')).toBe('постоянно');
    expect(deadlineText({ kind: 'quarterly' }, 'ru')).toBe('ежеквартально');
    expect(deadlineText({ kind: 'quarterly' }, 'kk')).toBe('тоқсан сайын');
  });

  it('derives overdue from the deadline while under control, and counts the days', () => {
    expect(byId(ids.d1).state).toMatchObject({ active: true, overdue: true, daysLeft: -6 });
    expect(daysLeftText(byId(ids.d1).state, 'ru')).toBe('просрочено на 6 дней');
    expect(daysLeftText(byId(ids.d3).state, 'ru')).toBe('осталось 2 дня');
    expect(daysLeftText(byId(ids.d3).state, 'kk')).toBe('2 күн қалды');
    // Done long after its date: not overdue, no days shown.
    expect(byId(ids.d2).state.overdue).toBe(false);
    expect(daysLeftText(byId(ids.d2).state, 'ru')).toBe('');
    expect(daysLeftText({ active: true, overdue: false, daysLeft: 1, due: '2026-03-17' }, 'ru')).toBe('остался 1 день');
    expect(daysLeftText({ active: true, overdue: false, daysLeft: 0, due: TODAY }, 'ru')).toBe('срок сегодня');
    expect(byId(ids.x).state).toMatchObject({ overdue: false, daysLeft: null });
  });

  it('lists responsible bodies and projects by name', () => {
    expect(byId(ids.d1).responsible).toEqual(['Управление энергетики', 'Акимат Актюбинской области']);
    expect(byId(ids.d1).projects).toEqual(['Завод по производству пластиковых труб']);
  });
});

describe('filters', () => {
  it('shows everything with no filter set', () => {
    expect(activeFilterCount(NO_FILTERS)).toBe(0);
    expect(filtered({})).toHaveLength(4);
  });

  it('filters by overdue, status and responsible body', () => {
    expect(filtered({ overdueOnly: true })).toEqual([ids.d1]);
    expect(filtered({ statuses: ['done'] })).toEqual([ids.d2]);
    expect(filtered({ statuses: ['open', 'in_progress'] })).toEqual([ids.d1, ids.d3, ids.x]);
    expect(filtered({ responsible: [ids.akimat] })).toEqual([ids.d1, ids.x]);
    expect(filtered({ responsible: [ids.akimat], overdueOnly: true })).toEqual([ids.d1]);
  });

  it('filters by meeting (decided there or taken up there) and by project', () => {
    expect(filtered({ meetingId: ids.meeting })).toEqual([ids.d1, ids.d2, ids.d3, ids.x]);
    expect(filtered({ meetingId: '019c5000-0000-7000-8000-00000000ffff' })).toEqual([]);
    expect(filtered({ projectId: ids.logistics })).toEqual([ids.d3]);
  });

  it('filters what falls due this week and within the next 3 working days', () => {
    expect(weekOf(TODAY)).toEqual({ start: '2026-03-16', end: '2026-03-22' });
    expect(weekOf('2026-03-22')).toEqual({ start: '2026-03-16', end: '2026-03-22' });
    expect(filtered({ dueThisWeek: true })).toEqual([ids.d3]);
    expect(filtered({ dueSoon: true })).toEqual([ids.d3]);
  });

  it('searches the text, the reference, the responsible and the projects; every word must match', () => {
    expect(filtered({ query: 'энергетики' })).toEqual([ids.d1, ids.d3]);
    expect(filtered({ query: 'ЭНЕРГЕТИКИ хаб' })).toEqual([ids.d3]);
    expect(filtered({ query: 'п. 1.1' })).toEqual([ids.d2]);
    expect(filtered({ query: 'Главы государства' })).toEqual([ids.x]);
    expect(filtered({ query: 'электр желілеріне' })).toEqual([ids.d1]);
    expect(filtered({ query: '   ' })).toHaveLength(4);
  });
});

describe('search over many assignments', () => {
  it('finds a word in the first, the last and any row between, each row once, with the other filters', () => {
    const many: ControlModel = {
      ...model,
      assignments: Array.from({ length: 500 }, (_, i) => assignment({
        id: `019c5000-0000-7000-8000-${String(i).padStart(12, '0')}`, origin: 'directive', sourceKind: 'akim',
        textRu: i % 7 === 0 ? `газ газ подключение ${i}` : `электроэнергия ${i} завод`,
      })),
    };
    const all = buildControlRows(many, 'ru', TODAY);
    const found = filterRows(all, { ...NO_FILTERS, query: 'газ' }, dates);
    expect(found.map((r) => r.text)).toEqual(all.filter((_, i) => i % 7 === 0).map((r) => r.text));
    expect(filterRows(all, { ...NO_FILTERS, query: 'завод 499' }, dates).map((r) => r.text)).toEqual(['электроэнергия 499 завод']);
    expect(filterRows(all, { ...NO_FILTERS, query: 'газ', statuses: ['done'] }, dates)).toEqual([]);
  });
});

describe('sorting', () => {
  it('puts what is under control first, the nearest deadline first, when no column is chosen', () => {
    expect(idsOf(sortRows(rows, null, 'ru'))).toEqual([ids.d1, ids.d3, ids.x, ids.d2]);
  });

  it('sorts references by date, then meeting and decision number', () => {
    expect(idsOf(sortRows(rows, { id: 'reference', desc: false }, 'ru'))).toEqual([ids.x, ids.d2, ids.d1, ids.d3]);
    expect(idsOf(sortRows(rows, { id: 'reference', desc: true }, 'ru'))).toEqual([ids.d3, ids.d1, ids.d2, ids.x]);
  });

  it('sorts deadlines by date with «постоянно» and no date last, both ways', () => {
    expect(idsOf(sortRows(rows, { id: 'deadline', desc: false }, 'ru'))).toEqual([ids.d2, ids.d1, ids.d3, ids.x]);
    expect(idsOf(sortRows(rows, { id: 'deadline', desc: true }, 'ru'))).toEqual([ids.d3, ids.d1, ids.d2, ids.x]);
  });

  it('sorts status with overdue first, and days left with the most overdue first', () => {
    expect(idsOf(sortRows(rows, { id: 'status', desc: false }, 'ru'))).toEqual([ids.d1, ids.x, ids.d3, ids.d2]);
    expect(idsOf(sortRows(rows, { id: 'daysLeft', desc: false }, 'ru'))).toEqual([ids.d1, ids.d3, ids.d2, ids.x]);
    expect(idsOf(sortRows(rows, { id: 'daysLeft', desc: true }, 'ru')).slice(0, 2)).toEqual([ids.d3, ids.d1]);
  });

  it('sorts texts, responsible bodies and projects alphabetically, empty ones last', () => {
    expect(idsOf(sortRows(rows, { id: 'text', desc: false }, 'ru'))).toEqual([ids.d3, ids.d2, ids.d1, ids.x]);
    expect(idsOf(sortRows(rows, { id: 'responsible', desc: false }, 'ru'))).toEqual([ids.x, ids.d3, ids.d1, ids.d2]);
    expect(idsOf(sortRows(rows, { id: 'projects', desc: false }, 'ru'))).toEqual([ids.d1, ids.d3, ids.d2, ids.x]);
    expect(idsOf(sortRows(rows, { id: 'projects', desc: true }, 'ru')).slice(0, 2)).toEqual([ids.d3, ids.d1]);
  });

  it('orders decision numbers as numbers: 2.10 after 2.9', () => {
    const many: ControlModel = {
      ...model,
      assignments: Array.from({ length: 10 }, (_, i) => assignment({
        id: `019c5000-0000-7000-8000-0000000001${String(i).padStart(2, '0')}`, origin: 'decision', meetingId: ids.meeting, agendaItemId: ids.item2,
        position: `a${i}`, textRu: `Решение ${i + 1}`,
      })).reverse(),
    };
    const sorted = sortRows(buildControlRows(many, 'ru', TODAY), { id: 'reference', desc: false }, 'ru');
    expect(sorted.map((r) => r.number)).toEqual(['2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '2.7', '2.8', '2.9', '2.10']);
  });
});

describe('grouping by responsible body', () => {
  it('lists each body by name with its assignments, one with several bodies under each, none last', () => {
    const entries = groupByResponsible(sortRows(rows, null, 'ru'), model.organizations, 'ru');
    const read = entries.map((e) => (e.kind === 'group' ? `# ${e.name} (${e.count}, ${e.overdue})` : e.row.id));
    expect(read).toEqual([
      '# Акимат Актюбинской области (2, 1)', ids.d1, ids.x,
      '# Управление энергетики (2, 1)', ids.d1, ids.d3,
      '# Ответственный не назначен (1, 0)', ids.d2,
    ]);
    const keys = entries.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('shows a collapsed group by its heading only', () => {
    const entries = groupByResponsible(rows, model.organizations, 'ru', new Set([ids.energy]));
    const energy = entries.find((e) => e.kind === 'group' && e.name === 'Управление энергетики');
    expect(energy).toMatchObject({ collapsed: true, count: 2 });
    expect(entries.filter((e) => e.kind === 'row')).toHaveLength(3);
  });
});

describe('reminders', () => {
  it('counts overdue ones and those due within N working days, done and undated ones left out', () => {
    const r = dueSoon(model.assignments, TODAY, cal, 3);
    expect(r.overdue.map((a) => a.id)).toEqual([ids.d1]);
    expect(r.soon.map((a) => a.id)).toEqual([ids.d3]);
    expect(dueSoon(model.assignments, '2026-03-19', cal, 3).soon).toEqual([]);
    expect(dueSoon(model.assignments, '2026-03-19', cal, 3).overdue.map((a) => a.id)).toEqual([ids.d1, ids.d3]);
  });

  it('counts working days across Nauryz and the days it carries', () => {
    // Friday 20.03.2026: 21–23 March are Nauryz, 24 and 25 the days carried from its weekend.
    expect(soonUntil('2026-03-20', cal, 3)).toBe('2026-03-30');
    const soon = [assignment({ id: ids.d1, origin: 'directive', deadline: { kind: 'date', due: '2026-03-30' } })];
    expect(dueSoon(soon, '2026-03-20', cal, 3).soon).toHaveLength(1);
    expect(dueSoon(soon, '2026-03-20', cal, 2).soon).toHaveLength(0);
    // A day the clerk made a working day counts.
    expect(soonUntil('2026-03-20', buildWorkCalendar([{ date: '2026-03-25', kind: 'workday' }]), 3)).toBe('2026-03-27');
  });
});
