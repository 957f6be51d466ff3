// The minutes exported to DOCX and PDF in Russian and Kazakh, read back by third-party tools:
// LibreOffice converts each DOCX to PDF, poppler reads the text, fonts and pages.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderExport } from '../../../electron/main/export/render-node.service';
import { DEFAULT_EXPORT_SETTINGS, type ExportSettings } from '../../../shared/export/export-settings';
import { fixtureMinutes, SCRIPT_TEXT } from './fixture';
import { docxPart, flat, pdfFonts, pdfPages, pdfText, sofficeToPdf, tempDir, writeBytes } from './read-back';

const KAZAKH_LETTERS = ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і'];
const DECISIONS = ['1.1.', '1.2.', '2.1.', '2.2.', '3.1.', '3.2.'];

type Files = { docx: string; docxPdf: string; pdf: string };
const dir = tempDir('hattama-export-');
const files: Record<'ru' | 'kk', Files> = {} as Record<'ru' | 'kk', Files>;
let shortPdfPages = 0;
let binding: { docx: string; pdf: string };

beforeAll(async () => {
  const docx: string[] = [];
  for (const lang of ['ru', 'kk'] as const) {
    const doc = fixtureMinutes(lang);
    const d = writeBytes(dir, `minutes-${lang}.docx`, await renderExport(doc, 'docx'));
    const p = writeBytes(dir, `minutes-${lang}.pdf`, await renderExport(doc, 'pdf'));
    files[lang] = { docx: d, pdf: p, docxPdf: '' };
    docx.push(d);
  }
  // Ten people or fewer: no appendix page.
  shortPdfPages = pdfPages(writeBytes(dir, 'short.pdf', await renderExport(fixtureMinutes('ru', { participants: 5 }), 'pdf')));
  // A workspace's own settings: 30 mm left margin, ПОСТАНОВИЛИ, ДСП.
  const settings: ExportSettings = {
    ...DEFAULT_EXPORT_SETTINGS,
    page: { ...DEFAULT_EXPORT_SETTINGS.page, margins: { top: 20, right: 10, bottom: 20, left: 30 }, font: 'Arial', fontSizePt: 13 },
    wording: { ru: { decided: 'ПОСТАНОВИЛИ' }, kk: {} },
    restricted: true,
  };
  const custom = fixtureMinutes('ru', {}, settings);
  binding = { docx: writeBytes(dir, 'binding.docx', await renderExport(custom, 'docx')), pdf: writeBytes(dir, 'binding.pdf', await renderExport(custom, 'pdf')) };
  // One LibreOffice run converts every DOCX.
  const pdfs = sofficeToPdf(docx, dir);
  files.ru.docxPdf = pdfs[0] ?? '';
  files.kk.docxPdf = pdfs[1] ?? '';
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function checkContent(text: string, lang: 'ru' | 'kk') {
  const t = flat(text);
  if (lang === 'kk') for (const letter of KAZAKH_LETTERS) expect(t, letter).toContain(letter);
  expect(t).toContain('₸');
  // Decision numbers in order, each once.
  const at = DECISIONS.map((n) => t.indexOf(` ${n} `));
  for (const i of at) expect(i).toBeGreaterThan(0);
  expect([...at].sort((a, b) => a - b)).toEqual(at);
  if (lang === 'ru') {
    expect(t).toContain('Председательствующий: Асхат Шахаров');
    expect(t).toContain('ПРОТОКОЛ');
    expect(t).toMatch(/СЛУШАЛИ:.*ВЫСТУПИЛИ:.*РЕШИЛИ:/);
    expect(t).toContain('1. О ходе реализации инвестиционного проекта № 1');
    expect(t).toContain('Ответственные: Управление предпринимательства и индустриально-инновационного развития; срок — до 15.02.2026');
    expect(t).toContain('Ответственные: АО «СЭЗ «Актобе»; срок — до 15.03.2026');
    expect(t).toMatch(/Председательствующий _+ Асхат Шахаров Секретарь _+ Айгүл Қаһарманова/);
    expect(t).toContain('Приложение к протоколу № 3 от 12 февраля 2026 года');
  } else {
    expect(t).toContain('Төрағалық етуші: Асхат Шахаров');
    expect(t).toContain('ХАТТАМА');
    expect(t).toMatch(/ТЫҢДАЛДЫ:.*СӨЙЛЕДІ:.*ШЕШТІ:/);
    expect(t).toContain('Жауаптылар: Кәсіпкерлік және индустриялық-инновациялық даму басқармасы; мерзімі — 15.02.2026 дейін');
    expect(t).toMatch(/Төрағалық етуші _+ Асхат Шахаров Хатшы _+ Айгүл Қаһарманова/);
  }
  // Typed markup stays text.
  expect(t).toContain(SCRIPT_TEXT);
}

describe.each(['ru', 'kk'] as const)('minutes in %s', (lang) => {
  it('DOCX read back by LibreOffice has the letters, decisions in order, responsible bodies, deadlines, signatures', () => {
    checkContent(pdfText(files[lang].docxPdf), lang);
  });

  it('PDF embeds its fonts, reads back the same and has the appendix on its own last page', () => {
    const fonts = pdfFonts(files[lang].pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded && f.name.includes('DejaVuSerif'))).toBe(true);
    checkContent(pdfText(files[lang].pdf), lang);
    const pages = pdfPages(files[lang].pdf);
    expect(pages).toBe(shortPdfPages + 1);
    const last = flat(pdfText(files[lang].pdf, { first: pages, last: pages }));
    expect(last).toContain(lang === 'kk' ? 'Қатысқандар тізімі' : 'Список присутствовавших');
    expect(last).toContain('Ұлан Өмірзақов 12');
  });

  it('DOCX is A4 in Times New Roman 14 with margins 20/10/20/20 mm and page numbers', () => {
    const styles = docxPart(files[lang].docx, 'word/styles.xml');
    expect(styles).toMatch(/<w:rFonts w:ascii="Times New Roman"/);
    expect(styles).toContain('<w:sz w:val="28"/>');
    const body = docxPart(files[lang].docx, 'word/document.xml');
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(body).toMatch(/<w:pgMar w:top="1134" w:right="567" w:bottom="1134" w:left="1134"/);
    const header = docxPart(files[lang].docx, 'word/header1.xml') + docxPart(files[lang].docx, 'word/header2.xml');
    expect(header).toContain('PAGE');
  });
});

describe('workspace export settings', () => {
  it('a 30 mm left margin, another font, ПОСТАНОВИЛИ and the ДСП mark reach the DOCX and the PDF', () => {
    const body = docxPart(binding.docx, 'word/document.xml');
    expect(body).toMatch(/<w:pgMar w:top="1134" w:right="567" w:bottom="1134" w:left="1701"/);
    expect(docxPart(binding.docx, 'word/styles.xml')).toMatch(/<w:rFonts w:ascii="Arial"/);
    expect(body).toContain('ПОСТАНОВИЛИ:');
    expect(body).not.toContain('РЕШИЛИ:');
    const text = flat(pdfText(binding.pdf, { first: 1, last: 1 }));
    expect(text.trimStart().startsWith('ДСП')).toBe(true);
    expect(flat(pdfText(binding.pdf))).toContain('ПОСТАНОВИЛИ:');
  });
});
