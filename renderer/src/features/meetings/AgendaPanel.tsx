// A meeting's agenda: items numbered 1, 2, 3 in their order, reordered by dragging (mouse or
// keyboard: Space, arrows, Space) — a move rewrites the moved item's position only; each item's
// title, speaker and the projects it concerns (each opens the project's card); the control item
// «Об исполнении ранее данных поручений» lists the assignments under control at the meeting's date.
// Items are added, edited and removed (with undo) here.
import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors,
  type Announcements, type DragEndEvent, type ScreenReaderInstructions,
} from '@dnd-kit/core';
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Alert, Badge, Button, Group, Paper, Stack, Text, Tooltip, UnstyledButton, useComputedColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconChecklist, IconGripVertical, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { agendaNumbers, byPosition } from '@shared/domain/decisions';
import type { AgendaKind } from '@shared/domain/meeting.schema';
import { useApp } from '../../app/app-context';
import { showUndoToast } from '../../app/undo-toast';
import type { AgendaItemRow, BoardRow, MeetingRow } from '../../db/db';
import { boardRowsOf } from '../../db/projections';
import { titleHints } from './agenda-hints';
import { AgendaItemModal } from './AgendaItemModal';
import { ControlAssignments } from './ControlAssignments';
import { CONTROL_TITLE } from './control-items';
import { agendaErrorMessage } from './agenda-errors';
import { BADGE_TEXT, HINT_COLOR } from './colors';

/** An item's title in the UI language, the other language's when it has none. */
export function itemTitle(item: Pick<AgendaItemRow, 'titleRu' | 'titleKk'>, lang: string): string {
  return (lang === 'kk' ? item.titleKk || item.titleRu : item.titleRu || item.titleKk) ?? '';
}

type ItemProps = {
  item: AgendaItemRow;
  number: number;
  lang: string;
  projects: ReadonlyMap<string, BoardRow>;
  meeting: MeetingRow;
  readOnly: boolean;
  onEdit: (item: AgendaItemRow) => void;
  onRemove: (item: AgendaItemRow, number: number) => void;
};

