// The official-figure form as data: the figure already entered under a draft's key (one figure a
// period), the fields a correction changes (an erased field clears what is stored), and a stored
// figure put back into the form and read out again unchanged.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from 'uuidv7';
import type { InvestmentStatFields } from '@shared/domain/investment-stat.schema';
import { HattamaDb, withStamp } from '../../../renderer/src/db/db';
import { createRepos } from '../../../renderer/src/db/repos';
import { changedStatFields, emptyStatForm, findDuplicateStat, readStatForm, statKey, statPatch, statToForm, statTwins, takeOverStat, tengeInput } from '../../../renderer/src/features/dashboard/stat-draft';
import { investmentByYear } from '@shared/dashboard/aggregate';

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

describe('statTwins: two figures for one period, as sync brings them from two clerks', () => {
  it('marks both; the later entry counts, and each names the other', () => {
    const first = row({ value: 1.2e12, updatedAt: '2026-01-10T09:00:00Z' });
    const later = row({ value: 1.25e12, updatedAt: '2026-01-10T09:05:00Z' });
    const alone = row({ year: 2024, value: 9e11 });
    const twins = statTwins([later, alone, first]);
    expect(twins.get(later.id)).toEqual({ counts: true, other: first });
    expect(twins.get(first.id)).toEqual({ counts: false, other: later });
    expect(twins.has(alone.id)).toBe(false);
    // The dashboard draws the one that counts.
    expect(investmentByYear([first, later, alone], 'aktobe').find((y) => y.year === 2025)?.attracted).toBe(1.25e12);
  });

  it('of three, one counts and the two others name it; a deleted one is no twin', () => {
    const a = row({ updatedAt: '2026-01-01T00:00:00Z' });
    const b = row({ updatedAt: '2026-01-03T00:00:00Z' });
    const c = row({ updatedAt: '2026-01-02T00:00:00Z' });
    const gone = row({ updatedAt: '2026-01-04T00:00:00Z', deletedAt: '2026-01-05T00:00:00Z' });
    const twins = statTwins([a, b, c, gone]);
    expect(twins.get(b.id)).toEqual({ counts: true, other: c });
    expect(twins.get(a.id)).toEqual({ counts: false, other: b });
    expect(twins.get(c.id)).toEqual({ counts: false, other: b });
    expect(twins.has(gone.id)).toBe(false);
    expect(statTwins([a, gone]).size).toBe(0);
  });

  it('entered at the same instant: the same one counts whatever order the rows come in (every replica agrees)', () => {
    const x = { ...row({ value: 1e12 }), id: '0190-aaaa' };
    const y = { ...row({ value: 2e12 }), id: '0190-bbbb' };
    for (const order of [[x, y], [y, x]]) {
      expect(statTwins(order).get(y.id)?.counts).toBe(true);
      expect(investmentByYear(order, 'aktobe')[0]?.attracted).toBe(2e12);
      expect(findDuplicateStat(order, base)?.id).toBe(y.id);
    }
  });
});

describe('which of two figures counts is the same on every replica', () => {
  // Clerk A entered 892 bn offline at 10:00, clerk B 905 bn at 10:05; each replica wrote the other's
  // figure when it pulled it, so the rows' updatedAt say opposite things on the two screens.
  const stampA = '000001767261600000-000000-clientA';
  const stampB = '000001767261900000-000000-clientB';
  const onA = [row({ value: 892e9, updatedAt: '2026-01-01T10:00:00Z' }), row({ value: 905e9, updatedAt: '2026-01-01T11:00:00Z' })];
  const onB = [{ ...onA[1]!, updatedAt: '2026-01-01T10:05:00Z' }, { ...onA[0]!, updatedAt: '2026-01-01T11:00:00Z' }];
  const stamped = (rows: typeof onA) => rows.map((r) => ({ ...r, stamp: r.value === 892e9 ? stampA : stampB }));

  it('by the stamps: B’s later entry counts on both screens, in the list, the chart and the form', () => {
    for (const rows of [stamped(onA), stamped(onB)]) {
      const b = rows.find((r) => r.value === 905e9)!;
      expect(statTwins(rows).get(b.id)?.counts).toBe(true);
      expect(investmentByYear(rows, 'aktobe')[0]?.attracted).toBe(905e9);
      expect(findDuplicateStat(rows, base)?.value).toBe(905e9);
    }
  });

  it('withStamp gives a stored row its latest field stamp', async () => {
    const db = new HattamaDb(`stamp-${uuidv7()}`);
    const repos = createRepos({ db, now: () => new Date('2026-01-01T10:00:00Z'), newId: uuidv7, actor: () => 'Секретарь' });
    const created = await repos.investmentStats.create(base);
    const first = withStamp((await db.investmentStats.get(created.id))!).stamp;
    await repos.investmentStats.update(created.id, { value: 1.25e12 });
    const later = withStamp((await db.investmentStats.get(created.id))!).stamp;
    expect(first).toMatch(/^\d{15}-/);
    expect(later! > first!).toBe(true);
    expect(withStamp({}).stamp).toBeUndefined();
    db.close();
  });
});

describe('a correction open while the figure changes elsewhere', () => {
  const before = statToForm(base);
  const after = statToForm({ ...base, value: 1.25e12, sourceNote: 'Оперативные данные' });
  it('names the fields that changed', () => {
    expect(changedStatFields(before, after)).toEqual(['value', 'note']);
    expect(changedStatFields(before, before)).toEqual([]);
  });
  it('takes the new values into the fields the clerk has not touched, and keeps the clerk’s own', () => {
    const mine = { ...before, value: '1,3 трлн', source: 'Бюро национальной статистики' };
    const merged = takeOverStat(before, after, mine);
    expect(merged.value).toBe('1,3 трлн');
    expect(merged.note).toBe('Оперативные данные');
    expect(merged.source).toBe('Бюро национальной статистики');
    // Saved against the new state, the correction writes only the clerk's own changes.
    const read = readStatForm(merged, 'aktobe');
    const newBase = readStatForm(after, 'aktobe');
    if (!read.ok || !newBase.ok) throw new Error('unreadable');
    expect(statPatch(newBase.fields, read.fields)).toEqual({ value: 1.3e12, sourceTitle: 'Бюро национальной статистики' });
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
