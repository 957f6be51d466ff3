// The project card's form: conversion to the record and validation messages in the UI language.
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { ru } from '../../../renderer/src/i18n/ru';
import { kk } from '../../../renderer/src/i18n/kk';
import { fromForm, toForm, validateForm, type ProjectForm } from '../../../renderer/src/features/project/project-form';
import { binCheckDigit } from '@shared/domain/bin';
import { projectFieldsSchema } from '@shared/domain/project.schema';

const i18n = i18next.createInstance();
await i18n.init({ resources: { ru: { translation: ru }, kk: { translation: kk } }, lng: 'ru', interpolation: { escapeValue: false } });
const t = i18n.t.bind(i18n);

function base(): ProjectForm {
  return toForm(projectFieldsSchema.parse({ title: 'Завод', investorName: 'ТОО «Polyline»', regionId: 'aktobe', stage: 'idea', status: 'on_track', stageLog: [], barriers: [], tags: [] }));
}

describe('project form', () => {
  it('accepts a valid project and converts the typed amount with its scale word', () => {
    const f = { ...base(), investment: '25 млрд', jobsPermanentPlanned: '120' };
    expect(validateForm(f, t)).toEqual({});
    const input = projectFieldsSchema.parse(fromForm(f, []));
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
      investmentTenge: 1.5e9, jobsPermanentPlanned: 40, startDate: '2025-03-01', stageLog: [], tags: ['СЭЗ'],
      barriers: [{ id: '01900000-0000-7000-8000-000000000001', kind: 'gas', text: 'Нет подключения к газу', openedOn: '2025-04-01' }],
    });
    expect(projectFieldsSchema.parse(fromForm(toForm(stored), []))).toEqual(stored);
  });
});
