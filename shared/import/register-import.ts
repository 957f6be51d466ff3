// The import of a project register from a sheet (rows of cells): finding the header row, reading
// each row into project fields with every unreadable cell reported (row, column, reason), and
// planning what the import does — which rows create projects, which update the projects they
// match (an id column, else BIN + title), which are rejected. Pure: the caller reads the file and
// the existing projects and writes the plan through its repository.
import { binIssueOf, checkBin } from '../domain/bin';
import { checkWith } from '../domain/checked';
import { emptyProjectFields, projectFieldsSchema, type ProjectFields, type ProjectFieldsInput } from '../domain/project.schema';
import { uuidV7 } from '../domain/record';
import { cellText, isEmptyCell, readDateCell, readNumberCell, type Cell } from './cells';
import { findDistrict, findOked, findStage, findStatus, findZone, guessMapping, IMPORT_FIELDS, type ColumnMapping, type ImportFieldId } from './fields';

/** One sheet of a workbook: its name and its rows of cells (row 0 is the sheet's row 1). */
export type Sheet = { name: string; rows: Cell[][] };

/** Why a cell or a row was refused; the UI words each (import.reason.*, else validation.*). Schema messages pass through as they are. */
export type RejectReason =
  | 'bin_length' | 'bin_digits' | 'bin_checksum' | 'unreadable_number' | 'invalid_date' | 'unknown_district' | 'unknown_zone' | 'unknown_oked' | 'unknown_stage'
  | 'unknown_status' | 'invalid_id' | 'duplicate_in_file' | 'deleted_project' | (string & {});

/** A refused cell: the sheet's row number (as Excel shows it), the column letter, its header, the text, and why. */
export type Rejection = { row: number; column: string; header: string; field: ImportFieldId | null; value: string; reason: RejectReason };

/** The letter of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function nonEmpty(row: readonly Cell[] | undefined): number {
  let n = 0;
  for (const c of row ?? []) if (!isEmptyCell(c)) n++;
  return n;
}

/**
 * The likely header row (0-based) among the first rows: the one whose cells name the most
 * fields — title rows above it (one merged cell) name none. 0 when no row names two fields.
 */
export function detectHeaderRow(rows: readonly Cell[][], scan = 30): number {
  let best = 0;
  let bestCount = 1;
  for (let r = 0; r < Math.min(rows.length, scan); r++) {
    const row = rows[r] ?? [];
    if (nonEmpty(row) < 2) continue;
    const count = guessMapping(row.map(cellText)).filter((m) => m.field !== null).length;
    if (count > bestCount) {
      best = r;
      bestCount = count;
    }
  }
  return best;
}

/** The header texts of a row (one per column up to the widest row). */
export function headersOf(rows: readonly Cell[][], headerRow: number): string[] {
  const width = Math.max(0, ...rows.slice(headerRow, headerRow + 200).map((r) => r.length));
  const row = rows[headerRow] ?? [];
  return Array.from({ length: width }, (_, i) => cellText(row[i]));
}

/** A data row read into the fields it has a column for. */
export type ReadRow = { row: number; id?: string; fields: Partial<ProjectFieldsInput> };

/** What reading the rows gave: rows read, cells refused, rows skipped as empty or as titles. */
export type ReadResult = { rows: ReadRow[]; rejected: Rejection[]; skipped: { empty: number; titles: number } };

/**
 * Reads the rows below `headerRow` with `mapping`. Empty rows and title rows (one filled cell
 * across a mapped sheet: a merged heading such as «Алгинский район») are skipped; every cell that
 * cannot be read is reported, and a row with any such cell is not read into fields.
 */
