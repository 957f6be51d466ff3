// The register board: toolbar, virtualized table (smooth at 100,000 projects), group rows
// with totals, and a totals row for what the filters leave.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ActionIcon, Alert, Box, Button, Group, Loader, Paper, Stack, Text, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconPrinter, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import type { Lang } from '@shared/locale/lang';
import { formatNumber, formatTenge } from '@shared/locale/money';
import { useApp } from '../../app/app-context';
import { useProjects } from './project-store';
import { BoardPrint } from './BoardPrint';
import type { BoardRow } from '../../db/db';
import { BoardToolbar } from './BoardToolbar';
import { EmptyRegister } from './EmptyRegister';
import { SUMMED, sumFigures, type Sums } from './board-order';
import { facetLabel } from './facet-label';
import { useBoardLayout, useBoardRows, useBoardTable, type BoardTable } from './use-board-table';
import type { Facet } from './board-filters';
import { BoardExcelActions } from '../excel';

const ROW_HEIGHT = 40;
const GROUP_KEY = 'hattama.board.grouping';
const NO_ROWS: readonly BoardRow[] = [];

function alignOf(meta: unknown): 'left' | 'right' {
  return (meta as { align?: string } | undefined)?.align === 'right' ? 'right' : 'left';
}

type Summed = (typeof SUMMED)[number];

/**
 * A summed figure as the clerk reads it: «нет данных» when no row has it, and how many lack it —
 * that note on its own line under the sum (a narrow column cannot hold both on one line), with
 * the full sentence in the title.
 */
function SumText({ sums, count, id, lang, testId }: { sums: Sums; count: number; id: Summed; lang: Lang; testId?: string }) {
  const { t } = useTranslation();
  const { sum, missing } = sums[id];
  const value = id === 'investmentTenge' ? formatTenge(sum, lang) : formatNumber(sum, lang);
  const title = missing > 0 ? t('board.missingData', { count: formatNumber(missing, lang) }) : undefined;
  const none = missing === count && count > 0;
  return (
    <span className="sum-text" data-testid={testId} {...(title ? { title } : {})}>
      {none ? <Text span c="dimmed" size="sm" className="sum-value">{t('board.noData')}</Text> : <Text span fw={700} size="sm" className="sum-value">{value}</Text>}
      {missing > 0 && !none && (
        <Text span fw={600} className="sum-missing" data-testid={testId ? `${testId}-missing` : undefined}>{t('board.missingShort', { count: formatNumber(missing, lang) })}</Text>
      )}
    </span>
  );
}

function TotalsRow({ table, rows, sums, lang, rowIndex }: { table: BoardTable; rows: readonly BoardRow[]; sums: Sums; lang: Lang; rowIndex: number }) {
  const { t } = useTranslation();
  return (
    <tr className="board-row board-totals" data-testid="board-totals" aria-rowindex={rowIndex}>
      {table.getVisibleLeafColumns().map((col, i) => (
        <td key={col.id} style={{ width: col.getSize(), textAlign: alignOf(col.columnDef.meta) }}>
          {i === 0 ? (
            <Text fw={700} size="sm">{t('board.total')}: {formatNumber(rows.length, lang)}</Text>
          ) : (SUMMED as readonly string[]).includes(col.id) ? (
            <SumText sums={sums} count={rows.length} id={col.id as Summed} lang={lang} testId={`total-${col.id}`} />
          ) : null}
        </td>
      ))}
    </tr>
  );
}

type TableRow = ReturnType<BoardTable['getRowModel']>['rows'][number];

/**
 * A row's cells, rendered again only when its project or the column layout changed: when a change
 * elsewhere moves one row, the others keep their cells (their table rows are new objects, their
 * projects are not).
 */
const RowCells = memo(
  function RowCells({ row, table }: { row: TableRow; original: BoardRow; layoutKey: string; table: BoardTable }) {
    return (
      <>
        {row.getVisibleCells().map((cell) => (
          <td key={cell.id} data-col={cell.column.id} style={{ width: cell.column.getSize(), textAlign: alignOf(cell.column.columnDef.meta) }}>
            {cell.getIsPlaceholder() ? null : <table.FlexRender cell={cell} />}
          </td>
        ))}
      </>
    );
  },
  (prev, next) => prev.original === next.original && prev.layoutKey === next.layoutKey && prev.table === next.table,
);

