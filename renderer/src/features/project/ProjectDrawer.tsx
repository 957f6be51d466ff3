// The project card (паспорт проекта): every field, its barriers, stage log and history.
// Validation is the record's zod schema, shown inline in the UI language; nothing invalid is saved.
import { useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useForm } from '@mantine/form';
import { useLiveQuery } from 'dexie-react-hooks';
import {
  ActionIcon, Alert, Button, Drawer, Grid, Group, NumberInput, ScrollArea, Select, Stack, Tabs, TagsInput, Text, Textarea, TextInput, Badge, Paper,
} from '@mantine/core';
import { DateInput, DatesProvider } from '@mantine/dates';
import 'dayjs/locale/ru';
import 'dayjs/locale/kk';
import '@mantine/dates/styles.css';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import type { Lang } from '@shared/locale/lang';
import { formatNumber, formatTenge, parseTenge } from '@shared/locale/money';
import { parseDate, todayIso } from '@shared/locale/dates';
import { REGIONS, districtsOf, ZONES } from '@shared/geo/regions';
import { OKED_SECTIONS } from '@shared/domain/oked';
import { BARRIER_KINDS, STAGES, STATUSES, barrierDaysOpen, emptyProjectFields, projectFieldsSchema, type ProjectFields } from '@shared/domain/project.schema';
import { useApp } from '../../app/app-context';
import { workspaceRegion } from '../../app/services';
import { aliveRows } from '../../db/db';
import { ValidationError } from '../../db/repository';
import type { ProjectRow } from '../../db/db';
import { COUNTRIES, fromForm, newBarrier, toForm, validateForm, type ProjectForm } from './project-form';
import { ProjectHistory } from './ProjectHistory';
import { clearDraft, loadDraft, saveDraft, type Draft } from './draft-store';
import { formatDateTime } from '@shared/locale/dates';
import { uuidv7 } from 'uuidv7';

const dateParser = (input: string) => parseDate(input);

