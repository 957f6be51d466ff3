// Extracts, project passports and the briefing pack, in Russian and Kazakh, as DOCX and PDF, read
// back by third-party tools: one LibreOffice run converts every DOCX, poppler reads text and fonts.
// The passport and the pack are built from stored-like records (register-input.ts), so what a clerk
// keeps in the register is what the pages print.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderExport } from '../../../electron/main/export/render-node.service';
import type { ExportDocument } from '../../../shared/export/document.schema';
import { buildExtractDocuments } from '../../../shared/export/extract-document';
import { buildPackDocument, buildPassportDocument } from '../../../shared/export/pack-document';
import { packInput, passportInput } from '../../../shared/export/register-input';
import { fixtureExportInput, ORGS } from './fixture';
import { MARKUP_TITLE, MEETING_NEXT, PROJECT_A, projects, registerSource, stats } from './register-fixture';
import { flat, pdfFonts, pdfPages, pdfText, sofficeToPdf, tempDir, writeBytes } from './read-back';

const KAZAKH_LETTERS = ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і'];
type Langs = 'ru' | 'kk';
type Read = { pdf: string; docx: string; docxPdf: string; pdfText: string; docxText: string; pages: number };

const dir = tempDir('hattama-register-export-');
const out: Record<string, Read> = {};
const extractCount: Record<Langs, number> = { ru: 0, kk: 0 };

function documents(lang: Langs): Record<string, ExportDocument> {
  const src = registerSource(lang);
  const extracts = buildExtractDocuments({ ...fixtureExportInput(lang), certifiedOn: '2026-02-13' });
  extractCount[lang] = extracts.length;
  const docs: Record<string, ExportDocument> = {
    passport: buildPassportDocument(lang, [passportInput(src, projects[0]!)]),
    pack: buildPackDocument(packInput(src, MEETING_NEXT, projects, stats)),
  };
  extracts.forEach((d, i) => { docs[`extract${i}`] = d; });
  return docs;
}

