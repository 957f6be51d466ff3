// Form values of the project card and their conversion to and from the records (the project and
// its barriers). Numbers and dates stay the text the clerk typed: a stored number shows as it
// would be typed ("25 000 000 000"), typed text is read strictly and never changed, and what is
// not a number or a date reaches the zod schemas as such, which say why in the UI language. A
// save sends only what the clerk changed (see `changedFields`, `barrierChanges`).
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { uuidv7 } from 'uuidv7';
import { formatNumberInput, parseTenge, tengeTooPrecise } from '@shared/locale/money';
import { parseNumber } from '@shared/locale/numbers';
import { parseDate } from '@shared/locale/dates';
import { sameValue } from '@shared/sync/merge';
import { binMessageText, isBinMessage } from '../../i18n/bin-message';
import {
  barrierFieldsSchema, projectFieldsSchema, type Barrier, type BarrierFieldsInput, type BarrierKind, type ProjectFields, type ProjectFieldsInput, type Stage, type ProjectStatus,
} from '@shared/domain/project.schema';

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

/** A stored number as the clerk would type it ("1 200", "12,5"); '' for none. */
const numText = (n: number | undefined): string => (n === undefined ? '' : formatNumberInput(n));

/** Form values of one stored barrier. */
export function barrierToForm(b: Pick<Barrier, 'id' | 'kind' | 'text' | 'openedOn' | 'resolvedOn'>): BarrierForm {
  return { id: b.id, kind: b.kind, text: b.text, openedOn: b.openedOn, resolvedOn: b.resolvedOn ?? null };
}

/** Form values for a stored project and its live barriers (or a new one). */
export function toForm(p: ProjectFields, barriers: readonly Pick<Barrier, 'id' | 'kind' | 'text' | 'openedOn' | 'resolvedOn'>[] = []): ProjectForm {
  return {
    title: p.title, investorName: p.investorName, investorBin: p.investorBin ?? '', investorCountry: p.investorCountry ?? null,
    okedSection: p.okedSection ?? null, regionId: p.regionId, districtId: p.districtId ?? null, settlement: p.settlement ?? '', zoneId: p.zoneId ?? null,
    investment: numText(p.investmentTenge), foreignSharePct: numText(p.foreignSharePct),
    jobsConstructionPlanned: numText(p.jobsConstructionPlanned), jobsConstructionCreated: numText(p.jobsConstructionCreated),
    jobsPermanentPlanned: numText(p.jobsPermanentPlanned), jobsPermanentCreated: numText(p.jobsPermanentCreated),
    capacity: p.capacity ?? '', stage: p.stage, status: p.status,
    startDate: p.startDate ?? null, plannedCommissioningDate: p.plannedCommissioningDate ?? null, actualCommissioningDate: p.actualCommissioningDate ?? null,
    barriers: barriers.map(barrierToForm),
    supportMeasures: p.supportMeasures ?? '', curatorId: p.curatorId ?? null, notes: p.notes ?? '', tags: [...p.tags],
  };
}

/**
 * A typed number read strictly (`parseNumber`): undefined when empty, NaN when not a number
 * ("1e9", "0x10", "12 00", letters), and a negative number or a fraction as typed, so the schema
 * says 'negative' or 'not_integer' rather than seeing another number.
 */
export const num = (v: number | string): number | undefined => (typeof v === 'number' ? v : parseNumber(v));

/**
 * A typed amount: undefined when empty, the amount `parseTenge` reads, the negative of it after a
 * minus sign (so the schema says 'negative'), NaN for anything else (→ 'invalid_money').
 */
export function amount(text: string): number | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  const minus = /^[-\u2212]\s*/u.exec(s);
  if (minus) {
    const abs = parseTenge(s.slice(minus[0].length));
    return abs === null ? Number.NaN : abs === 0 ? 0 : -abs;
  }
  return parseTenge(s) ?? Number.NaN;
}

/**
 * A date field's value for the record: '' when empty, the ISO date when the text is a real date
 * (DD.MM.YYYY or YYYY-MM-DD), else the typed text itself, which the schema refuses ('invalid_date').
 */
export function dateValue(v: string | null): string {
  const s = (v ?? '').trim();
  return s === '' ? '' : (parseDate(s) ?? s);
}

/** The project record's input from the form; text that is not a number, an amount or a date stays invalid (→ error). */
export function fromForm(f: ProjectForm): ProjectFieldsInput {
  const investment = amount(f.investment);
  return {
    title: f.title, investorName: f.investorName, investorBin: f.investorBin, investorCountry: f.investorCountry ?? '',
    okedSection: (f.okedSection ?? '') as ProjectFieldsInput['okedSection'], regionId: f.regionId, districtId: f.districtId ?? '',
    settlement: f.settlement, zoneId: f.zoneId ?? '', investmentTenge: investment, foreignSharePct: num(f.foreignSharePct),
    jobsConstructionPlanned: num(f.jobsConstructionPlanned), jobsConstructionCreated: num(f.jobsConstructionCreated),
    jobsPermanentPlanned: num(f.jobsPermanentPlanned), jobsPermanentCreated: num(f.jobsPermanentCreated),
    capacity: f.capacity, stage: f.stage, status: f.status,
    startDate: dateValue(f.startDate), plannedCommissioningDate: dateValue(f.plannedCommissioningDate), actualCommissioningDate: dateValue(f.actualCommissioningDate),
    supportMeasures: f.supportMeasures, curatorId: f.curatorId ?? '', notes: f.notes, tags: f.tags,
  } as ProjectFieldsInput;
}

