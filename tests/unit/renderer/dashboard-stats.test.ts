// The official-figure form as data: the figure already entered under a draft's key (one figure a
// period), the fields a correction changes (an erased field clears what is stored), and a stored
// figure put back into the form and read out again unchanged.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { InvestmentStatFields } from '@shared/domain/investment-stat.schema';
import { HattamaDb } from '../../../renderer/src/db/db';
import { createRepos } from '../../../renderer/src/db/repos';
import { emptyStatForm, findDuplicateStat, readStatForm, statKey, statPatch, statToForm, tengeInput } from '../../../renderer/src/features/dashboard/stat-draft';

const base: InvestmentStatFields = { regionId: 'aktobe', year: 2025, indicator: 'investment_attracted_tenge', value: 1.2e12, qualifier: 'more_than', sourceTitle: 'Акимат' };
let n = 0;
const row = (f: Partial<InvestmentStatFields> & { deletedAt?: string | null; updatedAt?: string } = {}) =>
  ({ ...base, id: `s${++n}`, deletedAt: null, updatedAt: '2025-01-01T00:00:00Z', ...f });

describe('findDuplicateStat', () => {
  it('finds the live figure of the same region, year, period and indicator; a figure entered before periods is the year\'s', () => {
    const legacy = row();
    const explicit = { ...base, period: 'year' as const };
    expect(findDuplicateStat([legacy], explicit)?.id).toBe(legacy.id);
    expect(statKey(legacy)).toBe(statKey(explicit));
  });

  it('another year, period, month, indicator or region is another figure', () => {
    const q2 = row({ period: 'quarter', periodNo: 2 });
    const stats = [q2, row({ year: 2024 }), row({ indicator: 'investment_plan_tenge' }), row({ regionId: 'almaty' })];
    expect(findDuplicateStat(stats, { ...base, period: 'quarter', periodNo: 3 })).toBeUndefined();
    expect(findDuplicateStat(stats, { ...base, period: 'month', periodNo: 2 })).toBeUndefined();
    expect(findDuplicateStat(stats, { ...base, period: 'quarter', periodNo: 2 })?.id).toBe(q2.id);
    expect(findDuplicateStat(stats, { ...base, indicator: 'fdi_tenge' })).toBeUndefined();
    expect(findDuplicateStat(stats, { ...base, year: 2023 })).toBeUndefined();
  });

  it('an «other» indicator is the same when its name is, whatever the case and spaces; another name is another figure', () => {
    const other = row({ indicator: 'other_tenge', indicatorName: 'Инвестиции в жилищное строительство', period: 'ytd', periodNo: 10 });
    const draft = { ...base, indicator: 'other_tenge' as const, period: 'ytd' as const, periodNo: 10 };
    expect(findDuplicateStat([other], { ...draft, indicatorName: '  инвестиции  в жилищное строительство ' })?.id).toBe(other.id);
    expect(findDuplicateStat([other], { ...draft, indicatorName: 'Инвестиции в сельское хозяйство' })).toBeUndefined();
  });

  it('leaves out deleted figures and the figure being corrected; of several (entered before the check), the latest', () => {
    const old = row({ updatedAt: '2025-01-01T00:00:00Z' });
    const newer = row({ updatedAt: '2025-03-01T00:00:00Z' });
    const gone = row({ updatedAt: '2025-06-01T00:00:00Z', deletedAt: '2025-06-01T00:00:00Z' });
    expect(findDuplicateStat([old, newer, gone], base)?.id).toBe(newer.id);
    expect(findDuplicateStat([old, newer, gone], base, newer.id)?.id).toBe(old.id);
    expect(findDuplicateStat([gone], base)).toBeUndefined();
    expect(findDuplicateStat([old], base, old.id)).toBeUndefined();
  });
});

