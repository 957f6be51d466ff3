// The meeting → minutes structure as a clerk reads the paper: header lines, who was present and
// invited (over ten: «список прилагается» and an appendix), agenda and decision numbering, the
// Kazakh document's own headings, the signed decisions of an old revision; and a decision's
// deadline as the clerk picks it.
import { describe, expect, it } from 'vitest';
import {
  buildMinutesOutline, deadlineText, longDate, minutesPartField, parseSignedDecisions, signedAsDecisions,
  type OutlineInput, type OutlinePerson,
} from '@shared/domain/minutes-outline';
import { buildWorkCalendar } from '@shared/domain/work-calendar';
import { choiceOf, deadlineOf, sameDeadline } from '../../../renderer/src/features/minutes/decision-deadline';

const CHAIR = 'p-chair';
const SECRETARY = 'p-secretary';
const PROSECUTOR = 'p-prosecutor';

function person(id: string, fullName: string, position?: string): [string, OutlinePerson] {
  return [id, { id, fullName, position }];
}

function input(overrides: Partial<OutlineInput> = {}): OutlineInput {
  return {
    lang: 'ru',
    meeting: { number: 3, date: '2026-02-12', time: '10:00', place: 'Актюбинский ферросплавный завод', title: 'Выездное заседание', chairId: CHAIR, secretaryId: SECRETARY },
    people: new Map([
      person(CHAIR, 'Асхат Шахаров', 'аким Актюбинской области'),
      person(SECRETARY, 'Айгерим Нурланова', 'главный специалист'),
      person(PROSECUTOR, 'Марат Абишев', 'прокурор Актюбинской области'),
      person('p-investor', 'Ерлан Сапаров', 'директор ТОО «Polyline»'),
    ]),
    attendance: [
      { personId: CHAIR, role: 'participant', presence: 'present' },
      { personId: PROSECUTOR, role: 'participant', presence: 'present' },
      { personId: 'p-absent', role: 'participant', presence: 'absent' },
      { personId: 'p-investor', role: 'invitee', presence: 'video' },
    ],
    agenda: [
      { id: 'i-projects', position: 'a2', kind: 'topic', titleRu: 'Об инвестиционных проектах', titleKk: 'Инвестициялық жобалар туралы', projectIds: ['pr1', 'pr2'] },
      { id: 'i-sez', position: 'a1', kind: 'topic', titleRu: 'О СЭЗ «Актобе»', speaker: 'Руководитель управления', projectIds: [] },
    ],
    decisions: [
      { id: 'd-late', agendaItemId: 'i-projects', position: 'a2', textRu: 'Второе решение', responsibleOrgIds: ['o1', 'o2'], deadline: { kind: 'permanent' } },
      { id: 'd-first', agendaItemId: 'i-projects', position: 'a1', textRu: 'Проекты дополнительно изучить', textKk: 'Жобалар қосымша зерделенсін', responsibleOrgIds: ['o1'], deadline: { kind: 'date', due: '2026-03-01' } },
      { id: 'd-sez', agendaItemId: 'i-sez', position: 'a1', textRu: 'Ускорить заполнение СЭЗ', responsibleOrgIds: [], deadline: { kind: 'workdays', days: 5, due: '2026-02-19' } },
    ],
    organizations: new Map([
      ['o1', { name: 'Управление предпринимательства' }],
      ['o2', { name: 'Управление энергетики' }],
    ]),
    ...overrides,
  };
}

