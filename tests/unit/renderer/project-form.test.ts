// The project card's form: conversion to the record and validation messages in the UI language.
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { ru } from '../../../renderer/src/i18n/ru';
import { kk } from '../../../renderer/src/i18n/kk';
import { barrierChanges, changedFields, dirtyFormFields, fromForm, num, tabOfField, toForm, validateForm, type ProjectForm } from '../../../renderer/src/features/project/project-form';
import { binCheckDigit } from '@shared/domain/bin';
import { projectFieldsSchema } from '@shared/domain/project.schema';

const i18n = i18next.createInstance();
await i18n.init({ resources: { ru: { translation: ru }, kk: { translation: kk } }, lng: 'ru', interpolation: { escapeValue: false } });
const t = i18n.t.bind(i18n);

function base(): ProjectForm {
  return toForm(projectFieldsSchema.parse({ title: 'Завод', investorName: 'ТОО «Polyline»', regionId: 'aktobe', stage: 'idea', status: 'on_track', tags: [] }));
}

describe('project form', () => {
  it('accepts a valid project and converts the typed amount with its scale word', () => {
    const f = { ...base(), investment: '25 млрд', jobsPermanentPlanned: '120' };
    expect(validateForm(f, t)).toEqual({});
    const input = projectFieldsSchema.parse(fromForm(f));
    expect(input.investmentTenge).toBe(25e9);
    expect(input.jobsPermanentPlanned).toBe(120);
  });

  it('shows the BIN error in Russian and in Kazakh, saying which rule the number breaks', async () => {
    const f = { ...base(), investorBin: '123456789012' };
    expect(validateForm(f, t).investorBin).toBe('Неверный БИН: контрольная цифра не сходится — сверьте цифры с документом');
    expect(validateForm({ ...f, investorBin: '1234 5678 901' }, t).investorBin).toBe('В БИН должно быть 12 цифр, а введено 11');
    expect(validateForm({ ...f, investorBin: 'abcdefghijkl' }, t).investorBin).toBe(
      'В БИН допускаются только цифры — уберите буквы, дефисы и другие знаки (цифр: 0 из 12)',
    );
    await i18n.changeLanguage('kk');
    expect(validateForm(f, i18n.t.bind(i18n)).investorBin).toBe(kk.validation.bin_checksum);
    expect(validateForm({ ...f, investorBin: '12345678901234' }, i18n.t.bind(i18n)).investorBin).toBe('БСН 12 цифрдан тұруы керек, ал енгізілген цифрлар: 14');
    await i18n.changeLanguage('ru');
    expect(ru.validation.bin_checksum).toContain('контрольная цифра не сходится');
    const prefix = '94064000042';
    expect(validateForm({ ...f, investorBin: `${prefix}${binCheckDigit(prefix)}` }, t)).toEqual({});
  });

  it('explains an amount it cannot read, HTML, and an empty title', () => {
    const errors = validateForm({ ...base(), title: ' ', investment: 'много денег', notes: '<b>жирный</b>' }, t);
    expect(errors.title).toBe(ru.validation.required);
    expect(errors.investment).toBe(ru.validation.invalid_money);
    expect(errors.notes).toBe(ru.validation.no_markup);
  });

  it('refuses a 10 MB paste with a clear message', () => {
    const errors = validateForm({ ...base(), notes: 'а'.repeat(10 * 1024 * 1024) }, t);
    expect(errors.notes).toBe(ru.validation.too_long);
  });

  it('round-trips a stored project through the form unchanged', () => {
    const stored = projectFieldsSchema.parse({
      title: 'Цех', investorName: 'ТОО «X»', regionId: 'aktobe', districtId: 'aktobe-alga', zoneId: 'sez-aktobe', stage: 'design', status: 'at_risk',
      investmentTenge: 1.5e9, jobsPermanentPlanned: 40, startDate: '2025-03-01', tags: ['СЭЗ'],
    });
    expect(projectFieldsSchema.parse(fromForm(toForm(stored)))).toEqual(stored);
  });

  it('sends only the fields the clerk changed, and the barriers added, changed and removed', () => {
    const gas = { id: '01900000-0000-7000-8000-000000000001', kind: 'gas' as const, text: 'Нет газа', openedOn: '2025-04-01' };
    const land = { id: '01900000-0000-7000-8000-000000000002', kind: 'land' as const, text: 'Нет участка', openedOn: '2025-04-01' };
    const initial = toForm(projectFieldsSchema.parse({ title: 'Цех', investorName: 'ТОО «X»', regionId: 'aktobe', stage: 'design', status: 'on_track', investmentTenge: 1e9, tags: [] }), [gas, land]);
    const edited: ProjectForm = { ...initial, title: 'Цех №2', investment: '1 млрд', barriers: [{ ...initial.barriers[0]!, resolvedOn: '2025-05-01' }, { id: 'new', kind: 'power', text: 'Нет мощности', openedOn: '2025-05-01', resolvedOn: null }] };
    // '1 млрд' is the same amount as stored: not a change.
    expect(changedFields(initial, edited)).toEqual({ title: 'Цех №2' });
    expect(dirtyFormFields(initial, edited).sort()).toEqual(['barriers', 'investment', 'title']);
    const b = barrierChanges(initial.barriers, edited.barriers);
    expect(b.created.map((x) => x.text)).toEqual(['Нет мощности']);
    expect(b.updated).toEqual([{ id: gas.id, patch: { resolvedOn: '2025-05-01' } }]);
    expect(b.removed).toEqual([land.id]);
  });

  it('says which tab holds a field, so a tab can show its errors', () => {
    const errors = validateForm({ ...base(), investment: 'много', barriers: [{ id: 'b', kind: 'gas', text: '', openedOn: '2025-01-01', resolvedOn: null }] }, t);
    expect(Object.keys(errors).map(tabOfField).sort()).toEqual(['barriers', 'figures']);
  });

  it('round-trips stored figures with fractions, large amounts and every date field', () => {
    const stored = projectFieldsSchema.parse({
      title: 'Цех', investorName: 'ТОО «X»', regionId: 'aktobe', stage: 'design', status: 'at_risk', investmentTenge: 25e9, foreignSharePct: 12.5,
      jobsConstructionPlanned: 1200, jobsConstructionCreated: 0, jobsPermanentPlanned: 10_000_000, jobsPermanentCreated: 7,
      startDate: '2025-03-01', plannedCommissioningDate: '2026-12-31', actualCommissioningDate: '2027-01-15', tags: [],
    });
    expect(projectFieldsSchema.parse(fromForm(toForm(stored)))).toEqual(stored);
    for (const investmentTenge of [1234.5, 234.567, 1_200_000.25, 1e16, 0]) {
      const p = projectFieldsSchema.parse({ ...stored, investmentTenge });
      expect(projectFieldsSchema.parse(fromForm(toForm(p))).investmentTenge).toBe(investmentTenge);
    }
  });

  it('shows a stored amount and jobs as the clerk would type them, grouped with no-break spaces', () => {
    const f = toForm(projectFieldsSchema.parse({
      title: 'Цех', investorName: 'ТОО «X»', regionId: 'aktobe', stage: 'idea', status: 'on_track', investmentTenge: 25e9, foreignSharePct: 12.5,
      jobsPermanentPlanned: 1200, jobsConstructionPlanned: 450, tags: [],
    }));
    expect(f.investment).toBe('25\u00A0000\u00A0000\u00A0000');
    expect(f.jobsPermanentPlanned).toBe('1\u00A0200');
    expect(f.jobsConstructionPlanned).toBe('450');
    expect(f.foreignSharePct).toBe('12,5');
    expect(f.jobsPermanentCreated).toBe('');
    expect(dirtyFormFields(f, { ...f })).toEqual([]);
    // Typed back without groups it is the same figure: no change to send.
    expect(changedFields(f, { ...f, investment: '25000000000', jobsPermanentPlanned: '1200', foreignSharePct: '12.5' })).toEqual({});
  });

  it('reads typed numbers strictly', () => {
    expect(num('1 200')).toBe(1200);
    expect(num('1\u00A0200')).toBe(1200);
    expect(num('')).toBeUndefined();
    expect(num(' ')).toBeUndefined();
    expect(num(40)).toBe(40);
    expect(num('-5')).toBe(-5);
    expect(num('12,5')).toBe(12.5);
    for (const text of ['0x10', '1e3', '1e9', '1,2,3', '1,200,000', '12 00', 'сто', '+5']) expect(num(text), text).toBeNaN();
  });

  it.each([
    ['-5', 'negative'],
    ['\u22125', 'negative'],
    ['1e9', 'not_a_number'],
    ['0x10', 'not_a_number'],
    ['сто', 'not_a_number'],
    ['12 00', 'not_a_number'],
    ['1,5', 'not_integer'],
    ['2.5', 'not_integer'],
    ['20 000 000', 'too_big'],
  ] as const)('refuses %j jobs with validation.%s and keeps the text', (typed, key) => {
    const f = { ...base(), jobsPermanentCreated: typed };
    expect(validateForm(f, t).jobsPermanentCreated).toBe(ru.validation[key]);
    expect(f.jobsPermanentCreated).toBe(typed);
    expect(tabOfField('jobsPermanentCreated')).toBe('figures');
  });

  it('accepts jobs grouped by spaces or no-break spaces', () => {
    for (const typed of ['1 200', '1\u00A0200', '1200', ' 12 ', '0']) {
      expect(validateForm({ ...base(), jobsConstructionPlanned: typed }, t), typed).toEqual({});
    }
  });

  it.each([
    ['-5', 'negative'],
    ['1e2', 'not_a_number'],
    ['101', 'max_100'],
    ['100,5', 'max_100'],
    ['abc', 'not_a_number'],
  ] as const)('refuses a foreign share of %j with validation.%s', (typed, key) => {
    expect(validateForm({ ...base(), foreignSharePct: typed }, t).foreignSharePct).toBe(ru.validation[key]);
  });

  it('accepts a foreign share with a decimal comma or point, 0 to 100', () => {
    for (const typed of ['0', '12,5', '12.5', '100', '99,99']) expect(validateForm({ ...base(), foreignSharePct: typed }, t), typed).toEqual({});
    expect(projectFieldsSchema.parse(fromForm({ ...base(), foreignSharePct: '12,75' })).foreignSharePct).toBe(12.75);
  });

  it('refuses a negative amount, an exponent and hex in the investment', () => {
    expect(validateForm({ ...base(), investment: '-5 млн' }, t).investment).toBe(ru.validation.negative);
    expect(validateForm({ ...base(), investment: '−5' }, t).investment).toBe(ru.validation.negative);
    expect(validateForm({ ...base(), investment: '1e9' }, t).investment).toBe(ru.validation.invalid_money);
    expect(validateForm({ ...base(), investment: '0x10' }, t).investment).toBe(ru.validation.invalid_money);
    // More digits than an amount keeps exactly: said so, not «not an amount».
    expect(validateForm({ ...base(), investment: '9 999 999 999 999 999' }, t).investment).toBe(ru.validation.too_precise);
  });

  it('refuses an impossible date as typed, with validation.invalid_date, on the tab that shows it', () => {
    const f = { ...base(), startDate: '31.02.2025', plannedCommissioningDate: '2025-02-30', actualCommissioningDate: '1.1.25' };
    const errors = validateForm(f, t);
    expect(errors.startDate).toBe(ru.validation.invalid_date);
    expect(errors.plannedCommissioningDate).toBe(ru.validation.invalid_date);
    expect(errors.actualCommissioningDate).toBe(ru.validation.invalid_date);
    expect(fromForm(f).startDate).toBe('31.02.2025');
    expect(tabOfField('startDate')).toBe('timeline');
    // A real date typed as DD.MM.YYYY is the ISO date; an empty field is no date.
    expect(fromForm({ ...base(), startDate: '1.3.2025' }).startDate).toBe('2025-03-01');
    expect(validateForm({ ...base(), startDate: '01.03.2025', plannedCommissioningDate: ' ' }, t)).toEqual({});
  });

  it('refuses an impossible date in a barrier', () => {
    const barrier = { id: 'b', kind: 'gas' as const, text: 'Нет газа', openedOn: '31.02.2025', resolvedOn: '30.02.2025' };
    const errors = validateForm({ ...base(), barriers: [barrier] }, t);
    expect(errors['barriers.0.openedOn']).toBe(ru.validation.invalid_date);
    expect(errors['barriers.0.resolvedOn']).toBe(ru.validation.invalid_date);
    expect(tabOfField('barriers.0.openedOn')).toBe('barriers');
  });
});