function ProjectEditor({ row, onClose, closeGuardRef }: { row: ProjectRow | null; onClose: () => void; closeGuardRef: MutableRefObject<() => void> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { repos, store, openProject, db } = useApp();
  const initialFields = useMemo<ProjectFields>(
    () => row ?? (projectFieldsSchema.parse({ ...emptyProjectFields(workspaceRegion()), title: 'x', investorName: 'x' }) as ProjectFields),
    [row],
  );
  const form = useForm<ProjectForm>({
    mode: 'controlled',
    initialValues: row ? toForm(initialFields) : { ...toForm(initialFields), title: '', investorName: '' },
    validate: (values) => validateForm(values, t),
    validateInputOnBlur: true,
  });
  const [saving, setSaving] = useState(false);
  const [confirmClose, setConfirmClose] = useState(false);
  const draftId = row?.id ?? null;
  const [draft, setDraft] = useState<Draft | null>(() => loadDraft(draftId));
  // Keep what is typed as a draft (debounced) until the card is saved or the changes discarded.
  const formValues = form.getValues();
  const dirty = form.isDirty();
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => saveDraft(draftId, { values: formValues, savedAt: new Date().toISOString(), baseUpdatedAt: row?.updatedAt ?? null }), 400);
    return () => clearTimeout(timer);
  }, [formValues, dirty, draftId, row?.updatedAt]);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const people = useLiveQuery(() => aliveRows(db.people).toArray(), [db]) ?? [];
  const [today] = useState(() => todayIso(Date.now()));
  const v = form.getValues();
  const districts = districtsOf(v.regionId);
  const zones = ZONES.filter((z) => z.regionId === v.regionId);
  const countryNames = useMemo(() => new Intl.DisplayNames([lang], { type: 'region' }), [lang]);
  const errorCount = Object.keys(form.errors).length;

  const save = async () => {
    const result = form.validate();
    if (result.hasErrors) return;
    setSaving(true);
    try {
      const input = fromForm(form.getValues(), row?.stageLog ?? []);
      const saved = row ? await repos.projects.update(row.id, input) : await repos.projects.create(input);
      store.apply(saved);
      clearDraft(draftId);
      notifications.show({ color: 'teal', message: t(row ? 'notify.saved' : 'notify.created') });
      form.resetDirty();
      onClose();
    } catch (e) {
      if (e instanceof ValidationError) {
        form.setErrors(Object.fromEntries(e.issues.map((i) => [i.path === 'investmentTenge' ? 'investment' : i.path, t(`validation.${i.message}`, { defaultValue: t('validation.unknown') })])));
      } else {
        notifications.show({ color: 'red', message: t('notify.saveFailed', { message: (e as Error).message }) });
      }
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!row) return;
    const deleted = await repos.projects.remove(row.id);
    store.apply(deleted);
    onClose();
    const nid = notifications.show({
      color: 'gray',
      autoClose: 10_000,
      message: (
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm">{t('notify.deleted', { title: row.title })}</Text>
          <Button size="xs" variant="light" data-testid="undo-delete" onClick={async () => {
            const restored = await repos.projects.restore(row.id);
            store.apply(restored);
            notifications.hide(nid);
            notifications.show({ color: 'teal', message: t('notify.restored') });
          }}>{t('actions.undo')}</Button>
        </Group>
      ),
    });
  };

  const duplicate = async () => {
    if (!row) return;
    const input = fromForm({ ...form.getValues(), title: `${form.getValues().title} ${t('project.copySuffix')}`.slice(0, 300) }, []);
    input.barriers = (input.barriers ?? []).map((b) => ({ ...b, id: uuidv7() }));
    try {
      const copy = await repos.projects.create(input);
      store.apply(copy);
      notifications.show({ color: 'teal', message: t('notify.duplicated') });
      openProject(copy.id);
    } catch (e) {
      notifications.show({ color: 'red', message: t('notify.saveFailed', { message: (e as Error).message }) });
    }
  };

  const requestClose = () => {
    if (form.isDirty() && !confirmClose) setConfirmClose(true);
    else {
      if (confirmClose) clearDraft(draftId);
      onClose();
    }
  };
  useEffect(() => {
    closeGuardRef.current = requestClose;
    return () => {
      closeGuardRef.current = onClose;
    };
  });

  const investmentPreview = (() => {
    const parsed = v.investment.trim() ? parseTenge(v.investment) : null;
    return parsed !== null ? `= ${formatTenge(parsed, lang)}` : t('fields.investmentHint');
  })();

  const selectProps = { comboboxProps: { withinPortal: true }, clearable: true, searchable: true } as const;

  /**
   * Input props for a text field that refuse a change far beyond the field's limit (a 10 MB
   * paste): the field keeps its value and says why, instead of freezing the card on the text.
   */
  const textProps = (path: string, max: number) => {
    const props = form.getInputProps(path);
    return {
      ...props,
      onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
        const value = e.currentTarget.value;
        if (value.length > max) {
          form.setFieldError(path, t('validation.paste_too_long', { count: formatNumber(value.length, lang), max: formatNumber(max, lang) }));
          return;
        }
        props.onChange(e);
      },
    };
  };

  return (
    <Stack gap="sm" h="100%" onKeyDown={getHotkeyHandler([['mod+S', () => void save()], ['mod+Enter', () => void save()]])}>
      {draft && (
        <Alert color="blue" variant="light" py={6} title={t('project.draftFound', { at: formatDateTime(draft.savedAt) })} data-testid="draft-alert">
          {draft.baseUpdatedAt !== (row?.updatedAt ?? null) && <Text size="xs" mb={4}>{t('project.draftStale')}</Text>}
          <Group gap="xs">
            <Button size="xs" onClick={() => { form.setValues(draft.values); setDraft(null); }} data-testid="draft-restore">{t('project.draftRestore')}</Button>
            <Button size="xs" variant="default" onClick={() => { clearDraft(draftId); setDraft(null); }}>{t('actions.discard')}</Button>
          </Group>
        </Alert>
      )}
      <Tabs defaultValue="main" keepMounted={false}>
        <Tabs.List>
          {(['main', 'location', 'figures', 'timeline', 'barriers', 'history'] as const).map((tab) => (
            <Tabs.Tab key={tab} value={tab} disabled={tab === 'history' && !row}>
              {t(`project.tabs.${tab}`)}
              {tab === 'barriers' && v.barriers.length > 0 ? ` (${v.barriers.length})` : ''}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <ScrollArea.Autosize mah="calc(100vh - 220px)" type="auto" offsetScrollbars>
          <Tabs.Panel value="main" pt="md">
            <Stack gap="sm">
              <TextInput label={t('fields.title')} withAsterisk data-autofocus {...textProps('title', 600)} data-testid="field-title" />
              <TextInput label={t('fields.investorName')} withAsterisk {...textProps('investorName', 600)} data-testid="field-investorName" />
              <Grid>
                <Grid.Col span={6}>
                  <TextInput label={t('fields.investorBin')} description={t('fields.investorBinHint')} inputMode="numeric" maxLength={20} {...form.getInputProps('investorBin')} data-testid="field-investorBin" />
                </Grid.Col>
                <Grid.Col span={6}>
                  <Select label={t('fields.investorCountry')} data={COUNTRIES.map((c) => ({ value: c, label: countryNames.of(c) ?? c }))} {...selectProps} {...form.getInputProps('investorCountry')} />
                </Grid.Col>
              </Grid>
              <Select label={t('fields.okedSection')} data={OKED_SECTIONS.map((s) => ({ value: s.code, label: `${s.code} — ${s.name[lang]}` }))} {...selectProps} {...form.getInputProps('okedSection')} />
              <Grid>
                <Grid.Col span={6}>
                  <Select label={t('fields.stage')} withAsterisk data={STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps('stage')} data-testid="field-stage" />
                </Grid.Col>
                <Grid.Col span={6}>
                  <Select label={t('fields.status')} withAsterisk data={STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps('status')} />
                </Grid.Col>
              </Grid>
              <Textarea label={t('fields.capacity')} autosize minRows={2} maxRows={5} {...textProps('capacity', 2000)} />
              <Select label={t('fields.curatorId')} data={people.map((p) => ({ value: p.id, label: p.position ? `${p.fullName} — ${p.position}` : p.fullName }))} {...selectProps} {...form.getInputProps('curatorId')} />
              <TagsInput label={t('fields.tags')} description={t('fields.tagsHint')} maxTags={30} comboboxProps={{ withinPortal: true }} {...form.getInputProps('tags')} />
              <Textarea label={t('fields.supportMeasures')} autosize minRows={2} maxRows={6} {...textProps('supportMeasures', 10000)} />
              <Textarea label={t('fields.notes')} autosize minRows={3} maxRows={10} {...textProps('notes', 20000)} data-testid="field-notes" />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="location" pt="md">
            <Stack gap="sm">
              <Select label={t('fields.regionId')} withAsterisk data={REGIONS.map((r) => ({ value: r.id, label: r.name[lang] }))} allowDeselect={false} searchable comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('regionId')}
                onChange={(val) => { form.setFieldValue('regionId', val ?? workspaceRegion()); form.setFieldValue('districtId', null); form.setFieldValue('zoneId', null); }} />
              <Select label={t('fields.districtId')} data={districts.map((d) => ({ value: d.id, label: d.name[lang] }))} disabled={districts.length === 0} {...selectProps} {...form.getInputProps('districtId')} data-testid="field-districtId" />
              <TextInput label={t('fields.settlement')} {...textProps('settlement', 400)} />
              <Select label={t('fields.zoneId')} data={zones.map((z) => ({ value: z.id, label: z.name[lang] }))} disabled={zones.length === 0} {...selectProps} {...form.getInputProps('zoneId')} data-testid="field-zoneId" />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="figures" pt="md">
            <Stack gap="sm">
              <Grid>
                <Grid.Col span={7}>
                  <TextInput label={t('fields.investmentTenge')} description={investmentPreview} {...form.getInputProps('investment')} data-testid="field-investment" />
                </Grid.Col>
                <Grid.Col span={5}>
                  <NumberInput label={t('fields.foreignSharePct')} min={0} max={100} decimalScale={2} decimalSeparator="," allowNegative={false} {...form.getInputProps('foreignSharePct')} />
                </Grid.Col>
              </Grid>
              <Grid>
                {(['jobsConstructionPlanned', 'jobsConstructionCreated', 'jobsPermanentPlanned', 'jobsPermanentCreated'] as const).map((f) => (
                  <Grid.Col span={6} key={f}>
                    <NumberInput label={t(`fields.${f}`)} min={0} allowDecimal={false} allowNegative={false} thousandSeparator=" " {...form.getInputProps(f)} data-testid={`field-${f}`} />
                  </Grid.Col>
                ))}
              </Grid>
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="timeline" pt="md">
            <Stack gap="sm">
              {(['startDate', 'plannedCommissioningDate', 'actualCommissioningDate'] as const).map((f) => (
                <DateInput key={f} label={t(`fields.${f}`)} valueFormat="DD.MM.YYYY" placeholder={t('fields.datePlaceholder')} dateParser={dateParser} clearable
                  popoverProps={{ withinPortal: true }} {...form.getInputProps(f)} />
              ))}
              <Text fw={600} mt="md">{t('project.stageLog')}</Text>
              {(row?.stageLog ?? []).length === 0 ? <Text c="dimmed" size="sm">{t('project.noHistory')}</Text> : (
                <Stack gap={4} data-testid="stage-log">
                  {[...(row?.stageLog ?? [])].reverse().map((e, i) => (
                    <Text size="sm" key={i}>
                      {formatDateTime(e.at)} — {e.from ? t(`stage.${e.from}`) : '∅'} → <b>{t(`stage.${e.to}`)}</b> ({e.by})
                    </Text>
                  ))}
                </Stack>
              )}
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="barriers" pt="md">
            <Stack gap="sm">
              {v.barriers.length === 0 && <Text c="dimmed" size="sm">{t('project.noBarriers')}</Text>}
              {v.barriers.map((b, i) => (
                <Paper key={b.id} withBorder p="sm" radius="sm">
                  <Grid align="flex-end">
                    <Grid.Col span={4}>
                      <Select label={t('fields.barrierKind')} data={BARRIER_KINDS.map((k) => ({ value: k, label: t(`barrierKind.${k}`) }))} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps(`barriers.${i}.kind`)} />
                    </Grid.Col>
                    <Grid.Col span={3}>
                      <DateInput label={t('fields.openedOn')} valueFormat="DD.MM.YYYY" dateParser={dateParser} popoverProps={{ withinPortal: true }} {...form.getInputProps(`barriers.${i}.openedOn`)} />
                    </Grid.Col>
                    <Grid.Col span={3}>
                      <DateInput label={t('fields.resolvedOn')} valueFormat="DD.MM.YYYY" dateParser={dateParser} clearable popoverProps={{ withinPortal: true }} {...form.getInputProps(`barriers.${i}.resolvedOn`)} />
                    </Grid.Col>
                    <Grid.Col span={2}>
                      <ActionIcon color="red" variant="subtle" size="lg" aria-label={t('actions.remove')} onClick={() => form.removeListItem('barriers', i)}>
                        <IconTrash size={18} />
                      </ActionIcon>
                    </Grid.Col>
                  </Grid>
                  <Textarea mt="xs" label={t('fields.barrierText')} autosize minRows={2} {...textProps(`barriers.${i}.text`, 4000)} />
                  {b.openedOn && (
                    <Badge mt="xs" variant="light" color={b.resolvedOn ? 'teal' : 'orange'}>
                      {t('fields.daysOpen', { count: barrierDaysOpen({ openedOn: b.openedOn, ...(b.resolvedOn ? { resolvedOn: b.resolvedOn } : {}) }, today) })}
                    </Badge>
                  )}
                </Paper>
              ))}
              <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => form.insertListItem('barriers', newBarrier(today))} w="fit-content">
                {t('actions.addBarrier')}
              </Button>
            </Stack>
          </Tabs.Panel>
          {row && (
            <Tabs.Panel value="history" pt="md">
              <ProjectHistory projectId={row.id} />
            </Tabs.Panel>
          )}
        </ScrollArea.Autosize>
      </Tabs>
      {confirmClose && (
        <Alert color="yellow" variant="light" py={6} title={t('project.unsaved')}>
          <Group gap="xs">
            <Button size="xs" color="red" variant="light" onClick={() => { clearDraft(draftId); onClose(); }}>{t('actions.discard')}</Button>
            <Button size="xs" variant="default" onClick={() => setConfirmClose(false)}>{t('actions.cancel')}</Button>
          </Group>
        </Alert>
      )}
      <Group justify="space-between" mt="auto">
        <Group gap="xs">
          <Button leftSection={<IconDeviceFloppy size={18} />} onClick={() => void save()} loading={saving} data-testid="save-project">{t('actions.save')}</Button>
          <Button variant="default" onClick={requestClose}>{t('actions.cancel')}</Button>
          {/* In the button row, not above it: a message that pushed the buttons down on blur would swallow the click. */}
          <Text size="sm" c="red.8" role="alert" data-testid="form-errors">{errorCount > 0 ? t('project.fixErrors', { count: errorCount }) : ''}</Text>
        </Group>
        {row && (
          <Group gap="xs">
            <Button variant="subtle" leftSection={<IconCopy size={16} />} onClick={() => void duplicate()}>{t('actions.duplicate')}</Button>
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => void remove()} data-testid="delete-project">{t('actions.delete')}</Button>
          </Group>
        )}
      </Group>
    </Stack>
  );
}

