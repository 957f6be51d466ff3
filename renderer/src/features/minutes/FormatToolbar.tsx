// The formatting buttons for the part the clerk is writing in: bold, italic, underline, lists,
// tables. They act on the last focused part and keep its focus (a click does not take it away).
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionIcon, Divider, Group, Tooltip } from '@mantine/core';
import {
  IconBold, IconColumnInsertRight, IconColumnRemove, IconItalic, IconList, IconListNumbers, IconRowInsertBottom, IconRowRemove, IconTable, IconTableOff, IconUnderline,
} from '@tabler/icons-react';
import { useEditorState, type Editor } from '@tiptap/react';
import { useActiveEditor, type ActiveEditor } from './PartEditor';

type Marks = { bold: boolean; italic: boolean; underline: boolean; bullet: boolean; ordered: boolean; table: boolean; editable: boolean };
const NONE: Marks = { bold: false, italic: false, underline: false, bullet: false, ordered: false, table: false, editable: false };

function Button({ label, active, disabled, onRun, testId, children }: { label: string; active?: boolean; disabled: boolean; onRun: () => void; testId: string; children: ReactNode }) {
  return (
    <Tooltip label={label} withinPortal openDelay={400}>
      <ActionIcon
        variant={active ? 'filled' : 'subtle'}
        color={active ? 'blue' : 'gray'}
        aria-label={label}
        aria-pressed={active}
        disabled={disabled}
        data-testid={testId}
        // Keep the editor's selection and focus: act on mouse down, not after a blur.
        onMouseDown={(e) => e.preventDefault()}
        onClick={onRun}
      >
        {children}
      </ActionIcon>
    </Tooltip>
  );
}

export const FormatToolbar = memo(function FormatToolbar({ active, disabled }: { active: ActiveEditor; disabled: boolean }) {
  const { t } = useTranslation();
  const editor = useActiveEditor(active);
  const marks = useEditorState({
    editor,
    selector: ({ editor: e }): Marks => (e ? {
      bold: e.isActive('bold'), italic: e.isActive('italic'), underline: e.isActive('underline'),
      bullet: e.isActive('bulletList'), ordered: e.isActive('orderedList'), table: e.isActive('table'), editable: e.isEditable,
    } : NONE),
  }) ?? NONE;
  const off = disabled || !editor || !marks.editable;
  const run = (f: (e: Editor) => void) => () => {
    if (editor) f(editor);
  };
  return (
    <Group gap={2} role="toolbar" aria-label={t('minutes.toolbar')} data-testid="minutes-toolbar" wrap="nowrap">
      <Button label={t('minutes.bold')} active={marks.bold} disabled={off} testId="fmt-bold" onRun={run((e) => e.chain().focus().toggleBold().run())}><IconBold size={16} /></Button>
      <Button label={t('minutes.italic')} active={marks.italic} disabled={off} testId="fmt-italic" onRun={run((e) => e.chain().focus().toggleItalic().run())}><IconItalic size={16} /></Button>
      <Button label={t('minutes.underline')} active={marks.underline} disabled={off} testId="fmt-underline" onRun={run((e) => e.chain().focus().toggleUnderline().run())}><IconUnderline size={16} /></Button>
      <Divider orientation="vertical" />
      <Button label={t('minutes.bulletList')} active={marks.bullet} disabled={off} testId="fmt-bullet" onRun={run((e) => e.chain().focus().toggleBulletList().run())}><IconList size={16} /></Button>
      <Button label={t('minutes.orderedList')} active={marks.ordered} disabled={off} testId="fmt-ordered" onRun={run((e) => e.chain().focus().toggleOrderedList().run())}><IconListNumbers size={16} /></Button>
      <Divider orientation="vertical" />
      {marks.table ? (
        <>
          <Button label={t('minutes.addRow')} disabled={off} testId="fmt-add-row" onRun={run((e) => e.chain().focus().addRowAfter().run())}><IconRowInsertBottom size={16} /></Button>
          <Button label={t('minutes.addColumn')} disabled={off} testId="fmt-add-column" onRun={run((e) => e.chain().focus().addColumnAfter().run())}><IconColumnInsertRight size={16} /></Button>
          <Button label={t('minutes.deleteRow')} disabled={off} testId="fmt-delete-row" onRun={run((e) => e.chain().focus().deleteRow().run())}><IconRowRemove size={16} /></Button>
          <Button label={t('minutes.deleteColumn')} disabled={off} testId="fmt-delete-column" onRun={run((e) => e.chain().focus().deleteColumn().run())}><IconColumnRemove size={16} /></Button>
          <Button label={t('minutes.deleteTable')} disabled={off} testId="fmt-delete-table" onRun={run((e) => e.chain().focus().deleteTable().run())}><IconTableOff size={16} /></Button>
        </>
      ) : (
        <Button label={t('minutes.insertTable')} disabled={off} testId="fmt-table" onRun={run((e) => e.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run())}><IconTable size={16} /></Button>
      )}
    </Group>
  );
});
