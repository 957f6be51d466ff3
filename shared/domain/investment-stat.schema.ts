// Official investment statistics (официальные итоги) by region, period and indicator, with source.
import { z } from 'zod';
import type { recordMeta } from './record';
import { optionalText, requiredLine } from './text';
import { isoDate } from './meeting.schema';

/**
 * Indicators: attracted investment (₸), its growth index (% of the previous year), large projects
 * commissioned, the year's plan of attracted investment (₸); investment in fixed capital, foreign
 * direct investment, investment attracted through the headquarters (₸); another amount, named.
 */
export const STAT_INDICATORS = [
  'investment_attracted_tenge', 'investment_growth_pct', 'large_projects_commissioned', 'investment_plan_tenge',
  'fixed_capital_tenge', 'fdi_tenge', 'hq_attracted_tenge', 'other_tenge',
] as const;
export type StatIndicator = (typeof STAT_INDICATORS)[number];

/** Indicators that are amounts in tenge (entered as the press writes them, «1,2 трлн»). */
export const TENGE_INDICATORS: ReadonlySet<StatIndicator> = new Set(STAT_INDICATORS.filter((i) => i.endsWith('_tenge')));

/**
 * The period a figure covers: the year, one quarter or one month of it, or from January to a month
 * (cumulative, «январь–октябрь»). A figure without a period (entered before periods) is the year's.
 */
export const STAT_PERIODS = ['year', 'quarter', 'month', 'ytd'] as const;
export type StatPeriod = (typeof STAT_PERIODS)[number];

const optionalDate = z.preprocess((v) => (v === '' || v === null ? undefined : v), isoDate.optional());

export const investmentStatFieldsSchema = z.object({
  regionId: z.string().min(1),
  year: z.number().int().min(1991).max(2100),
  period: z.enum(STAT_PERIODS).optional(),
  /** The quarter (1–4), the month (1–12), or the last month of a cumulative figure (1–12). */
  periodNo: z.number().int().min(1).max(12).optional(),
  indicator: z.enum(STAT_INDICATORS),
  /** The name of an «other» indicator. */
  indicatorName: optionalText(200),
  value: z.number().min(0),
  /** «более 1,2 трлн» is recorded as value 1.2e12 with qualifier more_than. */
  qualifier: z.enum(['exact', 'more_than']),
  /** The official growth index of this figure, % of the same period of the previous year. */
  growthPct: z.number().min(0).max(100_000).optional(),
  growthQualifier: z.enum(['exact', 'more_than']).optional(),
  sourceTitle: requiredLine(300),
  sourceUrl: optionalText(500),
  /** The date of the source (the report, the release). */
  sourceDate: optionalDate,
  /** A note on the figure. */
  sourceNote: optionalText(2000),
}).superRefine((v, ctx) => {
  const period = v.period ?? 'year';
  if (period === 'year' && v.periodNo !== undefined) ctx.addIssue({ code: 'custom', path: ['periodNo'], message: 'period_no_for_year' });
  if (period !== 'year' && v.periodNo === undefined) ctx.addIssue({ code: 'custom', path: ['periodNo'], message: 'required' });
  if (period === 'quarter' && v.periodNo !== undefined && v.periodNo > 4) ctx.addIssue({ code: 'custom', path: ['periodNo'], message: 'quarter_range' });
  if (v.indicator === 'other_tenge' && !v.indicatorName) ctx.addIssue({ code: 'custom', path: ['indicatorName'], message: 'required' });
  if (v.growthQualifier !== undefined && v.growthPct === undefined) ctx.addIssue({ code: 'custom', path: ['growthPct'], message: 'required' });
});
export type InvestmentStatFields = z.output<typeof investmentStatFieldsSchema>;
export type InvestmentStat = z.infer<typeof recordMeta> & InvestmentStatFields;

/** The period of a figure (the year for one entered before periods). */
export function periodOf(s: { period?: StatPeriod | undefined }): StatPeriod {
  return s.period ?? 'year';
}