/** The drawer that holds the card of the open project ('new' for a new one). */
export function ProjectDrawer({ openId }: { openId: string | 'new' | null }) {
  const { t, i18n } = useTranslation();
  const { db, openProject } = useApp();
  const [row, setRow] = useState<ProjectRow | null | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    if (openId === null || openId === 'new') setRow(openId === 'new' ? null : undefined);
    else void db.projects.get(openId).then((r) => { if (!cancelled) setRow(r && r.alive ? r : undefined); });
    return () => { cancelled = true; };
  }, [openId, db]);
  const opened = openId !== null && row !== undefined;
  const closeGuardRef = useRef<() => void>(() => openProject(null));
  return (
    <Drawer
      opened={opened}
      onClose={() => closeGuardRef.current()}
      position="right"
      size="xl"
      title={<Text fw={700} size="lg">{row ? t('project.editTitle') : t('project.newTitle')}</Text>}
      closeButtonProps={{ 'aria-label': t('actions.close') }}
      data-testid="project-drawer"
    >
      {opened && (
        <DatesProvider settings={{ locale: i18n.language, firstDayOfWeek: 1 }}>
          <ProjectEditor key={row?.id ?? 'new'} row={row} onClose={() => openProject(null)} closeGuardRef={closeGuardRef} />
        </DatesProvider>
      )}
    </Drawer>
  );
}
