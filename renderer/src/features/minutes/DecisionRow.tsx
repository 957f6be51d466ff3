// A decision of the minutes (РЕШИЛИ, 1.1 …) as one row: its text in the document's language,
// responsible bodies, deadline and projects. The decision IS the assignment under control: every
// change goes through repos.ops.updateDecision, so the control table shows it, and a change made
// there shows here. Inline errors: no responsible body, no deadline, a deadline before the meeting.
import { memo, useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionIcon, Button, Group, MultiSelect, Popover, Select, Stack, Text, TextInput, Textarea, type ComboboxData } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuildingPlus, IconTrash } from '@tabler/icons-react';
import type { DocLang } from '@shared/domain/meeting.schema';
import { deadlineText } from '@shared/domain/minutes-outline';
import type { WorkCalendar } from '@shared/domain/work-calendar';
import { DEADLINE_KINDS } from '@shared/domain/assignment.schema';
import { formatDate } from '@shared/locale/dates';
import { formatNumber } from '@shared/locale/money';
import type { Lang } from '@shared/locale/lang';
import { useApp } from '../../app/app-context';
import { showUndoToast } from '../../app/undo-toast';
import type { AssignmentRow } from '../../db/db';
import type { FieldClocks } from '@shared/sync/merge';
import { choiceOf, deadlineOf, sameDeadline, type DeadlineChoice } from './decision-deadline';
import { useErrorMessage } from './messages';
import { useDeferredReady } from './deferred';

/** The longest decision text (the assignment schema's limit). */
export const MAX_DECISION_TEXT = 10_000;
const TEXT_SAVE_DELAY_MS = 600;

export type DecisionContext = {
  lang: DocLang;
  uiLang: Lang;
  meetingDate: string;
  regionId: string;
  calendar: WorkCalendar;
  orgOptions: ComboboxData;
  /** Organization id → name (the summary shown before the selects are made). */
  orgNames: ReadonlyMap<string, string>;
  /** The item's projects (value: id, label: title). */
  projectOptions: { value: string; label: string }[];
};

type Errors = { text?: string; deadline?: string };

/** Saves with a ValidationError / StateError shown where it belongs; true when stored. */
function useSave(onError: (field: keyof Errors, message: string | undefined) => void) {
  const message = useErrorMessage();
  return async (field: keyof Errors, write: () => Promise<unknown>): Promise<boolean> => {
    try {
      await write();
      onError(field, undefined);
      return true;
    } catch (e) {
      const m = message(e);
      if (m.inline) onError(field, m.text);
      else notifications.show({ color: 'red', message: m.text });
      return false;
    }
  };
}

