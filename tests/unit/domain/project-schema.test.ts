// Tests for the investment project schema (shared/domain/project.schema) and its text rules.
import { describe, it, expect } from 'vitest';
import { barrierFieldsSchema, emptyProjectFields, projectFieldsSchema, type ProjectFieldsInput } from '@shared/domain/project.schema';
import { binCheckDigit } from '@shared/domain/bin';

function minimal(overrides: Record<string, unknown> = {}): ProjectFieldsInput {
  return {
    ...emptyProjectFields('aktobe'),
    title: 'Завод по производству пластиковых труб',
    investorName: 'ТОО «Polyline»',
    ...overrides,
  } as ProjectFieldsInput;
}

/** The issues of a failed parse as `path → message`; fails the test if the parse succeeds. */
function issuesOf(input: unknown): { path: string; message: string }[] {
  const r = projectFieldsSchema.safeParse(input);
  expect(r.success, 'expected the parse to fail').toBe(false);
  return (r.error?.issues ?? []).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

/** A valid 12-digit BIN built from `first11` with the official check digit. */
function validBin(first11: string): string {
  const check = binCheckDigit(first11);
  if (check === null) throw new Error(`no check digit for ${first11}`);
  return `${first11}${check}`;
}

describe('projectFieldsSchema', () => {
  it('accepts a minimal valid project', () => {
    const r = projectFieldsSchema.safeParse(minimal());
    expect(r.success).toBe(true);
    expect(r.data).toMatchObject({
      title: 'Завод по производству пластиковых труб',
      investorName: 'ТОО «Polyline»',
      regionId: 'aktobe',
      stage: 'idea',
      status: 'on_track',
      tags: [],
    });
  });

  it('refuses the same tag twice (tags are a set), whatever the case', () => {
    expect(issuesOf(minimal({ tags: ['СЭЗ', 'сэз'] }))).toEqual([{ path: 'tags', message: 'duplicate_tag' }]);
  });

  it('checks a barrier record: its project, its text, and that it is not resolved before it was opened', () => {
    const ok = barrierFieldsSchema.safeParse({ projectId: '01900000-0000-7000-8000-000000000001', kind: 'gas', text: 'Нет газа', openedOn: '2026-01-10' });
    expect(ok.success).toBe(true);
    const bad = barrierFieldsSchema.safeParse({ projectId: 'x', kind: 'gas', text: '<b>газ</b>', openedOn: '2026-01-10', resolvedOn: '2026-01-01' });
    expect(bad.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`).sort()).toEqual(['projectId:invalid_id', 'resolvedOn:before_opened', 'text:no_markup']);
  });

  it('trims text fields', () => {
    const r = projectFieldsSchema.parse(minimal({ title: '  Цех  ', notes: '\n заметка \n' }));
    expect(r.title).toBe('Цех');
    expect(r.notes).toBe('заметка');
  });

  it('rejects an invalid BIN at investorBin saying which rule it breaks', () => {
    const bin = validBin('94064000042');
    const wrongCheck = `${bin.slice(0, 11)}${(Number(bin[11]) + 1) % 10}`;
    for (const [bad, message] of [[wrongCheck, 'bin_checksum'], ['12345', 'bin_length'], ['9406400004223', 'bin_length'], ['9406400004-2', 'bin_digits'], ['abcdefghijkl', 'bin_digits']]) {
      expect(issuesOf(minimal({ investorBin: bad })), bad).toEqual([{ path: 'investorBin', message }]);
    }
  });

  it('accepts a valid BIN and stores it without spaces', () => {
    const bin = validBin('94064000042');
    expect(bin).toHaveLength(12);
    const grouped = ` ${bin.slice(0, 3)} ${bin.slice(3, 6)} ${bin.slice(6, 9)}\t${bin.slice(9)} `;
    expect(projectFieldsSchema.parse(minimal({ investorBin: bin })).investorBin).toBe(bin);
    expect(projectFieldsSchema.parse(minimal({ investorBin: grouped })).investorBin).toBe(bin);
  });

  it('rejects HTML markup in the title with no_markup', () => {
    expect(issuesOf(minimal({ title: 'Завод <b>труб</b>' }))).toEqual([{ path: 'title', message: 'no_markup' }]);
    expect(issuesOf(minimal({ title: '<script>alert(1)</script>' }))).toEqual([{ path: 'title', message: 'no_markup' }]);
    for (const title of ['Цех </p>', 'Цех <!-- x -->', 'Цех <br/>', 'Цех <B >', 'a <b и ещё > c']) {
      expect(issuesOf(minimal({ title })), title).toEqual([{ path: 'title', message: 'no_markup' }]);
    }
    // Comparison signs are not markup.
    for (const title of ['Мощность < 5 МВт, > 2 МВт', 'a > b <c', 'x <', '3 <> 4']) {
      expect(projectFieldsSchema.safeParse(minimal({ title })).success, title).toBe(true);
    }
  });

  it('rejects a 10 MB paste into notes with too_long', () => {
    const huge = 'ы'.repeat(10 * 1024 * 1024);
    const issues = issuesOf(minimal({ notes: huge }));
    expect(issues).toEqual([{ path: 'notes', message: 'too_long' }]);
  });

  it('rejects notes just over the limit with too_long, even when they look like markup', () => {
    expect(issuesOf(minimal({ notes: 'x'.repeat(10_001) }))).toEqual([{ path: 'notes', message: 'too_long' }]);
    const nearMarkup = issuesOf(minimal({ notes: '<a'.repeat(19_999) }));
    expect(nearMarkup).toEqual([{ path: 'notes', message: 'too_long' }]);
    // At the limit, text full of tag openers without a '>' is not markup (and is checked in linear time).
    expect(projectFieldsSchema.safeParse(minimal({ notes: '<a'.repeat(5_000) })).success).toBe(true);
  });

  it('rejects an empty title with required', () => {
    expect(issuesOf(minimal({ title: '' }))).toEqual([{ path: 'title', message: 'required' }]);
    expect(issuesOf(minimal({ title: '   ' }))).toEqual([{ path: 'title', message: 'required' }]);
    expect(issuesOf(minimal({ title: undefined }))).toEqual([{ path: 'title', message: 'required' }]);
  });

  it('rejects a district of another region with district_region', () => {
    expect(projectFieldsSchema.safeParse(minimal({ districtId: 'aktobe-alga' })).success).toBe(true);
    expect(issuesOf(minimal({ regionId: 'astana', districtId: 'aktobe-alga' }))).toEqual([{ path: 'districtId', message: 'district_region' }]);
    expect(issuesOf(minimal({ districtId: 'no-such-district' }))).toEqual([{ path: 'districtId', message: 'district_region' }]);
  });

  it('rejects a planned commissioning before the start with before_start', () => {
    expect(issuesOf(minimal({ startDate: '2026-05-01', plannedCommissioningDate: '2026-04-30' }))).toEqual([
      { path: 'plannedCommissioningDate', message: 'before_start' },
    ]);
    expect(projectFieldsSchema.safeParse(minimal({ startDate: '2026-05-01', plannedCommissioningDate: '2026-05-01' })).success).toBe(true);
  });

  it('rejects negative job counts with negative', () => {
    expect(issuesOf(minimal({ jobsPermanentPlanned: -1 }))).toEqual([{ path: 'jobsPermanentPlanned', message: 'negative' }]);
    expect(issuesOf(minimal({ jobsConstructionCreated: -5 }))).toEqual([{ path: 'jobsConstructionCreated', message: 'negative' }]);
    expect(projectFieldsSchema.parse(minimal({ jobsPermanentPlanned: 0 })).jobsPermanentPlanned).toBe(0);
  });

  it('rejects a foreign share of 150 % with max_100', () => {
    expect(issuesOf(minimal({ foreignSharePct: 150 }))).toEqual([{ path: 'foreignSharePct', message: 'max_100' }]);
    expect(projectFieldsSchema.parse(minimal({ foreignSharePct: 100 })).foreignSharePct).toBe(100);
  });

  it('turns empty optional strings into undefined', () => {
    const r = projectFieldsSchema.parse(
      minimal({
        investorBin: '',
        investorCountry: '',
        okedSection: '',
        districtId: '',
        settlement: '',
        zoneId: '',
        investmentTenge: '',
        foreignSharePct: '',
        jobsPermanentPlanned: '',
        capacity: '   ',
        startDate: '',
        plannedCommissioningDate: '',
        supportMeasures: '',
        curatorId: '',
        notes: ' \n ',
      }),
    );
    for (const key of [
      'investorBin',
      'investorCountry',
      'okedSection',
      'districtId',
      'settlement',
      'zoneId',
      'investmentTenge',
      'foreignSharePct',
      'jobsPermanentPlanned',
      'capacity',
      'startDate',
      'plannedCommissioningDate',
      'supportMeasures',
      'curatorId',
      'notes',
    ] as const) {
      expect(r[key], key).toBeUndefined();
    }
  });
});
