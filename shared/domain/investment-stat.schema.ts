// Official investment statistics (официальные итоги) by region, year and indicator, with source.
import { z } from 'zod';
import type { recordMeta } from './record';
import { optionalText, requiredLine } from './text';

/** Indicators: attracted investment (₸), its growth index (% of the previous year), large projects commissioned, and the year's plan of attracted investment (₸). */
export const STAT_INDICATORS = ['investment_attracted_tenge', 'investment_growth_pct', 'large_projects_commissioned', 'investment_plan_tenge'] as const;
export type StatIndicator = (typeof STAT_INDICATORS)[number];

export const investmentStatFieldsSchema = z.object({
  regionId: z.string().min(1),
  year: z.number().int().min(1991).max(2100),
  indicator: z.enum(STAT_INDICATORS),
  value: z.number().min(0),
  /** «более 1,2 трлн» is recorded as value 1.2e12 with qualifier more_than. */
  qualifier: z.enum(['exact', 'more_than']),
  sourceTitle: requiredLine(300),
  sourceUrl: optionalText(500),
  sourceNote: optionalText(2000),
});
export type InvestmentStatFields = z.output<typeof investmentStatFieldsSchema>;
export type InvestmentStat = z.infer<typeof recordMeta> & InvestmentStatFields;
