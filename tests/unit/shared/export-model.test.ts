// The export model: rich text from the minutes' Yjs parts, the minutes' layout and wording, the schema.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportDocumentSchema, runsText, type Block } from '../../../shared/export/document.schema';
import { fragmentBlocks } from '../../../shared/export/rich-text';
import { DEFAULT_EXPORT_SETTINGS, parseExportSettings } from '../../../shared/export/export-settings';
import { minutesFileStem } from '../../../shared/export/minutes-document';
import { fixtureMinutes, SCRIPT_TEXT } from '../../integration/export/fixture';

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

  it('the schema refuses a broken document and settings that do not parse fall back to the defaults', () => {
    const doc = fixtureMinutes('ru');
    expect(exportDocumentSchema.safeParse({ ...doc, blocks: [{ type: 'html', html: '<b>x</b>' }] }).success).toBe(false);
    expect(exportDocumentSchema.safeParse({ ...doc, page: { ...doc.page, margins: { top: 0, right: 10, bottom: 20, left: 20 } } }).success).toBe(false);
    expect(parseExportSettings({ page: 'A4' })).toEqual(DEFAULT_EXPORT_SETTINGS);
    expect(minutesFileStem('ru', 5, '2026-03-01', 'extract', 'Акимат')).toBe('Выписка из протокола №5 от 01.03.2026 — Акимат');
  });
});