/** Text of the decision, kept while typed, stored after a pause and on leaving the field. */
function DecisionText({ id, value, otherValue, number, disabled, error, onSave, uiLang }: {
  id: string; value: string; otherValue: string; number: string; disabled: boolean; error: string | undefined; uiLang: Lang;
  onSave: (text: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [tooLong, setTooLong] = useState<string | undefined>();
  const focused = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saved = useRef(value);

  // A change made elsewhere (control table, another tab) shows unless the clerk is typing here.
  useEffect(() => {
    saved.current = value;
    if (!focused.current) setText(value);
  }, [value]);

  const save = (next: string) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (next === saved.current) return;
    saved.current = next;
    void onSave(next);
  };
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const onChange = (e: ChangeEvent<HTMLTextAreaElement>) => {
    const next = e.currentTarget.value;
    if (next.length > MAX_DECISION_TEXT) {
      setTooLong(t('validation.paste_too_long', { count: formatNumber(next.length, uiLang), max: formatNumber(MAX_DECISION_TEXT, uiLang) }));
      return;
    }
    setTooLong(undefined);
    setText(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => save(next), TEXT_SAVE_DELAY_MS);
  };

  return (
    <Textarea
      id={`decision-text-${id}`}
      aria-label={t('minutes.decisionText', { number })}
      placeholder={otherValue ? `${t('minutes.untranslated')}: ${otherValue}` : t('minutes.decisionTextPlaceholder')}
      value={text}
      onChange={onChange}
      onFocus={() => { focused.current = true; }}
      onBlur={() => {
        focused.current = false;
        save(text);
      }}
      rows={1}
      disabled={disabled}
      error={tooLong ?? error}
      className="minutes-decision-text"
      data-testid="decision-text"
      variant="unstyled"
    />
  );
}

/** «+ госорган»: adds a state body to the directory and makes it responsible. */
function AddStateBody({ regionId, onAdded, disabled }: { regionId: string; onAdded: (id: string) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const { repos } = useApp();
  const message = useErrorMessage();
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const add = async () => {
    try {
      const org = await repos.organizations.create({ name, kind: 'state_body', regionId });
      notifications.show({ color: 'teal', message: t('minutes.stateBodyAdded', { name: org.name }) });
      setName('');
      setError(undefined);
      setOpened(false);
      onAdded(org.id);
    } catch (e) {
      setError(message(e).text);
    }
  };
  const button = (
    <ActionIcon variant="default" size="md" mt={22} aria-label={t('minutes.addStateBody')} title={t('minutes.addStateBody')} disabled={disabled} onClick={() => setOpened((o) => !o)} data-testid="decision-add-org">
      <IconBuildingPlus size={16} />
    </ActionIcon>
  );
  // The popover is made only when opened: forty decisions do not each keep one (and its positioning) ready.
  if (!opened) return button;
  return (
    <Popover opened onChange={setOpened} position="bottom-end" withinPortal trapFocus shadow="md" width={360}>
      <Popover.Target>{button}</Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <TextInput
            label={t('minutes.stateBodyName')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void add();
              }
            }}
            error={error}
            data-autofocus
            data-testid="decision-org-name"
          />
          <Group justify="flex-end">
            <Button size="xs" onClick={() => void add()} data-testid="decision-org-save">{t('actions.save')}</Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** The deadline: its kind, and a date or a number of working days (with the date that gives). */
function DeadlineField({ row, disabled, error, onSave }: { row: AssignmentRow; disabled: boolean; error: string | undefined; onSave: (choice: DeadlineChoice, seen: FieldClocks) => void }) {
  const { t } = useTranslation();
  const { repos } = useApp();
  const [choice, setChoice] = useState<DeadlineChoice>(() => choiceOf(row.deadline));
  const editing = useRef(false);
  // The stamps of the deadline the clerk sees: a change made meanwhile elsewhere becomes a conflict, not lost.
  const seen = useRef<FieldClocks>({});
  const stored = JSON.stringify(row.deadline ?? null);
  useEffect(() => {
    if (!editing.current) setChoice(choiceOf(row.deadline));
    void repos.assignments.clocks(row.id).then((c) => {
      seen.current = c;
    });
    // `stored` stands for the deadline's value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stored]);

  const kinds = [{ value: '', label: t('minutes.deadlineKind.none') }, ...DEADLINE_KINDS.map((k) => ({ value: k, label: t(`minutes.deadlineKind.${k}`) }))];
  const commit = (next: DeadlineChoice) => {
    editing.current = false;
    onSave(next, seen.current);
  };
  const onEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit(choice);
    }
  };
  const due = row.deadline?.kind === 'workdays' && choice.kind === 'workdays' && String(row.deadline.days) === choice.daysText.trim() ? row.deadline.due : null;
  return (
    <Group gap={6} align="flex-start" wrap="nowrap" className="minutes-deadline">
      <Select
        label={t('minutes.deadline')}
        data={kinds}
        value={choice.kind}
        allowDeselect={false}
        onChange={(v) => {
          const next = { ...choice, kind: (v ?? '') as DeadlineChoice['kind'] };
          setChoice(next);
          // A kind with nothing more to type is stored at once; a date or a number when typed.
          if (next.kind === '' || next.kind === 'permanent' || next.kind === 'quarterly') commit(next);
          else editing.current = true;
        }}
        disabled={disabled}
        size="xs"
        w={200}
        comboboxProps={{ withinPortal: true }}
        error={error && choice.kind !== 'date' && choice.kind !== 'workdays' ? error : undefined}
        data-testid="decision-deadline-kind"
      />
      {choice.kind === 'date' && (
        <TextInput
          label={t('minutes.deadlineDate')}
          placeholder={t('fields.datePlaceholder')}
          value={choice.dateText}
          onChange={(e) => {
            editing.current = true;
            setChoice({ ...choice, dateText: e.currentTarget.value });
          }}
          onBlur={() => commit(choice)}
          onKeyDown={onEnter}
          disabled={disabled}
          size="xs"
          w={130}
          error={error}
          autoComplete="off"
          data-testid="decision-deadline-date"
        />
      )}
      {choice.kind === 'workdays' && (
        <TextInput
          label={t('minutes.deadlineDays')}
          value={choice.daysText}
          inputMode="numeric"
          onChange={(e) => {
            editing.current = true;
            setChoice({ ...choice, daysText: e.currentTarget.value });
          }}
          onBlur={() => commit(choice)}
          onKeyDown={onEnter}
          disabled={disabled}
          size="xs"
          w={120}
          error={error}
          autoComplete="off"
          description={due ? <span data-testid="decision-deadline-due">{t('minutes.deadlineDue', { date: formatDate(due) })}</span> : undefined}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          data-testid="decision-deadline-days"
        />
      )}
    </Group>
  );
}

/**
 * A set of ids shown as chosen at once and kept while its writes go out and until the stored value
 * is read back (quick removals each start from the last choice, not from a record not yet re-read);
 * the stored value after that, or at once if a write was refused.
 */
function useChosen(stored: readonly string[]): [string[], (next: string[], write: () => Promise<boolean>) => void] {
  const storedKey = stored.join(',');
  const [local, setLocal] = useState<{ ids: string[]; pending: number; staleKey: string | null } | null>(null);
  const showLocal = local !== null && (local.pending > 0 || local.staleKey === storedKey);
  const ids = showLocal ? local.ids : [...stored];
  const choose = (next: string[], write: () => Promise<boolean>) => {
    setLocal((l) => ({ ids: next, pending: (l && (l.pending > 0 || l.staleKey === storedKey) ? l.pending : 0) + 1, staleKey: null }));
    void write().then((ok) => setLocal((l) => {
      if (!l || !ok) return null;
      const pending = l.pending - 1;
      // The last write is done: the value read before it is stale until the record is read again.
      return { ...l, pending, staleKey: pending === 0 ? storedRef.current : null };
    }));
  };
  const storedRef = useRef(storedKey);
  useEffect(() => {
    storedRef.current = storedKey;
  }, [storedKey]);
  return [ids, choose];
}

export type DecisionRowProps = {
  row: AssignmentRow;
  number: string;
  ctx: DecisionContext;
  disabled: boolean;
};

export const DecisionRow = memo(function DecisionRow({ row, number, ctx, disabled }: DecisionRowProps) {
  const { t } = useTranslation();
  const { repos } = useApp();
  const [errors, setErrors] = useState<Errors>({});
  const setError = (field: keyof Errors, message: string | undefined) => setErrors((e) => (e[field] === message ? e : { ...e, [field]: message }));
  const save = useSave(setError);
  const value = (ctx.lang === 'kk' ? row.textKk : row.textRu) ?? '';
  const otherValue = (ctx.lang === 'kk' ? row.textRu : row.textKk) ?? '';

  const saveDeadline = (choice: DeadlineChoice, seen: FieldClocks) => {
    const result = deadlineOf(choice, ctx.meetingDate, ctx.calendar);
    if (!result.ok) {
      setError('deadline', t(`minutes.error.${result.error}`));
      return;
    }
    if (sameDeadline(result.deadline, row.deadline)) {
      setError('deadline', undefined);
      return;
    }
    void save('deadline', () => repos.ops.updateDecision(row.id, { deadline: result.deadline }, { seen }));
  };

  const [responsible, chooseResponsible] = useChosen(row.responsibleOrgIds);
  const setResponsible = (ids: string[]) => chooseResponsible(ids, () => save('text', () => repos.ops.updateDecision(row.id, { responsibleOrgIds: ids })));
  const itemProjects = new Set(ctx.projectOptions.map((o) => o.value));
  const [projects, chooseProjects] = useChosen(row.projectIds.filter((id) => itemProjects.has(id)));
  // Projects linked from elsewhere (not the item's) stay linked.
  const setProjects = (ids: string[]) => chooseProjects(ids, () => save('text', () => repos.ops.updateDecision(row.id, { projectIds: [...ids, ...row.projectIds.filter((id) => !itemProjects.has(id))] })));

  const remove = async () => {
    if (await save('text', () => repos.ops.removeDecision(row.id))) {
      showUndoToast({
        id: `decision-removed-${row.id}`,
        message: t('minutes.decisionRemoved', { number }),
        t,
        testId: 'decision-undo',
        onUndo: async () => {
          await repos.assignments.restore(row.id);
          notifications.show({ color: 'teal', message: t('minutes.decisionRestored') });
        },
      });
    }
  };

  const noResponsible = responsible.length === 0;
  const noDeadline = !row.deadline;
  // The selects and pickers come a moment after the page is shown; until then, what they hold as text.
  const [ready, makeReady] = useDeferredReady();
  return (
    <div className="minutes-decision" data-testid="decision-row" data-decision-id={row.id} data-number={number}>
      <Group gap={6} align="flex-start" wrap="nowrap">
        <Text className="minutes-decision-number" component="span">{number}.</Text>
        <div style={{ flex: 1, minWidth: 0 }}>
          <DecisionText
            id={row.id}
            value={value}
            otherValue={otherValue}
            number={number}
            disabled={disabled}
            error={errors.text}
            uiLang={ctx.uiLang}
            onSave={(text) => save('text', () => repos.ops.updateDecision(row.id, ctx.lang === 'kk' ? { textKk: text } : { textRu: text }))}
          />
        </div>
        <ActionIcon variant="subtle" color="gray" aria-label={t('minutes.removeDecision', { number })} title={t('minutes.removeDecision', { number })} onClick={() => void remove()} disabled={disabled} data-testid="decision-remove" className="minutes-no-print">
          <IconTrash size={16} />
        </ActionIcon>
      </Group>
      {!ready ? (
        <div className="minutes-decision-summary minutes-no-print" onPointerDown={makeReady} data-testid="decision-summary">
          <Text size="xs"><b>{t('minutes.responsible')}:</b>{' '}
            {noResponsible ? <Text span size="xs" c="var(--mantine-color-error)">{t('minutes.error.no_responsible')}</Text> : responsible.map((id) => ctx.orgNames.get(id) ?? '—').join(', ')}
          </Text>
          <Text size="xs"><b>{t('minutes.deadline')}:</b>{' '}
            {noDeadline ? <Text span size="xs" c="var(--mantine-color-error)">{t('minutes.error.no_deadline')}</Text> : deadlineText(row.deadline, ctx.lang)}
          </Text>
          {projects.length > 0 && <Text size="xs"><b>{t('minutes.projects')}:</b> {projects.map((id) => ctx.projectOptions.find((o) => o.value === id)?.label ?? '—').join('; ')}</Text>}
        </div>
      ) : (
      <div className="minutes-decision-fields minutes-no-print">
        <Group gap={6} align="flex-start" wrap="nowrap" className="minutes-responsible">
          <MultiSelect
            label={t('minutes.responsible')}
            placeholder={responsible.length === 0 ? t('minutes.responsiblePlaceholder') : undefined}
            data={ctx.orgOptions}
            value={responsible}
            onChange={setResponsible}
            searchable
            clearable
            hidePickedOptions
            nothingFoundMessage="—"
            disabled={disabled}
            size="xs"
            style={{ flex: 1, minWidth: 0 }}
            comboboxProps={{ withinPortal: true }}
            error={noResponsible ? t('minutes.error.no_responsible') : undefined}
            data-testid="decision-responsible"
            id={`decision-responsible-${row.id}`}
          />
          <AddStateBody regionId={ctx.regionId} disabled={disabled} onAdded={(id) => setResponsible([...responsible, id])} />
        </Group>
        <div>
          <DeadlineField row={row} disabled={disabled} error={errors.deadline ?? (noDeadline ? t('minutes.error.no_deadline') : undefined)} onSave={saveDeadline} />
        </div>
        {ctx.projectOptions.length > 0 && (
          <div className="minutes-decision-projects">
          <MultiSelect
            label={t('minutes.projects')}
            placeholder={projects.length === 0 ? t('minutes.projectsPlaceholder') : undefined}
            data={ctx.projectOptions}
            value={projects}
            onChange={setProjects}
            searchable
            nothingFoundMessage="—"
            clearable
            hidePickedOptions
            disabled={disabled}
            size="xs"
            comboboxProps={{ withinPortal: true }}
            data-testid="decision-projects"
          />
          </div>
        )}
      </div>
      )}
    </div>
  );
});

/** A decision not stored yet: it becomes one when its text is typed and the field is left (or Ctrl+Enter). */
export function NewDecisionRow({ number, onCreate, onCancel, uiLang }: { number: string; onCreate: (text: string) => Promise<boolean>; onCancel: () => void; uiLang: Lang }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const busy = useRef(false);
  const create = async () => {
    if (busy.current) return;
    if (text.trim() === '') {
      onCancel();
      return;
    }
    busy.current = true;
    const ok = await onCreate(text);
    busy.current = false;
    if (!ok) setError(t('minutes.error.saveFailed', { message: '' }));
  };
  return (
    <div className="minutes-decision minutes-decision-new" data-testid="decision-new">
      <Group gap={6} align="flex-start" wrap="nowrap">
        <Text className="minutes-decision-number" component="span">{number}.</Text>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Textarea
            aria-label={t('minutes.decisionText', { number })}
            placeholder={t('minutes.decisionTextPlaceholder')}
            description={t('minutes.newDecisionHint')}
            value={text}
            onChange={(e) => {
              const next = e.currentTarget.value;
              if (next.length > MAX_DECISION_TEXT) {
                setError(t('validation.paste_too_long', { count: formatNumber(next.length, uiLang), max: formatNumber(MAX_DECISION_TEXT, uiLang) }));
                return;
              }
              setError(undefined);
              setText(next);
            }}
            onBlur={() => void create()}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void create();
              }
              if (e.key === 'Escape') onCancel();
            }}
            rows={1}
            autoFocus
            error={error}
            variant="unstyled"
            className="minutes-decision-text"
            data-testid="decision-new-text"
          />
        </div>
      </Group>
    </div>
  );
}
