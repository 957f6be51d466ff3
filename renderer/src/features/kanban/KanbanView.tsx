// The kanban of the register by stage: dragging a card (mouse or keyboard) to another column
// changes the project's stage, which the repository records in the stage log.
import { memo, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DndContext, DragOverlay, KeyboardCode, KeyboardSensor, PointerSensor, useDraggable, useDroppable, useSensor, useSensors,
  type Announcements, type DragEndEvent, type DragStartEvent, type KeyboardCoordinateGetter, type ScreenReaderInstructions,
} from '@dnd-kit/core';
import { ActionIcon, Alert, Badge, Button, Group, Menu, Paper, ScrollArea, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDotsVertical, IconGripVertical } from '@tabler/icons-react';
import type { Lang } from '@shared/locale/lang';
import { formatTenge } from '@shared/locale/money';
import { districtName } from '@shared/geo/regions';
import { STAGES, type Stage, type ProjectStatus } from '@shared/domain/project.schema';
import { useApp } from '../../app/app-context';
import { activeFacetCount, EmptyRegister, matchesFilters, NO_FILTERS, STAGE_COLOR, STATUS_COLOR, useProjects } from '../board';
import type { BoardRow } from '../../db/db';

const CARD_LIMIT = 100;

/**
 * Keyboard dragging moves a card a whole column at a time (left and right arrows), not 25 px:
 * the card's centre jumps to the centre of the neighbouring stage's column.
 */
export const columnCoordinates: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
  const step = event.code === KeyboardCode.Right ? 1 : event.code === KeyboardCode.Left ? -1 : 0;
  if (step === 0) return undefined;
  event.preventDefault();
  const columns = [...context.droppableRects.entries()]
    .filter(([id]) => (STAGES as readonly string[]).includes(String(id)))
    .sort((a, b) => STAGES.indexOf(a[0] as Stage) - STAGES.indexOf(b[0] as Stage));
  const at = context.over ? columns.findIndex(([id]) => id === context.over?.id) : columns.findIndex(([, r]) => currentCoordinates.x >= r.left && currentCoordinates.x <= r.left + r.width);
  const next = columns[Math.min(Math.max((at < 0 ? 0 : at) + step, 0), columns.length - 1)];
  const active = context.collisionRect;
  if (!next || !active) return undefined;
  const [, rect] = next;
  return { x: rect.left + rect.width / 2 - active.width / 2, y: Math.max(rect.top + 40, currentCoordinates.y) };
};

/** What a card shows under its handle and menu: the title (three lines at most), the investor, the status and figures. */
function CardBody({ row, lang, onOpen }: { row: BoardRow; lang: Lang; onOpen?: (id: string) => void }) {
  const { t } = useTranslation();
  const title = <Text size="sm" fw={600} span>{row.title}</Text>;
  return (
    <>
      {onOpen ? (
        <UnstyledButton onClick={() => onOpen(row.id)} className="cell-link kanban-title" title={row.title}>{title}</UnstyledButton>
      ) : (
        <div className="cell-link kanban-title">{title}</div>
      )}
      <Text size="xs" c="dimmed" lineClamp={1} title={row.investorName}>{row.investorName}</Text>
      <Group gap={4} mt={4}>
        <Badge size="xs" variant="dot" color={STATUS_COLOR[row.status as ProjectStatus]} maw="100%">{t(`status.${row.status}`)}</Badge>
        {row.investmentTenge !== undefined && <Badge size="xs" variant="light" color="gray">{formatTenge(row.investmentTenge, lang)}</Badge>}
        {row.districtId && <Text size="xs" c="dimmed" lineClamp={1}>{districtName(row.districtId, lang)}</Text>}
      </Group>
    </>
  );
}

