// Reads an uploaded register file into sheets of plain cells: .xlsx (.xlsm) with ExcelJS (formulas
// give their result, rich text its text, the cells of a merged range other than its first are
// empty so a merged title row is one cell), .csv (.tsv) as text in UTF-8 or Windows-1251. Any
// other extension (.txt included) is refused before a byte is read: shared/import/file-kind.ts.
// Runs in the import worker (and in Node for tests): no DOM.
import ExcelJS from 'exceljs';
import type { Cell } from '@shared/import/cells';
import { readCsv } from '@shared/import/csv';
import { registerFileKind } from '@shared/import/file-kind';
import type { Sheet } from '@shared/import/register-import';

/** What a register file holds, and how it was read. */
export type ReadFile = { sheets: Sheet[]; encoding?: string; separator?: string };

/** The file is not a spreadsheet the import reads. */
export class UnreadableFileError extends Error {
  constructor(readonly reason: 'format' | 'xls' | 'damaged' | 'empty') {
    super(`Unreadable register file: ${reason}`);
    this.name = 'UnreadableFileError';
  }
}

function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return plainCell((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return null;
}

type MergeModel = { model?: { top: number; left: number; bottom: number; right: number } };

/** Reads an .xlsx workbook's sheets. */
export async function readXlsx(bytes: Uint8Array): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw new UnreadableFileError('damaged');
  }
  return workbook.worksheets.map((ws) => {
    const values = ws.getSheetValues() as (ExcelJS.CellValue[] | undefined)[];
    const rows: Cell[][] = [];
    for (let r = 1; r < values.length; r++) {
      const src = values[r];
      const row: Cell[] = [];
      if (src) for (let c = 1; c < src.length; c++) row.push(plainCell(src[c]));
      rows.push(row);
    }
    // Every cell of a merged range but its first reads as the first's value: empty them.
    const merges = (ws as unknown as { _merges?: Record<string, MergeModel> })._merges ?? {};
    for (const m of Object.values(merges)) {
      const box = m.model;
      if (!box) continue;
      for (let r = box.top; r <= box.bottom; r++) {
        const row = rows[r - 1];
        if (!row) continue;
        for (let c = box.left; c <= box.right; c++) if ((r !== box.top || c !== box.left) && c - 1 < row.length) row[c - 1] = null;
      }
    }
    return { name: ws.name, rows };
  });
}

/** Reads a register file by its name's extension: .xlsx/.xlsm or .csv/.tsv; any other is refused. */
export async function readRegisterFile(name: string, bytes: Uint8Array): Promise<ReadFile> {
  const kind = registerFileKind(name);
  if (kind === null) throw new UnreadableFileError('format');
  if (kind === 'xls') throw new UnreadableFileError('xls');
  if (bytes.byteLength === 0) throw new UnreadableFileError('empty');
  if (kind === 'csv') {
    const { rows, encoding, separator } = readCsv(bytes);
    return { sheets: [{ name: name.replace(/\.[^.]+$/, ''), rows }], encoding, separator };
  }
  const sheets = await readXlsx(bytes);
  if (sheets.length === 0) throw new UnreadableFileError('empty');
  return { sheets };
}
