// The control table's model (@tanstack/react-table v9): its features (sorting state and header
// toggles, column sizes) and its columns. Sorting, filtering and grouping themselves are done by
// assignment-table.ts over every row; the table model only renders the rows on screen.
import type { Lang } from '@shared/locale/lang';
import { columnSizingFeature, columnVisibilityFeature, createColumnHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import { UnstyledButton } from '@mantine/core';
import type { ControlRow } from './assignment-table';
import { daysLeftText, labels } from './assignment-text';

export const features = tableFeatures({ rowSortingFeature, columnSizingFeature, columnVisibilityFeature });

/** The column that takes the width left over (the assignment's text). */
export const GROWING_COLUMN = 'text';

/** A row on screen: the assignment, under the key of its place (an assignment is listed under each of its bodies). */
export type WindowRow = { key: string; row: ControlRow };

const helper = createColumnHelper<typeof features, WindowRow>();

/** The status as shown: «Просрочено» in red when overdue under control. */
export function StatusText({ status, overdue, lang }: { status: ControlRow['status']; overdue: boolean; lang: Lang }) {
  const L = labels(lang).status;
  const key = overdue ? 'overdue' : status;
  return <span className={`ctl-status ctl-status-${key}`} data-testid="cell-status">{L[key]}</span>;
}

/** The table's columns in the UI language. */
export function buildColumns(lang: Lang, onOpen: (id: string) => void) {
  const L = labels(lang);
  const head = (label: string) => () => <span title={label}>{label}</span>;
  const clamp = (text: string) => <span className="ctl-clamp" title={text}>{text}</span>;
  return helper.columns([
    helper.accessor((w) => w.row.reference, {
      id: 'reference', header: head(L.columns.reference), size: 250,
      cell: (c) => (
        <UnstyledButton className="ctl-link ctl-clamp" onClick={() => onOpen(c.row.original.row.id)} title={c.getValue()} data-testid="open-assignment">
          {c.getValue()}
        </UnstyledButton>
      ),
    }),
    helper.accessor((w) => w.row.text, { id: 'text', header: head(L.columns.text), size: 250, cell: (c) => clamp(c.getValue()) }),
    helper.accessor((w) => w.row.responsible.join(', '), {
      id: 'responsible', header: head(L.columns.responsible), size: 170,
      cell: (c) => (c.getValue() ? clamp(c.getValue()) : <span className="ctl-muted">—</span>),
    }),
    helper.accessor((w) => w.row.deadline, {
      id: 'deadline', header: head(L.columns.deadline), size: 150,
      cell: (c) => <span className={`ctl-clamp${c.row.original.row.state.overdue ? ' ctl-overdue' : ''}`} title={c.getValue()}>{c.getValue()}</span>,
    }),
    helper.accessor((w) => w.row.status, { id: 'status', header: head(L.columns.status), size: 125, cell: (c) => <StatusText status={c.row.original.row.status} overdue={c.row.original.row.state.overdue} lang={lang} /> }),
    helper.accessor((w) => w.row.state.daysLeft, {
      id: 'daysLeft', header: head(L.columns.daysLeft), size: 120,
      cell: (c) => {
        const s = c.row.original.row.state;
        return <span className={`ctl-clamp${s.overdue ? ' ctl-overdue' : ''}`} data-testid="cell-days">{daysLeftText(s, lang)}</span>;
      },
    }),
    helper.accessor((w) => w.row.projects.join('; '), {
      id: 'projects', header: head(L.columns.projects), size: 170,
      cell: (c) => (c.getValue() ? clamp(c.getValue()) : <span className="ctl-muted">—</span>),
    }),
  ]);
}
