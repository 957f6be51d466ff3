// Which files the register import reads, told by the name's extension: an Excel workbook (.xlsx,
// and .xlsm — the same format with macros, which are never run) or a delimited table (.csv, and
// .tsv — the CSV reader finds «;», «,» or a tab by itself). Anything else — a .txt, a .docx, a
// .pdf — is refused before it is read; the old binary .xls is named so the clerk can re-save it.

/** How a register file is read; `xls` is recognised only to be refused with its own message. */
export type RegisterFileKind = 'xlsx' | 'csv' | 'xls';

/** The file picker's filter (the `accept` attribute): what the import reads. */
export const REGISTER_FILE_ACCEPT = '.xlsx,.xlsm,.csv,.tsv';

/** The kind of a register file by its name, or null when the import does not read such files. */
export function registerFileKind(name: string): RegisterFileKind | null {
  const ext = /\.([^./\\]+)$/.exec(name.trim().toLowerCase())?.[1];
  switch (ext) {
    case 'xlsx':
    case 'xlsm':
      return 'xlsx';
    case 'csv':
    case 'tsv':
      return 'csv';
    case 'xls':
      return 'xls';
    default:
      return null;
  }
}