export function readRows(rows: readonly Cell[][], headerRow: number, mapping: ColumnMapping, onProgress?: (done: number) => void): ReadResult {
  const headers = headersOf(rows, headerRow);
  const mapped = mapping.map((m, col) => ({ col, field: m.field, scale: m.scale })).filter((m): m is { col: number; field: ImportFieldId; scale: number } => m.field !== null);
  const out: ReadResult = { rows: [], rejected: [], skipped: { empty: 0, titles: 0 } };
  for (let r = headerRow + 1; r < rows.length; r++) {
    if (onProgress && (r & 1023) === 0) onProgress(r);
    const row = rows[r] ?? [];
    const filled = nonEmpty(row);
    if (filled === 0) {
      out.skipped.empty++;
      continue;
    }
    // One filled cell across a sheet of several mapped columns: a heading (often merged over the row).
    if (filled === 1 && mapped.length >= 3) {
      out.skipped.titles++;
      continue;
    }
    const fields: Record<string, unknown> = {};
    let id: string | undefined;
    const bad: Rejection[] = [];
    for (const { col, field, scale } of mapped) {
      const cell = row[col];
      const reject = (reason: RejectReason) => bad.push({ row: r + 1, column: columnLetter(col), header: headers[col] ?? '', field, value: cellText(cell), reason });
      const kind = IMPORT_FIELDS[field].kind;
      if (isEmptyCell(cell)) continue;
      const text = cellText(cell);
      switch (kind) {
        case 'id': {
          if (uuidV7.safeParse(text.toLowerCase()).success) id = text.toLowerCase();
          else reject('invalid_id');
          break;
        }
        case 'text':
          fields[field] = text;
          break;
        case 'bin': {
          // A BIN typed into a number cell loses its leading zeros (a BIN begins with the year: «04…», «00…»):
          // 12 digits are put back for 10 or 11 — fewer is a number too short to be a BIN, and says so.
          const digits = typeof cell === 'number' && Number.isInteger(cell) && cell > 0 && String(cell).length >= 10 ? String(cell).padStart(12, '0') : text;
          const checked = checkBin(digits);
          // The same reason the project card gives: too few/many digits, not only digits, a wrong check digit.
          if (checked.ok) fields[field] = checked.bin;
          else reject(binIssueOf(checked.problem));
          break;
        }
        case 'money':
        case 'number':
        case 'count': {
          const read = readNumberCell(cell);
          if (read.kind !== 'value') reject('unreadable_number');
          else fields[field] = kind === 'money' ? Math.round(read.value * scale * 100) / 100 : read.value;
          break;
        }
        case 'date': {
          const read = readDateCell(cell);
          if (read.kind !== 'value') reject('invalid_date');
          else fields[field] = read.value;
          break;
        }
        case 'district': {
          const found = findDistrict(text);
          if (found) fields[field] = found;
          else reject('unknown_district');
          break;
        }
        case 'zone': {
          const found = findZone(text);
          if (found) fields[field] = found;
          else reject('unknown_zone');
          break;
        }
        case 'oked': {
          const found = findOked(text);
          if (found) fields[field] = found;
          else reject('unknown_oked');
          break;
        }
        case 'stage': {
          const found = findStage(text);
          if (found) fields[field] = found;
          else reject('unknown_stage');
          break;
        }
        case 'status': {
          const found = findStatus(text);
          if (found) fields[field] = found;
          else reject('unknown_status');
          break;
        }
        case 'tags': {
          const tags = text.split(/[;,\n]/).map((t) => t.trim()).filter(Boolean);
          fields[field] = [...new Map(tags.map((t) => [t.toLocaleLowerCase('ru'), t])).values()];
          break;
        }
      }
    }
    if (bad.length > 0) out.rejected.push(...bad);
    else out.rows.push({ row: r + 1, ...(id ? { id } : {}), fields: fields as Partial<ProjectFieldsInput> });
  }
  return out;
}

/** A project already in the register, as matching needs it. */
export type ExistingProject = { id: string; deleted: boolean; fields: ProjectFields };