describe('minutes outline', () => {
  it('header: organization, ПРОТОКОЛ, date in words, number, place, chair and secretary', () => {
    const o = buildMinutesOutline(input());
    expect(o.organization).toBe('Региональный инвестиционный штаб Актюбинской области');
    expect(o.title).toBe('ПРОТОКОЛ');
    expect(o.date).toBe('12 февраля 2026 года');
    expect(o.number).toBe('№ 3');
    expect(o.place).toBe('Актюбинский ферросплавный завод');
    expect(o.subtitle).toBe('Выездное заседание');
    expect(o.chair?.text).toBe('Асхат Шахаров — аким Актюбинской области');
    expect(o.secretary?.name).toBe('Айгерим Нурланова');
    expect(o.signatures).toEqual([{ role: 'Председательствующий', name: 'Асхат Шахаров' }, { role: 'Секретарь', name: 'Айгерим Нурланова' }]);
  });

  it('present: participants who came in person or by video, without the chair; invited apart; the absent left out', () => {
    const o = buildMinutesOutline(input());
    expect(o.present).toEqual({ attached: false, people: [expect.objectContaining({ name: 'Марат Абишев', position: 'прокурор Актюбинской области' })] });
    expect(o.invited.people.map((p) => p.name)).toEqual(['Ерлан Сапаров']);
    expect(o.appendix).toBeNull();
  });

  it('over ten present: «список прилагается» and the appendix lists them with positions; ten stay in place', () => {
    const many = (n: number) => {
      const people = new Map(input().people);
      const attendance = [...input().attendance];
      for (let i = 1; i <= n; i++) {
        people.set(`m${i}`, { id: `m${i}`, fullName: `Участник ${i}`, position: `должность ${i}` });
        attendance.push({ personId: `m${i}`, role: 'participant', presence: i % 2 ? 'present' : 'video' });
      }
      return input({ people, attendance });
    };
    // The prosecutor and nine more: ten, printed in place.
    expect(buildMinutesOutline(many(9)).present.attached).toBe(false);
    expect(buildMinutesOutline(many(9)).appendix).toBeNull();

    const o = buildMinutesOutline(many(10));
    expect(o.present.attached).toBe(true);
    expect(o.invited.attached).toBe(false);
    expect(o.appendix?.title).toBe('Приложение к протоколу № 3 от 12 февраля 2026 года');
    expect(o.appendix?.present).toHaveLength(11);
    expect(o.appendix?.present[10]?.text).toBe('Участник 10 — должность 10');
    expect(o.appendix?.invited).toEqual([]);
  });

  it('agenda numbered in position order; decisions numbered per item 1.1, 2.1, 2.2', () => {
    const o = buildMinutesOutline(input());
    expect(o.agenda).toEqual([{ id: 'i-sez', number: 1, title: 'О СЭЗ «Актобе»' }, { id: 'i-projects', number: 2, title: 'Об инвестиционных проектах' }]);
    expect(o.items.map((i) => i.decisions.map((d) => `${d.number} ${d.text}`))).toEqual([
      ['1.1 Ускорить заполнение СЭЗ'],
      ['2.1 Проекты дополнительно изучить', '2.2 Второе решение'],
    ]);
    const second = o.items[1]?.decisions[1];
    expect(second?.responsible).toEqual(['Управление предпринимательства', 'Управление энергетики']);
    expect(second?.deadline).toBe('постоянно');
    expect(o.items[0]?.decisions[0]?.deadline).toBe('в течение 5 рабочих дней (до 19.02.2026)');
    expect(o.items[0]?.speaker).toBe('Руководитель управления');
  });

  it('the Kazakh document: Kazakh headings, Kazakh texts, the Russian one marked where no Kazakh text exists yet', () => {
    const o = buildMinutesOutline(input({ lang: 'kk' }));
    expect([o.title, o.headings.chair, o.headings.secretary, o.headings.present, o.headings.invited, o.headings.agenda, o.headings.heard, o.headings.spoke, o.headings.decided])
      .toEqual(['ХАТТАМА', 'Төрағалық етуші', 'Хатшы', 'Қатысқандар', 'Шақырылғандар', 'КҮН ТӘРТІБІ', 'ТЫҢДАЛДЫ', 'СӨЙЛЕДІ', 'ШЕШТІ']);
    expect(o.date).toBe('2026 жылғы 12 ақпан');
    expect(o.items[1]?.title).toBe('Инвестициялық жобалар туралы');
    expect(o.items[1]?.decisions[0]).toMatchObject({ number: '2.1', text: 'Жобалар қосымша зерделенсін', untranslated: false, deadline: '01.03.2026 дейін' });
    expect(o.items[1]?.decisions[1]).toMatchObject({ text: 'Второе решение', untranslated: true, deadline: 'тұрақты' });
    expect(o.items[0]).toMatchObject({ title: 'О СЭЗ «Актобе»', untranslated: true });
  });

  it('a control item without a title of its own is «Об исполнении ранее данных поручений»', () => {
    const o = buildMinutesOutline(input({ agenda: [{ id: 'c', position: 'a0', kind: 'control', projectIds: [] }], decisions: [] }));
    expect(o.agenda[0]?.title).toBe('Об исполнении ранее данных поручений');
  });

  it('no chair or secretary set: their lines are empty, the signature lines stay', () => {
    const o = buildMinutesOutline(input({ meeting: { number: 1, date: '2026-01-05', place: 'Актобе' } }));
    expect(o.chair).toBeNull();
    expect(o.signatures.map((s) => s.name)).toEqual(['', '']);
    // The chair, no longer chairing, is one of those present.
    expect(o.present.people.map((p) => p.name)).toContain('Асхат Шахаров');
  });

  it('parts of the text are named fragments', () => {
    expect(minutesPartField({ kind: 'item', itemId: 'abc', part: 'heard' })).toBe('item/abc/heard');
    expect(minutesPartField({ kind: 'item', itemId: 'abc', part: 'spoke' })).toBe('item/abc/spoke');
    expect(minutesPartField({ kind: 'preamble' })).toBe('preamble');
    expect(minutesPartField({ kind: 'closing' })).toBe('closing');
  });

  it('dates and deadlines in words', () => {
    expect(longDate('2026-05-01', 'ru')).toBe('1 мая 2026 года');
    expect(longDate('2026-12-16', 'kk')).toBe('2026 жылғы 16 желтоқсан');
    // Before a noun, the attributive form Kazakh acts write («2022 жылғы 26 желтоқсандағы № 337 шешімі»).
    expect(longDate('2026-12-16', 'kk', true)).toBe('2026 жылғы 16 желтоқсандағы');
    expect(longDate('2026-04-03', 'kk', true)).toBe('2026 жылғы 3 сәуірдегі');
    expect(longDate('2026-04-03', 'ru', true)).toBe('3 апреля 2026 года');
    expect(deadlineText({ kind: 'workdays', days: 1, due: '2026-02-13' }, 'ru')).toBe('в течение 1 рабочего дня (до 13.02.2026)');
    expect(deadlineText({ kind: 'workdays', days: 21, due: '2026-03-13' }, 'ru')).toBe('в течение 21 рабочего дня (до 13.03.2026)');
    expect(deadlineText({ kind: 'workdays', days: 11, due: '2026-02-27' }, 'ru')).toBe('в течение 11 рабочих дней (до 27.02.2026)');
    expect(deadlineText({ kind: 'quarterly' }, 'kk')).toBe('тоқсан сайын');
    expect(deadlineText(undefined, 'ru')).toBe('');
  });

  it('an old signed revision shows its decisions as they were signed, under the items their numbers name', () => {
    const signed = parseSignedDecisions(JSON.stringify([
      { id: 'd-first', number: '2.1', textRu: 'Как подписано', responsibleOrgIds: ['o1'], deadline: { kind: 'date', due: '2026-03-01' } },
      { id: 'd-sez', number: '1.1', textRu: 'СЭЗ', responsibleOrgIds: ['o2'] },
    ]));
    const o = buildMinutesOutline(input({ decisions: signedAsDecisions(signed, input().agenda) }));
    expect(o.items.map((i) => i.decisions.map((d) => `${d.number} ${d.text}`))).toEqual([['1.1 СЭЗ'], ['2.1 Как подписано']]);
    expect(parseSignedDecisions('not json')).toEqual([]);
    expect(parseSignedDecisions(undefined)).toEqual([]);
  });
});

