// The official-figure form as data: its values (text as the clerk types it), the fields they make
// or the fields missing or wrong, the values of a stored figure (to correct it), the fields a
// correction changes, and the figure already entered for the same region, period and indicator —
// one figure a period: a second one is a replacement, asked about, never created silently.
import { periodOf, TENGE_INDICATORS, type InvestmentStatFields, type StatIndicator, type StatPeriod } from '@shared/domain/investment-stat.schema';
import { formatDate, parseDate } from '@shared/locale/dates';
import { formatNumberInput, formatTenge, parseTenge } from '@shared/locale/money';
import { parseNumber } from '@shared/locale/numbers';
import { countsOver } from '@shared/dashboard/aggregate';

/** The form as the clerk fills it. */
export type StatFormValues = {
  year: number | '';
  period: StatPeriod;
  /** The quarter, month or last month as the select holds it ('1'…'12'), or null. */
  periodNo: string | null;
  indicator: StatIndicator;
  indicatorName: string;
  value: string;
  qualifier: 'exact' | 'more_than';
  growth: string;
  growthMore: boolean;
  source: string;
  sourceDate: string;
  note: string;
};

/** The form's fields a message can stand at. */
export type StatFormField = 'year' | 'periodNo' | 'indicatorName' | 'value' | 'growth' | 'source' | 'sourceDate' | 'note';
/** Message keys under `dashboard.stat`. */
export type StatFormError = 'required' | 'badValue' | 'badNumber' | 'badGrowth' | 'badDate';

/** The fields of a figure the form edits (the others, e.g. a link, keep what is stored). */
export const FORM_FIELDS = [
  'year', 'period', 'periodNo', 'indicator', 'indicatorName', 'value', 'qualifier', 'growthPct', 'growthQualifier', 'sourceTitle', 'sourceDate', 'sourceNote',
] as const satisfies readonly (keyof InvestmentStatFields)[];
type FormField = (typeof FORM_FIELDS)[number];

/** An empty form for a figure of `year`. */
export function emptyStatForm(year: number): StatFormValues {
  return {
    year, period: 'year', periodNo: null, indicator: 'investment_attracted_tenge', indicatorName: '', value: '', qualifier: 'exact',
    growth: '', growthMore: false, source: '', sourceDate: '', note: '',
  };
}

/**
 * An amount as a clerk would type it and `parseTenge` reads back to the same number: with the
 * press's scale word when that is exact («1,2 трлн», «892 млрд»), else written out in full.
 */
export function tengeInput(value: number): string {
  const short = typed(formatTenge(value, 'ru', { maxFractionDigits: 3 })).replace(/\s*₸$/u, '');
  return parseTenge(short) === value ? short : typed(formatNumberInput(value));
}

/** Formatted text as a clerk types it: plain spaces, not the narrow and non-breaking ones. */
const typed = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');

/** The form filled with a stored figure (what the clerk corrects). */
export function statToForm(s: InvestmentStatFields): StatFormValues {
  const period = periodOf(s);
  const plain = (n: number) => typed(formatNumberInput(n));
  return {
    year: s.year, period, periodNo: period === 'year' || s.periodNo === undefined ? null : String(s.periodNo),
    indicator: s.indicator, indicatorName: s.indicatorName ?? '',
    value: TENGE_INDICATORS.has(s.indicator) ? tengeInput(s.value) : plain(s.value),
    qualifier: s.qualifier,
    growth: s.growthPct === undefined ? '' : plain(s.growthPct), growthMore: s.growthQualifier === 'more_than',
    source: s.sourceTitle, sourceDate: s.sourceDate ? formatDate(s.sourceDate) : '', note: s.sourceNote ?? '',
  };
}

/** The figure the form makes, or what is missing or wrong at which field. */
export function readStatForm(f: StatFormValues, regionId: string):
  { ok: true; fields: InvestmentStatFields } | { ok: false; errors: Partial<Record<StatFormField, StatFormError>> } {
  const tenge = TENGE_INDICATORS.has(f.indicator);
  const value = tenge ? parseTenge(f.value) : (parseNumber(f.value) ?? null);
  const growthPct = f.growth.trim() === '' ? undefined : parseNumber(f.growth);
  const date = f.sourceDate.trim() === '' ? undefined : parseDate(f.sourceDate.trim());
  const errors: Partial<Record<StatFormField, StatFormError>> = {};
  if (value === null || !Number.isFinite(value) || value < 0) errors.value = tenge ? 'badValue' : 'badNumber';
  if (growthPct !== undefined && (!Number.isFinite(growthPct) || growthPct < 0)) errors.growth = 'badGrowth';
  if (date === null) errors.sourceDate = 'badDate';
  if (!f.source.trim()) errors.source = 'required';
  if (f.year === '') errors.year = 'required';
  if (f.period !== 'year' && !f.periodNo) errors.periodNo = 'required';
  if (f.indicator === 'other_tenge' && !f.indicatorName.trim()) errors.indicatorName = 'required';
  if (Object.keys(errors).length > 0 || value === null || f.year === '' || date === null) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      regionId, year: f.year, indicator: f.indicator, value, qualifier: f.qualifier, sourceTitle: f.source.trim(),
      ...(f.period !== 'year' ? { period: f.period, periodNo: Number(f.periodNo) } : {}),
      ...(f.indicator === 'other_tenge' ? { indicatorName: f.indicatorName.trim() } : {}),
      ...(growthPct !== undefined ? { growthPct, growthQualifier: f.growthMore ? 'more_than' as const : 'exact' as const } : {}),
      ...(date ? { sourceDate: date } : {}),
      ...(f.note.trim() ? { sourceNote: f.note } : {}),
    },
  };
}

