// Reading a CSV register: its encoding (UTF-8 with or without BOM, else Windows-1251 — what
// Excel on a Russian Windows saves as «CSV (разделители — запятые)»), its separator (; , or tab)
// and its quoted fields (RFC 4180: "" inside quotes, line breaks inside quotes).

export type CsvEncoding = 'utf-8' | 'windows-1251';

/**
 * Decodes a CSV file's bytes: a UTF-8 BOM or bytes that are valid UTF-8 mean UTF-8; anything
 * else is taken as Windows-1251 (every byte is a character there, so nothing is lost).
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
  }
}

/** Splits CSV text into rows of fields with a given separator. */
export function splitCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
      i++;
    } else if (ch === separator) {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * The separator of a CSV text: of ; , and tab, the one that splits its first lines into the most
 * equal, widest rows (a «1,2 млрд» in a ;-separated file does not make it comma-separated).
 */
export function detectSeparator(text: string): string {
  const sample = text.slice(0, 64 * 1024);
  let best = ';';
  let bestScore = -1;
  for (const sep of [';', ',', '\t']) {
    const rows = splitCsv(sample, sep).filter((r) => r.some((f) => f.trim() !== '')).slice(0, 30);
    if (rows.length === 0) continue;
    const widths = rows.map((r) => r.length);
    const counts = new Map<number, number>();
    for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
    const [mode = 1, agree = 0] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [];
    if (mode < 2) continue;
    const score = agree * 1000 + mode;
    if (score > bestScore) {
      best = sep;
      bestScore = score;
    }
  }
  return best;
}

/** A CSV file as rows of text fields, with the encoding and separator it was read with. */
export function readCsv(bytes: Uint8Array): { rows: string[][]; encoding: CsvEncoding; separator: string } {
  const { text, encoding } = decodeCsv(bytes);
  const separator = detectSeparator(text);
  return { rows: splitCsv(text, separator), encoding, separator };
}