const AgendaItem = memo(function AgendaItem({ item, number, lang, projects, meeting, readOnly, onEdit, onRemove }: ItemProps) {
  const { t } = useTranslation();
  const { openProject } = useApp();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled: readOnly });
  const title = itemTitle(item, lang);
  const other = lang === 'kk' ? (item.titleKk ? item.titleRu : undefined) : (item.titleRu ? item.titleKk : undefined);
  const hints = Object.values(titleHints(item, t));
  const hintColor = HINT_COLOR[useComputedColorScheme('light')];
  return (
    <div ref={setNodeRef} style={{ transform: CSS.Transform.toString(transform), transition, position: 'relative', zIndex: isDragging ? 5 : undefined }}
      data-testid="agenda-item" data-item-id={item.id} data-kind={item.kind}>
      <Paper withBorder p="sm" shadow={isDragging ? 'md' : 'none'}>
        <Group align="flex-start" wrap="nowrap" gap="sm">
          {!readOnly && (
            <ActionIcon ref={setActivatorNodeRef} variant="subtle" color="gray" style={{ cursor: 'grab', touchAction: 'none', flexShrink: 0 }}
              {...attributes} {...listeners} aria-label={t('meetings.agenda.dragHandle', { number })} data-testid="agenda-handle">
              <IconGripVertical size={18} />
            </ActionIcon>
          )}
          <Text fw={700} w={24} ta="right" style={{ flexShrink: 0 }} data-testid="agenda-number">{number}.</Text>
          <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="agenda-title">{title}</Text>
              {item.kind === 'control' && <Badge size="sm" variant="light" color="grape" styles={BADGE_TEXT} style={{ flexShrink: 0 }}>{t('meetings.agenda.control')}</Badge>}
            </Group>
            {other && <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>{other}</Text>}
            {hints.length > 0 && (
              <Group gap={4} wrap="nowrap" data-testid="agenda-item-hint">
                <IconAlertTriangle size={14} color={hintColor} style={{ flexShrink: 0 }} aria-hidden />
                <Text size="xs" style={{ color: hintColor }}>{hints.join(' ')}</Text>
              </Group>
            )}
            {item.speaker && <Text size="sm"><Text span c="dimmed" size="sm">{t('meetings.agenda.speaker')}: </Text>{item.speaker}</Text>}
            {item.projectIds.length > 0 && (
              <Stack gap={2} data-testid="agenda-item-projects">
                {item.projectIds.map((pid) => {
                  const row = projects.get(pid);
                  return (
                    <Group key={pid} gap={6} wrap="nowrap">
                      <UnstyledButton className="cell-link" onClick={() => openProject(pid)} title={t('meetings.agenda.openProject')} data-testid="agenda-project-link" data-project-id={pid}
                        style={{ whiteSpace: 'normal' }}>
                        <Text size="sm" span>{row?.title ?? '—'}</Text>
                      </UnstyledButton>
                      {row?.investorName && <Text size="xs" c="dimmed" lineClamp={1}>{row.investorName}</Text>}
                    </Group>
                  );
                })}
              </Stack>
            )}
            {item.kind === 'control' && <ControlAssignments meeting={meeting} />}
          </Stack>
          {!readOnly && (
            <Group gap={2} wrap="nowrap" style={{ flexShrink: 0 }}>
              <Tooltip label={t('meetings.agenda.edit', { number })}>
                <ActionIcon variant="subtle" aria-label={t('meetings.agenda.edit', { number })} onClick={() => onEdit(item)} data-testid="agenda-edit"><IconPencil size={16} /></ActionIcon>
              </Tooltip>
              <Tooltip label={t('meetings.agenda.remove', { number })}>
                <ActionIcon variant="subtle" color="red" aria-label={t('meetings.agenda.remove', { number })} onClick={() => onRemove(item, number)} data-testid="agenda-remove"><IconTrash size={16} /></ActionIcon>
              </Tooltip>
            </Group>
          )}
        </Group>
      </Paper>
    </div>
  );
});

/** The item in the form: an existing one, or a new one of a kind. */
type Editing = { item: AgendaItemRow | null; kind: AgendaKind };

