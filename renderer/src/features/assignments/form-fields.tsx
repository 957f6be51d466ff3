// The fields the assignment's card and the instruction-from-above form share: a date typed as
// DD.MM.YYYY or picked in a calendar (what was typed stays, a wrong date gets a message), the
// deadline editor (date / N working days / постоянно / ежеквартально), the responsible bodies with
// a new state body added in place, and the projects, zones and meetings an assignment concerns.
import { useMemo, useState } from 'react';
import i18next from 'i18next';
import { ActionIcon, Button, Group, Input, MultiSelect, NumberInput, Popover, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { IconCalendar, IconPlus } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { DEADLINE_KINDS, type DeadlineKind } from '@shared/domain/assignment.schema';
import type { WorkCalendar } from '@shared/domain/work-calendar';
import { formatDate, parseDate, type IsoDate } from '@shared/locale/dates';
import type { Lang } from '@shared/locale/lang';
import { ZONES } from '@shared/geo/regions';
import { useApp } from '../../app/app-context';
import { workspaceRegion } from '../../app/services';
import { useProjects } from '../board';
import { ValidationError } from '../../db/repository';
import { fill, labels, meetingLabel } from './assignment-text';
import { deadlineOfDraft, type DeadlineDraft } from './deadline-form';
import type { OrgOption } from './assignment-store';
import type { ModelMeeting } from './assignment-table';

/** A typed date's problem: a text that is not a real date. */
export function dateError(text: string): 'invalid_date' | null {
  return text.trim() !== '' && parseDate(text) === null ? 'invalid_date' : null;
}

/** A date field: the text as typed (DD.MM.YYYY), and a calendar to pick from. */
export function DateText({ label, text, onText, error, lang, testId, withAsterisk, disabled }: {
  label: string; text: string; onText: (text: string) => void; error?: string | null | undefined; lang: Lang; testId: string; withAsterisk?: boolean; disabled?: boolean;
}) {
  const [opened, setOpened] = useState(false);
  const iso = parseDate(text);
  // The calendar button, not the field, opens the calendar: a text field may not say it is expanded.
  return (
    <TextInput
      label={label} value={text} onChange={(e) => onText(e.currentTarget.value)} placeholder={labels(lang).fields.datePlaceholder}
      error={error ?? undefined} withAsterisk={withAsterisk ?? false} disabled={disabled ?? false} data-testid={testId} maw={220}
      rightSection={
        <Popover opened={opened} onChange={setOpened} position="bottom-end" withinPortal trapFocus>
          <Popover.Target>
            <ActionIcon variant="subtle" aria-label={label} onClick={() => setOpened((o) => !o)} disabled={disabled ?? false}>
              <IconCalendar size={16} aria-hidden />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown>
            <DatePicker
              value={iso}
              {...(iso ? { defaultDate: iso } : {})}
              onChange={(v) => {
                if (v) onText(formatDate(v));
                setOpened(false);
              }}
            />
          </Popover.Dropdown>
        </Popover>
      }
    />
  );
}

/**
 * The deadline editor. Working days are counted from `base` (the meeting date, or today) with the
 * calendar; the date they come to is shown as the clerk types.
 */
export function DeadlineEditor({ draft, onChange, base, fromMeeting, calendar, previous, error, lang, disabled }: {
  draft: DeadlineDraft; onChange: (d: DeadlineDraft) => void; base: IsoDate; fromMeeting: boolean; calendar: WorkCalendar;
  previous?: Parameters<typeof deadlineOfDraft>[1]['previous']; error?: string | null | undefined; lang: Lang; disabled?: boolean;
}) {
  const L = labels(lang);
  const computed = draft.kind === 'workdays' ? deadlineOfDraft(draft, { base, calendar, previous }) : null;
  const due = computed?.ok && computed.deadline?.kind === 'workdays' ? computed.deadline : null;
  const kept = due && previous?.kind === 'workdays' && previous.days === due.days;
  return (
    <Stack gap={6} data-testid="deadline-editor">
      <Input.Label>{L.fields.deadline}</Input.Label>
      <SegmentedControl
        value={draft.kind} onChange={(k) => onChange({ ...draft, kind: k as DeadlineKind })} disabled={disabled ?? false} size="xs"
        data={DEADLINE_KINDS.map((k) => ({ value: k, label: L.kinds[k] }))} data-testid="deadline-kind" w="fit-content"
      />
      {draft.kind === 'date' && (
        <DateText label={L.fields.date} text={draft.date ?? ''} onText={(text) => onChange({ ...draft, date: text })} error={error} lang={lang} testId="deadline-date" disabled={disabled ?? false} />
      )}
      {draft.kind === 'workdays' && (
        <Group align="flex-start" gap="sm" wrap="wrap">
          <NumberInput
            label={L.workdaysCount} value={draft.days} onChange={(v) => onChange({ ...draft, days: v })} min={1} max={365} allowDecimal={false}
            allowNegative={false} w={200} error={error ?? undefined} disabled={disabled ?? false} data-testid="deadline-days"
          />
          {due && (
            <Stack gap={0} pt={26} maw={360}>
              <Text size="sm" fw={600} data-testid="deadline-computed">
                {kept ? fill(L.dueKept, { date: formatDate(due.due) }) : fill(fromMeeting ? L.dueFrom : L.dueFromToday, { date: formatDate(due.due), base: formatDate(base) })}
              </Text>
              <Text size="xs" c="dimmed">{L.calendarNote}</Text>
            </Stack>
          )}
        </Group>
      )}
      {(draft.kind === 'permanent' || draft.kind === 'quarterly') && error && <Text size="xs" c="red.8">{error}</Text>}
    </Stack>
  );
}

/** The responsible bodies: organizations of the register, and a new state body added in place. */
export function ResponsibleSelect({ value, onChange, orgs, error, lang, disabled, required }: {
  value: readonly string[]; onChange: (ids: string[]) => void; orgs: readonly OrgOption[]; error?: string | null | undefined; lang: Lang; disabled?: boolean;
  /** At least one must be named (an instruction from above): the label carries the asterisk. */
  required?: boolean;
}) {
  const L = labels(lang);
  const { repos } = useApp();
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const data = useMemo(() => {
    const collator = new Intl.Collator(lang);
    return (['state_body', 'other', 'investor'] as const)
      .map((kind) => ({ group: L.orgGroups[kind], items: orgs.filter((o) => o.kind === kind).sort((a, b) => collator.compare(a.name, b.name)).map((o) => ({ value: o.id, label: o.name })) }))
      .filter((g) => g.items.length > 0);
  }, [orgs, lang, L]);
  const add = async () => {
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError(L.errors.required);
      return;
    }
    const existing = orgs.find((o) => o.name.trim().toLocaleLowerCase('ru') === trimmed.toLocaleLowerCase('ru'));
    if (existing) {
      if (!value.includes(existing.id)) onChange([...value, existing.id]);
      setAdding(false);
      setName('');
      return;
    }
    setBusy(true);
    try {
      const org = await repos.organizations.create({ name: trimmed, kind: 'state_body', regionId: workspaceRegion() });
      onChange([...value, org.id]);
      notifications.show({ color: 'teal', message: fill(L.orgAdded, { name: org.name }) });
      setAdding(false);
      setName('');
      setNameError(null);
    } catch (e) {
      const issue = e instanceof ValidationError ? e.issues[0]?.message : undefined;
      setNameError(issue ? validationText(issue, lang) : (e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4}>
      <MultiSelect
        label={L.fields.responsible} placeholder={value.length === 0 ? L.fields.responsiblePlaceholder : undefined} data={data} value={[...value]} onChange={onChange}
        searchable clearable hidePickedOptions error={error ?? undefined} disabled={disabled ?? false} withAsterisk={required ?? false} comboboxProps={{ withinPortal: true }} data-testid="field-responsible"
      />
      {!disabled && (adding ? (
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            aria-label={L.newOrgName} placeholder={L.newOrgName} value={name} onChange={(e) => { setName(e.currentTarget.value); setNameError(null); }}
            error={nameError} style={{ flex: 1 }} data-testid="new-org-name" autoFocus
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void add(); } if (e.key === 'Escape') { e.stopPropagation(); setAdding(false); } }}
          />
          <Button variant="light" onClick={() => void add()} loading={busy} data-testid="new-org-add">{L.addOrg}</Button>
        </Group>
      ) : (
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)} w="fit-content" data-testid="new-org">{L.newOrg}</Button>
      ))}
    </Stack>
  );
}

