// The browser host's export worker: renders an export document to DOCX or PDF off the page's
// thread — the same renderers as the desktop's main process, pdfmake's browser build, and the
// DejaVu Serif Condensed files fetched from the app's own assets.
import pdfmake from 'pdfmake';
import normalUrl from 'dejavu-fonts-ttf/ttf/DejaVuSerifCondensed.ttf?url';
import boldUrl from 'dejavu-fonts-ttf/ttf/DejaVuSerifCondensed-Bold.ttf?url';
import italicsUrl from 'dejavu-fonts-ttf/ttf/DejaVuSerifCondensed-Italic.ttf?url';
import bolditalicsUrl from 'dejavu-fonts-ttf/ttf/DejaVuSerifCondensed-BoldItalic.ttf?url';
import { exportDocumentSchema } from '@shared/export/document.schema';
import { renderDocx } from '@shared/export/render-docx';
import { renderPdf, type PdfFontFiles, type PdfMakeLike } from '@shared/export/render-pdf';

export type ExportRequest = { id: number; document: unknown; format: 'docx' | 'pdf' };
export type ExportReply = { id: number; bytes: Uint8Array } | { id: number; error: string };

let fonts: Promise<PdfFontFiles> | null = null;
function loadFonts(): Promise<PdfFontFiles> {
  const get = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());
  fonts ??= Promise.all([get(normalUrl), get(boldUrl), get(italicsUrl), get(bolditalicsUrl)]).then(([normal, bold, italics, bolditalics]) => ({ normal, bold, italics, bolditalics }));
  return fonts;
}

self.onmessage = async (e: MessageEvent<ExportRequest>) => {
  const { id, format } = e.data;
  try {
    const doc = exportDocumentSchema.parse(e.data.document);
    const bytes = format === 'docx' ? await renderDocx(doc) : await renderPdf(doc, pdfmake as unknown as PdfMakeLike, await loadFonts());
    (self as unknown as Worker).postMessage({ id, bytes } satisfies ExportReply, [bytes.buffer]);
  } catch (err) {
    fonts = null;
    (self as unknown as Worker).postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies ExportReply);
  }
};
