// The minutes in both languages as one document in two columns: each part of the minutes is a row
// with the same part of both languages, so headings, items and numbered decisions stand level; a
// part one language lacks leaves its cell empty; the model is checked like every export document.
import { describe, expect, it } from 'vitest';
import { exportDocumentSchema, runsText, type Block, type BlockOf, type CellBlock } from '../../../shared/export/document.schema';
import { buildBilingualMinutesDocument, buildMinutesDocument, pairSections } from '../../../shared/export/minutes-document';
import { DEFAULT_EXPORT_SETTINGS } from '../../../shared/export/export-settings';
import { fixtureDecisionId, fixtureExportInput, fixtureItemId } from '../../integration/export/fixture';

function cellText(blocks: readonly CellBlock[]): string {
  return blocks.map((b) => (b.type === 'decision' ? `${b.number}. ${runsText(b.runs)}` : b.type === 'signatures' ? b.rows.map((r) => `${r.role} ${r.name}`).join(' ') : b.type === 'dateline' ? `${b.left} ${b.right}` : 'runs' in b ? runsText(b.runs) : '')).join('\n');
}

function rows(blocks: readonly Block[]): BlockOf<'columns'>[] {
  return blocks.filter((b): b is BlockOf<'columns'> => b.type === 'columns');
}