beforeAll(async () => {
  const docxPaths: string[] = [];
  const keys: string[] = [];
  for (const lang of ['ru', 'kk'] as const) {
    for (const [name, doc] of Object.entries(documents(lang))) {
      const key = `${name}-${lang}`;
      const docx = writeBytes(dir, `${key}.docx`, await renderExport(doc, 'docx'));
      const pdf = writeBytes(dir, `${key}.pdf`, await renderExport(doc, 'pdf'));
      out[key] = { pdf, docx, docxPdf: '', pdfText: flat(pdfText(pdf)), docxText: '', pages: pdfPages(pdf) };
      docxPaths.push(docx);
      keys.push(key);
    }
  }
  // One LibreOffice run for every DOCX.
  sofficeToPdf(docxPaths, dir).forEach((p, i) => {
    const r = out[keys[i] ?? ''];
    if (r) Object.assign(r, { docxPdf: p, docxText: flat(pdfText(p)) });
  });
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Both readings of a document: our PDF and LibreOffice's reading of our DOCX. */
function both(key: string): string[] {
  const r = out[key];
  if (!r) throw new Error(`no ${key}`);
  return [r.pdfText, r.docxText];
}

describe.each(['ru', 'kk'] as const)('%s', (lang) => {
  it('every PDF embeds its fonts; Kazakh documents keep every Kazakh letter and ₸ in both readings', () => {
    for (const [key, r] of Object.entries(out)) {
      if (!key.endsWith(`-${lang}`)) continue;
      const fonts = pdfFonts(r.pdf);
      expect(fonts.length, key).toBeGreaterThan(0);
      expect(fonts.every((f) => f.embedded), key).toBe(true);
    }
    if (lang === 'kk') for (const text of both('pack-kk')) for (const letter of KAZAKH_LETTERS) expect(text, letter).toContain(letter);
  });

  it('one extract per responsible body: its own decisions only, the certifying line, the secretary and the date', () => {
    expect(extractCount[lang]).toBe(2);
    const [first, second] = [both(`extract0-${lang}`), both(`extract1-${lang}`)];
    const body0 = lang === 'kk' ? ORGS[0]!.kk : ORGS[0]!.ru;
    const body1 = lang === 'kk' ? ORGS[1]!.kk : ORGS[1]!.ru;
    for (const t of first!) {
      expect(t).toContain(lang === 'kk' ? 'ХАТТАМАДАН ҮЗІНДІ' : 'ВЫПИСКА ИЗ ПРОТОКОЛА');
      expect(t).toContain(`${lang === 'kk' ? 'Кімге' : 'Кому'}: ${body0}`);
      const at = ['1.1.', '2.1.', '3.1.'].map((n) => t.indexOf(` ${n} `));
      for (const i of at) expect(i).toBeGreaterThan(0);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(t).not.toContain(' 1.2. ');
      expect(t).toContain(lang === 'kk' ? 'Үзінді дұрыс:' : 'Выписка верна:');
      expect(t).toContain('Айгүл Қаһарманова');
      expect(t).toContain('13.02.2026');
    }
    for (const t of second!) {
      expect(t).toContain(body1);
      expect(t).toContain(' 1.2. ');
      expect(t).not.toContain(' 1.1. ');
    }
  });

  it('the passport is one page with what the register holds: investor, BIN, volume, stage, open barriers, assignments on control, meetings', () => {
    expect(out[`passport-${lang}`]?.pages).toBe(1);
    for (const t of both(`passport-${lang}`)) {
      expect(t).toContain(lang === 'kk' ? 'ИНВЕСТИЦИЯЛЫҚ ЖОБАНЫҢ ПАСПОРТЫ' : 'ПАСПОРТ ИНВЕСТИЦИОННОГО ПРОЕКТА');
      expect(t).toContain('Blue Sky Industrial Investment');
      expect(t).toContain('180240012342');
      expect(t).toContain('45,6 млрд ₸');
      expect(t).toContain(lang === 'kk' ? 'Құрылыс' : 'Строительство');
      expect(t).toContain(lang === 'kk' ? '«Ақтөбе» АЭА' : 'СЭЗ «Актобе»');
      // The open barrier, not the resolved one.
      expect(t).toContain('Подключение к газу: ТУ не выданы');
      expect(t).not.toContain('Земельный участок оформлен');
      // Open assignments, the overdue one first and marked; the done one left out.
      expect(t).toMatch(lang === 'kk' ? /\(мерзімі[\s\S]*өтті\)/ : /\(просрочено\)/);
      expect(t.indexOf(lang === 'kk' ? 'Газға техникалық' : 'выдачу технических')).toBeLessThan(t.indexOf(lang === 'kk' ? '12 га жер' : 'земельный участок 12 га'));
      expect(t).not.toContain(lang === 'kk' ? 'Орындалған тапсырма' : 'Исполненное поручение');
      expect(t).toContain(lang === 'kk' ? '20.11.2025 № 12' : '№ 12 от 20.11.2025');
      expect(t).toContain('Айгүл Қаһарманова');
    }
  });

  it('the pack: agenda, the chart by year, open and overdue assignments, a passport per project on the agenda; markup stays text', () => {
    const r = out[`pack-${lang}`]!;
    // Title pages + one page per passport at least.
    expect(r.pages).toBeGreaterThanOrEqual(3);
    for (const t of both(`pack-${lang}`)) {
      expect(t).toContain(lang === 'kk' ? 'ОТЫРЫСҚА АРНАЛҒАН МАТЕРИАЛДАР' : 'МАТЕРИАЛЫ К ЗАСЕДАНИЮ');
      expect(t).toContain(lang === 'kk' ? '1. «Ақтөбе» АЭА жобаларын газға қосу туралы' : '1. О подключении проектов СЭЗ «Актобе» к газу');
      for (const year of ['2021', '2025']) expect(t).toContain(year);
      // The chart's heading names the scale its bars are written in (1,2 трлн ₸, not «млрд» over «трлн»).
      expect(t).toContain(lang === 'kk' ? 'Тартылған инвестициялар, трлн теңге' : 'Привлечённые инвестиции, трлн ₸');
      expect(t).toContain('1,2 трлн ₸');
      expect(t).toContain('0,75 трлн ₸');
      expect(t).not.toMatch(/инвестиц[^,]*, млрд/);
      expect(t.split(lang === 'kk' ? 'ИНВЕСТИЦИЯЛЫҚ ЖОБАНЫҢ ПАСПОРТЫ' : 'ПАСПОРТ ИНВЕСТИЦИОННОГО ПРОЕКТА').length - 1).toBe(2);
      expect(t).toContain(MARKUP_TITLE);
    }
    expect(projects.some((p) => p.id === PROJECT_A)).toBe(true);
  });
});
