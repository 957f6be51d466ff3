// Reading exports back with third-party tools: LibreOffice (DOCX → PDF), poppler (text, fonts,
// pages), unzip (the DOCX's XML). Each caller gets its own LibreOffice profile so runs in parallel
// do not share one.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Converts DOCX files to PDF with one LibreOffice run (a fresh profile in `dir`, output in `dir`/lo-out); returns the PDFs' paths. */
export function sofficeToPdf(docxPaths: string[], dir: string): string[] {
  const profile = path.join(dir, 'lo-profile');
  const out = path.join(dir, 'lo-out');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...docxPaths], { stdio: 'pipe', timeout: 120_000 });
  return docxPaths.map((p) => path.join(out, `${path.basename(p, '.docx')}.pdf`));
}

export function pdfText(pdfPath: string, pages?: { first: number; last: number }): string {
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return execFileSync('pdftotext', ['-layout', ...range, pdfPath, '-'], { encoding: 'utf8' });
}

/** The text inside a rectangle of every page, in points from the top left (e.g. one column of a two-column page). */
export function pdfTextIn(pdfPath: string, area: { x: number; y: number; width: number; height: number }): string {
  const box = ['-x', String(Math.round(area.x)), '-y', String(Math.round(area.y)), '-W', String(Math.round(area.width)), '-H', String(Math.round(area.height))];
  return execFileSync('pdftotext', ['-layout', '-r', '72', ...box, pdfPath, '-'], { encoding: 'utf8' });
}

export function pdfPages(pdfPath: string): number {
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/** The fonts of a PDF: name and whether it is embedded. */
export function pdfFonts(pdfPath: string): { name: string; embedded: boolean }[] {
  const out = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
  return out.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name … emb sub uni objectId gen: emb is the 5th column from the end.
    return { name: cols[0] ?? '', embedded: cols[cols.length - 5] === 'yes' };
  });
}

/** A part of a DOCX (zip) as text, e.g. 'word/document.xml'. */
export function docxPart(docxPath: string, part: string): string {
  return execFileSync('unzip', ['-p', docxPath, part], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export function writeBytes(dir: string, name: string, bytes: Uint8Array): string {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

export function readBytes(p: string): Uint8Array {
  return new Uint8Array(readFileSync(p));
}

/** Whitespace collapsed (pdftotext lays words out with runs of spaces and breaks lines, also after a word's hyphen); non-breaking hyphens as hyphens. */
export function flat(text: string): string {
  return text.replace(/\u2011/g, '-').replace(/(\p{L})-[ \t]*\n\s*/gu, '$1-').replace(/\s+/g, ' ');
}
