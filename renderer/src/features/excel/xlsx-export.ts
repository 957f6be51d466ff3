// Export of a table to .xlsx (ExcelJS, loaded on demand): a bold, frozen header row with an
// autofilter, column widths, tenge and thousands formats on number cells, real date cells
// (DD.MM.YYYY), and a totals row of SUM formulas (with their values, for readers that do not
// calculate). The board and the assignments table each describe their sheet here.
import type { TFunction } from 'i18next';
import type { Lang } from '@shared/locale/lang';
import type { ControlState } from '@shared/domain/decisions';
import { columnLetter } from '@shared/import/register-import';
import type { BoardRow } from '../../db/db';

/** How a column's cells are written. */
export type XlsxKind = 'text' | 'tenge' | 'int' | 'date' | 'datetime';
export type XlsxColumn = { header: string; kind: XlsxKind; width: number; sum?: boolean };
export type XlsxValue = string | number | Date | null;
/** One sheet: its columns, its rows, the label of its totals row (none when absent). */
export type XlsxSheet = { name: string; columns: XlsxColumn[]; rows: XlsxValue[][]; totalLabel?: string };

/** Number formats: tenge with thousands separators, whole numbers, dates as Kazakhstan writes them. */
export const NUMBER_FORMATS: Record<XlsxKind, string | undefined> = {
  text: undefined,
  tenge: '#,##0 "₸"',
  int: '#,##0',
  date: 'dd.mm.yyyy',
  datetime: 'dd.mm.yyyy hh:mm',
};

/** The date cell of an ISO date (UTC midnight: Excel has no zones, and readers take the UTC day). */
export function dateCell(iso: string | undefined | null): Date | null {
  if (!iso) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** An instant as a date-time cell showing Kazakhstan's wall clock (UTC+5). */
function instantCell(iso: string | undefined): Date | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + 5 * 3_600_000);
}

/** The workbook's bytes for one or more sheets. */
export async function buildXlsx(sheets: readonly XlsxSheet[]): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Hattama';
  wb.created = new Date();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = spec.columns.map((c) => ({ width: c.width, ...(NUMBER_FORMATS[c.kind] ? { style: { numFmt: NUMBER_FORMATS[c.kind] as string } } : {}) }));
    const header = ws.addRow(spec.columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.eachCell((cell) => {
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9EEF5' } };
      cell.border = { bottom: { style: 'thin' } };
    });
    for (const values of spec.rows) ws.addRow(values);
    const last = spec.rows.length + 1;
    if (spec.totalLabel !== undefined) {
      const totals = spec.columns.map((c, i): ExcelJSCell => {
        if (i === 0) return spec.totalLabel ?? '';
        if (!c.sum) return null;
        const col = columnLetter(i);
        const result = spec.rows.reduce((s, r) => s + (typeof r[i] === 'number' ? (r[i] as number) : 0), 0);
        return { formula: spec.rows.length > 0 ? `SUM(${col}2:${col}${last})` : '0', result };
      });
      const row = ws.addRow(totals);
      row.font = { bold: true };
      row.eachCell((cell) => {
        cell.border = { top: { style: 'thin' } };
      });
    }
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, last), column: spec.columns.length } };
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
type ExcelJSCell = string | number | null | { formula: string; result: number };

