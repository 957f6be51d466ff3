// The register import end to end in the data layer: LibreOffice-made fixtures read, planned and
// written through the repository into Dexie (fake-indexeddb) — every rejected row reported,
// re-import idempotent, a changed file updates the same projects, cancel writes nothing.
// The harness first: it installs fake-indexeddb before Dexie is loaded.
import { openHarness, type Harness } from './harness';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { guessMapping } from '@shared/import/fields';
import { detectHeaderRow, headersOf, planImport, readRows, type ImportPlan } from '@shared/import/register-import';
import { readRegisterFile, UnreadableFileError } from '../../../renderer/src/features/excel/read-file';
import { applyPlan, ImportCancelled, loadExisting } from '../../../renderer/src/features/excel/run-import';
import { auditOf } from '../../../renderer/src/db/audit';
import { allOutboxItems } from '../../../renderer/src/db/outbox';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures/import');

async function planFile(h: Harness, name: string): Promise<ImportPlan> {
  const file = await readRegisterFile(name, new Uint8Array(readFileSync(path.join(FIXTURES, name))));
  const sheet = file.sheets[0];
  if (!sheet) throw new Error('no sheet');
  const headerRow = detectHeaderRow(sheet.rows);
  const headers = headersOf(sheet.rows, headerRow);
  const mapping = guessMapping(headers);
  return planImport(readRows(sheet.rows, headerRow, mapping), mapping, headers, await loadExisting(h.db), 'aktobe');
}

let h: Harness;
beforeEach(() => {
  h = openHarness();
});
afterEach(async () => {
  await h.dispose();
});