/** Projects of the register, found by title. */
export function ProjectsSelect({ value, onChange, lang, disabled }: { value: readonly string[]; onChange: (ids: string[]) => void; lang: Lang; disabled?: boolean }) {
  const L = labels(lang);
  const { store } = useApp();
  const { rows } = useProjects(store);
  const data = useMemo(() => rows.map((r) => ({ value: r.id, label: r.title })), [rows]);
  return (
    <MultiSelect
      label={L.fields.projects} placeholder={value.length === 0 ? L.fields.projectsPlaceholder : undefined} data={data} value={[...value]} onChange={onChange}
      searchable clearable hidePickedOptions limit={50} disabled={disabled ?? false} comboboxProps={{ withinPortal: true }} data-testid="field-projects"
    />
  );
}

/** Economic zones that carry an instruction out. */
export function ZonesSelect({ value, onChange, lang }: { value: readonly string[]; onChange: (ids: string[]) => void; lang: Lang }) {
  const L = labels(lang);
  const region = workspaceRegion();
  const data = useMemo(() => [...ZONES].sort((a, b) => Number(b.regionId === region) - Number(a.regionId === region)).map((z) => ({ value: z.id, label: z.name[lang] })), [lang, region]);
  return <MultiSelect label={L.fields.zones} data={data} value={[...value]} onChange={onChange} searchable clearable comboboxProps={{ withinPortal: true }} data-testid="field-zones" />;
}

/** Meetings that took an instruction up. */
export function MeetingsSelect({ value, onChange, meetings, lang }: { value: readonly string[]; onChange: (ids: string[]) => void; meetings: readonly ModelMeeting[]; lang: Lang }) {
  const L = labels(lang);
  const data = useMemo(() => meetings.map((m) => ({ value: m.id, label: meetingLabel(m, lang) })), [meetings, lang]);
  return <MultiSelect label={L.fields.meetings} data={data} value={[...value]} onChange={onChange} searchable clearable comboboxProps={{ withinPortal: true }} data-testid="field-meetings" />;
}

/** A repository's message key in the clerk's language: the feature's own words, else the app's. */
export function validationText(key: string, lang: Lang): string {
  const own = labels(lang).errors as Record<string, string>;
  return own[key] ?? i18next.t(`validation.${key}`, { lng: lang, defaultValue: i18next.t('validation.unknown', { lng: lang }) });
}