const Card = memo(function Card({ row, lang, onMove, onOpen }: { row: BoardRow; lang: Lang; onMove: (row: BoardRow, to: Stage) => void; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  // The card stays in its column while dragged (dimmed); what moves is its copy in the DragOverlay,
  // which no column's scroll area clips.
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, isDragging } = useDraggable({ id: row.id, data: { row } });
  return (
    <div ref={setNodeRef} className={`kanban-card${isDragging ? ' is-dragging' : ''}`} data-testid="kanban-card" data-project-id={row.id}>
    <Paper withBorder p={6} radius="sm">
      <Group justify="space-between" wrap="nowrap" gap={2}>
        <ActionIcon ref={setActivatorNodeRef} variant="subtle" color="gray" size="sm" className="kanban-handle" data-testid="kanban-handle"
          {...attributes} {...listeners} aria-label={`${t('kanban.dragHandle')}: ${row.title}`}>
          <IconGripVertical size={14} />
        </ActionIcon>
        <Menu withinPortal position="bottom-end">
          <Menu.Target>
            <ActionIcon variant="subtle" size="sm" aria-label={`${t('kanban.moveTo')}: ${row.title}`}>
              <IconDotsVertical size={14} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>{t('kanban.moveTo')}</Menu.Label>
            {STAGES.filter((s) => s !== row.stage).map((s) => (
              <Menu.Item key={s} onClick={() => onMove(row, s)}>{t(`stage.${s}`)}</Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
      <CardBody row={row} lang={lang} onOpen={onOpen} />
    </Paper>
    </div>
  );
});

/** The dragged card's copy that follows the pointer (or the arrow keys) across the columns. */
function CardOverlay({ row, lang }: { row: BoardRow; lang: Lang }) {
  return (
    <div className="kanban-card kanban-card-overlay" data-testid="kanban-card-overlay" aria-hidden>
      <Paper withBorder p={6} radius="sm" shadow="md">
        <Group justify="space-between" wrap="nowrap" gap={2} h={22} px={4} c="dimmed">
          <IconGripVertical size={14} />
          <IconDotsVertical size={14} />
        </Group>
        <CardBody row={row} lang={lang} />
      </Paper>
    </div>
  );
}

function Column({ stage, rows, lang, onMove, onOpen }: { stage: Stage; rows: BoardRow[]; lang: Lang; onMove: (row: BoardRow, to: Stage) => void; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: stage });
  const sum = rows.reduce((s, r) => s + (r.investmentTenge ?? 0), 0);
  return (
    <Paper ref={setNodeRef} withBorder radius="md" p="xs" className={`kanban-column${isOver ? ' is-over' : ''}`} data-testid={`kanban-column-${stage}`} aria-label={t(`stage.${stage}`)} role="region">
      <Stack gap={4} mb="xs">
        <div className="kanban-stage-head">
          <Badge color={STAGE_COLOR[stage]} variant="light" className="stage-badge" title={t(`stage.${stage}`)}>{t(`stage.${stage}`)}</Badge>
          <Text size="xs" className="kanban-count" data-testid={`kanban-count-${stage}`}>{rows.length}</Text>
        </div>
        {sum > 0 && <Text size="xs" c="dimmed">{formatTenge(sum, lang)}</Text>}
      </Stack>
      <ScrollArea.Autosize mah="calc(100vh - 260px)" type="auto" scrollbars="y" offsetScrollbars>
        <Stack gap={6}>
          {rows.slice(0, CARD_LIMIT).map((r) => <Card key={r.id} row={r} lang={lang} onMove={onMove} onOpen={onOpen} />)}
          {rows.length > CARD_LIMIT && <Text size="xs" c="dimmed">{t('kanban.limit', { shown: CARD_LIMIT, total: rows.length })}</Text>}
        </Stack>
      </ScrollArea.Autosize>
    </Paper>
  );
}

export function KanbanView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { store, filters, setFilters, repos, openProject } = useApp();
  const activeFilters = activeFacetCount(filters) + (filters.search.trim() ? 1 : 0);
  const { rows, phase } = useProjects(store);
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const [dragged, setDragged] = useState<BoardRow | null>(null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates }));
  // What a screen reader hears while dragging: the project's title and the stage, in the UI language.
  const titleOf = (id: string | number) => rows.find((r) => r.id === id)?.title ?? '';
  const stageOf = (id: string | number | undefined) => (id !== undefined && (STAGES as readonly string[]).includes(String(id)) ? t(`stage.${String(id)}`) : '');
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('kanban.announce.start', { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) => (over ? t('kanban.announce.over', { title: titleOf(active.id), stage: stageOf(over.id) }) : t('kanban.announce.outside', { title: titleOf(active.id) })),
    onDragEnd: ({ active, over }) => (over ? t('kanban.announce.end', { title: titleOf(active.id), stage: stageOf(over.id) }) : t('kanban.announce.cancel', { title: titleOf(active.id) })),
    onDragCancel: ({ active }) => t('kanban.announce.cancel', { title: titleOf(active.id) }),
  };
  const screenReaderInstructions: ScreenReaderInstructions = { draggable: t('kanban.announce.instructions') };
  const byStage = useMemo(() => {
    const m = new Map<Stage, BoardRow[]>(STAGES.map((s) => [s, []]));
    for (const r of rows) if (matchesFilters(r, filters)) m.get(r.stage)?.push(r);
    return m;
  }, [rows, filters]);

  const move = async (row: BoardRow, to: Stage) => {
    if (row.stage === to || busy) return;
    setBusy(true);
    try {
      // The base of the stage is the stamp of the stage the clerk saw on the card.
      await repos.projects.update(row.id, { stage: to }, { seen: row.stageHlc ? { stage: row.stageHlc } : {} });
      notifications.show({ color: 'teal', message: t('notify.stageChanged', { title: row.title, from: t(`stage.${row.stage}`), to: t(`stage.${to}`) }) });
    } catch (e) {
      notifications.show({ color: 'red', message: t('notify.saveFailed', { message: (e as Error).message }) });
    } finally {
      setBusy(false);
    }
  };
  const onDragStart = (e: DragStartEvent) => setDragged((e.active.data.current as { row?: BoardRow } | undefined)?.row ?? null);
  const onDragEnd = (e: DragEndEvent) => {
    setDragged(null);
    const row = (e.active.data.current as { row?: BoardRow } | undefined)?.row;
    const to = e.over?.id as Stage | undefined;
    if (row && to) void move(row, to);
  };

  // An empty register: what the register says (load the example, add or import a project), not eight empty columns.
  if (phase === 'ready' && rows.length === 0) return <EmptyRegister />;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3" id={titleId}>{t('kanban.title')}</Title>
        <Text size="sm" c="dimmed">{t('kanban.dragHint')}</Text>
      </Group>
      {activeFilters > 0 && (
        <Alert variant="light" color="blue" py={6} data-testid="kanban-filters">
          <Group justify="space-between">
            <Text size="sm">{t('kanban.filtersApplied', { count: activeFilters })}</Text>
            <Button size="xs" variant="subtle" onClick={() => setFilters(() => NO_FILTERS)}>{t('actions.resetFilters')}</Button>
          </Group>
        </Alert>
      )}
      <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragged(null)} accessibility={{ announcements, screenReaderInstructions }}>
        {/* Wider than the window on a laptop: the board scrolls sideways, and is focusable so the
            arrow keys scroll it too (a card's handle scrolls into view when focused). */}
        <div className="kanban" data-testid="kanban-board" role="region" aria-labelledby={titleId} tabIndex={0}>
          {STAGES.map((s) => <Column key={s} stage={s} rows={byStage.get(s) ?? []} lang={lang} onMove={(r, to) => void move(r, to)} onOpen={openProject} />)}
        </div>
        {/* No drop animation: the card lands in its new column once the stage is saved. */}
        <DragOverlay dropAnimation={null}>{dragged ? <CardOverlay row={dragged} lang={lang} /> : null}</DragOverlay>
      </DndContext>
    </Stack>
  );
}