describe('two-column minutes', () => {
  const doc = exportDocumentSchema.parse(buildBilingualMinutesDocument(fixtureExportInput('ru'), fixtureExportInput('kk')));
  const pairs = rows(doc.blocks).map((r) => [cellText(r.cells[0]), cellText(r.cells[1])] as const);

  it('is one valid document, Russian on the left, with a file name that says so', () => {
    expect(doc.kind).toBe('minutes');
    expect(doc.columnLangs).toEqual(['ru', 'kk']);
    expect(doc.fileStem).toBe('Протокол №3 от 12.02.2026 (рус-каз)');
    const kkFirst = buildBilingualMinutesDocument(fixtureExportInput('kk'), fixtureExportInput('ru'));
    expect(kkFirst.fileStem).toBe('Хаттама №3 12.02.2026 (қаз-орыс)');
    expect(kkFirst.columnLangs).toEqual(['kk', 'ru']);
  });

  it('pairs each part with its counterpart: titles, organization names, СЛУШАЛИ/ТЫҢДАЛДЫ, РЕШИЛИ/ШЕШТІ, the decisions by number, the signatures', () => {
    expect(pairs).toContainEqual(['РЕГИОНАЛЬНЫЙ ИНВЕСТИЦИОННЫЙ ШТАБ АКТЮБИНСКОЙ ОБЛАСТИ', 'АҚТӨБЕ ОБЛЫСЫНЫҢ ӨҢІРЛІК ИНВЕСТИЦИЯЛЫҚ ШТАБЫ']);
    expect(pairs.some(([l, r]) => l.startsWith('ПРОТОКОЛ') && r.startsWith('ХАТТАМА'))).toBe(true);
    const heard = pairs.filter(([l]) => l.includes('СЛУШАЛИ:'));
    expect(heard).toHaveLength(3);
    heard.forEach(([l, r], i) => {
      expect(l.startsWith(`${i + 1}. О ходе реализации`)).toBe(true);
      expect(r.startsWith(`${i + 1}. № ${i + 1} «Ферроқорытпа зауыты»`)).toBe(true);
      expect(r).toContain('ТЫҢДАЛДЫ:');
    });
    const decided = pairs.filter(([l]) => /^\d\.\d\. /m.test(l));
    expect(decided.map(([l, r]) => [/^(\d\.\d)\. /m.exec(l)?.[1], /^(\d\.\d)\. /m.exec(r)?.[1]])).toEqual(
      ['1.1', '1.2', '2.1', '2.2', '3.1', '3.2'].map((n) => [n, n]),
    );
    expect(decided.filter(([l, r]) => l.includes('РЕШИЛИ:') && r.includes('ШЕШТІ:'))).toHaveLength(3);
    expect(pairs.at(-1)).toEqual(['Председательствующий Асхат Шахаров Секретарь Айгүл Қаһарманова', 'Төрағалық етуші Асхат Шахаров Хатшы Айгүл Қаһарманова']);
  });

  it('keeps a heading with its first paragraph and each decision whole; long texts may run on', () => {
    const rs = rows(doc.blocks);
    for (const r of rs.filter((x) => cellText(x.cells[0]).includes('СЛУШАЛИ:'))) expect(r.keepTogether).toBe(true);
    for (const r of rs.filter((x) => /^\d\.\d\. /m.test(cellText(x.cells[0])))) expect(r.keepTogether).toBe(true);
    // The rest of a heard text (the second paragraph on) may break across pages.
    const rest = rs.filter((r) => !r.keepTogether);
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every((r) => !/СЛУШАЛИ|РЕШИЛИ|ПОВЕСТКА/.test(cellText(r.cells[0])))).toBe(true);
  });

  it('puts the appendix (over ten present) once across the page, its words in both languages', () => {
    const at = doc.blocks.findIndex((b) => b.type === 'pageBreak');
    expect(at).toBeGreaterThan(0);
    const tail = doc.blocks.slice(at + 1);
    expect(tail.some((b) => b.type === 'columns')).toBe(false);
    const heading = tail.find((b): b is BlockOf<'heading'> => b.type === 'heading');
    expect(heading && runsText(heading.runs)).toBe('Список присутствовавших / Қатысқандар тізімі');
    expect(tail.filter((b): b is BlockOf<'paragraph'> => b.type === 'paragraph').map((b) => runsText(b.runs)))
      .toEqual(['Приложение к протоколу № 3 от 12 февраля 2026 года', '2026 жылғы 12 ақпандағы № 3 хаттамаға қосымша']);
    const table = tail.find((b): b is BlockOf<'table'> => b.type === 'table');
    expect(table?.rows).toHaveLength(13);
  });

  it('leaves a cell empty where one language has no text: a part not written, a decision not translated', () => {
    const spokeOf2 = `item/${fixtureItemId(1)}/spoke`;
    const kk = fixtureExportInput('kk', {}, DEFAULT_EXPORT_SETTINGS, (input) => ({
      ...input, decisions: input.decisions.map((d) => (d.id === fixtureDecisionId(2, 1) ? { ...d, textKk: undefined } : d)),
    }));
    const parts = kk.parts;
    kk.parts = (field) => (field === spokeOf2 ? [] : parts(field));
    const d = buildBilingualMinutesDocument(fixtureExportInput('ru'), kk);
    const ps = rows(d.blocks).map((r) => [cellText(r.cells[0]), cellText(r.cells[1])] as const);
    const spoke = ps.filter(([l]) => l.startsWith('ВЫСТУПИЛИ:'));
    expect(spoke.map(([, r]) => r.startsWith('СӨЙЛЕДІ:'))).toEqual([true, false, true]);
    expect(spoke[1]?.[1]).toBe('');
    const untranslated = ps.find(([l]) => l.startsWith('3.2. '));
    expect(untranslated?.[1]).toBe('');
    // The single-language Kazakh minutes still print the Russian text in its place.
    expect(JSON.stringify(buildMinutesDocument(kk).blocks)).toContain('Обеспечить подключение объекта № 3.2');
  });

  it('takes the workspace\'s own words in each column (ПОСТАНОВИЛИ | ҚАУЛЫ ЕТТІ) and marks ДСП in both languages', () => {
    const settings = { ...DEFAULT_EXPORT_SETTINGS, restricted: true, wording: { ru: { decided: 'ПОСТАНОВИЛИ' }, kk: { decided: 'ҚАУЛЫ ЕТТІ', organization: 'Ақтөбе облысы әкімдігі' } } };
    const d = buildBilingualMinutesDocument(fixtureExportInput('ru', {}, settings), fixtureExportInput('kk', {}, settings));
    const ps = rows(d.blocks).map((r) => [cellText(r.cells[0]), cellText(r.cells[1])] as const);
    expect(ps.filter(([l, r]) => l.startsWith('ПОСТАНОВИЛИ:') && r.startsWith('ҚАУЛЫ ЕТТІ:'))).toHaveLength(3);
    expect(ps[0]).toEqual(['РЕГИОНАЛЬНЫЙ ИНВЕСТИЦИОННЫЙ ШТАБ АКТЮБИНСКОЙ ОБЛАСТИ', 'АҚТӨБЕ ОБЛЫСЫ ӘКІМДІГІ']);
    expect(d.page.restrictedMark).toBe('ДСП / ҚБП');
  });

  it('pairs sections one language alone has after their predecessor', () => {
    const s = (key: string) => ({ key, blocks: [] });
    expect(pairSections([s('a'), s('b'), s('d')], [s('a'), s('c'), s('d'), s('e')]).map((r) => `${r.key}:${r.left ? 'L' : ''}${r.right ? 'R' : ''}`))
      .toEqual(['a:LR', 'c:R', 'b:L', 'd:LR', 'e:R']);
  });

  it('refuses two columns of one language and a document whose language is not its left column', () => {
    expect(() => buildBilingualMinutesDocument(fixtureExportInput('ru'), fixtureExportInput('ru'))).toThrow(/two different languages/);
    expect(exportDocumentSchema.safeParse({ ...doc, columnLangs: ['ru', 'ru'] }).success).toBe(false);
    expect(exportDocumentSchema.safeParse({ ...doc, lang: 'kk' }).success).toBe(false);
    expect(exportDocumentSchema.safeParse({ ...doc, blocks: [{ type: 'columns', cells: [[{ type: 'pageBreak' }], []] }] }).success).toBe(false);
  });
});