/** Board columns as written to Excel: how each is read from a board row. */
const BOARD_CELLS: Record<string, { kind: XlsxKind; width: number; sum?: boolean; value: (r: BoardRow, label: (facet: string, v: string) => string) => XlsxValue }> = {
  title: { kind: 'text', width: 48, value: (r) => r.title },
  investorName: { kind: 'text', width: 36, value: (r) => r.investorName },
  investorBin: { kind: 'text', width: 15, value: (r) => r.investorBin ?? null },
  stage: { kind: 'text', width: 20, value: (r, l) => l('stage', r.stage) },
  status: { kind: 'text', width: 16, value: (r, l) => l('status', r.status) },
  districtId: { kind: 'text', width: 26, value: (r, l) => (r.districtId ? l('districtId', r.districtId) : null) },
  okedSection: { kind: 'text', width: 30, value: (r, l) => (r.okedSection ? l('okedSection', r.okedSection) : null) },
  zoneId: { kind: 'text', width: 28, value: (r, l) => (r.zoneId ? l('zoneId', r.zoneId) : null) },
  investmentTenge: { kind: 'tenge', width: 22, sum: true, value: (r) => r.investmentTenge ?? null },
  jobsPermanentPlanned: { kind: 'int', width: 14, sum: true, value: (r) => r.jobsPermanentPlanned ?? null },
  jobsPermanentCreated: { kind: 'int', width: 14, sum: true, value: (r) => r.jobsPermanentCreated ?? null },
  jobsConstructionPlanned: { kind: 'int', width: 14, sum: true, value: (r) => r.jobsConstructionPlanned ?? null },
  jobsConstructionCreated: { kind: 'int', width: 14, sum: true, value: (r) => r.jobsConstructionCreated ?? null },
  plannedCommissioningDate: { kind: 'date', width: 14, value: (r) => dateCell(r.plannedCommissioningDate) },
  openBarriers: { kind: 'int', width: 12, sum: true, value: (r) => r.openBarriers },
  updatedAt: { kind: 'datetime', width: 18, value: (r) => instantCell(r.updatedAt) },
};

/**
 * The board as a sheet: the rows the filters leave, in the board's order, the visible columns in
 * their order (headers as the board names them), and a totals row.
 */
export function boardSheet(rows: readonly BoardRow[], columns: readonly string[], t: TFunction, facetText: (facet: string, value: string) => string): XlsxSheet {
  const cols = columns.filter((c) => c in BOARD_CELLS);
  return {
    name: t('excel.boardSheet'),
    columns: cols.map((c) => {
      const def = BOARD_CELLS[c] as (typeof BOARD_CELLS)[string];
      return { header: t(`columns.${c}`), kind: def.kind, width: def.width, ...(def.sum ? { sum: true } : {}) };
    }),
    rows: rows.map((r) => cols.map((c) => (BOARD_CELLS[c] as (typeof BOARD_CELLS)[string]).value(r, facetText))),
    totalLabel: `${t('excel.total')}: ${rows.length}`,
  };
}

/** What the assignments sheet reads of a control-table row. */
export type AssignmentLine = { reference: string; text: string; responsible: readonly string[]; deadline: string; status: string; state: ControlState; projects: readonly string[] };

/** The assignments table as a sheet: reference, text, responsible bodies, deadline (text and date), status, days overdue, projects; totals. */
export function assignmentsSheet(
  rows: readonly AssignmentLine[],
  words: { columns: Record<'reference' | 'text' | 'responsible' | 'deadline' | 'status' | 'daysLeft' | 'projects', string>; due: string; overdueDays: string; sheet: string; total: string },
  lang: Lang,
): XlsxSheet {
  void lang;
  return {
    name: words.sheet,
    columns: [
      { header: words.columns.reference, kind: 'text', width: 34 },
      { header: words.columns.text, kind: 'text', width: 70 },
      { header: words.columns.responsible, kind: 'text', width: 36 },
      { header: words.columns.deadline, kind: 'text', width: 24 },
      { header: words.due, kind: 'date', width: 14 },
      { header: words.columns.status, kind: 'text', width: 16 },
      { header: words.columns.daysLeft, kind: 'int', width: 12 },
      { header: words.overdueDays, kind: 'int', width: 14, sum: true },
      { header: words.columns.projects, kind: 'text', width: 40 },
    ],
    rows: rows.map((r) => [
      r.reference, r.text, r.responsible.join('; '), r.deadline, dateCell(r.state.due), r.status,
      r.state.active && r.state.daysLeft !== null ? r.state.daysLeft : null,
      r.state.overdue && r.state.daysLeft !== null ? -r.state.daysLeft : null,
      r.projects.join('; '),
    ]),
    totalLabel: `${words.total}: ${rows.length}`,
  };
}
