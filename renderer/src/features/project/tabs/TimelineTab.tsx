// The card's timeline tab: start and commissioning dates, and the stage log (records of its own).
// Also the card's date field: what the clerk types stays as typed (an impossible 31.02.2025 is
// refused with a message, never emptied or replaced), and a calendar helps to pick a date.
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { Popover, Stack, Text, TextInput } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { formatDate, formatDateTime, parseDate, todayIso } from '@shared/locale/dates';
import type { Lang } from '@shared/locale/lang';
import type { StageLogRow } from '../../../db/db';
import type { CardForm, TabProps } from '../card-fields';
import { dateValue } from '../project-form';

/**
 * The card's typed fields show a refused value and its message in a red dark enough to read
 * (WCAG AA on white; the default light-scheme red is not), the red the dark scheme uses anyway.
 */
export const ERROR_CONTRAST = { '--mantine-color-error': 'var(--mantine-color-red-8)' } as const;

/** The calendar's weekend days in a red dark enough to read on white (the light scheme's default is not). */
const WEEKEND_CONTRAST = { '--mantine-color-red-6': 'var(--mantine-color-red-8)' } as const;

/** A date field's value as the field shows it: DD.MM.YYYY for a date, else the text as typed. */
function dateText(value: string | null): string {
  if (value === null) return '';
  return parseDate(value) === value ? formatDate(value) : value;
}

/**
 * Names of the calendar's arrows and headings, from the calendar itself: the arrow to the previous
 * month is called by that month ("сентябрь 2026"), to the previous year by that year, and so on.
 */
function calendarLabels(shown: string, lang: Lang) {
  const [y = 2000, m = 1] = shown.split('-').map(Number);
  const monthName = (year: number, month: number) => new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
  const decade = Math.floor(y / 10) * 10;
  return {
    previousMonth: monthName(m === 1 ? y - 1 : y, m === 1 ? 12 : m - 1),
    nextMonth: monthName(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1),
    previousYear: String(y - 1),
    nextYear: String(y + 1),
    previousDecade: `${decade - 10}–${decade - 1}`,
    nextDecade: `${decade + 10}–${decade + 19}`,
    monthLevelControl: monthName(y, m),
    yearLevelControl: String(y),
  };
}

/**
 * A date typed as DD.MM.YYYY (or picked in the calendar). The form value is the ISO date when the
 * text is a real date, null when the field is empty, and otherwise the text itself, which the
 * schema refuses ('invalid_date'): the text stays in the field, with the message under it.
 */
export function DateField({ form, path, label, placeholder, lang, withAsterisk, testId }: { form: CardForm; path: string; label: string; placeholder: string; lang: Lang; withAsterisk?: boolean; testId?: string }) {
  const input = form.getInputProps(path);
  const value = (input.value as string | null | undefined) ?? null;
  const [text, setText] = useState(() => dateText(value));
  const [opened, setOpened] = useState(false);
  const iso = value !== null && parseDate(value) === value ? value : null;
  const [month, setMonth] = useState<string | undefined>(iso ?? undefined);
  const [today] = useState(() => todayIso(Date.now()));
  /** The month the calendar shows: the one the clerk moved to, else the date's, else this one. */
  const shownMonth = month ?? iso ?? today;
  // The text typed here while it means the form's value; the value's own text when it changed elsewhere (draft, another window).
  const shown = dateValue(text) === dateValue(value) ? text : dateText(value);

  const set = (next: string | null) => form.setFieldValue(path as 'startDate', next);
  const onType = (raw: string) => {
    setText(raw);
    const typed = raw.trim() === '' ? null : parseDate(raw);
    set(raw.trim() === '' ? null : (typed ?? raw));
    if (typed) setMonth(typed);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' && !opened) setOpened(true);
    if ((e.key === 'Escape' || e.key === 'Enter') && opened) {
      e.stopPropagation();
      setOpened(false);
    }
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-start" withinPortal withRoles={false} trapFocus={false} returnFocus={false} shadow="md">
      <Popover.Target>
        <TextInput
          label={label}
          withAsterisk={withAsterisk ?? false}
          placeholder={placeholder}
          value={shown}
          error={input.error as ReactNode}
          autoComplete="off"
          spellCheck={false}
          style={ERROR_CONTRAST}
          rightSection={<IconCalendar size={16} aria-hidden />}
          rightSectionPointerEvents="none"
          onChange={(e) => onType(e.currentTarget.value)}
          onClick={() => setOpened(true)}
          onKeyDown={onKeyDown}
          // While the calendar is open, Escape closes it and not the card (Mantine's modals skip such a target).
          data-mantine-stop-propagation={opened || undefined}
          onBlur={(e) => {
            setOpened(false);
            // A real date typed as 1.3.2025 reads back as 01.03.2025; other text stays as typed.
            if (iso) setText(formatDate(iso));
            (input.onBlur as ((ev: typeof e) => void) | undefined)?.(e);
          }}
          {...(testId ? { 'data-testid': testId } : {})}
        />
      </Popover.Target>
      <Popover.Dropdown p="xs" style={WEEKEND_CONTRAST} onMouseDown={(e) => e.preventDefault()} data-testid={testId ? `${testId}-calendar` : undefined}>
        <DatePicker
          value={iso}
          date={shownMonth}
          onDateChange={setMonth}
          hideOutsideDates
          ariaLabels={calendarLabels(shownMonth, lang)}
          onChange={(picked) => {
            if (!picked) return;
            set(picked);
            setText(formatDate(picked));
            setOpened(false);
          }}
        />
      </Popover.Dropdown>
    </Popover>
  );
}

export function TimelineTab({ form, t, lang, stageLog }: TabProps & { stageLog: readonly StageLogRow[] }) {
  return (
    <Stack gap="sm">
      {(['startDate', 'plannedCommissioningDate', 'actualCommissioningDate'] as const).map((f) => (
        <DateField key={f} form={form} path={f} label={t(`fields.${f}`)} placeholder={t('fields.datePlaceholder')} lang={lang} testId={`field-${f}`} />
      ))}
      <Text fw={600} mt="md">{t('project.stageLog')}</Text>
      {stageLog.length === 0 ? <Text c="dimmed" size="sm">{t('project.noHistory')}</Text> : (
        <Stack gap={4} data-testid="stage-log">
          {[...stageLog].reverse().map((e) => (
            <Text size="sm" key={e.id}>
              {formatDateTime(e.at)} — {e.from ? t(`stage.${e.from}`) : '∅'} → <b>{t(`stage.${e.to}`)}</b> ({e.by})
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
