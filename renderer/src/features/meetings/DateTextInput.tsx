// A date typed as DD.MM.YYYY, with a calendar to pick one. The value is the text as typed: an
// impossible date stays in the field with its message under it, never emptied or replaced.
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { Popover, TextInput } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { formatDate, parseDate, todayIso } from '@shared/locale/dates';

/** The calendar's weekend days in a red dark enough to read on white. */
const WEEKEND_CONTRAST = { '--mantine-color-red-6': 'var(--mantine-color-red-8)' } as const;

type Props = {
  label: string;
  value: string;
  onChange: (text: string) => void;
  onBlur?: () => void;
  error?: ReactNode;
  placeholder?: string;
  withAsterisk?: boolean;
  testId?: string;
  w?: number | string;
};

export function DateTextInput({ label, value, onChange, onBlur, error, placeholder, withAsterisk, testId, w }: Props) {
  const [opened, setOpened] = useState(false);
  const iso = parseDate(value);
  const [month, setMonth] = useState<string | undefined>(undefined);
  const [today] = useState(() => todayIso(Date.now()));
  const shown = month ?? iso ?? today;
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
          value={value}
          error={error}
          placeholder={placeholder}
          withAsterisk={withAsterisk ?? false}
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
          w={w}
          rightSection={<IconCalendar size={16} aria-hidden />}
          rightSectionPointerEvents="none"
          onChange={(e) => {
            onChange(e.currentTarget.value);
            setMonth(undefined);
          }}
          onClick={() => setOpened(true)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpened(false);
            // A real date typed as 1.3.2026 reads back as 01.03.2026; other text stays as typed.
            if (iso && formatDate(iso) !== value) onChange(formatDate(iso));
            onBlur?.();
          }}
          {...(testId ? { 'data-testid': testId } : {})}
        />
      </Popover.Target>
      <Popover.Dropdown p="xs" style={WEEKEND_CONTRAST} onMouseDown={(e) => e.preventDefault()}>
        <DatePicker
          value={iso}
          date={shown}
          onDateChange={setMonth}
          hideOutsideDates
          onChange={(picked) => {
            if (!picked) return;
            onChange(formatDate(picked));
            setOpened(false);
          }}
        />
      </Popover.Dropdown>
    </Popover>
  );
}
