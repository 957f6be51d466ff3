// Rendering export documents in Node (the main process, tests, the bench): pdfmake's Node build
// and the DejaVu Serif Condensed files read from disk once.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as pdfmakeModule from 'pdfmake';
import type { ExportDocument } from '../../../shared/export/document.schema';
import { renderDocx } from '../../../shared/export/render-docx';
import { PDF_FONT_FILES, renderPdf, type PdfFontFiles, type PdfMakeLike } from '../../../shared/export/render-pdf';

export type ExportFormat = 'docx' | 'pdf';

export const MIME: Readonly<Record<ExportFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** The folder holding DejaVu's TTF files under `root` (the app's folder; the packaged app passes its resources). */
export function defaultFontDir(root = process.cwd()): string {
  return path.join(root, 'node_modules', 'dejavu-fonts-ttf', 'ttf');
}

let fontsLoaded: Promise<PdfFontFiles> | null = null;

/** Reads the four faces once per process. */
export function loadPdfFonts(dir = defaultFontDir()): Promise<PdfFontFiles> {
  fontsLoaded ??= (async () => {
    const read = (name: string) => readFile(path.join(dir, name)).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
    const [normal, bold, italics, bolditalics] = await Promise.all([read(PDF_FONT_FILES.normal), read(PDF_FONT_FILES.bold), read(PDF_FONT_FILES.italics), read(PDF_FONT_FILES.bolditalics)]);
    return { normal, bold, italics, bolditalics };
  })();
  return fontsLoaded;
}

let pdfmake: PdfMakeLike | null = null;

/** The bytes of `doc` in `format`. */
export async function renderExport(doc: ExportDocument, format: ExportFormat, fontDir?: string): Promise<Uint8Array> {
  if (format === 'docx') return renderDocx(doc);
  // pdfmake's Node entry is CommonJS exporting an instance: the default of its namespace (tsx, vitest, esbuild's bundle).
  pdfmake ??= ((pdfmakeModule as unknown as { default?: PdfMakeLike }).default ?? (pdfmakeModule as unknown as PdfMakeLike));
  return renderPdf(doc, pdfmake, await loadPdfFonts(fontDir));
}
