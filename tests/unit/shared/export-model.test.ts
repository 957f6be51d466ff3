// The export model: rich text from the minutes' Yjs parts, the minutes' layout and wording, the schema.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportDocumentSchema, runsText, type Block } from '../../../shared/export/document.schema';
import { fragmentBlocks } from '../../../shared/export/rich-text';
import { DEFAULT_EXPORT_SETTINGS, parseExportSettings } from '../../../shared/export/export-settings';
import { buildBilingualMinutesDocument, buildMinutesDocument, minutesFileStem, type MinutesExportInput } from '../../../shared/export/minutes-document';
import { minutesPartField } from '../../../shared/domain/minutes-outline';
import { fixtureExportInput, fixtureItemId, fixtureMinutes, SCRIPT_TEXT } from '../../integration/export/fixture';

function textOf(blocks: Block[]): string {
  return blocks.map((b) => (b.type === 'decision' ? `${b.number}. ${runsText(b.runs)}` : 'runs' in b ? runsText(b.runs) : '')).join('\n');
}

describe('rich text of a part', () => {
  it('keeps paragraphs, bold and italic runs, lists and tables; markup stays text', () => {
    const doc = new Y.Doc();
    const frag = doc.getXmlFragment('part');
    const p = new Y.XmlElement('paragraph');
    const list = new Y.XmlElement('orderedList');
    const table = new Y.XmlElement('table');
    frag.insert(0, [new Y.XmlElement('paragraph'), p, list, table, new Y.XmlElement('paragraph')]);
    const t = new Y.XmlText();
    p.insert(0, [t]);
    t.insert(0, 'plain ');
    t.insert(6, 'bold', { bold: {} });
    t.insert(10, ' and ', {});
    t.insert(15, 'both', { bold: {}, 'italic--abcdefgh': {} });
    t.insert(19, ` ${SCRIPT_TEXT}`, {});
    const li = new Y.XmlElement('listItem');
    list.insert(0, [li]);
    const lp = new Y.XmlElement('paragraph');
    li.insert(0, [lp]);
    const lt = new Y.XmlText();
    lp.insert(0, [lt]);
    lt.insert(0, 'first');
    const row = new Y.XmlElement('tableRow');
    table.insert(0, [row]);
    const cell = new Y.XmlElement('tableHeader');
    row.insert(0, [cell]);
    const cp = new Y.XmlElement('paragraph');
    cell.insert(0, [cp]);
    const ct = new Y.XmlText();
    cp.insert(0, [ct]);
    ct.insert(0, 'Показатель');

    const blocks = fragmentBlocks(frag);
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'list', 'table']);
    const para = blocks[0] as Extract<Block, { type: 'paragraph' }>;
    expect(para.runs).toEqual([
      { text: 'plain ' }, { text: 'bold', bold: true }, { text: ' and ' }, { text: 'both', bold: true, italic: true }, { text: ` ${SCRIPT_TEXT}` },
    ]);
    expect(blocks[1]).toEqual({ type: 'list', ordered: true, items: [[{ text: 'first' }]] });
    expect(blocks[2]).toMatchObject({ type: 'table', header: true, rows: [[[{ text: 'Показатель' }]]] });
  });

  it('an empty part has no blocks', () => {
    const doc = new Y.Doc();
    const frag = doc.getXmlFragment('part');
    frag.insert(0, [new Y.XmlElement('paragraph')]);
    expect(fragmentBlocks(frag)).toEqual([]);
    expect(fragmentBlocks(doc.getXmlFragment('none'))).toEqual([]);
  });
});

