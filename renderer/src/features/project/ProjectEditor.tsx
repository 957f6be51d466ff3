// The project card's editor: the form over the six tabs, the draft, the notice when the record
// changes underneath (read from the change feed), and the save that sends only what changed.
import { useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm } from '@mantine/form';
import { Alert, Button, Group, ScrollArea, Stack, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import type { Lang } from '@shared/locale/lang';
import { formatDateTime } from '@shared/locale/dates';
import { sameValue, type FieldClocks } from '@shared/sync/merge';
import { emptyProjectFields, projectFieldsSchema, type ProjectFields } from '@shared/domain/project.schema';
import { useApp } from '../../app/app-context';
import { UnsavedQuestion } from '../../app/unsaved-question';
import { focusedElement } from '../../app/focus';
import { workspaceRegion } from '../../app/services';
import { ValidationError } from '../../db/repository';
import { changedIn, subscribeChanges } from '../../db/change-feed';
import { dirtyFormFields, tabOfField, toForm, validateForm, type BarrierForm, type ProjectForm } from './project-form';
import { loadProjectCard, saveProjectCard, seenAfterChange, type OpenedProject } from './project-card';
import { useCardDraft } from './use-card-draft';
import { makeTextProps } from './card-fields';
import { ChangedElsewhere, type ElsewhereNotice } from './ChangedElsewhere';
import { ProjectActions } from './ProjectActions';
import { ProjectHistory } from './ProjectHistory';
import { MainTab } from './tabs/MainTab';
import { LocationTab } from './tabs/LocationTab';
import { FiguresTab } from './tabs/FiguresTab';
import { TimelineTab } from './tabs/TimelineTab';
import { BarriersTab } from './tabs/BarriersTab';
import { ProjectMeetings } from '../meetings';
import { ProjectAssignments } from '../assignments';
import { AttachmentsSection } from '../attachments';

const TABS = ['main', 'location', 'figures', 'timeline', 'barriers', 'control', 'attachments', 'history'] as const;

/** Form values of a new project. */
export function newProjectForm(): ProjectForm {
  const fields = projectFieldsSchema.parse({ ...emptyProjectFields(workspaceRegion()), title: 'x', investorName: 'x' }) as ProjectFields;
  return { ...toForm(fields), title: '', investorName: '' };
}

/**
 * The clerk's barriers after the stored ones changed from `before` to `after`: barriers the clerk
 * did not touch take the stored version, ones added elsewhere appear, ones removed elsewhere go
 * (unless the clerk is editing them), the clerk's own additions and edits stay.
 */
export function mergeBarriers(before: readonly BarrierForm[], after: readonly BarrierForm[], mine: readonly BarrierForm[]): BarrierForm[] {
  const was = new Map(before.map((b) => [b.id, b]));
  const now = new Map(after.map((b) => [b.id, b]));
  const kept = mine.flatMap((b) => {
    const old = was.get(b.id);
    if (!old) return [b];
    const stored = now.get(b.id);
    if (!stored) return sameValue(old, b) ? [] : [b];
    return [sameValue(old, b) ? stored : b];
  });
  return [...kept, ...after.filter((b) => !was.has(b.id))];
}

export function ProjectEditor({ opened, onClose, closeGuardRef }: { opened: OpenedProject | null; onClose: () => void; closeGuardRef: MutableRefObject<() => void> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { repos, db } = useApp();
  const [baseline, setBaselineState] = useState<ProjectForm>(() => (opened ? toForm(opened.row, opened.barriers) : newProjectForm()));
  const baselineRef = useRef(baseline);
  const setBaseline = (b: ProjectForm) => {
    baselineRef.current = b;
    setBaselineState(b);
  };
  const openedRef = useRef(opened);
  /** The stamps of the values the clerk saw: the base of guarded fields on save. */
  const seenRef = useRef<FieldClocks>(opened?.clocks ?? {});
  /** Messages of refused over-long pastes, by field, kept until the field is changed (card-fields.ts). */
  const [refusedPastes] = useState(() => new Map<string, string>());
  const [stageLog, setStageLog] = useState(opened?.stageLog ?? []);
  const [notice, setNotice] = useState<ElsewhereNotice | null>(null);
  const [deletedElsewhere, setDeletedElsewhere] = useState(false);
  const form = useForm<ProjectForm>({ mode: 'controlled', initialValues: baseline, validate: (values) => validateForm(values, t), validateInputOnBlur: true });
  const values = form.getValues();
  const dirtyFields = useMemo(() => dirtyFormFields(baseline, values), [baseline, values]);
  const projectId = opened?.row.id ?? null;
  const drafts = useCardDraft(projectId, values, dirtyFields, opened?.row.updatedAt ?? null);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);
  /** How many times closing has asked since the clerk last chose to keep editing (0: not asking). */
  const [asks, setAsks] = useState(0);
  const [tab, setTab] = useState<string | null>('main');

  // The record changed underneath (another window or tab, a pull): take over what the clerk is
  // not editing, keep what they are, and say what changed.
  useEffect(() => {
    if (!projectId) return;
    const onFresh = (fresh: OpenedProject | undefined) => {
      if (savingRef.current) return;
      if (!fresh) {
        setDeletedElsewhere(true);
        return;
      }
      const before = baselineRef.current;
      const after = toForm(fresh.row, fresh.barriers);
      setStageLog(fresh.stageLog);
      const changed = dirtyFormFields(before, after);
      openedRef.current = fresh;
      if (changed.length === 0) return;
      const current = form.getValues();
      const mine = dirtyFormFields(before, current);
      for (const k of changed) {
        if (k === 'barriers') form.setFieldValue('barriers', mergeBarriers(before.barriers, after.barriers, current.barriers));
        else if (!mine.includes(k)) form.setFieldValue(k, after[k]);
      }
      seenRef.current = seenAfterChange(seenRef.current, fresh.clocks, mine);
      setBaseline(after);
      setNotice((prev) => ({
        before: prev?.before ?? before,
        after,
        fields: [...new Set([...(prev?.fields.map((f) => f.field) ?? []), ...changed])].map((field) => ({ field, mine: mine.includes(field) && field !== 'barriers' })),
      }));
    };
    return subscribeChanges(db.name, (changes) => {
      const keys = changedIn(changes, 'boardRows');
      if (!keys || (keys !== 'all' && !keys.has(projectId))) return;
      void loadProjectCard(db, projectId).then(onFresh);
    });
    // `form` is stable for the card's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, projectId]);

  const save = async () => {
    const checked = form.validate();
    if (checked.hasErrors) {
      // A refused paste says more than «Обязательное поле» of the field it left empty.
      for (const [path, message] of refusedPastes) if (checked.errors[path]) form.setFieldError(path, message);
      const first = Object.keys(checked.errors)[0];
      if (first) {
        setTab(tabOfField(first));
        // Saved with Ctrl+S from another tab, the clerk's field has gone with its tab: the focus goes
        // to the field to fix rather than to the page.
        setTimeout(() => { if (!focusedElement()) form.getInputNode(first)?.focus(); });
      }
      return;
    }
    setSaving(true);
    savingRef.current = true;
    try {
      const current = openedRef.current;
      await saveProjectCard(repos, current ? { row: current.row, clocks: seenRef.current } : null, baselineRef.current, form.getValues());
      // The benchmarks time a change seen in another tab from this mark (the write is committed).
      performance.mark('hattama:card-saved');
      drafts.clear();
      notifications.show({ id: 'project-saved', color: 'teal', message: t(current ? 'notify.saved' : 'notify.created') });
      onClose();
    } catch (e) {
      if (e instanceof ValidationError) {
        form.setErrors(Object.fromEntries(e.issues.map((i) => [i.path === 'investmentTenge' ? 'investment' : i.path, t(`validation.${i.message}`, { defaultValue: t('validation.unknown') })])));
      } else {
        notifications.show({ color: 'red', message: t('notify.saveFailed', { message: (e as Error).message }) });
      }
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  // With changes, closing (Escape, the overlay, «Отмена») asks first, and each time asks anew (the
  // question takes the focus again): only «Не сохранять» throws the changes away — Escape in the
  // question keeps editing.
  const requestClose = () => {
    if (dirtyFields.length > 0) setAsks((n) => n + 1);
    else onClose();
  };
  useEffect(() => {
    closeGuardRef.current = requestClose;
    return () => {
      closeGuardRef.current = onClose;
    };
  });

  const textProps = makeTextProps(form, t, lang, refusedPastes);
  const tabProps = { form, t, lang, textProps };
  const errorCount = Object.keys(form.errors).length;
  const errorsByTab = new Map<string, number>();
  for (const k of Object.keys(form.errors)) errorsByTab.set(tabOfField(k), (errorsByTab.get(tabOfField(k)) ?? 0) + 1);
  const { draft } = drafts;

  return (
    <Stack
      gap="sm"
      style={{ flex: 1, minHeight: 0 }}
      onKeyDown={(e) => {
        // Escape in a window opened from the card (the passport, a calendar, a list) closes that
        // window only: its keys reach the card through React, not through the page.
        if (e.key === 'Escape' && !e.currentTarget.contains(e.target as Node)) {
          e.stopPropagation();
          return;
        }
        getHotkeyHandler([['mod+S', () => void save()], ['mod+Enter', () => void save()]])(e);
      }}
    >
      {deletedElsewhere && <Alert color="red" variant="light" py={6} title={t('project.deletedElsewhere')} data-testid="deleted-elsewhere" />}
      <ChangedElsewhere notice={notice} lang={lang} t={t} onDismiss={() => setNotice(null)} />
      {draft && (
        <Alert color="blue" variant="light" py={6} title={t('project.draftFound', { at: formatDateTime(draft.savedAt) })} data-testid="draft-alert">
          {draft.baseUpdatedAt !== (opened?.row.updatedAt ?? null) && <Text size="xs" mb={4}>{t('project.draftStale')}</Text>}
          <Group gap="xs">
            <Button size="xs" onClick={() => { form.setValues(draft.values); drafts.dismiss(); }} data-testid="draft-restore">{t('project.draftRestore')}</Button>
            <Button size="xs" variant="default" onClick={drafts.discard}>{t('actions.discard')}</Button>
          </Group>
        </Alert>
      )}
      <Tabs value={tab} onChange={setTab} keepMounted={false} style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        <Tabs.List>
          {TABS.map((id) => {
            const errors = errorsByTab.get(id) ?? 0;
            return (
              <Tabs.Tab key={id} value={id} disabled={(id === 'history' || id === 'control' || id === 'attachments') && !opened} data-testid={`tab-${id}`} data-errors={errors || undefined}
                {...(errors > 0 ? { color: 'red', rightSection: <Text span size="xs" fw={700} c="red.8" aria-hidden>!{errors}</Text> } : {})}>
                {t(`project.tabs.${id}`)}
                {id === 'barriers' && values.barriers.length > 0 ? ` (${values.barriers.length})` : ''}
                {errors > 0 && <VisuallyHidden> — {t('project.tabErrors', { count: errors })}</VisuallyHidden>}
              </Tabs.Tab>
            );
          })}
        </Tabs.List>
        <ScrollArea type="auto" offsetScrollbars style={{ flex: 1, minHeight: 0 }} data-testid="card-scroll">
          <Tabs.Panel value="main" pt="md"><MainTab {...tabProps} /></Tabs.Panel>
          <Tabs.Panel value="location" pt="md"><LocationTab {...tabProps} /></Tabs.Panel>
          <Tabs.Panel value="figures" pt="md"><FiguresTab {...tabProps} /></Tabs.Panel>
          <Tabs.Panel value="timeline" pt="md"><TimelineTab {...tabProps} stageLog={stageLog} /></Tabs.Panel>
          <Tabs.Panel value="barriers" pt="md"><BarriersTab {...tabProps} /></Tabs.Panel>
          {opened && (
            <Tabs.Panel value="control" pt="md">
              <Stack gap="md">
                <div>
                  <Text fw={600} mb={4}>{t('project.assignments')}</Text>
                  <ProjectAssignments projectId={opened.row.id} />
                </div>
                <ProjectMeetings projectId={opened.row.id} />
              </Stack>
            </Tabs.Panel>
          )}
          {opened && <Tabs.Panel value="attachments" pt="md"><AttachmentsSection ownerKind="project" ownerId={opened.row.id} /></Tabs.Panel>}
          {opened && <Tabs.Panel value="history" pt="md"><ProjectHistory projectId={opened.row.id} /></Tabs.Panel>}
        </ScrollArea>
      </Tabs>
      {asks > 0 && (
        <UnsavedQuestion key={asks} title={t('project.unsaved')} description={t('project.unsavedQuestion')} keepLabel={t('actions.keepEditing')} discardLabel={t('actions.discard')}
          onKeep={() => setAsks(0)} onDiscard={() => { drafts.clear(); onClose(); }} />
      )}
      <Group justify="space-between" mt="auto">
        <Group gap="xs">
          <Button leftSection={<IconDeviceFloppy size={18} />} onClick={() => void save()} loading={saving} data-testid="save-project">{t('actions.save')}</Button>
          <Button variant="default" onClick={requestClose}>{t('actions.cancel')}</Button>
          {/* In the button row, not above it: a message that pushed the buttons down on blur would swallow the click. */}
          <Text size="sm" c="red.8" role="alert" data-testid="form-errors">{errorCount > 0 ? t('project.fixErrors', { count: errorCount }) : ''}</Text>
        </Group>
        {opened && <ProjectActions projectId={opened.row.id} title={opened.row.title} values={values} onClose={onClose} />}
      </Group>
    </Stack>
  );
}

export { loadProjectCard };
