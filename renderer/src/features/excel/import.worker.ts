// The import's worker: reads the uploaded file (ExcelJS, CSV) and checks its rows off the page's
// thread, so a 10,000-row register keeps the page responsive and shows progress.
import type { ColumnMapping } from '@shared/import/fields';
import { headersOf, planImport, readRows, type ExistingProject, type ImportPlan, type Sheet } from '@shared/import/register-import';
import type { Cell } from '@shared/import/cells';
import { readRegisterFile, UnreadableFileError } from './read-file';

/** A sheet as the wizard shows it: its name, its size and its first rows. */
export type SheetSummary = { name: string; rowCount: number; head: Cell[][] };

export type ImportRequest =
  | { id: number; kind: 'read'; name: string; bytes: Uint8Array }
  | { id: number; kind: 'plan'; sheet: number; headerRow: number; mapping: ColumnMapping; existing: ExistingProject[]; regionId: string };

export type PlanResult = { plan: ImportPlan; skipped: { empty: number; titles: number } };
export type ReadResult = { sheets: SheetSummary[]; encoding?: string; separator?: string };

export type ImportReply =
  | { id: number; kind: 'progress'; done: number; total: number }
  | { id: number; kind: 'read'; result: ReadResult }
  | { id: number; kind: 'plan'; result: PlanResult }
  | { id: number; kind: 'error'; error: string; reason?: UnreadableFileError['reason'] };

/** Rows of each sheet the wizard shows to pick the header row and map the columns. */
export const HEAD_ROWS = 60;

let sheets: Sheet[] = [];
const post = (reply: ImportReply) => (self as unknown as Worker).postMessage(reply);

self.onmessage = async (e: MessageEvent<ImportRequest>) => {
  const req = e.data;
  try {
    if (req.kind === 'read') {
      const file = await readRegisterFile(req.name, req.bytes);
      sheets = file.sheets;
      post({
        id: req.id, kind: 'read',
        result: {
          sheets: sheets.map((s) => ({ name: s.name, rowCount: s.rows.length, head: s.rows.slice(0, HEAD_ROWS) })),
          ...(file.encoding ? { encoding: file.encoding } : {}), ...(file.separator ? { separator: file.separator } : {}),
        },
      });
      return;
    }
    const sheet = sheets[req.sheet];
    if (!sheet) throw new Error('No such sheet');
    const total = sheet.rows.length;
    const read = readRows(sheet.rows, req.headerRow, req.mapping, (done) => post({ id: req.id, kind: 'progress', done, total }));
    const plan = planImport(read, req.mapping, headersOf(sheet.rows, req.headerRow), req.existing, req.regionId);
    post({ id: req.id, kind: 'plan', result: { plan, skipped: read.skipped } });
  } catch (err) {
    post({ id: req.id, kind: 'error', error: err instanceof Error ? err.message : String(err), ...(err instanceof UnreadableFileError ? { reason: err.reason } : {}) });
  }
};
