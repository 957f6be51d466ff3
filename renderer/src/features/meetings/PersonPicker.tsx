// A person from the people directory (db.people), searchable by name and position, with a «+»
// that adds someone new to the directory right there (full name, position) and picks them; a name
// or position longer than the directory takes is refused as it arrives, and the field keeps what it held.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionIcon, Button, Group, Popover, Select, Stack, Text, TextInput, Tooltip, type ComboboxItem, type SelectProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserPlus } from '@tabler/icons-react';
import { PERSON_TEXT_MAX } from '@shared/domain/people.schema';
import type { Lang } from '@shared/locale/lang';
import { useApp } from '../../app/app-context';
import { longPasteRefuser } from '../../app/long-paste';
import { workspaceRegion } from '../../app/services';
import { ValidationError } from '../../db/repository';
import type { PersonRow } from '../../db/db';
import { useMessage } from './messages';

/** The directory's people as the pickers list them: alive, by name. */
export function personOptions(people: readonly PersonRow[], lang: string, exclude: ReadonlySet<string> = new Set()): (ComboboxItem & { position?: string })[] {
  return people
    .filter((p) => p.alive === 1 && !exclude.has(p.id))
    .sort((a, b) => a.fullName.localeCompare(b.fullName, lang))
    .map((p) => ({ value: p.id, label: p.fullName, ...(p.position ? { position: p.position } : {}) }));
}

const renderOption: NonNullable<SelectProps['renderOption']> = ({ option }) => {
  const position = (option as ComboboxItem & { position?: string }).position;
  return (
    <div>
      <Text size="sm">{option.label}</Text>
      {position && <Text size="xs" c="dimmed" lineClamp={2}>{position}</Text>}
    </div>
  );
};

/** Search by name and by position. */
const filterByNameOrPosition: NonNullable<SelectProps['filter']> = ({ options, search }) => {
  const q = search.toLocaleLowerCase('ru').trim();
  if (!q) return options;
  return options.filter((o) => {
    const item = o as ComboboxItem & { position?: string };
    return `${item.label} ${item.position ?? ''}`.toLocaleLowerCase('ru').includes(q);
  });
};

/** The inline form that adds a person to the directory; `onAdded` gets the new person's id. */
export function NewPersonButton({ onAdded, testId }: { onAdded: (id: string) => void; testId: string }) {
  const { t, i18n } = useTranslation();
  const { repos } = useApp();
  const message = useMessage();
  const [opened, setOpened] = useState(false);
  const [fullName, setFullName] = useState('');
  const [position, setPosition] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const refuse = longPasteRefuser<keyof typeof PERSON_TEXT_MAX>((k, text) => setErrors((e) => ({ ...e, [k]: text })), t, i18n.language as Lang);
  /** A field's change, unless it is longer than the directory takes; its message goes with it. */
  const change = (k: keyof typeof PERSON_TEXT_MAX, v: string, setValue: (v: string) => void) => {
    if (refuse(k, v, PERSON_TEXT_MAX[k])) return;
    setValue(v);
    setErrors((e) => (k in e ? Object.fromEntries(Object.entries(e).filter(([f]) => f !== k)) : e));
  };

  const add = async () => {
    setBusy(true);
    try {
      const p = await repos.people.create({ fullName, position, regionId: workspaceRegion() });
      notifications.show({ color: 'teal', message: t('meetings.person.added', { name: p.fullName }) });
      setFullName('');
      setPosition('');
      setErrors({});
      setOpened(false);
      onAdded(p.id);
    } catch (e) {
      if (e instanceof ValidationError) setErrors(Object.fromEntries(e.issues.map((i) => [i.path, message(i.path, i.message)])));
      else notifications.show({ color: 'red', message: t('notify.saveFailed', { message: (e as Error).message }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withinPortal trapFocus shadow="md" width={340}>
      <Popover.Target>
        <Tooltip label={t('meetings.person.add')}>
          <ActionIcon variant="default" size="lg" aria-label={t('meetings.person.add')} onClick={() => setOpened((o) => !o)} data-testid={`${testId}-new`}>
            <IconUserPlus size={18} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <form onSubmit={(e) => { e.preventDefault(); e.stopPropagation(); void add(); }}>
          <Stack gap="xs">
            <Text fw={600} size="sm">{t('meetings.person.newTitle')}</Text>
            <TextInput label={t('meetings.person.fullName')} value={fullName} onChange={(e) => change('fullName', e.currentTarget.value, setFullName)} error={errors.fullName} withAsterisk data-autofocus data-testid={`${testId}-new-name`} />
            <TextInput label={t('meetings.person.position')} description={t('meetings.person.positionHint')} value={position} onChange={(e) => change('position', e.currentTarget.value, setPosition)} error={errors.position} data-testid={`${testId}-new-position`} />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" size="xs" onClick={() => setOpened(false)}>{t('actions.cancel')}</Button>
              <Button type="submit" size="xs" loading={busy} data-testid={`${testId}-new-save`}>{t('meetings.person.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}

type PickerProps = {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  people: readonly PersonRow[];
  testId: string;
  error?: string | undefined;
  exclude?: ReadonlySet<string>;
  /** The field is cleared after a pick (a picker that adds to a list). */
  w?: number | string;
};

/** A person of the directory, or a new one added on the spot. */
export function PersonPicker({ label, value, onChange, people, testId, error, exclude, w }: PickerProps) {
  const { t, i18n } = useTranslation();
  const options = personOptions(people, i18n.language, exclude);
  // A person deleted from the directory still shows by name while they are the value.
  const current = value ? people.find((p) => p.id === value) : undefined;
  if (current && !options.some((o) => o.value === current.id)) options.unshift({ value: current.id, label: current.fullName });
  return (
    <Group gap={6} align="flex-end" wrap="nowrap" w={w}>
      <Select
        style={{ flex: 1, minWidth: 0 }}
        label={label}
        placeholder={t('meetings.person.placeholder')}
        nothingFoundMessage={t('meetings.person.none')}
        data={options}
        value={value}
        onChange={(v) => onChange(v)}
        searchable
        clearable
        error={error}
        renderOption={renderOption}
        filter={filterByNameOrPosition}
        comboboxProps={{ withinPortal: true }}
        maxDropdownHeight={300}
        data-testid={testId}
      />
      <NewPersonButton onAdded={(id) => onChange(id)} testId={testId} />
    </Group>
  );
}