describe('import of a register into the database', () => {
  it('imports the valid rows of the messy .xlsx and reports every rejected row with column and reason', async () => {
    const plan = await planFile(h, 'register-messy.xlsx');
    expect(plan.rejected.map((r) => [r.row, r.column, r.reason, r.value])).toEqual([
      [11, 'C', 'bin_checksum', '123456789012'],
      [12, 'D', 'unknown_district', 'Бурабайский район'],
      [13, 'F', 'unreadable_number', 'много денег'],
      [14, 'K', 'invalid_date', '31.02.2026'],
    ]);
    expect(await applyPlan(h.repos, plan)).toEqual({ created: 4, updated: 0 });
    const projects = await h.db.projects.orderBy('id').toArray();
    const byTitle = new Map(projects.map((p) => [p.title, p]));
    expect([...byTitle.keys()].sort()).toEqual(['Завод ферросплавов', 'Логистический центр', 'Тепличный комплекс', 'Цех по переработке молока']);
    expect(byTitle.get('Завод ферросплавов')).toMatchObject({
      investorBin: '040540001230', districtId: 'aktobe-city', okedSection: 'C', investmentTenge: 1.2e9, jobsPermanentPlanned: 350,
      jobsConstructionPlanned: 1200, stage: 'construction', status: 'on_track', startDate: '2025-03-15', plannedCommissioningDate: '2026-12-31', regionId: 'aktobe',
    });
    expect(byTitle.get('Логистический центр')).toMatchObject({ investmentTenge: 1_200_000, startDate: '2026-02-01', plannedCommissioningDate: '2027-12-01', status: 'at_risk' });
    expect(byTitle.get('Тепличный комплекс')).toMatchObject({ investmentTenge: 350e6, startDate: '2025-03-01', districtId: 'aktobe-alga' });
    expect(byTitle.get('Цех по переработке молока')).toMatchObject({ investmentTenge: 1200.5, districtId: 'aktobe-alga' });
    // Written as every write is: board rows, one outbox entry and one audit entry per project, the stage log.
    expect(await h.db.boardRows.count()).toBe(4);
    expect((await allOutboxItems(h.db)).filter((e) => 'table' in e && e.table === 'projects')).toHaveLength(4);
    for (const p of projects) expect((await auditOf(h.db, 'projects', p.id)).map((e) => e.action)).toEqual(['create']);
    expect(await h.db.stageLog.count()).toBe(4);
  });

  it('re-importing the same file changes nothing; the changed file updates the same projects', async () => {
    await applyPlan(h.repos, await planFile(h, 'register-messy.xlsx'));
    const before = await h.counts();
    const again = await planFile(h, 'register-messy.xlsx');
    expect([again.creates.length, again.updates.length, again.unchanged.length]).toEqual([0, 0, 4]);
    expect(await applyPlan(h.repos, again)).toEqual({ created: 0, updated: 0 });
    expect(await h.counts()).toEqual(before);

    const v2 = await planFile(h, 'register-messy-v2.xlsx');
    expect([v2.creates.length, v2.updates.length, v2.unchanged.length]).toEqual([0, 2, 2]);
    expect(await applyPlan(h.repos, v2)).toEqual({ created: 0, updated: 2 });
    expect(await h.db.projects.count()).toBe(4);
    const ferro = (await h.db.projects.toArray()).find((p) => p.title === 'Завод ферросплавов');
    expect(ferro).toMatchObject({ investmentTenge: 1.5e9, jobsPermanentPlanned: 400 });
    const board = await h.db.boardRows.get(ferro?.id ?? '');
    expect(board?.investmentTenge).toBe(1.5e9);
    const greenhouse = (await h.db.projects.toArray()).find((p) => p.title === 'Тепличный комплекс');
    expect(greenhouse?.stage).toBe('construction');
    expect((await h.db.stageLog.where('projectId').equals(greenhouse?.id ?? '').toArray()).map((e) => [e.from, e.to])).toEqual([[null, 'idea'], ['idea', 'construction']]);
  });

  it('a cancelled import writes nothing, even after some batches were written in its transaction', async () => {
    await h.repos.projects.create({ title: 'Уже в реестре', investorName: 'ТОО', regionId: 'aktobe', stage: 'idea', status: 'on_track', tags: [] });
    const before = await h.counts();
    const plan = await planFile(h, 'register-messy.xlsx');
    const abort = new AbortController();
    const progress: number[] = [];
    await expect(
      applyPlan(h.repos, plan, { signal: abort.signal, batchSize: 1, onProgress: (done) => { progress.push(done); if (done === 2) abort.abort(); } }),
    ).rejects.toBeInstanceOf(ImportCancelled);
    expect(progress).toEqual([1, 2]);
    expect(await h.counts()).toEqual(before);
    // Cancelled on the last batch too: the commit is after the last check.
    const late = new AbortController();
    await expect(applyPlan(h.repos, plan, { signal: late.signal, onProgress: () => late.abort() })).rejects.toBeInstanceOf(ImportCancelled);
    expect(await h.counts()).toEqual(before);
  });

  it('reads a Windows-1251 CSV separated by commas', async () => {
    const file = await readRegisterFile('register-1251.csv', new Uint8Array(readFileSync(path.join(FIXTURES, 'register-1251.csv'))));
    expect([file.encoding, file.separator]).toEqual(['windows-1251', ',']);
    const plan = await planFile(h, 'register-1251.csv');
    expect(plan.rejected).toEqual([]);
    await applyPlan(h.repos, plan);
    const projects = await h.db.projects.toArray();
    expect(projects.map((p) => [p.title, p.investorName, p.investmentTenge, p.districtId]).sort()).toEqual([
      ['Ёлочные игрушки', 'ИП Пётр', 12e6, 'aktobe-temir'],
      ['Завод ферросплавов', 'ТОО «Актобе Ферро»', 1.5e9, 'aktobe-city'],
      ['Птицефабрика', 'ТОО «Хромтау Бройлер»', 800e6, 'aktobe-khromtau'],
    ]);
  });

  it('reads .tsv and .xlsm by their kind, and refuses a .txt or an .xls whatever they hold', async () => {
    const csv = new Uint8Array(readFileSync(path.join(FIXTURES, 'register-messy.csv')));
    const tsv = new TextEncoder().encode('Наименование проекта\tИнвестор\nЦех\tТОО «А»\n');
    expect((await readRegisterFile('register.tsv', tsv)).separator).toBe('\t');
    const xlsx = new Uint8Array(readFileSync(path.join(FIXTURES, 'register-messy.xlsx')));
    expect((await readRegisterFile('register.xlsm', xlsx)).sheets).toHaveLength(1);
    // CSV text in a .txt file is still not a register: the clerk is told which kinds are read.
    for (const [name, reason] of [['register.txt', 'format'], ['notes.txt', 'format'], ['register.xls', 'xls'], ['register.docx', 'format']] as const) {
      const error = await readRegisterFile(name, csv).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(UnreadableFileError);
      expect((error as UnreadableFileError).reason, name).toBe(reason);
    }
    // An empty file of an unread kind is refused for its kind first.
    expect(((await readRegisterFile('empty.txt', new Uint8Array()).catch((e: unknown) => e)) as UnreadableFileError).reason).toBe('format');
    expect(((await readRegisterFile('empty.csv', new Uint8Array()).catch((e: unknown) => e)) as UnreadableFileError).reason).toBe('empty');
  });
});
