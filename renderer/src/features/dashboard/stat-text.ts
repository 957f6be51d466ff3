// An official figure in words, as the list shows it and the form's question about a figure already
// entered names it: its period, its indicator (the name of an «other» one), its value («более» when
// a lower bound) and its source with the source's date.
import type { TFunction } from 'i18next';
import { TENGE_INDICATORS, type InvestmentStatFields } from '@shared/domain/investment-stat.schema';
import { periodLabel } from '@shared/dashboard/stat-period';
import { formatDate } from '@shared/locale/dates';
import type { Lang } from '@shared/locale/lang';
import { formatNumber, formatPercent, formatTengeExact } from '@shared/locale/money';
import { moreThan } from '@shared/locale/more-than';

type Figure = Pick<InvestmentStatFields, 'year' | 'period' | 'periodNo' | 'indicator' | 'indicatorName' | 'value' | 'qualifier' | 'sourceTitle' | 'sourceDate'>;

const more = (lang: Lang, lower: boolean, text: string) => (lower ? moreThan(text, lang) : text);

export function statIndicatorText(s: Pick<Figure, 'indicator' | 'indicatorName'>, t: TFunction): string {
  return s.indicator === 'other_tenge' && s.indicatorName ? s.indicatorName : t(`dashboard.stat.indicators.${s.indicator}`);
}

export function statValueText(s: Pick<Figure, 'indicator' | 'value' | 'qualifier'>, t: TFunction, lang: Lang): string {
  const text = TENGE_INDICATORS.has(s.indicator) ? formatTengeExact(s.value, lang) : s.indicator === 'investment_growth_pct' ? formatPercent(s.value, lang) : formatNumber(s.value, lang);
  return more(lang, s.qualifier === 'more_than', text);
}

export function statGrowthText(s: Pick<InvestmentStatFields, 'growthPct' | 'growthQualifier'>, t: TFunction, lang: Lang): string {
  return s.growthPct === undefined ? '—' : more(lang, s.growthQualifier === 'more_than', formatPercent(s.growthPct, lang));
}

export function statSourceText(s: Pick<Figure, 'sourceTitle' | 'sourceDate'>): string {
  return `${s.sourceTitle}${s.sourceDate ? `, ${formatDate(s.sourceDate)}` : ''}`;
}

/** «2025 год, Привлечённые инвестиции, ₸»: which figure, for a button's label or a message. */
export function statWhat(s: Figure, t: TFunction, lang: Lang): string {
  return `${periodLabel(s, lang)}, ${statIndicatorText(s, t)}`;
}
