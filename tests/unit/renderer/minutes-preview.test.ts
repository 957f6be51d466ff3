// @vitest-environment jsdom
// A part of the minutes whose editor is not made yet shows its text drawn from the Yjs fragment:
// exactly the HTML its editor shows (paragraphs, marks, lists, tables), the hint when empty, and
// drawing it never writes to the document (a signed text stays as signed).
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Editor } from '@tiptap/core';
import { partExtensions } from '../../../renderer/src/features/minutes/editor-extensions';
import { drawPreview, lookUpParts } from '../../../renderer/src/features/minutes/part-preview';

const editors: Editor[] = [];
afterEach(() => {
  for (const e of editors.splice(0)) e.destroy();
});

function editorOn(doc: Y.Doc, field: string): Editor {
  const editor = new Editor({ element: document.createElement('div'), extensions: partExtensions({ doc, field, hint: '' }) });
  editors.push(editor);
  return editor;
}

function preview(doc: Y.Doc, field: string, hint = ''): HTMLElement {
  const el = document.createElement('div');
  drawPreview(el, doc.getXmlFragment(field), hint);
  return el;
}

/** A document written by a clerk in the editor, then reopened from its stored state. */
function written(html: string): Y.Doc {
  const source = new Y.Doc();
  editorOn(source, 'item/a/heard').commands.setContent(html);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  return doc;
}

function paragraph(text: string, attrs: Record<string, unknown> = {}): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  t.insert(0, text, attrs);
  p.insert(0, [t]);
  return p;
}

describe('a part shown before its editor is made', () => {
  it('is the HTML its editor shows: marks, line breaks, lists, tables', () => {
    const doc = written(
      '<p>Слушали <strong>акима <em>области</em></strong><em> и</em> <u>инвестора</u>,<br>затем <strong>руководителя</strong>.</p>' +
        '<p></p>' +
        '<ul><li><p>газ</p><ul><li><p>электроэнергия</p></li></ul></li><li><p><strong>земля</strong></p></li></ul>' +
        '<ol start="3"><li><p>третий</p></li><li><p>четвёртый</p></li></ol>' +
        '<table><tr><th><p>Проект</p></th><th><p>Срок</p></th></tr><tr><td colspan="2"><p>Завод <em>труб</em></p></td></tr><tr><td><p>a</p></td><td><p>b</p></td></tr></table>' +
        '<p>Конец.</p>',
    );
    const shown = preview(doc, 'item/a/heard').innerHTML;
    expect(shown).toBe(editorOn(doc, 'item/a/heard').getHTML());
    expect(shown).toContain('<strong>акима <em>области</em></strong><em> и</em>');
    expect(shown).toContain('<ol start="3">');
    expect(shown).toContain('<td colspan="2"');
  });

  it('shows the text as stored by the seeding of the opening benchmark (bold paragraph, list, table)', () => {
    const doc = new Y.Doc();
    const heard = doc.getXmlFragment('item/b/heard');
    const list = new Y.XmlElement('bulletList');
    list.insert(0, ['один', 'два'].map((s) => {
      const li = new Y.XmlElement('listItem');
      li.insert(0, [paragraph(s)]);
      return li;
    }));
    const table = new Y.XmlElement('table');
    table.insert(0, [0, 1].map((r) => {
      const tr = new Y.XmlElement('tableRow');
      tr.insert(0, [0, 1, 2].map((c) => {
        const td = new Y.XmlElement('tableCell');
        td.setAttribute('colspan', 1 as unknown as string);
        td.setAttribute('rowspan', 1 as unknown as string);
        td.insert(0, [paragraph(`ячейка ${r}.${c}`)]);
        return td;
      }));
      return tr;
    }));
    heard.insert(0, [paragraph('Заголовок', { bold: true }), paragraph('Текст'), list, table]);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, Y.encodeStateAsUpdate(doc));
    const shown = preview(stored, 'item/b/heard');
    expect(shown.innerHTML).toBe(editorOn(stored, 'item/b/heard').getHTML());
    expect(shown.textContent).toContain('ячейка 1.2');
  });

  it('an empty part shows its hint as the editor does; a missing part is empty too', () => {
    const doc = new Y.Doc();
    expect(preview(doc, 'closing', 'Заключительная часть').innerHTML).toBe('<p class="minutes-empty" data-hint="Заключительная часть"></p>');
    doc.getXmlFragment('preamble').insert(0, [new Y.XmlElement('paragraph')]);
    expect(preview(doc, 'preamble').innerHTML).toBe('<p></p>');
  });

  it('drawing writes nothing to the document, whatever it holds', () => {
    const doc = new Y.Doc();
    const p = new Y.XmlElement('paragraph');
    // Two texts side by side and an element of no known kind: the editor's own reading rewrites these.
    const odd = new Y.XmlElement('videoEmbed');
    odd.insert(0, [paragraph('встроенное')]);
    p.insert(0, [new Y.XmlText('раз '), new Y.XmlText('два')]);
    doc.getXmlFragment('item/c/spoke').insert(0, [p, odd]);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    lookUpParts(doc, ['preamble', 'item/c/heard', 'item/c/spoke', 'closing']);
    const shown = preview(doc, 'item/c/spoke');
    expect(updates).toEqual([]);
    expect(shown.textContent).toBe('раз двавстроенное');
  });
});