export function AgendaPanel({ meeting, readOnly = false }: { meeting: MeetingRow; readOnly?: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { db, repos } = useApp();
  const items = useLiveQuery(
    async () => byPosition((await db.agendaItems.where('meetingId').equals(meeting.id).toArray()).filter((i) => i.alive === 1)),
    [db, meeting.id],
  );
  const projectIds = useMemo(() => [...new Set((items ?? []).flatMap((i) => i.projectIds))].sort(), [items]);
  const projects = useLiveQuery(async () => {
    const rows = await boardRowsOf(db, projectIds);
    return new Map(rows.flatMap((r) => (r ? [[r.id, r] as const] : [])));
  }, [db, projectIds.join(',')]) ?? new Map<string, BoardRow>();
  /** The order shown right after a drop, until the stored order catches up. */
  const [pending, setPending] = useState<string[] | null>(null);
  useEffect(() => setPending(null), [items]);
  const [editing, setEditing] = useState<Editing | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const ordered = useMemo(() => {
    const list = items ?? [];
    if (!pending) return list;
    const byId = new Map(list.map((i) => [i.id, i]));
    const out = pending.flatMap((id) => byId.get(id) ?? []);
    return out.length === list.length ? out : list;
  }, [items, pending]);
  // Numbered as the minutes number them (by position); right after a drop, as shown.
  const numbers = useMemo(() => (pending ? new Map(ordered.map((i, n) => [i.id, n + 1])) : agendaNumbers(ordered)), [ordered, pending]);
  const ids = ordered.map((i) => i.id);
  const hasControl = ordered.some((i) => i.kind === 'control');

  const fail = useCallback((e: unknown) => notifications.show({ color: 'red', message: agendaErrorMessage(e, t) }), [t]);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = ids.indexOf(String(active.id));
    const to = ids.indexOf(String(over.id));
    if (from < 0 || to < 0) return;
    setPending(arrayMove(ids, from, to));
    repos.ops.moveAgendaItem(String(active.id), to).catch((e: unknown) => {
      setPending(null);
      fail(e);
    });
  };
  // Stable, so an item re-renders only when it changes.
  const remove = useCallback(async (item: AgendaItemRow, number: number) => {
    try {
      const decisions = await repos.ops.removeAgendaItem(item.id);
      showUndoToast({
        id: `agenda-removed-${item.id}`, t, testId: 'agenda-undo',
        message: decisions.length > 0 ? t('meetings.agenda.removedWithDecisions', { number, count: decisions.length }) : t('meetings.agenda.removed', { number }),
        onUndo: async () => {
          await repos.ops.restoreAgendaItem(item.id, decisions).catch(fail);
        },
      });
    } catch (e) {
      fail(e);
    }
  }, [repos, t, fail]);
  const onRemove = useCallback((item: AgendaItemRow, number: number) => void remove(item, number), [remove]);
  const onEdit = useCallback((item: AgendaItemRow) => setEditing({ item, kind: item.kind }), []);
  const addControl = async () => {
    try {
      await repos.ops.addAgendaItem(meeting.id, { kind: 'control', titleRu: CONTROL_TITLE.ru, titleKk: CONTROL_TITLE.kk, projectIds: [] });
    } catch (e) {
      fail(e);
    }
  };

  // What a screen reader hears while an item is moved: its title and its place, in the UI language.
  const titleOf = (id: string | number) => itemTitle(ordered.find((i) => i.id === id) ?? {}, lang);
  const placeOf = (id: string | number | undefined) => (id === undefined ? 0 : ids.indexOf(String(id)) + 1);
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('meetings.agenda.announce.start', { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) => t('meetings.agenda.announce.over', { title: titleOf(active.id), number: placeOf(over?.id ?? active.id) }),
    onDragEnd: ({ active, over }) => t('meetings.agenda.announce.end', { title: titleOf(active.id), number: placeOf(over?.id ?? active.id) }),
    onDragCancel: ({ active }) => t('meetings.agenda.announce.cancel', { title: titleOf(active.id) }),
  };
  const screenReaderInstructions: ScreenReaderInstructions = { draggable: t('meetings.agenda.announce.instructions') };

  if (items === undefined) return null;
  return (
    <Stack gap="sm">
      {readOnly && <Alert color="teal" variant="light" py={6}>{t('meetings.agenda.signed')}</Alert>}
      {!readOnly && (
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ item: null, kind: 'topic' })} data-testid="agenda-add">{t('meetings.agenda.add')}</Button>
            <Tooltip label={t('meetings.agenda.controlExists')} disabled={!hasControl}>
              <Button variant="light" leftSection={<IconChecklist size={16} />} disabled={hasControl} onClick={() => void addControl()} data-testid="agenda-add-control">
                {t('meetings.agenda.addControl')}
              </Button>
            </Tooltip>
          </Group>
          {ordered.length > 1 && <Text size="sm" c="dimmed">{t('meetings.agenda.dragHint')}</Text>}
        </Group>
      )}
      {ordered.length === 0 ? (
        <Paper withBorder p="lg" data-testid="agenda-empty"><Text c="dimmed">{t('meetings.agenda.empty')}</Text></Paper>
      ) : (
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions }}>
          <SortableContext items={ids} strategy={verticalListSortingStrategy}>
            <Stack gap="xs" data-testid="agenda-list">
              {ordered.map((item) => (
                <AgendaItem key={item.id} item={item} number={numbers.get(item.id) ?? 0} lang={lang} projects={projects} meeting={meeting} readOnly={readOnly}
                  onEdit={onEdit} onRemove={onRemove} />
              ))}
            </Stack>
          </SortableContext>
        </DndContext>
      )}
      {editing && <AgendaItemModal meetingId={meeting.id} item={editing.item} kind={editing.kind} number={editing.item ? (numbers.get(editing.item.id) ?? null) : null} onClose={() => setEditing(null)} />}
    </Stack>
  );
}