/** Absent and the year's own period are the same. */
function normal(field: FormField, v: unknown): unknown {
  if (field === 'period' && v === 'year') return undefined;
  return v === '' ? undefined : v;
}

/**
 * The form's fields that differ between `before` and `after`, with their new values; a field
 * `after` has not (a growth index or a note erased) is in it as undefined, which clears it.
 */
export function statPatch(before: Partial<InvestmentStatFields>, after: Partial<InvestmentStatFields>): Partial<InvestmentStatFields> {
  const out: Record<string, unknown> = {};
  for (const k of FORM_FIELDS) {
    const a = normal(k, before[k]);
    const b = normal(k, after[k]);
    if (a !== b) out[k] = b;
  }
  return out as Partial<InvestmentStatFields>;
}

/** What makes two figures the same figure: region, year, period (and which), indicator (and, for «other», its name). */
export type StatKey = Pick<InvestmentStatFields, 'regionId' | 'year' | 'period' | 'periodNo' | 'indicator' | 'indicatorName'>;

/** The key as one string; an «other» indicator's name compared without case and extra spaces. */
export function statKey(s: StatKey): string {
  const period = periodOf(s);
  const name = s.indicator === 'other_tenge' ? (s.indicatorName ?? '').trim().replace(/\s+/g, ' ').toLocaleLowerCase('ru') : '';
  return [s.regionId, s.year, period, period === 'year' ? '' : (s.periodNo ?? ''), s.indicator, name].join('|');
}

/**
 * The live figure already entered under the key of `draft` (the latest, if there are several),
 * other than the figure `exceptId` being corrected; undefined when there is none.
 */
export function findDuplicateStat<T extends StatKey & { id: string; deletedAt?: string | null; updatedAt: string }>(
  stats: readonly T[], draft: StatKey, exceptId?: string,
): T | undefined {
  const key = statKey(draft);
  let found: T | undefined;
  for (const s of stats) {
    if (s.deletedAt || s.id === exceptId || statKey(s) !== key) continue;
    if (!found || countsOver(s, found)) found = s;
  }
  return found;
}

/** Of a figure that has a twin for its period (synced in from another clerk): which counts, and the other. */
export type StatTwin<T> = { counts: boolean; other: T };

/**
 * The live figures that share their period and indicator with another (the form never makes two,
 * but two clerks offline may, and sync brings both): each with whether it is the one the dashboard
 * counts (countsOver: the later entry) and the figure it clashes with — for the one that counts,
 * the newest of the rest; for the others, the one that counts.
 */
export function statTwins<T extends StatKey & { id: string; deletedAt?: string | null; updatedAt: string }>(stats: readonly T[]): Map<string, StatTwin<T>> {
  const groups = new Map<string, T[]>();
  for (const s of stats) {
    if (s.deletedAt) continue;
    const key = statKey(s);
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  const out = new Map<string, StatTwin<T>>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const ranked = [...group].sort((a, b) => (countsOver(a, b) ? -1 : countsOver(b, a) ? 1 : 0));
    const [winner, runnerUp] = ranked as [T, T, ...T[]];
    out.set(winner.id, { counts: true, other: runnerUp });
    for (const s of ranked.slice(1)) out.set(s.id, { counts: false, other: winner });
  }
  return out;
}

/** The fields of the form whose values differ between two states of the figure. */
export function changedStatFields(before: StatFormValues, after: StatFormValues): (keyof StatFormValues)[] {
  return (Object.keys(after) as (keyof StatFormValues)[]).filter((k) => before[k] !== after[k]);
}

/**
 * The figure changed while the clerk corrects it: the fields the clerk has not changed (equal to
 * `before`) take the figure's new values; the ones the clerk changed keep the clerk's.
 */
export function takeOverStat(before: StatFormValues, after: StatFormValues, mine: StatFormValues): StatFormValues {
  const out = { ...mine } as Record<keyof StatFormValues, unknown>;
  for (const k of changedStatFields(before, after)) if (mine[k] === before[k]) out[k] = after[k];
  return out as StatFormValues;
}