/** What the import will do. */
export type ImportPlan = {
  creates: { row: number; id?: string; fields: ProjectFields }[];
  updates: { row: number; id: string; patch: Partial<ProjectFields> }[];
  /** Rows that match a project and change nothing in it. */
  unchanged: { row: number; id: string }[];
  rejected: Rejection[];
};

/** The key a project is matched by when no id is given: its BIN and its title, case and spaces aside. */
export function matchKey(bin: string | undefined, title: string): string {
  return `${bin ?? ''}|${title.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim()}`;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Plans the import of read rows into a register. A row matches a project by its id (an id column)
 * or else by BIN + title; a matched row updates only the fields it has columns for, a new one is
 * created with the workspace's region and the defaults of a new project. Each result is checked
 * with the project schema; a refused field is reported at its column. Two rows of the file that
 * match the same project: the later is refused (it would silently overwrite the first).
 */
export function planImport(read: ReadResult, mapping: ColumnMapping, headers: readonly string[], existing: readonly ExistingProject[], regionId: string): ImportPlan {
  const byId = new Map(existing.map((p) => [p.id, p]));
  const byKey = new Map<string, ExistingProject>();
  for (const p of existing) if (!p.deleted) byKey.set(matchKey(p.fields.investorBin, p.fields.title), p);
  const columnOf = new Map<string, number>();
  mapping.forEach((m, col) => {
    if (m.field) columnOf.set(m.field, col);
  });
  const plan: ImportPlan = { creates: [], updates: [], unchanged: [], rejected: [...read.rejected] };
  const seen = new Map<string, number>();
  const reject = (row: number, field: string | null, reason: RejectReason, value = '') => {
    const col = field ? columnOf.get(field) : undefined;
    plan.rejected.push({
      row, field: (field as ImportFieldId | null) ?? null, reason, value,
      column: col === undefined ? '' : columnLetter(col), header: col === undefined ? '' : (headers[col] ?? ''),
    });
  };
  for (const r of read.rows) {
    let target: ExistingProject | undefined;
    if (r.id) {
      target = byId.get(r.id);
      if (target?.deleted) {
        reject(r.row, 'id', 'deleted_project', r.id);
        continue;
      }
    } else if (typeof r.fields.title === 'string') {
      target = byKey.get(matchKey(r.fields.investorBin as string | undefined, r.fields.title));
    }
    const identity = target?.id ?? r.id ?? (typeof r.fields.title === 'string' ? `key:${matchKey(r.fields.investorBin as string | undefined, r.fields.title)}` : `row:${r.row}`);
    const first = seen.get(identity);
    if (first !== undefined) {
      reject(r.row, r.id ? 'id' : 'title', 'duplicate_in_file', String(first));
      continue;
    }
    seen.set(identity, r.row);
    const base: ProjectFieldsInput = target ? target.fields : emptyProjectFields(regionId);
    // Checked here to report each refused field at its column; the repository takes the very result without checking it again.
    const parsed = checkWith(projectFieldsSchema, { ...base, ...r.fields });
    if (!parsed.success) {
      const reported = new Set<string>();
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (reported.has(field)) continue;
        reported.add(field);
        const value = (r.fields as Record<string, unknown>)[field];
        reject(r.row, field || null, issue.message, value === undefined ? '' : String(value));
      }
      continue;
    }
    if (!target) {
      plan.creates.push({ row: r.row, ...(r.id ? { id: r.id } : {}), fields: parsed.data });
      continue;
    }
    const patch: Record<string, unknown> = {};
    for (const key of Object.keys(r.fields)) {
      const next = (parsed.data as Record<string, unknown>)[key];
      if (!sameValue(next, (target.fields as Record<string, unknown>)[key])) patch[key] = next;
    }
    if (Object.keys(patch).length === 0) plan.unchanged.push({ row: r.row, id: target.id });
    else plan.updates.push({ row: r.row, id: target.id, patch: patch as Partial<ProjectFields> });
  }
  plan.rejected.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
  return plan;
}
