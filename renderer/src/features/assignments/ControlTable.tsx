// The control table on screen: a virtualized table (only the rows in view are rendered, so 20,000
// assignments scroll and filter smoothly), sortable by any column from its header, with group
// headings of responsible bodies that fold and unfold.
import { memo, useMemo, useRef, type CSSProperties } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTable, type SortingState, type Updater } from '@tanstack/react-table';
import { Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import type { Lang } from '@shared/locale/lang';
import { fill, labels } from './assignment-text';
import type { ColumnId, ControlEntry, ControlRow, ControlSort } from './assignment-table';
import { buildColumns, features, GROWING_COLUMN, type WindowRow } from './table-columns';

const ROW_HEIGHT = 56;
const GROUP_HEIGHT = 40;

type Props = {
  /** Grouped: headings and rows; null: the rows alone (no entry objects made for 20,000 rows). */
  entries: readonly ControlEntry[] | null;
  rows: readonly ControlRow[];
  sort: ControlSort;
  setSort: (sort: ControlSort) => void;
  lang: Lang;
  onOpen: (id: string) => void;
  onToggleGroup: (entryKey: string) => void;
};

function widthStyle(id: string, size: number): CSSProperties {
  return id === GROWING_COLUMN ? { flex: `1 0 ${size}px`, minWidth: size } : { width: size };
}

export const ControlTable = memo(function ControlTable({ entries, rows, sort, setSort, lang, onOpen, onToggleGroup }: Props) {
  const L = labels(lang);
  const count = entries ? entries.length : rows.length;
  const entryAt = (i: number): ControlEntry | undefined => {
    if (entries) return entries[i];
    const row = rows[i];
    return row ? { kind: 'row', key: row.id, row } : undefined;
  };
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (entries?.[i]?.kind === 'group' ? GROUP_HEIGHT : ROW_HEIGHT),
    // Rows are all one height: their place is their key (a filter then measures 20,000 items by
    // index, not by id). Grouped, headings and rows differ in height: by key.
    ...(entries ? { getItemKey: (i: number) => entries[i]?.key ?? i } : {}),
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const windowRows = useMemo<WindowRow[]>(() => {
    const out: WindowRow[] = [];
    for (let i = first; i <= last; i++) {
      if (entries) {
        const e = entries[i];
        if (e?.kind === 'row') out.push({ key: e.key, row: e.row });
      } else {
        const row = rows[i];
        if (row) out.push({ key: row.id, row });
      }
    }
    return out;
  }, [entries, rows, first, last]);

  const columns = useMemo(() => buildColumns(lang, onOpen), [lang, onOpen]);
  const sorting = useMemo<SortingState>(() => (sort ? [{ id: sort.id, desc: sort.desc }] : []), [sort]);
  const table = useTable({
    features,
    columns,
    data: windowRows,
    getRowId: (w) => w.key,
    state: { sorting },
    onSortingChange: (u: Updater<SortingState>) => {
      const next = typeof u === 'function' ? u(sorting) : u;
      const s = next[0];
      setSort(s ? { id: s.id as ColumnId, desc: s.desc } : null);
    },
    manualSorting: true,
    enableMultiSort: false,
  });
  const byKey = new Map(table.getRowModel().rows.map((r) => [r.id, r]));
  const leafColumns = table.getVisibleLeafColumns();
  const minWidth = leafColumns.reduce((s, c) => s + c.getSize(), 0);

  return (
    <div ref={scrollRef} className="ctl-scroll" data-testid="assignments-scroll">
      <table className="ctl-table" style={{ minWidth, width: '100%' }} aria-label={L.table} aria-rowcount={count + 1}>
        <thead className="ctl-head">
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id} className="ctl-row" aria-rowindex={1}>
              {hg.headers.map((h) => {
                const dir = h.column.getIsSorted();
                return (
                  <th key={h.id} style={widthStyle(h.column.id, h.getSize())} scope="col"
                    aria-sort={dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'}>
                    <UnstyledButton className="ctl-th-button" onClick={h.column.getToggleSortingHandler()} data-testid={`sort-${h.column.id}`}>
                      <table.FlexRender header={h} />
                      {dir === 'asc' && <IconSortAscending size={14} aria-hidden />}
                      {dir === 'desc' && <IconSortDescending size={14} aria-hidden />}
                    </UnstyledButton>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize(), position: 'relative', display: 'block' }}>
          {items.map((vi) => {
            const e = entryAt(vi.index);
            if (!e) return null;
            if (e.kind === 'group') {
              return (
                <tr key={e.key} className="ctl-row ctl-group" style={{ transform: `translateY(${vi.start}px)`, height: GROUP_HEIGHT }}
                  data-testid="group-row" aria-rowindex={vi.index + 2} aria-expanded={!e.collapsed}>
                  <td style={{ width: '100%' }}>
                    <UnstyledButton className="ctl-group-toggle" onClick={() => onToggleGroup(e.key)}>
                      {e.collapsed ? <IconChevronRight size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />}
                      <Text span fw={700} size="sm">{e.name}</Text>
                      <Text span size="xs" c="dimmed">· {fill(L.group.count, { count: e.count })}</Text>
                      {e.overdue > 0 && <Text span size="xs" className="ctl-overdue">· {fill(L.group.overdue, { count: e.overdue })}</Text>}
                    </UnstyledButton>
                  </td>
                </tr>
              );
            }
            const row = byKey.get(e.key);
            if (!row) return null;
            return (
              <tr key={e.key} className="ctl-row" style={{ transform: `translateY(${vi.start}px)`, height: ROW_HEIGHT }}
                data-testid="assignment-row" data-assignment-id={e.row.id} data-overdue={e.row.state.overdue || undefined} aria-rowindex={vi.index + 2}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} style={widthStyle(cell.column.id, cell.column.getSize())}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});