describe('statPatch', () => {
  it('nothing changed: nothing to write; the year\'s period written out or left absent is the same', () => {
    expect(statPatch(base, { ...base })).toEqual({});
    expect(statPatch(base, { ...base, period: 'year' })).toEqual({});
  });

  it('only the changed fields, an erased one as undefined (which clears it)', () => {
    const before: InvestmentStatFields = { ...base, growthPct: 125, growthQualifier: 'more_than', sourceNote: 'рост', period: 'quarter', periodNo: 2 };
    const patch = statPatch(before, { ...base, value: 1.3e12, sourceNote: 'рост' });
    expect(patch).toEqual({ value: 1.3e12, growthPct: undefined, growthQualifier: undefined, period: undefined, periodNo: undefined });
    expect(Object.keys(patch).sort()).toEqual(['growthPct', 'growthQualifier', 'period', 'periodNo', 'value']);
  });

  it('leaves the fields the form does not edit (the link) out', () => {
    expect(statPatch({ ...base, sourceUrl: 'https://stat.gov.kz' }, base)).toEqual({});
  });
});

describe('the form of a stored figure', () => {
  it('writes an amount as the press does when that is exact, else in full', () => {
    expect(tengeInput(1.2e12)).toBe('1,2 трлн');
    expect(tengeInput(892e9)).toBe('892 млрд');
    expect(tengeInput(892_345_678_901)).toBe('892 345 678 901');
    expect(tengeInput(850_000)).toBe('850 000');
  });

  it('reads back to the same figure, field for field', () => {
    const figures: InvestmentStatFields[] = [
      base,
      { ...base, value: 892_345_678_901.5, qualifier: 'exact', growthPct: 112.4, growthQualifier: 'more_than', sourceDate: '2025-11-14', sourceNote: 'Оперативные данные' },
      { ...base, period: 'ytd', periodNo: 10, indicator: 'other_tenge', indicatorName: 'Инвестиции в жилищное строительство', value: 310e9 },
      { ...base, indicator: 'large_projects_commissioned', value: 10, qualifier: 'exact', period: 'quarter', periodNo: 4 },
      { ...base, indicator: 'investment_growth_pct', value: 125.3 },
    ];
    for (const f of figures) {
      const read = readStatForm(statToForm(f), f.regionId);
      expect(read.ok && read.fields).toEqual(f);
    }
  });

  it('says what is missing or wrong, at its field', () => {
    const read = readStatForm({ ...emptyStatForm(2025), period: 'month', indicator: 'other_tenge', value: 'много', growth: '-3', sourceDate: '31.02.2025' }, 'aktobe');
    expect(read.ok ? null : read.errors).toEqual({ value: 'badValue', growth: 'badGrowth', sourceDate: 'badDate', source: 'required', periodNo: 'required', indicatorName: 'required' });
  });
});

describe('a correction through the repository', () => {
  let db: HattamaDb;
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('writes the changed fields only, and clears an erased growth index', async () => {
    db = new HattamaDb(`stats-${uuidv7()}`);
    let t = Date.parse('2025-01-01T00:00:00Z');
    const repos = createRepos({ db, now: () => new Date((t += 1000)), newId: () => uuidv7(), actor: () => 'Тест' });
    const stored = await repos.investmentStats.create({ ...base, growthPct: 125, growthQualifier: 'more_than', sourceUrl: 'https://stat.gov.kz' });
    const opened = await repos.investmentStats.getWithClocks(stored.id);
    const form = { ...statToForm(stored), value: '1,3 трлн', growth: '' };
    const read = readStatForm(form, 'aktobe');
    if (!read.ok) throw new Error('unreadable');
    const patch = statPatch(stored, read.fields);
    expect(Object.keys(patch).sort()).toEqual(['growthPct', 'growthQualifier', 'value']);
    await repos.investmentStats.update(stored.id, patch, { seen: opened?.clocks ?? {} });
    const after = await repos.investmentStats.get(stored.id);
    expect(after?.value).toBe(1.3e12);
    expect(after?.growthPct).toBeUndefined();
    expect(after?.growthQualifier).toBeUndefined();
    expect(after?.sourceUrl).toBe('https://stat.gov.kz');
    expect(after?.sourceTitle).toBe('Акимат');
  });
});
