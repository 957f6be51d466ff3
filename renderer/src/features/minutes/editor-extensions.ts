// What the minutes' rich-text parts are made of: paragraphs, bold / italic / underline, numbered
// and bulleted lists, tables — nothing that loads anything (no images, no links, no embeds), so
// pasted HTML keeps only that formatting and never runs or fetches what it carried. Each part is
// one named fragment of the minutes' Yjs document (Collaboration brings its own undo). A paste
// over the size limit is refused before ProseMirror parses it.
import { Extension, type AnyExtension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import Collaboration from '@tiptap/extension-collaboration';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';

/** The most text one paste or drop may bring (characters). */
export const MAX_PASTE_CHARS = 1_000_000;

/**
 * What a paste or drop of `plain` text and `html` (lengths) should do: go ahead; go in as plain
 * text (the markup, over three times the limit, is too big to parse); or be refused (the text
 * itself is too long).
 */
export function pasteVerdict(plain: number, html: number, max = MAX_PASTE_CHARS): 'ok' | 'plain' | 'refuse' {
  if (plain > max) return 'refuse';
  if (html > 3 * max) return plain > 0 ? 'plain' : 'refuse';
  return 'ok';
}

/** The event a refused paste sends up from the editor's element (detail: the characters it had). */
export const PASTE_REFUSED_EVENT = 'hattama:paste-refused';

function onRefused(view: EditorView, chars: number) {
  view.dom.dispatchEvent(new CustomEvent<number>(PASTE_REFUSED_EVENT, { detail: chars, bubbles: true }));
}

function guard(view: EditorView, data: DataTransfer | null, event: Event, paste: boolean): boolean {
  if (!data) return false;
  const plain = data.getData('text/plain');
  const html = data.getData('text/html');
  const verdict = pasteVerdict(plain.length, html.length);
  if (verdict === 'ok') return false;
  event.preventDefault();
  if (verdict === 'plain' && paste && view.editable) view.pasteText(plain);
  else onRefused(view, plain.length > MAX_PASTE_CHARS ? plain.length : html.length);
  return true;
}

/**
 * Refuses a paste or drop of more than MAX_PASTE_CHARS characters, before anything is parsed, and
 * says so with a PASTE_REFUSED_EVENT from the editor's element.
 */
export const PasteGuard = Extension.create({
  name: 'pasteGuard',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('pasteGuard'),
        props: {
          handleDOMEvents: {
            paste: (view, event) => guard(view, event.clipboardData, event, true),
            drop: (view, event) => guard(view, event.dataTransfer, event, false),
          },
        },
      }),
    ];
  },
});

/** A hint in an empty part (one decoration, computed only while the part is empty). */
export const EmptyHint = Extension.create<{ text: string }>({
  name: 'emptyHint',
  addOptions() {
    return { text: '' };
  },
  addProseMirrorPlugins() {
    const { text } = this.options;
    return [
      new Plugin({
        key: new PluginKey('emptyHint'),
        props: {
          decorations: (state) => {
            const { doc } = state;
            const first = doc.firstChild;
            if (!text || doc.childCount !== 1 || !first || !first.isTextblock || first.content.size !== 0) return null;
            return DecorationSet.create(doc, [Decoration.node(0, first.nodeSize, { class: 'minutes-empty', 'data-hint': text })]);
          },
        },
      }),
    ];
  },
});

const COLOR = /^#[0-9a-f]{6}$/i;

/** Another clerk's caret: a coloured bar with their name above it (text, never markup). */
export function liveCaret(user: { name?: unknown; color?: unknown }): HTMLElement {
  const color = typeof user.color === 'string' && COLOR.test(user.color) ? user.color : '#868e96';
  const caret = document.createElement('span');
  caret.className = 'live-caret';
  caret.style.borderColor = color;
  caret.dataset.testid = 'live-caret';
  const label = document.createElement('span');
  label.className = 'live-caret-name';
  label.style.backgroundColor = color;
  label.textContent = typeof user.name === 'string' ? user.name : '';
  // Word joiners keep the caret from breaking the line it sits in.
  caret.append('\u2060', label, '\u2060');
  return caret;
}

/** Another clerk's selection: their colour, faint. */
function liveSelection(user: { color?: unknown }): { style: string; class: string } {
  const color = typeof user.color === 'string' && COLOR.test(user.color) ? user.color : '#868e96';
  return { style: `background-color: ${color}33`, class: 'live-selection' };
}

/**
 * The other clerks' carets and selections in a part (y-tiptap's cursor plugin over the
 * document's awareness); this clerk's caret goes out through the same awareness. Registered on a
 * part only once another clerk is in the document (see PartEditor): it costs a fifth of the
 * opening of long minutes, which a clerk alone never needs.
 */
export function liveCursorPlugin(awareness: Awareness): Plugin {
  return yCursorPlugin(awareness, { cursorBuilder: liveCaret, selectionBuilder: liveSelection });
}

/** What the text of a part is made of (its nodes and marks): the schema its fragment is stored in. */
export function partContentExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      // Nothing that links out, embeds or structures beyond what minutes use.
      link: false,
      code: false,
      codeBlock: false,
      blockquote: false,
      heading: false,
      horizontalRule: false,
      strike: false,
      // It would write a paragraph into a stored document merely opened (a signed one too).
      trailingNode: false,
      // A drop cursor per part is eighty plugins watching drags; dropping still works without it.
      dropcursor: false,
    }),
    TableKit.configure({ table: { resizable: false } }),
  ];
}

/** The extensions of one part of the minutes: bound to fragment `field` of `doc`. */
export function partExtensions(opts: { doc: Y.Doc; field: string; hint: string }): AnyExtension[] {
  return [
    ...partContentExtensions(),
    Collaboration.configure({ document: opts.doc, field: opts.field }),
    PasteGuard,
    EmptyHint.configure({ text: opts.hint }),
  ];
}
