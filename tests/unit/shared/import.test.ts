// The register import's pure parts: cells, CSV, header guessing, row reading, planning.
import { describe, expect, it } from 'vitest';
import { cellDisplayText, cellText, excelSerialToIso, readDateCell, readNumberCell } from '@shared/import/cells';
import { REGISTER_FILE_ACCEPT, registerFileKind } from '@shared/import/file-kind';
import { decodeCsv, detectSeparator, readCsv, splitCsv } from '@shared/import/csv';
import { findDistrict, findOked, findStage, findStatus, findZone, guessMapping, headerScale } from '@shared/import/fields';
import { columnLetter, detectHeaderRow, headersOf, planImport, readRows, type ExistingProject } from '@shared/import/register-import';
import { projectFieldsSchema } from '@shared/domain/project.schema';

const BIN_A = '040540001230';
const BIN_B = '980115004567';

describe('number cells', () => {
  it.each([
    ['1 200 000', 1_200_000],
    ['1\u00A0200\u00A0000', 1_200_000],
    ['1\u202F200\u2009000', 1_200_000],
    ['1,2 млрд', 1_200_000_000],
    ['350 млн', 350_000_000],
    ['1 200,5', 1200.5],
    ['12.5', 12.5],
    ['892,1 млрд тенге', 892_100_000_000],
    ['5 мың', 5000],
    ['-5', -5],
    ['\u22123 000', -3000],
    ['15 %', 15],
  ])('%j reads as %d', (text, value) => {
    expect(readNumberCell(text)).toEqual({ kind: 'value', value });
  });
  it('numbers stay numbers; blanks are empty; words are unreadable', () => {
    expect(readNumberCell(42.5)).toEqual({ kind: 'value', value: 42.5 });
    expect(readNumberCell('  ')).toEqual({ kind: 'empty' });
    expect(readNumberCell(null)).toEqual({ kind: 'empty' });
    expect(readNumberCell('много')).toEqual({ kind: 'invalid' });
    expect(readNumberCell('1 2 3')).toEqual({ kind: 'invalid' });
    expect(readNumberCell('1,2 мешка')).toEqual({ kind: 'invalid' });
  });
});

describe('date cells', () => {
  it('reads DD.MM.YYYY text, Excel serials (number and text) and dates', () => {
    expect(readDateCell('15.03.2026')).toEqual({ kind: 'value', value: '2026-03-15' });
    expect(readDateCell('1.7.2027')).toEqual({ kind: 'value', value: '2027-07-01' });
    expect(readDateCell('15/03/2026')).toEqual({ kind: 'value', value: '2026-03-15' });
    expect(readDateCell('2026-03-15')).toEqual({ kind: 'value', value: '2026-03-15' });
    expect(readDateCell(46096)).toEqual({ kind: 'value', value: '2026-03-15' });
    expect(readDateCell('46096')).toEqual({ kind: 'value', value: '2026-03-15' });
    expect(readDateCell(46096.75)).toEqual({ kind: 'value', value: '2026-03-15' });
    expect(readDateCell(new Date(Date.UTC(2026, 2, 15)))).toEqual({ kind: 'value', value: '2026-03-15' });
    expect(readDateCell('15.03.2026 0:00:00')).toEqual({ kind: 'value', value: '2026-03-15' });
  });
  it('Excel serials around its fictitious 29.02.1900 and at its ends', () => {
    expect(excelSerialToIso(1)).toBe('1899-12-31');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45658)).toBe('2025-01-01');
    expect(excelSerialToIso(0)).toBeNull();
    expect(excelSerialToIso(3e6)).toBeNull();
  });
  it('refuses days that do not exist and words', () => {
    expect(readDateCell('31.02.2025')).toEqual({ kind: 'invalid' });
    expect(readDateCell('в 2026 году')).toEqual({ kind: 'invalid' });
    expect(readDateCell('')).toEqual({ kind: 'empty' });
  });
  it('prints cells as text', () => {
    expect(cellText(new Date(Date.UTC(2026, 2, 15)))).toBe('15.03.2026');
    expect(cellText(980115004567)).toBe('980115004567');
    expect(cellText('  a\u00A0b ')).toBe('a b');
  });
  it('shows a date column\'s cells as the clerk sees them in Excel: DD.MM.YYYY', () => {
    // The QA register's «Ввод в эксплуатацию — план»: a date typed into a number cell.
    expect(cellDisplayText(46387, true)).toBe('31.12.2026');
    expect(cellDisplayText(46096.75, true)).toBe('15.03.2026');
    expect(cellDisplayText('46387', true)).toBe('31.12.2026');
    expect(cellDisplayText(new Date(Date.UTC(2025, 2, 15)), true)).toBe('15.03.2025');
    expect(cellDisplayText('15.03.2025', true)).toBe('15.03.2025');
    expect(cellDisplayText('2025-03-15', true)).toBe('15.03.2025');
    expect(cellDisplayText('1.7.2027', true)).toBe('01.07.2027');
    // Not a date: shown as it is, so the clerk sees what will be refused.
    expect(cellDisplayText('31.02.2026', true)).toBe('31.02.2026');
    expect(cellDisplayText('в 2026 году', true)).toBe('в 2026 году');
    expect(cellDisplayText(null, true)).toBe('');
    // Other columns keep their numbers: a BIN or an amount is never a date.
    expect(cellDisplayText(46387)).toBe('46387');
    expect(cellDisplayText(40540001230, false)).toBe('40540001230');
    expect(cellDisplayText(new Date(Date.UTC(2025, 2, 15)))).toBe('15.03.2025');
  });
});

