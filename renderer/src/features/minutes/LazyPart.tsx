// A rich-text part of the minutes as the page shows it: its editor once made (part-mount.ts decides
// when), and until then its text drawn read-only from the Yjs fragment, in the same place, face and
// layout. Clicking that text makes the editor at once with the caret where the click was; tabbing
// into it does so with the caret at its start. A part of read-only minutes stays drawn text.
import { memo, useCallback, useLayoutEffect, useRef, useSyncExternalStore, type FocusEvent, type MouseEvent } from 'react';
import type * as Y from 'yjs';
import { PartEditor, type ActiveEditor } from './PartEditor';
import { drawPreview } from './part-preview';
import type { PartMounter } from './part-mount';

export type LazyPartProps = {
  mounter: PartMounter;
  doc: Y.Doc;
  field: string;
  editable: boolean;
  label: string;
  hint: string;
  testId: string;
  active: ActiveEditor;
};

export const LazyPart = memo(function LazyPart({ mounter, doc, field, editable, label, hint, testId, active }: LazyPartProps) {
  const made = useSyncExternalStore(
    useCallback((listener: () => void) => mounter.subscribe(field, listener), [mounter, field]),
    () => mounter.isMade(field),
  );
  // Registered as laid out: in document order, before the document measures what is on screen.
  useLayoutEffect(() => mounter.register(field), [mounter, field]);
  const takeFocus = useCallback(() => mounter.takeFocus(field), [mounter, field]);
  const onMade = useCallback(() => mounter.ready(field), [mounter, field]);
  if (made) return <PartEditor doc={doc} field={field} editable={editable} label={label} hint={hint} testId={testId} active={active} takeFocus={takeFocus} onMade={onMade} />;
  return <PartPreview mounter={mounter} doc={doc} field={field} editable={editable} label={label} hint={hint} testId={testId} />;
});

function PartPreview({ mounter, doc, field, editable, label, hint, testId }: Omit<LazyPartProps, 'active'>) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const fragment = doc.getXmlFragment(field);
    const draw = () => drawPreview(el, fragment, hint);
    draw();
    // Text that arrives while it waits (another window of the same minutes) is drawn too.
    fragment.observeDeep(draw);
    return () => fragment.unobserveDeep(draw);
  }, [doc, field, hint]);

  const onMouseDown = (e: MouseEvent) => {
    if (e.button !== 0) return;
    // No native caret or selection in the drawn text: the editor takes its place under the pointer.
    e.preventDefault();
    mounter.makeNow(field, { x: e.clientX, y: e.clientY });
  };
  const onFocus = (_e: FocusEvent) => mounter.makeNow(field, 'start');

  return (
    <div className="minutes-part-wrap">
      <div
        ref={box}
        className="minutes-part minutes-part-preview"
        role="textbox"
        aria-multiline="true"
        aria-label={label}
        aria-readonly={editable ? undefined : 'true'}
        data-testid={testId}
        data-field={field}
        data-preview=""
        tabIndex={editable ? 0 : undefined}
        onMouseDown={editable ? onMouseDown : undefined}
        onFocus={editable ? onFocus : undefined}
      />
    </div>
  );
}
