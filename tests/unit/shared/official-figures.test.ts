// Official figures by period: what the schema accepts and refuses, how a period is written in each
// language, and which figures the yearly investment chart draws.
import { describe, expect, it } from 'vitest';
import { investmentStatFieldsSchema, type InvestmentStatFields } from '@shared/domain/investment-stat.schema';
import { periodLabel } from '@shared/dashboard/stat-period';
import { investmentByYear, type StatFacts } from '@shared/dashboard/aggregate';

const base = { regionId: 'aktobe', year: 2025, indicator: 'fdi_tenge', value: 3.1e11, qualifier: 'exact', sourceTitle: 'БНС АРСИ' } as const;
const issues = (v: object) => {
  const r = investmentStatFieldsSchema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
};

describe('an official figure', () => {
  it('covers a year, a quarter, a month or January to a month; the number fits the period', () => {
    expect(issues(base)).toEqual([]);
    expect(issues({ ...base, period: 'quarter', periodNo: 3 })).toEqual([]);
    expect(issues({ ...base, period: 'month', periodNo: 12 })).toEqual([]);
    expect(issues({ ...base, period: 'ytd', periodNo: 10 })).toEqual([]);
    expect(issues({ ...base, period: 'quarter', periodNo: 5 })).toEqual(['periodNo:quarter_range']);
    expect(issues({ ...base, period: 'month' })).toEqual(['periodNo:required']);
    expect(issues({ ...base, period: 'year', periodNo: 2 })).toEqual(['periodNo:period_no_for_year']);
    expect(issues({ ...base, period: 'month', periodNo: 13 })).toHaveLength(1);
    expect(issues({ ...base, period: 'decade', periodNo: 1 })).toHaveLength(1);
  });

  it('of another indicator needs its name; its growth index, source date and note are checked', () => {
    expect(issues({ ...base, indicator: 'other_tenge' })).toEqual(['indicatorName:required']);
    expect(issues({ ...base, indicator: 'other_tenge', indicatorName: 'Инвестиции в жилищное строительство' })).toEqual([]);
    expect(issues({ ...base, indicator: 'other_tenge', indicatorName: '<b>x</b>' })).toEqual(['indicatorName:no_markup']);
    expect(issues({ ...base, growthPct: 125.3, growthQualifier: 'more_than', sourceDate: '2025-11-14', sourceNote: 'Оперативные данные' })).toEqual([]);
    expect(issues({ ...base, growthQualifier: 'more_than' })).toEqual(['growthPct:required']);
    expect(issues({ ...base, growthPct: -1 })).toHaveLength(1);
    expect(issues({ ...base, sourceDate: '2025-02-30' })).toEqual(['sourceDate:invalid_date']);
  });
});

describe('a period in words', () => {
  const cases: [Partial<InvestmentStatFields>, string, string, string][] = [
    [{}, '2025 год', '2025 жыл', '2025'],
    [{ period: 'year' }, '2025 год', '2025 жыл', '2025'],
    [{ period: 'quarter', periodNo: 2 }, 'II квартал 2025', '2025 ж. II тоқсан', 'Q2 2025'],
    [{ period: 'month', periodNo: 10 }, 'октябрь 2025', '2025 ж. қазан', 'October 2025'],
    [{ period: 'ytd', periodNo: 10 }, 'январь–октябрь 2025', '2025 ж. қаңтар–қазан', 'January–October 2025'],
    [{ period: 'ytd', periodNo: 1 }, 'январь 2025', '2025 ж. қаңтар', 'January 2025'],
  ];
  it.each(cases)('%o: «%s», «%s», «%s»', (p, ru, kk, en) => {
    const f = { year: 2025, ...p };
    expect([periodLabel(f, 'ru'), periodLabel(f, 'kk'), periodLabel(f, 'en')]).toEqual([ru, kk, en]);
  });
});

describe('the yearly investment chart', () => {
  const stat = (over: Partial<StatFacts>): StatFacts => ({ regionId: 'aktobe', year: 2025, indicator: 'investment_attracted_tenge', value: 1.2e12, qualifier: 'exact', updatedAt: '2026-01-01T00:00:00.000Z', ...over });
  it('draws the yearly figures only: a quarter, a month or January–October of the same indicator is not the year', () => {
    const y = investmentByYear([
      stat({ value: 1.2e12 }),
      stat({ period: 'ytd', periodNo: 10, value: 9.9e11, updatedAt: '2026-02-01T00:00:00.000Z' }),
      stat({ period: 'quarter', periodNo: 4, value: 3e11, updatedAt: '2026-02-01T00:00:00.000Z' }),
    ], 'aktobe');
    expect(y.map((r) => [r.year, r.attracted])).toEqual([[2025, 1.2e12]]);
  });
  it("takes the growth index entered with the amount as the official one; a computed index still comes first", () => {
    const own = investmentByYear([stat({ qualifier: 'more_than', growthPct: 125, growthQualifier: 'more_than' })], 'aktobe');
    expect(own[0]).toMatchObject({ growthPct: 125, growthSource: 'official', growthMoreThan: true });
    const computed = investmentByYear([stat({ year: 2024, value: 1e12 }), stat({ value: 1.2e12, growthPct: 130 })], 'aktobe');
    expect(computed[1]).toMatchObject({ growthPct: 120, growthSource: 'computed' });
  });
});
