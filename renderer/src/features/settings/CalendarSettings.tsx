// The working-day calendar: the public holidays of the year as the law sets them (read-only, with
// the days carried over), and the days moved by Government decree, which the clerk keeps — a
// weekday made a day off, a Saturday made a working day. Deadlines «в течение N рабочих дней»
// are counted with both.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { ActionIcon, Button, Group, Paper, SegmentedControl, Stack, Table, Text, TextInput, Badge } from '@mantine/core';
import { IconCalendarPlus, IconChevronLeft, IconChevronRight, IconTrash } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { buildWorkCalendar, holidaysOf } from '@shared/domain/work-calendar';
import { formatDate, parseDate, todayIso } from '@shared/locale/dates';
import { useApp } from '../../app/app-context';
import { showUndoToast } from '../../app/undo-toast';
import { useWarnBeforeUnload } from '../../app/warn-before-unload';
import { aliveRows } from '../../db/db';
import { ValidationError } from '../../db/repository';

export function CalendarSettings() {
  const { t } = useTranslation();
  const { db, repos } = useApp();
  const days = useLiveQuery(() => aliveRows(db.calendarDays).toArray(), [db]);
  const moved = useMemo(() => [...(days ?? [])].sort((a, b) => a.date.localeCompare(b.date)), [days]);
  const [year, setYear] = useState(() => Number(todayIso(Date.now()).slice(0, 4)));
  const holidays = useMemo(() => {
    try {
      return holidaysOf(year, buildWorkCalendar(moved.map((d) => ({ date: d.date, kind: d.kind }))));
    } catch {
      return holidaysOf(year);
    }
  }, [year, moved]);
  const [dateText, setDateText] = useState('');
  const [kind, setKind] = useState<'day_off' | 'workday'>('day_off');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A date or note typed and not yet added: closing the window asks first.
  useWarnBeforeUnload(dateText.trim() !== '' || note.trim() !== '');

  const add = async () => {
    const date = parseDate(dateText);
    if (!date) {
      setErrors({ date: t(dateText.trim() ? 'validation.invalid_date' : 'validation.required') });
      return;
    }
    const existing = moved.find((d) => d.date === date);
    if (existing) {
      setErrors({ date: t('settings.calendarDuplicate', { date: formatDate(existing.date) }) });
      return;
    }
    try {
      await repos.calendarDays.create({ date, kind, note });
      setDateText('');
      setNote('');
      setErrors({});
    } catch (e) {
      if (e instanceof ValidationError) setErrors(Object.fromEntries(e.issues.map((i) => [i.path, t(`validation.${i.message}`, { defaultValue: t('validation.unknown') })])));
      else notifications.show({ color: 'red', message: t('notify.saveFailed', { message: (e as Error).message }) });
    }
  };

  const remove = async (id: string, day: string) => {
    await repos.calendarDays.remove(id);
    showUndoToast({ id: `calendar-day-removed-${id}`, message: t('settings.calendarRemoved', { date: formatDate(day) }), t, onUndo: async () => { await repos.calendarDays.restore(id); } });
  };

  return (
    <Paper withBorder p="md" data-testid="calendar-settings">
      <Stack gap="sm">
        <div>
          <Text fw={600}>{t('settings.calendar')}</Text>
          <Text size="sm" c="dimmed">{t('settings.calendarHint')}</Text>
        </div>
        <Group gap="xs" align="center">
          <Text size="sm" fw={600}>{t('settings.calendarHolidays')}</Text>
          <ActionIcon variant="subtle" aria-label={t('settings.calendarPrevYear')} onClick={() => setYear((y) => y - 1)}><IconChevronLeft size={16} /></ActionIcon>
          <Text size="sm" data-testid="calendar-year">{year}</Text>
          <ActionIcon variant="subtle" aria-label={t('settings.calendarNextYear')} onClick={() => setYear((y) => y + 1)}><IconChevronRight size={16} /></ActionIcon>
        </Group>
        <Group gap={6} data-testid="calendar-holidays">
          {holidays.map((h) => (
            <Badge key={`${h.date}-${h.key}`} variant="default" tt="none" fw={h.carried ? 400 : 600} fs={h.carried ? 'italic' : undefined}>
              {formatDate(h.date)} · {t(`settings.holiday.${h.key}`)}{h.carried ? ` (${t('settings.calendarCarried')})` : ''}
            </Badge>
          ))}
        </Group>
        <Text size="sm" fw={600}>{t('settings.calendarMoved')}</Text>
        {moved.length === 0 ? <Text size="sm" c="dimmed">{t('settings.calendarNone')}</Text> : (
          <Table data-testid="calendar-days">
            <Table.Tbody>
              {moved.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td w={120}>{formatDate(d.date)}</Table.Td>
                  <Table.Td w={200}>{t(`settings.calendarKind.${d.kind}`)}</Table.Td>
                  <Table.Td>{d.note}</Table.Td>
                  <Table.Td w={40}>
                    <ActionIcon variant="subtle" color="red" aria-label={`${t('actions.delete')}: ${formatDate(d.date)}`} onClick={() => void remove(d.id, d.date)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form onSubmit={(e) => { e.preventDefault(); void add(); }}>
          <Group align="flex-start" wrap="wrap">
            <TextInput label={t('settings.calendarDate')} placeholder={t('settings.calendarDatePlaceholder')} value={dateText} onChange={(e) => setDateText(e.currentTarget.value)}
              error={errors.date} w={160} maxLength={10} data-testid="calendar-date" />
            <SegmentedControl mt={25} value={kind} onChange={(v) => setKind(v as 'day_off' | 'workday')}
              data={[{ value: 'day_off', label: t('settings.calendarKind.day_off') }, { value: 'workday', label: t('settings.calendarKind.workday') }]} />
            <TextInput label={t('settings.calendarNote')} placeholder={t('settings.calendarNotePlaceholder')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} maxLength={600} w={300} />
            <Button type="submit" mt={25} leftSection={<IconCalendarPlus size={16} />} data-testid="calendar-add">{t('settings.calendarAdd')}</Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  );
}
