// One rich-text part of the minutes (вступление, СЛУШАЛИ, ВЫСТУПИЛИ, заключение): a TipTap editor
// bound to its fragment of the minutes' Yjs document. Typing touches no React state: the editor
// re-renders nothing per transaction, and the page learns only when a part gets focus. The editor
// is made straight into its element on the page (not moved there afterwards, as TipTap's React
// component does — which sets up its plugins a second time and redraws its text).
import { memo, useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react';
import { Editor } from '@tiptap/core';
import { Selection, TextSelection } from '@tiptap/pm/state';
import type * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';
import { liveCursorPlugin, partExtensions } from './editor-extensions';
import type { FocusAt } from './part-mount';
import { awarenessOf, partAwareness } from './live-minutes';

/** The part the clerk last focused: the formatting toolbar acts on it. */
export function createActiveEditor() {
  let current: Editor | null = null;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(editor: Editor | null) {
      if (editor === current) return;
      current = editor;
      for (const l of listeners) l();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
export type ActiveEditor = ReturnType<typeof createActiveEditor>;

export function useActiveEditor(active: ActiveEditor): Editor | null {
  return useSyncExternalStore(active.subscribe, active.get, active.get);
}

export type PartEditorProps = {
  doc: Y.Doc;
  field: string;
  editable: boolean;
  /** Accessible name of the part («СЛУШАЛИ — вопрос 1»). */
  label: string;
  hint: string;
  testId: string;
  active: ActiveEditor;
  /** Where the caret goes once the editor is made (the clerk clicked or tabbed into its text). */
  takeFocus?: () => FocusAt | undefined;
  /** Called when the editor is on the page with its text (before the page is painted). */
  onMade?: () => void;
};

/** Puts the caret at `at`: at the point clicked (the text there is laid out as it was), or at the start. */
function focusAt(editor: Editor, at: FocusAt) {
  const { view } = editor;
  const pos = at === 'start' ? undefined : view.posAtCoords({ left: at.x, top: at.y })?.pos;
  const { doc } = view.state;
  const selection = pos === undefined ? Selection.atStart(doc) : TextSelection.near(doc.resolve(Math.min(pos, doc.content.size)));
  view.dispatch(view.state.tr.setSelection(selection));
  // At once, not on the next frame (TipTap's focus command waits one): the keys that follow the click go here.
  view.focus();
}

function attributes(label: string, testId: string, field: string): Record<string, string> {
  return {
    class: 'minutes-part',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': label,
    'data-testid': testId,
    'data-field': field,
    spellcheck: 'true',
  };
}

/** Whether anyone other than this window is in the document's awareness. */
function shared(awareness: Awareness): boolean {
  for (const id of awareness.getStates().keys()) if (id !== awareness.clientID) return true;
  return false;
}

/**
 * An editable part shows the other clerks' carets (and sends this clerk's) once another clerk is
 * in the document: the caret plugin is registered then, not when the part is made. Returns `check`
 * (call it when the part becomes editable) and `stop` (stops waiting).
 */
export function showCaretsWhenShared(editor: Editor, doc: Y.Doc): { check: () => void; stop: () => void } {
  const awareness = awarenessOf(doc);
  let attached = false;
  const attach = () => {
    // The flag, not only `off`: one part's registration can start a nested 'change' (this
    // clerk's caret), and the outer one still calls the listeners it started with.
    if (attached || editor.isDestroyed || !editor.isEditable || !shared(awareness)) return;
    attached = true;
    awareness.off('change', attach);
    editor.registerPlugin(liveCursorPlugin(partAwareness(awareness)));
    // This clerk's caret goes out now if it is in this part, not at the next key.
    if (editor.isFocused) editor.view.dispatch(editor.state.tr);
  };
  awareness.on('change', attach);
  attach();
  return { check: attach, stop: () => awareness.off('change', attach) };
}

export const PartEditor = memo(function PartEditor({ doc, field, editable, label, hint, testId, active, takeFocus, onMade }: PartEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Editor | null>(null);
  const caretCheck = useRef<(() => void) | undefined>(undefined);
  // What the editor is made with (later changes reach it through the effects below).
  const props = useRef({ editable, label, hint, testId, active, takeFocus, onMade });
  const shownLabel = useRef({ label, testId });
  useLayoutEffect(() => {
    props.current = { editable, label, hint, testId, active, takeFocus, onMade };
  });
  // Made once its element is on the page, before the page is painted; destroyed when the part goes.
  useLayoutEffect(() => {
    const element = host.current;
    if (!element) return;
    const p = props.current;
    const editor = new Editor({
      element,
      extensions: partExtensions({ doc, field, hint: p.hint }),
      editable: p.editable,
      editorProps: { attributes: attributes(p.label, p.testId, field) },
      onFocus: ({ editor: e }) => p.active.set(e),
    });
    editorRef.current = editor;
    shownLabel.current = { label: p.label, testId: p.testId };
    // The clerk clicked or tabbed into the part's drawn text: the caret goes there.
    const at = p.takeFocus?.();
    if (at) focusAt(editor, at);
    p.onMade?.();
    const carets = showCaretsWhenShared(editor, doc);
    caretCheck.current = carets.check;
    return () => {
      carets.stop();
      caretCheck.current = undefined;
      if (p.active.get() === editor) p.active.set(null);
      editorRef.current = null;
      editor.destroy();
    };
  }, [doc, field]);
  useEffect(() => {
    const editor = editorRef.current;
    if (editor && editor.isEditable !== editable) editor.setEditable(editable, false);
    // A part made read-only (the minutes were still loading) that becomes editable shows carets too.
    if (editable) caretCheck.current?.();
  }, [editable]);
  // A renumbered item or another language: the part's accessible name follows.
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || (shownLabel.current.label === label && shownLabel.current.testId === testId)) return;
    shownLabel.current = { label, testId };
    editor.setOptions({ editorProps: { ...editor.options.editorProps, attributes: attributes(label, testId, field) } });
  }, [label, testId, field]);
  return <div ref={host} className="minutes-part-wrap" />;
});
