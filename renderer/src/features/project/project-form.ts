// Form values of the project card and their conversion to and from the record's fields.
// Numbers stay text while typed; the zod schema decides what is valid, in the UI language.
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import { parseTenge } from '@shared/locale/money';
import { projectFieldsSchema, type BarrierKind, type ProjectFields, type ProjectFieldsInput, type Stage, type ProjectStatus } from '@shared/domain/project.schema';

export type BarrierForm = { id: string; kind: BarrierKind; text: string; openedOn: string | null; resolvedOn: string | null };

export type ProjectForm = {
  title: string; investorName: string; investorBin: string; investorCountry: string | null; okedSection: string | null;
  regionId: string; districtId: string | null; settlement: string; zoneId: string | null;
  investment: string; foreignSharePct: number | string;
  jobsConstructionPlanned: number | string; jobsConstructionCreated: number | string; jobsPermanentPlanned: number | string; jobsPermanentCreated: number | string;
  capacity: string; stage: Stage; status: ProjectStatus;
  startDate: string | null; plannedCommissioningDate: string | null; actualCommissioningDate: string | null;
  barriers: BarrierForm[]; supportMeasures: string; curatorId: string | null; notes: string; tags: string[];
};

const numOrEmpty = (n: number | undefined) => (n === undefined ? '' : n);

/** Form values for a stored project (or a new one). */
export function toForm(p: ProjectFields): ProjectForm {
  return {
    title: p.title, investorName: p.investorName, investorBin: p.investorBin ?? '', investorCountry: p.investorCountry ?? null,
    okedSection: p.okedSection ?? null, regionId: p.regionId, districtId: p.districtId ?? null, settlement: p.settlement ?? '', zoneId: p.zoneId ?? null,
    investment: p.investmentTenge === undefined ? '' : String(p.investmentTenge), foreignSharePct: numOrEmpty(p.foreignSharePct),
    jobsConstructionPlanned: numOrEmpty(p.jobsConstructionPlanned), jobsConstructionCreated: numOrEmpty(p.jobsConstructionCreated),
    jobsPermanentPlanned: numOrEmpty(p.jobsPermanentPlanned), jobsPermanentCreated: numOrEmpty(p.jobsPermanentCreated),
    capacity: p.capacity ?? '', stage: p.stage, status: p.status,
    startDate: p.startDate ?? null, plannedCommissioningDate: p.plannedCommissioningDate ?? null, actualCommissioningDate: p.actualCommissioningDate ?? null,
    barriers: p.barriers.map((b) => ({ id: b.id, kind: b.kind, text: b.text, openedOn: b.openedOn, resolvedOn: b.resolvedOn ?? null })),
    supportMeasures: p.supportMeasures ?? '', curatorId: p.curatorId ?? null, notes: p.notes ?? '', tags: [...p.tags],
  };
}

const num = (v: number | string): number | undefined => {
  if (typeof v === 'number') return v;
  const s = v.trim().replace(/\s/g, '').replace(',', '.');
  return s === '' ? undefined : Number(s);
};

/** The record's input from the form; `investment` text that is not an amount yields NaN (→ error). */
export function fromForm(f: ProjectForm, stageLog: ProjectFields['stageLog']): ProjectFieldsInput {
  const investment = f.investment.trim() === '' ? undefined : (parseTenge(f.investment) ?? Number.NaN);
  return {
    title: f.title, investorName: f.investorName, investorBin: f.investorBin, investorCountry: f.investorCountry ?? '',
    okedSection: (f.okedSection ?? '') as ProjectFieldsInput['okedSection'], regionId: f.regionId, districtId: f.districtId ?? '',
    settlement: f.settlement, zoneId: f.zoneId ?? '', investmentTenge: investment, foreignSharePct: num(f.foreignSharePct),
    jobsConstructionPlanned: num(f.jobsConstructionPlanned), jobsConstructionCreated: num(f.jobsConstructionCreated),
    jobsPermanentPlanned: num(f.jobsPermanentPlanned), jobsPermanentCreated: num(f.jobsPermanentCreated),
    capacity: f.capacity, stage: f.stage, status: f.status,
    startDate: f.startDate ?? '', plannedCommissioningDate: f.plannedCommissioningDate ?? '', actualCommissioningDate: f.actualCommissioningDate ?? '',
    barriers: f.barriers.map((b) => ({ id: b.id, kind: b.kind, text: b.text, openedOn: b.openedOn ?? '', resolvedOn: b.resolvedOn ?? '' })),
    supportMeasures: f.supportMeasures, curatorId: f.curatorId ?? '', notes: f.notes, tags: f.tags, stageLog,
  } as ProjectFieldsInput;
}

/** Maps a schema path to the form field that shows its error. */
function formPath(path: string): string {
  if (path === 'investmentTenge') return 'investment';
  return path;
}

/** Validates the form with the record's schema; errors are translated, keyed by form path. */
export function validateForm(f: ProjectForm, t: TFunction): Record<string, string> {
  const result = projectFieldsSchema.safeParse(fromForm(f, []));
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of (result.error as z.ZodError).issues) {
    const key = formPath(issue.path.map(String).join('.'));
    if (errors[key]) continue;
    let msg = issue.message;
    if (key === 'investment' && (msg === 'not_a_number' || issue.code === 'invalid_type')) msg = 'invalid_money';
    errors[key] = t(`validation.${msg}`, { defaultValue: t('validation.unknown') });
  }
  return errors;
}

/** A new barrier opened today. */
export function newBarrier(today: string): BarrierForm {
  return { id: uuidv7(), kind: 'other', text: '', openedOn: today, resolvedOn: null };
}

/** Common investor countries (ISO 3166-1 alpha-2); names come from Intl.DisplayNames. */
export const COUNTRIES = ['KZ', 'CN', 'RU', 'TR', 'KR', 'UZ', 'KG', 'AE', 'DE', 'US', 'GB', 'FR', 'IT', 'NL', 'JP', 'IN', 'BY', 'AZ', 'SA', 'QA', 'CH', 'AT', 'ES', 'PL', 'CZ', 'HU', 'LU', 'CY', 'SG', 'HK', 'IR', 'TM', 'TJ', 'MN', 'FI', 'SE', 'NO', 'BE', 'IL', 'CA'] as const;