describe('minutes document', () => {
  it('is a valid model with agenda, СЛУШАЛИ–ВЫСТУПИЛИ–РЕШИЛИ, numbered decisions and the signatures last before the appendix', () => {
    const doc = exportDocumentSchema.parse(fixtureMinutes('ru'));
    const text = textOf(doc.blocks);
    expect(text).toMatch(/ПОВЕСТКА ДНЯ:\n1\. О ходе реализации[^\n]*\n2\. О ходе/);
    expect(text).toMatch(/1\. О ходе[^\n]*\nСЛУШАЛИ: [^]*ВЫСТУПИЛИ:[^]*РЕШИЛИ:\n1\.1\. Обеспечить[^]*1\.2\. /);
    const sig = doc.blocks.findIndex((b) => b.type === 'signatures');
    expect(doc.blocks.slice(sig + 1).map((b) => b.type)).toEqual(['pageBreak', 'paragraph', 'heading', 'table']);
    expect(doc.blocks[sig]).toEqual({ type: 'signatures', rows: [{ role: 'Председательствующий', name: 'Асхат Шахаров' }, { role: 'Секретарь', name: 'Айгүл Қаһарманова' }] });
    expect(doc.fileStem).toBe('Протокол №3 от 12.02.2026');
    expect(doc.page).toEqual(DEFAULT_EXPORT_SETTINGS.page);
  });

  it('in Kazakh uses the Kazakh wording, and no appendix for ten people or fewer', () => {
    const doc = fixtureMinutes('kk', { participants: 4 });
    const text = textOf(doc.blocks);
    for (const w of ['ХАТТАМА', 'Төрағалық етуші:', 'КҮН ТӘРТІБІ:', 'ТЫҢДАЛДЫ:', 'СӨЙЛЕДІ:', 'ШЕШТІ:']) expect(text).toContain(w);
    expect(text).toContain('Ұлан Өмірзақов 4');
    expect(doc.blocks.some((b) => b.type === 'pageBreak')).toBe(false);
    expect(doc.fileStem).toBe('Хаттама №3 12.02.2026');
  });

  it('leaves out a heading with nothing under it: no empty СЛУШАЛИ / ВЫСТУПИЛИ / РЕШИЛИ; the decisions keep their numbers', () => {
    // Item 1: a speaker, no heard text. Item 2: no speaker, no heard or spoken text. Item 3: no decisions.
    const silent = (input: MinutesExportInput, fields: string[]): MinutesExportInput => ({ ...input, parts: (f) => (fields.includes(f) ? [] : input.parts(f)) });
    const field = (n: number, part: 'heard' | 'spoke') => minutesPartField({ kind: 'item', itemId: fixtureItemId(n), part });
    const input = (lang: 'ru' | 'kk') => silent(fixtureExportInput(lang, {}, DEFAULT_EXPORT_SETTINGS, (i) => ({
      ...i,
      agenda: i.agenda.map((a) => (a.id === fixtureItemId(1) ? { ...a, speaker: undefined } : a)),
      decisions: i.decisions.filter((d) => d.agendaItemId !== fixtureItemId(2)),
    })), [field(0, 'heard'), field(1, 'heard'), field(1, 'spoke')]);
    const doc = exportDocumentSchema.parse(buildMinutesDocument(input('ru')));
    const text = textOf(doc.blocks);
    const item = (n: number) => text.slice(text.indexOf(`\n${n}. О ходе реализации инвестиционного проекта № ${n}`, text.indexOf('Заседание открыл')), n < 3 ? text.indexOf(`\n${n + 1}. О ходе реализации инвестиционного проекта № ${n + 1}`, text.indexOf('Заседание открыл')) : undefined);
    // The speaker alone still says who was heard.
    expect(item(1)).toMatch(/\nСЛУШАЛИ: [^\n]*Өмірзақов Ұ\.\nВЫСТУПИЛИ:\n[^\n]+\nРЕШИЛИ:\n1\.1\. [^\n]+\n1\.2\. /);
    // Nothing heard, nothing said: the title, then РЕШИЛИ and its decisions, numbered 2.1, 2.2.
    expect(item(2)).not.toContain('СЛУШАЛИ');
    expect(item(2)).not.toContain('ВЫСТУПИЛИ');
    expect(item(2)).toMatch(/^\n2\. О ходе реализации[^\n]*\nРЕШИЛИ:\n2\.1\. Обеспечить подключение объекта № 2\.1[^\n]*\n2\.2\. Обеспечить подключение объекта № 2\.2/);
    // Nothing decided: no РЕШИЛИ.
    expect(item(3)).toMatch(/СЛУШАЛИ:[^]*ВЫСТУПИЛИ:/);
    expect(item(3)).not.toContain('РЕШИЛИ');
    expect(text.match(/РЕШИЛИ:/g)).toHaveLength(2);
    expect(text.match(/СЛУШАЛИ:/g)).toHaveLength(2);
    // No heading directly followed by another heading or label without text.
    expect(text).not.toMatch(/(СЛУШАЛИ|ВЫСТУПИЛИ|РЕШИЛИ):\s*\n(СЛУШАЛИ|ВЫСТУПИЛИ|РЕШИЛИ|\d+\. О ходе)/);
    // In two columns the titles of the items still stand in one row each.
    const columns = buildBilingualMinutesDocument(input('ru'), input('kk'));
    const rows = columns.blocks.filter((b): b is Extract<Block, { type: 'columns' }> => b.type === 'columns').map((r) => r.cells.map((c) => textOf(c as Block[])));
    // The agenda's lines first (the first under ПОВЕСТКА ДНЯ), then the items' titles.
    const titleRows = rows.filter(([l]) => /^\d\. О ходе реализации/.test(l ?? '')).slice(-3);
    expect(titleRows).toHaveLength(3);
    for (const [l, r] of titleRows) expect(/^(\d)\./.exec(l ?? '')?.[1]).toBe(/^(\d)\./.exec(r ?? '')?.[1]);
    expect(rows.some(([l, r]) => (l ?? '').includes('РЕШИЛИ:\n2.1.') && (r ?? '').includes('ШЕШТІ:\n2.1.'))).toBe(true);
    expect(rows.flat().some((c) => /(СЛУШАЛИ|ТЫҢДАЛДЫ): ?$/m.test(c) && !/(СЛУШАЛИ|ТЫҢДАЛДЫ): \S/.test(c))).toBe(false);
  });

  it('the schema refuses a broken document and settings that do not parse fall back to the defaults', () => {
    const doc = fixtureMinutes('ru');
    expect(exportDocumentSchema.safeParse({ ...doc, blocks: [{ type: 'html', html: '<b>x</b>' }] }).success).toBe(false);
    expect(exportDocumentSchema.safeParse({ ...doc, page: { ...doc.page, margins: { top: 0, right: 10, bottom: 20, left: 20 } } }).success).toBe(false);
    expect(parseExportSettings({ page: 'A4' })).toEqual(DEFAULT_EXPORT_SETTINGS);
    expect(minutesFileStem('ru', 5, '2026-03-01', 'extract', 'Акимат')).toBe('Выписка из протокола №5 от 01.03.2026 — Акимат');
  });
});
