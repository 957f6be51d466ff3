// The signatures of the minutes stay together, with the last decision they follow, wherever the
// page ends: the minutes are padded line by line over a whole page; in every exported PDF the page
// with the secretary's signature also holds the chairman's and the end of the last decision, and
// in every DOCX (read back by LibreOffice) the two signatures are on one page.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderExport } from '../../../electron/main/export/render-node.service';
import type { ExportDocument } from '../../../shared/export/document.schema';
import { fixtureMinutes } from './fixture';
import { docxPart, pdfPages, pdfText, sofficeToPdf, tempDir, writeBytes } from './read-back';

/** Padding lines tried: a page of 14-point text holds fewer. */
const PADDING = Array.from({ length: 46 }, (_, i) => i);
const dir = tempDir('hattama-signatures-');
const docxPdfs: string[] = [];
const pdfs: string[] = [];
let lastDecision = '';

/** The minutes (no appendix) with `n` one-line paragraphs put before the last decision. */
function padded(n: number): ExportDocument {
  const doc = fixtureMinutes('ru', { participants: 5 });
  const at = doc.blocks.findIndex((b) => b.type === 'signatures');
  const before = doc.blocks[at - 1];
  if (before?.type !== 'decision') throw new Error('the fixture’s signatures follow a decision');
  lastDecision = before.runs.map((r) => r.text).join('');
  const filler = Array.from({ length: n }, (_, i) => ({ type: 'paragraph' as const, runs: [{ text: `Строка ${i + 1}.` }] }));
  return { ...doc, blocks: [...doc.blocks.slice(0, at - 1), ...filler, ...doc.blocks.slice(at - 1)] };
}

beforeAll(async () => {
  const docx: string[] = [];
  for (const n of PADDING) {
    const doc = padded(n);
    docx.push(writeBytes(dir, `m-${n}.docx`, await renderExport(doc, 'docx')));
    pdfs.push(writeBytes(dir, `m-${n}.pdf`, await renderExport(doc, 'pdf')));
  }
  docxPdfs.push(...sofficeToPdf(docx, dir));
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What is wrong with the page the secretary signs on, or '' when it holds the chairman's signature and the end of the last decision. */
function signaturePage(pdf: string): string {
  const pages = Array.from({ length: pdfPages(pdf) }, (_, i) => pdfText(pdf, { first: i + 1, last: i + 1 }).replace(/\s+/g, ' '));
  const at = pages.findIndex((p) => /Секретарь _{3,}/.test(p));
  if (at < 0) return 'no secretary’s signature';
  const page = pages[at] ?? '';
  const end = lastDecision.split(' ').slice(-2).join(' ');
  if (!/Председательствующий _{3,}/.test(page)) return `page ${at + 1} of ${pages.length}: the chairman’s signature is not on it`;
  if (!page.includes(end)) return `page ${at + 1} of ${pages.length}: the signatures are without the end of the last decision («${end}»)`;
  return '';
}

describe('the signatures of the minutes, wherever the page ends', () => {
  it('are never split over two pages in the DOCX (read by LibreOffice), and are kept with the last decision', () => {
    const pageCounts = new Set(docxPdfs.map(pdfPages));
    // The padding crosses a page end: the check meets the place where the signatures fall.
    expect(pageCounts.size).toBeGreaterThan(1);
    const split = PADDING.map((n, i) => [n, signaturePage(docxPdfs[i] ?? '')]).filter(([, e]) => /chairman/.test(String(e)));
    expect(split).toEqual([]);
    // Keep-with-next from the last decision's paragraphs to the signatures (one paragraph kept
    // whole): Word moves them to the next page together. LibreOffice does not always honour it —
    // at some page ends it sets the signatures alone on the next page — so it is checked in the XML.
    const xml = docxPart(join(dir, 'm-0.docx'), 'word/document.xml');
    const paragraphs = xml.split('<w:p>').slice(1);
    const sig = paragraphs.findIndex((p) => p.includes('Председательствующий</w:t>') && p.includes('Секретарь</w:t>'));
    expect(sig).toBeGreaterThan(1);
    expect(paragraphs[sig]).toContain('<w:keepLines/>');
    expect(paragraphs[sig - 1]).toContain('<w:keepNext/>'); // the decision's «Ответственные: …; срок — …»
    expect(paragraphs[sig - 2]).toContain('<w:keepNext/>'); // the decision
    expect(paragraphs[sig - 2]).toContain(lastDecision);
  });

  it('are on one page with the end of the last decision in the PDF', () => {
    expect(new Set(pdfs.map(pdfPages)).size).toBeGreaterThan(1);
    expect(PADDING.map((n, i) => [n, signaturePage(pdfs[i] ?? '')]).filter(([, e]) => e !== '')).toEqual([]);
  });
});