/** A barrier record's input from its form values. */
export function barrierFromForm(b: BarrierForm, projectId: string): BarrierFieldsInput {
  return { projectId, kind: b.kind, text: b.text, openedOn: b.openedOn ?? '', resolvedOn: b.resolvedOn ?? '' } as BarrierFieldsInput;
}

/** The form fields the clerk changed against what the card opened with. */
export function dirtyFormFields(initial: ProjectForm, values: ProjectForm): (keyof ProjectForm)[] {
  return (Object.keys(values) as (keyof ProjectForm)[]).filter((k) => !sameValue(initial[k], values[k]));
}

/**
 * The project fields to write: only those whose record value the clerk changed. The rest is not
 * sent, so a save never puts back what another window or a pull changed meanwhile.
 */
export function changedFields(initial: ProjectForm, values: ProjectForm): Partial<ProjectFieldsInput> {
  const before = fromForm(initial) as Record<string, unknown>;
  const after = fromForm(values) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(after)) if (!sameValue(normal(before[k]), normal(after[k]))) out[k] = after[k];
  return out as Partial<ProjectFieldsInput>;
}

/** '' and undefined mean the same empty field. */
function normal(v: unknown): unknown {
  return v === '' ? undefined : v;
}

export type BarrierChanges = {
  created: BarrierForm[];
  updated: { id: string; patch: Partial<BarrierFieldsInput> }[];
  removed: string[];
};

/** Which barriers the clerk added, changed (and which of their fields) or removed. */
export function barrierChanges(initial: readonly BarrierForm[], values: readonly BarrierForm[]): BarrierChanges {
  const before = new Map(initial.map((b) => [b.id, b]));
  const after = new Set(values.map((b) => b.id));
  const out: BarrierChanges = { created: [], updated: [], removed: initial.filter((b) => !after.has(b.id)).map((b) => b.id) };
  for (const b of values) {
    const old = before.get(b.id);
    if (!old) {
      out.created.push(b);
      continue;
    }
    const patch: Record<string, unknown> = {};
    for (const k of ['kind', 'text', 'openedOn', 'resolvedOn'] as const) if (!sameValue(old[k], b[k])) patch[k] = b[k] ?? '';
    if (Object.keys(patch).length > 0) out.updated.push({ id: b.id, patch: patch as Partial<BarrierFieldsInput> });
  }
  return out;
}

/** Maps a schema path to the form field that shows its error. */
function formPath(path: string): string {
  if (path === 'investmentTenge') return 'investment';
  return path;
}

function translate(issue: z.core.$ZodIssue, key: string, t: TFunction, f?: ProjectForm): string {
  let msg = issue.message;
  if (key === 'investment' && (msg === 'not_a_number' || issue.code === 'invalid_type')) msg = f && tengeTooPrecise(f.investment) ? 'too_precise' : 'invalid_money';
  // A BIN says which rule it breaks, and how many digits were typed.
  if (isBinMessage(msg)) return binMessageText(msg, key === 'investorBin' ? f?.investorBin : undefined, t);
  return t(`validation.${msg}`, { defaultValue: t('validation.unknown') });
}

/** Validates the form with the records' schemas; errors are translated, keyed by form path. */
export function validateForm(f: ProjectForm, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  const result = projectFieldsSchema.safeParse(fromForm(f));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = formPath(issue.path.map(String).join('.'));
      if (!errors[key]) errors[key] = translate(issue, key, t, f);
    }
  }
  f.barriers.forEach((b, i) => {
    // Any valid project id: the barrier's own fields are what is checked here.
    const parsed = barrierFieldsSchema.safeParse(barrierFromForm(b, '01900000-0000-7000-8000-000000000000'));
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      const key = `barriers.${i}.${issue.path.map(String).join('.')}`;
      if (!errors[key]) errors[key] = translate(issue, key, t);
    }
  });
  return errors;
}

/** The tab of the card that shows a form field (so a tab can say it holds errors). */
export function tabOfField(path: string): 'main' | 'location' | 'figures' | 'timeline' | 'barriers' {
  const field = path.split('.')[0] ?? '';
  if (field === 'barriers') return 'barriers';
  if (['regionId', 'districtId', 'settlement', 'zoneId'].includes(field)) return 'location';
  if (['investment', 'foreignSharePct', 'jobsConstructionPlanned', 'jobsConstructionCreated', 'jobsPermanentPlanned', 'jobsPermanentCreated'].includes(field)) return 'figures';
  if (['startDate', 'plannedCommissioningDate', 'actualCommissioningDate'].includes(field)) return 'timeline';
  return 'main';
}

/** A new barrier opened today. */
export function newBarrier(today: string): BarrierForm {
  return { id: uuidv7(), kind: 'other', text: '', openedOn: today, resolvedOn: null };
}

/** Common investor countries (ISO 3166-1 alpha-2); names come from Intl.DisplayNames. */
export const COUNTRIES = ['KZ', 'CN', 'RU', 'TR', 'KR', 'UZ', 'KG', 'AE', 'DE', 'US', 'GB', 'FR', 'IT', 'NL', 'JP', 'IN', 'BY', 'AZ', 'SA', 'QA', 'CH', 'AT', 'ES', 'PL', 'CZ', 'HU', 'LU', 'CY', 'SG', 'HK', 'IR', 'TM', 'TJ', 'MN', 'FI', 'SE', 'NO', 'BE', 'IL', 'CA'] as const;
