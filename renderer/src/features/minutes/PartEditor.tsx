// One rich-text part of the minutes (вступление, СЛУШАЛИ, ВЫСТУПИЛИ, заключение): a TipTap editor
// bound to its fragment of the minutes' Yjs document. Typing touches no React state: the editor
// re-renders nothing per transaction, and the page learns only when a part gets focus.
import { memo, useEffect, useMemo, useSyncExternalStore } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import type * as Y from 'yjs';
import { partExtensions } from './editor-extensions';

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
};

export const PartEditor = memo(function PartEditor({ doc, field, editable, label, hint, testId, active }: PartEditorProps) {
  const extensions = useMemo(() => partExtensions({ doc, field, hint }), [doc, field, hint]);
  const editor = useEditor(
    {
      extensions,
      editable,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: {
          class: 'minutes-part',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': label,
          'data-testid': testId,
          'data-field': field,
          spellcheck: 'true',
        },
      },
      onFocus: ({ editor: e }) => active.set(e),
    },
    [doc, field],
  );
  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);
  useEffect(() => () => {
    if (active.get() === editor) active.set(null);
  }, [active, editor]);
  return <EditorContent editor={editor} className="minutes-part-wrap" />;
});