describe('file kinds', () => {
  it('reads Excel workbooks and CSV tables, refuses everything else by its extension', () => {
    expect(registerFileKind('Реестр.xlsx')).toBe('xlsx');
    expect(registerFileKind('REESTR.XLSM')).toBe('xlsx');
    expect(registerFileKind('реестр на 01.03.2026.csv')).toBe('csv');
    expect(registerFileKind('export.tsv')).toBe('csv');
    expect(registerFileKind('old.xls')).toBe('xls');
    for (const name of ['notes.txt', 'register.xlsx.txt', 'Реестр.docx', 'scan.pdf', 'archive.zip', 'csv', 'no-extension', '.csv.']) {
      expect(registerFileKind(name), name).toBeNull();
    }
    expect(REGISTER_FILE_ACCEPT.split(',').sort()).toEqual(['.csv', '.tsv', '.xlsm', '.xlsx']);
  });
});

describe('CSV', () => {
  const enc1251 = (s: string) => {
    // Windows-1251 for Cyrillic А..я (U+0410..U+044F → 0xC0..0xFF), ё, Ё; ASCII as is.
    return Uint8Array.from([...s].map((ch) => {
      const c = ch.codePointAt(0) ?? 0;
      if (c < 0x80) return c;
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
      if (c === 0x451) return 0xb8;
      if (c === 0x401) return 0xa8;
      throw new Error(`no 1251 byte for ${ch}`);
    }));
  };
  it('decodes UTF-8 with and without BOM and Windows-1251', () => {
    const text = 'Наименование;Район\nЗавод;Алгинский район\n';
    const utf8 = new TextEncoder().encode(text);
    expect(decodeCsv(utf8)).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsv(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeCsv(enc1251(text))).toEqual({ text, encoding: 'windows-1251' });
  });
  it('splits quoted fields with separators, quotes and line breaks inside', () => {
    expect(splitCsv('a;"b;c";"say ""hi"""\r\n"x\ny";2;\n', ';')).toEqual([['a', 'b;c', 'say "hi"'], ['x\ny', '2', '']]);
  });
  it('detects ; even when the values hold commas, and , when it separates', () => {
    expect(detectSeparator('Проект;Сумма\nА;1,2 млрд\nБ;1 200,5\n')).toBe(';');
    expect(detectSeparator('Project,Amount\nA,"1,2 млрд"\nB,350\n')).toBe(',');
    expect(detectSeparator('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(readCsv(new TextEncoder().encode('a,b\n1,"2,5"\n')).rows).toEqual([['a', 'b'], ['1', '2,5']]);
  });
});

describe('headers and names', () => {
  it('guesses fields from Russian, Kazakh and English headers', () => {
    const ru = ['№', 'Наименование проекта', 'Наименование инвестора', 'БИН', 'Район', 'Объём инвестиций, млн тенге', 'Постоянные рабочие места — план', 'Постоянные рабочие места — создано', 'Стадия', 'Статус', 'Срок ввода', 'Примечание'];
    expect(guessMapping(ru).map((m) => m.field)).toEqual([null, 'title', 'investorName', 'investorBin', 'districtId', 'investmentTenge', 'jobsPermanentPlanned', 'jobsPermanentCreated', 'stage', 'status', 'plannedCommissioningDate', 'notes']);
    expect(guessMapping(ru)[5]?.scale).toBe(1e6);
    const kk = ['Жобаның атауы', 'Инвестор', 'БСН', 'Аудан', 'Инвестиция көлемі, теңге', 'Тұрақты жұмыс орындары', 'Кезең', 'Пайдалануға беру мерзімі'];
    expect(guessMapping(kk).map((m) => m.field)).toEqual(['title', 'investorName', 'investorBin', 'districtId', 'investmentTenge', 'jobsPermanentPlanned', 'stage', 'plannedCommissioningDate']);
    const en = ['Project', 'Investor', 'BIN', 'District', 'Investment, KZT', 'Jobs', 'Stage', 'Status', 'ID'];
    expect(guessMapping(en).map((m) => m.field)).toEqual(['title', 'investorName', 'investorBin', 'districtId', 'investmentTenge', 'jobsPermanentPlanned', 'stage', 'status', 'id']);
    expect(guessMapping(['Примечание', 'Примечание']).map((m) => m.field)).toEqual(['notes', null]);
    expect(headerScale('Стоимость, млрд тг')).toBe(1e9);
  });
  it('reads places, sectors, stages and statuses by name in any language', () => {
    expect(findDistrict('Алгинский район')).toBe('aktobe-alga');
    expect(findDistrict('Алға ауданы')).toBe('aktobe-alga');
    expect(findDistrict('Alga District')).toBe('aktobe-alga');
    expect(findDistrict('Алгинский р-н')).toBe('aktobe-alga');
    expect(findDistrict('г. Актобе')).toBe('aktobe-city');
    expect(findDistrict('Бурабайский район')).toBeNull();
    expect(findZone('СЭЗ «Актобе»')).toBe('sez-aktobe');
    expect(findOked('C')).toBe('C');
    expect(findOked('C — Обрабатывающая промышленность')).toBe('C');
    expect(findOked('Обрабатывающая промышленность')).toBe('C');
    expect(findOked('Космос')).toBeNull();
    expect(findStage('Строительство')).toBe('construction');
    expect(findStage('Құрылыс')).toBe('construction');
    expect(findStatus('под угрозой')).toBe('at_risk');
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(27)).toBe('AB');
  });
});

const SHEET = [
  ['Реестр инвестиционных проектов Актюбинской области', null, null, null, null, null],
  [null, null, null, null, null, null],
  ['Наименование проекта', 'Инвестор', 'БИН', 'Район', 'Объём инвестиций, тенге', 'Срок ввода'],
  ['Завод ферросплавов', 'ТОО «Ферро»', BIN_A, 'Хромтауский район', '1,2 млрд', '15.03.2026'],
  [null, null, null, null, null, null],
  ['Алгинский район', null, null, null, null, null],
  ['Теплица', 'ТОО «Агро»', BIN_B, 'Алгинский район', '1 200 000', 46096],
  ['Склад', 'ТОО «Склад»', '123456789012', 'Алгинский район', 'много', '31.02.2026'],
  ['Цех', 'ТОО «Цех»', '', 'Бурабайский район', '350 млн', ''],
];

describe('reading and planning a sheet', () => {
  it('finds the header row under the title rows and reads each row, reporting every bad cell', () => {
    expect(detectHeaderRow(SHEET)).toBe(2);
    const headers = headersOf(SHEET, 2);
    const mapping = guessMapping(headers);
    const read = readRows(SHEET, 2, mapping);
    expect(read.skipped).toEqual({ empty: 1, titles: 1 });
    expect(read.rows.map((r) => r.row)).toEqual([4, 7]);
    expect(read.rows[0]?.fields).toEqual({ title: 'Завод ферросплавов', investorName: 'ТОО «Ферро»', investorBin: BIN_A, districtId: 'aktobe-khromtau', investmentTenge: 1.2e9, plannedCommissioningDate: '2026-03-15' });
    expect(read.rows[1]?.fields).toMatchObject({ investmentTenge: 1_200_000, plannedCommissioningDate: '2026-03-15' });
    expect(read.rejected).toEqual([
      { row: 8, column: 'C', header: 'БИН', field: 'investorBin', value: '123456789012', reason: 'bin_checksum' },
      { row: 8, column: 'E', header: 'Объём инвестиций, тенге', field: 'investmentTenge', value: 'много', reason: 'unreadable_number' },
      { row: 8, column: 'F', header: 'Срок ввода', field: 'plannedCommissioningDate', value: '31.02.2026', reason: 'invalid_date' },
      { row: 9, column: 'D', header: 'Район', field: 'districtId', value: 'Бурабайский район', reason: 'unknown_district' },
    ]);
  });

  it('plans creates, then on a second import updates the same projects and changes nothing it need not', () => {
    const headers = headersOf(SHEET, 2);
    const mapping = guessMapping(headers);
    const read = readRows(SHEET, 2, mapping);
    const first = planImport(read, mapping, headers, [], 'aktobe');
    expect(first.creates.map((c) => [c.row, c.fields.title, c.fields.stage, c.fields.regionId])).toEqual([
      [4, 'Завод ферросплавов', 'idea', 'aktobe'],
      [7, 'Теплица', 'idea', 'aktobe'],
    ]);
    const existing: ExistingProject[] = first.creates.map((c, i) => ({ id: `p${i}`, deleted: false, fields: c.fields }));
    expect(planImport(read, mapping, headers, existing, 'aktobe')).toMatchObject({ creates: [], updates: [], unchanged: [{ row: 4, id: 'p0' }, { row: 7, id: 'p1' }] });

    // The same file with a new amount and the title in other case: the same project, one field changed.
    const changed = SHEET.map((r) => [...r]);
    (changed[3] as unknown[])[0] = 'ЗАВОД  ферросплавов';
    (changed[3] as unknown[])[4] = '2 млрд';
    const again = planImport(readRows(changed, 2, mapping), mapping, headers, existing, 'aktobe');
    expect(again.creates).toEqual([]);
    expect(again.updates).toEqual([{ row: 4, id: 'p0', patch: { title: 'ЗАВОД  ферросплавов', investmentTenge: 2e9 } }]);
  });

  it('gives each bad BIN its own reason, the same as the project card\'s', () => {
    const rows = [
      ['Наименование проекта', 'Инвестор', 'БИН'],
      ['A', 'ТОО', '123456789012'],
      ['B', 'ТОО', '04054000123'],
      ['C', 'ТОО', '0405400012301'],
      ['D', 'ТОО', '040-540-001230'],
      ['E', 'ТОО', 'нет'],
      // A BIN in a number cell: its lost leading zero is put back; a short number is too short.
      ['F', 'ТОО', 40540001230],
      ['G', 'ТОО', 12345],
    ];
    const headers = headersOf(rows, 0);
    const mapping = guessMapping(headers);
    const read = readRows(rows, 0, mapping);
    expect(read.rejected.map((r) => [r.row, r.value, r.reason])).toEqual([
      [2, '123456789012', 'bin_checksum'],
      [3, '04054000123', 'bin_length'],
      [4, '0405400012301', 'bin_length'],
      [5, '040-540-001230', 'bin_digits'],
      [6, 'нет', 'bin_digits'],
      [8, '12345', 'bin_length'],
    ]);
    expect(read.rows.map((r) => [r.row, r.fields.investorBin])).toEqual([[7, BIN_A]]);
    // The schema says the same of each: one reason for a BIN, wherever it is checked.
    for (const r of read.rejected) {
      const parsed = projectFieldsSchema.safeParse({ title: 'X', investorName: 'Y', regionId: 'aktobe', stage: 'idea', status: 'on_track', tags: [], investorBin: r.value });
      expect(parsed.success ? null : parsed.error.issues[0]?.message, r.value).toBe(r.reason);
    }
  });

  it('refuses a second row for the same project and reports schema errors at their column', () => {
    const rows = [
      ['Проект', 'Инвестор', 'БИН', 'Постоянные рабочие места', 'Начало реализации', 'Ввод в эксплуатацию — план'],
      ['Цех', 'ТОО «А»', BIN_A, '10', '01.01.2026', '01.01.2027'],
      ['цех', 'ТОО «Б»', BIN_A, '12', '', ''],
      ['Склад', '', '', '-3', '01.06.2026', '01.01.2026'],
    ];
    const headers = headersOf(rows, 0);
    const mapping = guessMapping(headers);
    const plan = planImport(readRows(rows, 0, mapping), mapping, headers, [], 'aktobe');
    expect(plan.creates).toHaveLength(1);
    expect(plan.rejected.map((r) => [r.row, r.column, r.reason])).toEqual([
      [3, 'A', 'duplicate_in_file'],
      [4, 'B', 'required'],
      [4, 'D', 'negative'],
      [4, 'F', 'before_start'],
    ]);
  });

  it('matches by an id column first and refuses a deleted project', () => {
    const id = '01900000-0000-7000-8000-000000000001';
    const fields = projectFieldsSchema.parse({ title: 'Старое имя', investorName: 'ТОО', regionId: 'aktobe', stage: 'idea', status: 'on_track', tags: [] });
    const rows = [['ID', 'Наименование проекта', 'Инвестор'], [id, 'Новое имя', 'ТОО'], ['not-an-id', 'X', 'Y']];
    const headers = headersOf(rows, 0);
    const mapping = guessMapping(headers);
    const plan = planImport(readRows(rows, 0, mapping), mapping, headers, [{ id, deleted: false, fields }], 'aktobe');
    expect(plan.updates).toEqual([{ row: 2, id, patch: { title: 'Новое имя' } }]);
    expect(plan.rejected.map((r) => [r.row, r.column, r.reason])).toEqual([[3, 'A', 'invalid_id']]);
    const gone = planImport(readRows(rows.slice(0, 2), 0, mapping), mapping, headers, [{ id, deleted: true, fields }], 'aktobe');
    expect(gone.rejected.map((r) => r.reason)).toEqual(['deleted_project']);
  });
});