export function BoardView({ searchRef }: { searchRef: RefObject<HTMLInputElement | null> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { store, filters, setFilters, openProject } = useApp();
  const { rows, phase, total, error, delta } = useProjects(store);
  const [grouping, setGroupingState] = useState<string>(() => globalThis.localStorage?.getItem(GROUP_KEY) ?? 'none');
  const setGrouping = useCallback((g: string) => {
    setGroupingState(g);
    globalThis.localStorage?.setItem(GROUP_KEY, g);
  }, []);
  const onOpen = useCallback((id: string) => openProject(id), [openProject]);
  const groupingState = useMemo(() => (grouping === 'none' ? [] : [grouping]), [grouping]);
  const { shown, sums, facetCounts, sorting, setSorting } = useBoardRows({ rows, delta, filters, lang, t });
  const { layout, setLayout } = useBoardLayout();
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const grouped = groupingState.length > 0;
  const tableOpts = { grouping: groupingState, sorting, setSorting, layout, lang, t, onOpen };

  // Grouped, the table needs every row (it groups and sums them); flat, it gets only the rows on
  // screen (below), so a sort, a search or a change elsewhere never builds 100,000 table rows.
  const groupTable = useBoardTable({ ...tableOpts, data: grouped ? shown : NO_ROWS });
  const groupRows = groupTable.getRowModel().rows;
  const visibleGroupRows = useMemo(
    () => (collapsed.size === 0 ? groupRows : groupRows.filter((r) => !(r.depth > 0 && r.parentId && collapsed.has(r.parentId)))),
    [groupRows, collapsed],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = grouped ? visibleGroupRows.length : shown.length;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const windowRows = useMemo(() => (grouped ? NO_ROWS : shown.slice(first, first + items.length)), [grouped, shown, first, items.length]);
  const flatTable = useBoardTable({ ...tableOpts, data: windowRows });
  const table = grouped ? groupTable : flatTable;
  const flatRows = flatTable.getRowModel().rows;
  const rowAt = (index: number) => (grouped ? visibleGroupRows[index] : flatRows[index - first]);

  // Printing (Ctrl+P or the Print button) mounts the print table of every filtered row; the
  // screen layout is hidden by print CSS.
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);

  const painted = phase !== 'loading' && count > 0;
  useLayoutEffect(() => {
    // User timing marks the benchmarks read: first rows in the DOM (painted next frame), all rows loaded.
    if (painted && performance.getEntriesByName('hattama:board-first-rows').length === 0) performance.mark('hattama:board-first-rows');
    if (phase === 'ready' && performance.getEntriesByName('hattama:board-all-rows').length === 0) performance.mark('hattama:board-all-rows');
  }, [painted, phase]);

  if (phase === 'loading') {
    return (
      <Group justify="center" p="xl" role="status">
        <Loader size="sm" />
        <Text>{t('board.loading')}</Text>
      </Group>
    );
  }
  if (phase === 'error') {
    return (
      <Alert color="red" title={t('board.loadFailed')} m="md" role="alert" data-testid="board-error">
        <Stack gap="xs">
          <Text size="sm">{error}</Text>
          <Button size="xs" w="fit-content" onClick={() => void store.load()}>{t('board.retry')}</Button>
        </Stack>
      </Alert>
    );
  }
  if (phase === 'ready' && rows.length === 0) return <EmptyRegister />;

  const columns = table.getVisibleLeafColumns();
  // What a row's cells depend on besides the row itself: the columns, their widths, the language.
  const layoutKey = `${lang}|${columns.map((c) => `${c.id}:${c.getSize()}`).join(',')}`;
  const totalWidth = columns.reduce((s, c) => s + c.getSize(), 0);
  const filteredCount = shown.length;

  return (
    <Stack gap="sm" h="100%">
      <Group justify="space-between" align="flex-end" className="no-print">
        <Group gap="xs">
          <Title order={2} size="h3">{t('board.title')}</Title>
          <Tooltip label={`${t('board.print.action')} (Ctrl+P)`}>
            <ActionIcon variant="subtle" aria-label={t('board.print.action')} data-testid="board-print-button" className="no-print"
              onClick={() => { flushSync(() => setPrinting(true)); window.print(); }}>
              <IconPrinter size={18} />
            </ActionIcon>
          </Tooltip>
          <BoardExcelActions rows={shown} columns={columns.map((c) => c.id)} facetText={(facet, v) => facetLabel(facet as Facet, v, lang, t)} />
        </Group>
        <Group gap="xs">
        {/* While the rest loads the count says so, with no spinner: an endless animation redraws the
            window every frame for the seconds the rows take (see SyncIndicator). */}
        <Text size="sm" c="dimmed" data-testid="board-count" role="status">
          {phase === 'partial' ? (total > 0 ? t('board.loadingMore', { count: formatNumber(rows.length, lang), total: formatNumber(total, lang) }) : t('board.loadingFirst', { count: formatNumber(rows.length, lang) })) : t('board.shown', { shown: formatNumber(filteredCount, lang), total: formatNumber(rows.length, lang) })}
        </Text>
        </Group>
      </Group>
      <BoardToolbar ref={searchRef} table={table} facetCounts={facetCounts} filters={filters} setFilters={setFilters} grouping={grouping} setGrouping={setGrouping} layout={layout} setLayout={setLayout} />
      <Paper withBorder radius="sm" className="board-frame">
        <div ref={scrollRef} className="board-scroll" data-testid="board-scroll">
          <table className="board-table" style={{ width: totalWidth }} aria-label={t('board.table')} aria-rowcount={count + 2}>
            <thead className="board-head">
              {table.getHeaderGroups().map((hg) => (
                <tr key={hg.id} className="board-row" aria-rowindex={1}>
                  {hg.headers.map((h) => {
                    const sorted = h.column.getIsSorted();
                    return (
                      <th key={h.id} style={{ width: h.getSize(), textAlign: alignOf(h.column.columnDef.meta) }}
                        aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'} scope="col">
                        {h.column.getCanSort() ? (
                          <UnstyledButton className="th-button" onClick={h.column.getToggleSortingHandler()} data-testid={`sort-${h.column.id}`}>
                            <table.FlexRender header={h} />
                            {sorted === 'asc' && <IconSortAscending size={14} aria-hidden />}
                            {sorted === 'desc' && <IconSortDescending size={14} aria-hidden />}
                          </UnstyledButton>
                        ) : (
                          <table.FlexRender header={h} />
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody style={{ height: virtualizer.getTotalSize(), position: 'relative', display: 'block' }}>
              {items.map((vi) => {
                const row = rowAt(vi.index);
                if (!row) return null;
                const style = { transform: `translateY(${vi.start}px)`, height: ROW_HEIGHT };
                if (row.getIsGrouped()) {
                  const facet = row.groupingColumnId as Facet;
                  const isCollapsed = collapsed.has(row.id);
                  return (
                    <tr key={row.id} className="board-row board-group" style={style} data-testid="group-row" aria-expanded={!isCollapsed} aria-rowindex={vi.index + 2}>
                      {columns.map((col, i) => (
                        <td key={col.id} style={{ width: col.getSize(), textAlign: alignOf(col.columnDef.meta) }}>
                          {i === 0 ? (
                            <UnstyledButton
                              className="group-toggle"
                              onClick={() => setCollapsed((s) => { const n = new Set(s); if (n.has(row.id)) n.delete(row.id); else n.add(row.id); return n; })}
                            >
                              {isCollapsed ? <IconChevronRight size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />}
                              <Text span fw={700} size="sm">{facetLabel(facet, String(row.groupingValue ?? ''), lang, t)}</Text>
                              <Text span size="xs" c="dimmed">· {t('board.groupRows', { count: row.subRows.length })}</Text>
                            </UnstyledButton>
                          ) : (SUMMED as readonly string[]).includes(col.id) ? (
                            <SumText sums={sumFigures(row.getLeafRows().map((r) => r.original))} count={row.getLeafRows().length} id={col.id as Summed} lang={lang} />
                          ) : null}
                        </td>
                      ))}
                    </tr>
                  );
                }
                return (
                  <tr key={row.id} className="board-row" style={style} data-testid="board-row" data-project-id={row.original.id} aria-rowindex={vi.index + 2}>
                    <RowCells row={row} original={row.original} layoutKey={layoutKey} table={table} />
                  </tr>
                );
              })}
            </tbody>
            <tfoot className="board-foot">
              <TotalsRow table={table} rows={shown} sums={sums} lang={lang} rowIndex={count + 2} />
            </tfoot>
          </table>
          {filteredCount === 0 && (
            <Box p="xl" ta="center">
              <Text c="dimmed">{t('board.noMatch')}</Text>
            </Box>
          )}
        </div>
      </Paper>
      {printing && <BoardPrint rows={shown} sums={sums} columns={columns.map((c) => c.id)} filters={filters} total={rows.length} />}
    </Stack>
  );
}
