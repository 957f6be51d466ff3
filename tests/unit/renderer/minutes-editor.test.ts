// @vitest-environment jsdom
// A part of the minutes as the editor holds it: bound to its own named fragment of the minutes'
// Yjs document; opening it writes nothing (a signed document stays as signed, two clerks opening
// an empty one do not each add a paragraph); HTML keeps only what the minutes support; a paste
// far over the limit is refused before it is parsed.
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Editor } from '@tiptap/core';
import type {} from '@tiptap/extension-table'; // its commands (addColumnAfter, deleteColumn)
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { partExtensions, pasteVerdict, MAX_PASTE_CHARS } from '../../../renderer/src/features/minutes/editor-extensions';
import { showCaretsWhenShared } from '../../../renderer/src/features/minutes/PartEditor';
import { awarenessOf } from '../../../renderer/src/features/minutes/live-minutes';

const editors: Editor[] = [];
afterEach(() => {
  for (const e of editors.splice(0)) e.destroy();
});

function open(doc: Y.Doc, field: string): Editor {
  const editor = new Editor({ element: document.createElement('div'), extensions: partExtensions({ doc, field, hint: 'Кого слушали' }) });
  editors.push(editor);
  return editor;
}

describe('a part of the minutes in the editor', () => {
  it('opening a part, empty or not, changes nothing in the document', () => {
    const doc = new Y.Doc();
    const stored = new Y.Doc();
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('Подписанный текст')]);
    stored.getXmlFragment('item/a/heard').insert(0, [p]);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(stored));

    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    const heard = open(doc, 'item/a/heard');
    const spoke = open(doc, 'item/a/spoke');
    expect(heard.getText()).toBe('Подписанный текст');
    expect(spoke.getText()).toBe('');
    expect(updates).toEqual([]);
  });

  it('what is typed goes to the part’s own fragment only', () => {
    const doc = new Y.Doc();
    const heard = open(doc, 'item/a/heard');
    open(doc, 'item/a/spoke');
    heard.commands.insertContent('Слушали аким области');
    expect(doc.getXmlFragment('item/a/heard').toString()).toContain('Слушали аким области');
    expect(doc.getXmlFragment('item/a/spoke').length).toBe(0);
  });

  it('HTML keeps bold, lists and tables; images, scripts, frames and handlers are dropped', () => {
    const doc = new Y.Doc();
    const editor = open(doc, 'preamble');
    editor.commands.insertContent(
      '<img src="https://example.invalid/x.png" onerror="window.__pwned=1"><script>window.__pwned=2</script><iframe src="https://example.invalid/"></iframe>' +
        '<p><b onclick="window.__pwned=3">жирный</b> <i>курсив</i> <a href="javascript:alert(1)">ссылка</a></p><ul><li><p>пункт</p></li></ul><table><tr><td>ячейка</td></tr></table>',
    );
    const html = editor.getHTML();
    expect(html).toContain('<strong>жирный</strong>');
    expect(html).toContain('<em>курсив</em>');
    expect(html).toContain('<ul><li><p>пункт</p></li></ul>');
    expect(html).toContain('ячейка');
    expect(html).toContain('ссылка');
    expect(html).not.toMatch(/<img|<script|<iframe|<a |onerror|onclick|javascript:|example\.invalid/);
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('tables in a part', () => {
  it('keep their columns as columns are added and removed', () => {
    const doc = new Y.Doc();
    const editor = open(doc, 'item/a/spoke');
    editor.commands.setContent('<table><tr><td><p>Проект</p></td><td><p>Срок</p></td></tr><tr><td><p>Завод</p></td><td><p>2026</p></td></tr></table>');
    const cols = () => editor.view.dom.querySelectorAll('table colgroup col').length;
    expect(cols()).toBe(2);
    editor.commands.setTextSelection(4);
    editor.commands.addColumnAfter();
    expect(cols()).toBe(3);
    editor.commands.deleteColumn();
    editor.commands.deleteColumn();
    expect(cols()).toBe(1);
  });
});

describe('paste limit', () => {
  it('refuses text over 1,000,000 characters; pastes huge markup as its plain text', () => {
    expect(pasteVerdict(MAX_PASTE_CHARS, 2 * MAX_PASTE_CHARS)).toBe('ok');
    expect(pasteVerdict(MAX_PASTE_CHARS + 1, 0)).toBe('refuse');
    expect(pasteVerdict(10 * 1024 * 1024, 0)).toBe('refuse');
    expect(pasteVerdict(5000, 3 * MAX_PASTE_CHARS + 1)).toBe('plain');
    expect(pasteVerdict(0, 3 * MAX_PASTE_CHARS + 1)).toBe('refuse');
  });
});

describe("the other clerks' carets in a part", () => {
  const hasCaretPlugin = (editor: Editor) => editor.state.plugins.some((p) => (p as unknown as { key: string }).key.startsWith('yjs-cursor'));

  it('are drawn, with the name, once another clerk is in the document — and cost nothing before', () => {
    const doc = new Y.Doc();
    const p = new Y.XmlElement('paragraph');
    const text = new Y.XmlText('Слушали директора завода');
    p.insert(0, [text]);
    doc.getXmlFragment('item/a/heard').insert(0, [p]);
    const editor = open(doc, 'item/a/heard');
    const { stop } = showCaretsWhenShared(editor, doc);
    // Alone in the document (this window's own state does not count): no caret plugin.
    awarenessOf(doc).setLocalStateField('user', { name: 'Айгерим', color: '#009e73' });
    expect(hasCaretPlugin(editor)).toBe(false);

    const theirs = new Awareness(new Y.Doc());
    const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, 7));
    theirs.setLocalState({ user: { name: 'Даулет', color: '#0072b2' }, cursor: { anchor: at, head: at } });
    applyAwarenessUpdate(awarenessOf(doc), encodeAwarenessUpdate(theirs, [theirs.clientID]), 'live');

    expect(hasCaretPlugin(editor)).toBe(true);
    const caret = editor.view.dom.querySelector('[data-testid="live-caret"]');
    expect(caret?.textContent).toContain('Даулет');
    // The text itself is untouched by the drawn caret.
    expect(editor.getText()).toBe('Слушали директора завода');
    stop();
    theirs.destroy();
  });

  it('are never registered on a part whose editor is already gone', () => {
    const doc = new Y.Doc();
    const editor = open(doc, 'item/b/heard');
    showCaretsWhenShared(editor, doc);
    editor.destroy();
    const theirs = new Awareness(new Y.Doc());
    theirs.setLocalStateField('user', { name: 'Даулет', color: '#0072b2' });
    expect(() => applyAwarenessUpdate(awarenessOf(doc), encodeAwarenessUpdate(theirs, [theirs.clientID]), 'live')).not.toThrow();
    expect(hasCaretPlugin(editor)).toBe(false);
    theirs.destroy();
  });
});
