// The minutes in both languages as one document in two columns, exported to DOCX and PDF and read
// back by third-party tools: LibreOffice converts the DOCX to PDF, poppler reads the text (with its
// layout, so the two columns of a line stay on one line), the fonts and the pages.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderExport } from '../../../electron/main/export/render-node.service';
import { buildBilingualMinutesDocument } from '../../../shared/export/minutes-document';
import { exportDocumentSchema } from '../../../shared/export/document.schema';
import { fixtureExportInput, fixtureMinutes, SCRIPT_TEXT } from './fixture';
import { docxPart, flat, pdfFonts, pdfPages, pdfText, pdfTextIn, sofficeToPdf, tempDir, writeBytes } from './read-back';

const KAZAKH_LETTERS = ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і'];
const DECISIONS = ['1.1', '1.2', '2.1', '2.2', '3.1', '3.2'];

const dir = tempDir('hattama-bilingual-');
let docx = '';
let docxPdf = '';
let pdf = '';
let singlePages = 0;

beforeAll(async () => {
  // What the bridge carries: the model, checked.
  const doc = exportDocumentSchema.parse(buildBilingualMinutesDocument(fixtureExportInput('ru'), fixtureExportInput('kk')));
  docx = writeBytes(dir, `${doc.fileStem}.docx`, await renderExport(doc, 'docx'));
  pdf = writeBytes(dir, 'bilingual.pdf', await renderExport(doc, 'pdf'));
  singlePages = pdfPages(writeBytes(dir, 'single-kk.pdf', await renderExport(fixtureMinutes('kk'), 'pdf')));
  [docxPdf = ''] = sofficeToPdf([docx], dir);
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The lines of the text laid out as on the page. */
function lines(text: string): string[] {
  return text.split('\n');
}

/** Index of the first line matching, from `from`. */
function lineOf(ls: string[], re: RegExp, from = 0): number {
  for (let i = from; i < ls.length; i++) if (re.test(ls[i] ?? '')) return i;
  return -1;
}

/** A4 in points, and where the two columns part: the left margin (20 mm) plus half the text width (A4 less 20 and 10 mm). */
const PAGE = { width: 595, height: 842 };
const SPLIT = (20 + (210 - 30) / 2) * (72 / 25.4);

/** The text of each column of every page, read from its half of the page. */
function columnsOf(pdfPath: string): [string, string] {
  return [
    flat(pdfTextIn(pdfPath, { x: 0, y: 0, width: SPLIT, height: PAGE.height })),
    flat(pdfTextIn(pdfPath, { x: SPLIT, y: 0, width: PAGE.width - SPLIT, height: PAGE.height })),
  ];
}

function checkTwoColumns(pdfPath: string) {
  const text = pdfText(pdfPath);
  const ls = lines(text);
  const t = flat(text);
  for (const letter of KAZAKH_LETTERS) expect(t, letter).toContain(letter);
  expect(t).toContain('₸');
  // Each heading has its counterpart on the same line, Russian at the left.
  for (const [ru, kk] of [['ПРОТОКОЛ', 'ХАТТАМА'], ['ПОВЕСТКА ДНЯ:', 'КҮН ТӘРТІБІ:']] as const) {
    expect(ls.some((l) => l.includes(ru) && l.includes(kk) && l.indexOf(ru) < l.indexOf(kk)), `${ru} | ${kk}`).toBe(true);
  }
  for (const [ru, kk] of [['СЛУШАЛИ:', 'ТЫҢДАЛДЫ:'], ['ВЫСТУПИЛИ:', 'СӨЙЛЕДІ:'], ['РЕШИЛИ:', 'ШЕШТІ:']] as const) {
    const both = ls.filter((l) => l.includes(ru) && l.includes(kk) && l.indexOf(ru) < l.indexOf(kk));
    expect(both, `${ru} | ${kk}`).toHaveLength(3);
  }
  expect(ls.some((l) => /Председательствующий:.*Төрағалық етуші:/.test(l))).toBe(true);
  expect(ls.some((l) => /^\s*Председательствующий\s{2,}Төрағалық етуші\s*$/.test(l))).toBe(true);
  // Sections in order: the agenda, then per item heard → spoke → decided, the signatures last before the appendix.
  let at = lineOf(ls, /ПОВЕСТКА ДНЯ:/);
  for (let i = 0; i < 3; i++) {
    for (const re of [/СЛУШАЛИ:.*ТЫҢДАЛДЫ:/, /ВЫСТУПИЛИ:.*СӨЙЛЕДІ:/, /РЕШИЛИ:.*ШЕШТІ:/]) {
      const next = lineOf(ls, re, at + 1);
      expect(next, `${re} of item ${i + 1}`).toBeGreaterThan(at);
      at = next;
    }
  }
  expect(lineOf(ls, /^\s*Председательствующий\s{2,}Төрағалық етуші/, at)).toBeGreaterThan(at);
  // Decision numbers in order, each standing level with its Kazakh counterpart.
  const numbered = ls.map((l) => [...l.matchAll(/(?:^|\s)(\d\.\d)\.\s/g)].map((m) => m[1])).filter((m) => m.length > 0 && DECISIONS.includes(m[0] ?? ''));
  expect(numbered).toEqual(DECISIONS.map((n) => [n, n]));
  // Each column read on its own holds its language's decisions whole, with bodies and deadlines.
  const [left, right] = columnsOf(pdfPath);
  expect(left).toContain('1.1. Обеспечить подключение объекта № 1.1 к газу и электроэнергии Ответственные: Управление предпринимательства и индустриально-инновационного развития; срок — до 15.02.2026');
  expect(left).toContain('Ответственные: АО «СЭЗ «Актобе»; срок — до 15.03.2026');
  expect(right).toContain('1.1. № 1.1 нысанды газға және электр энергиясына қосуды қамтамасыз ету (әғқңөұүһі) Жауаптылар: Кәсіпкерлік және индустриялық-инновациялық даму басқармасы; мерзімі — 15.02.2026 дейін');
  expect(right).toContain('Жауаптылар: «Ақтөбе» АЭА» АҚ; мерзімі — 15.03.2026 дейін');
  expect(left).not.toMatch(/ТЫҢДАЛДЫ|ШЕШТІ|Жауаптылар/);
  expect(right).not.toMatch(/СЛУШАЛИ|РЕШИЛИ|Ответственные/);
  expect(t).toContain('Список присутствовавших / Қатысқандар тізімі');
  // Typed markup stays text.
  expect(t).toContain(SCRIPT_TEXT);
}

describe('minutes in two columns', () => {
  it('DOCX read back by LibreOffice has both languages side by side, heading by heading and decision by decision', () => {
    checkTwoColumns(docxPdf);
  });

  it('DOCX lays the columns in a fixed borderless two-column table whose short rows do not split, in Times New Roman 14', () => {
    const body = docxPart(docx, 'word/document.xml');
    expect(body).toContain('<w:tblLayout w:type="fixed"/>');
    expect(body).toMatch(/<w:tblGrid><w:gridCol w:w="(\d+)"\/><w:gridCol w:w="\1"\/><\/w:tblGrid>/);
    expect(body).toContain('<w:cantSplit/>');
    expect(body).toMatch(/<w:pgMar w:top="1134" w:right="567" w:bottom="1134" w:left="1134"/);
    expect(docxPart(docx, 'word/styles.xml')).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    expect(docxPart(docx, 'word/header1.xml') + docxPart(docx, 'word/header2.xml')).toContain('PAGE');
  });

  it('PDF embeds its fonts, has the same two columns, page numbers from page 2 and a sane page count', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded && f.name.includes('DejaVuSerif'))).toBe(true);
    checkTwoColumns(pdf);
    const pages = pdfPages(pdf);
    // Two half-width columns of the longer (Kazakh) text: longer than it, never twice as long and more.
    expect(pages).toBeGreaterThan(singlePages);
    expect(pages).toBeLessThanOrEqual(2 * singlePages);
    expect(flat(pdfText(pdf, { first: 2, last: 2 })).trimStart().startsWith('2 ')).toBe(true);
    expect(flat(pdfText(pdf, { first: pages, last: pages }))).toContain('Ұлан Өмірзақов 12');
  });
});
