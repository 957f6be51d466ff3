// The project card's form: conversion to the record and validation messages in the UI language.
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { ru } from '../../../renderer/src/i18n/ru';
import { kk } from '../../../renderer/src/i18n/kk';
import { barrierChanges, changedFields, dirtyFormFields, fromForm, tabOfField, toForm, validateForm, type ProjectForm } from '../../../renderer/src/features/project/project-form';
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

  it('shows the BIN error in Russian and in Kazakh', async () => {
    const f = { ...base(), investorBin: '123456789012' };
    expect(validateForm(f, t).investorBin).toBe(ru.validation.invalid_bin);
    await i18n.changeLanguage('kk');
    expect(validateForm(f, i18n.t.bind(i18n)).investorBin).toBe(kk.validation.invalid_bin);
    await i18n.changeLanguage('ru');
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
});