describe('decision deadline', () => {
  const cal = buildWorkCalendar();

  it('«в течение 5 рабочих дней» from Thursday 19.03.2026 skips Nauryz and its carried days: 31.03.2026', () => {
    expect(deadlineOf({ kind: 'workdays', dateText: '', daysText: '5' }, '2026-03-19', cal)).toEqual({ ok: true, deadline: { kind: 'workdays', days: 5, due: '2026-03-31' } });
  });

  it('a day moved by decree (an override) moves the date', () => {
    const moved = buildWorkCalendar([{ date: '2026-03-20', kind: 'day_off' }]);
    expect(deadlineOf({ kind: 'workdays', dateText: '', daysText: '1' }, '2026-03-19', moved)).toEqual({ ok: true, deadline: { kind: 'workdays', days: 1, due: '2026-03-26' } });
  });

  it('a typed date, the kinds without a date, and nothing chosen yet', () => {
    expect(deadlineOf({ kind: 'date', dateText: '01.04.2026', daysText: '' }, '2026-03-19', cal)).toEqual({ ok: true, deadline: { kind: 'date', due: '2026-04-01' } });
    expect(deadlineOf({ kind: 'permanent', dateText: '', daysText: '' }, '2026-03-19', cal)).toEqual({ ok: true, deadline: { kind: 'permanent' } });
    expect(deadlineOf({ kind: 'quarterly', dateText: 'x', daysText: 'y' }, '2026-03-19', cal)).toEqual({ ok: true, deadline: { kind: 'quarterly' } });
    expect(deadlineOf({ kind: 'date', dateText: ' ', daysText: '' }, '2026-03-19', cal)).toEqual({ ok: true, deadline: undefined });
  });

  it('a date that does not exist and a number of days out of range are errors, not deadlines', () => {
    expect(deadlineOf({ kind: 'date', dateText: '31.02.2026', daysText: '' }, '2026-03-19', cal)).toEqual({ ok: false, error: 'invalid_date' });
    for (const days of ['0', '366', '2,5', '-1', 'пять']) {
      expect(deadlineOf({ kind: 'workdays', dateText: '', daysText: days }, '2026-03-19', cal)).toEqual({ ok: false, error: 'days_range' });
    }
  });

  it('the controls show a stored deadline as it was chosen', () => {
    expect(choiceOf({ kind: 'date', due: '2026-04-01' })).toEqual({ kind: 'date', dateText: '01.04.2026', daysText: '' });
    expect(choiceOf({ kind: 'workdays', days: 5, due: '2026-03-31' })).toEqual({ kind: 'workdays', dateText: '', daysText: '5' });
    expect(choiceOf(undefined).kind).toBe('');
    expect(sameDeadline({ kind: 'permanent' }, { kind: 'permanent' })).toBe(true);
    expect(sameDeadline({ kind: 'permanent' }, undefined)).toBe(false);
  });
});
