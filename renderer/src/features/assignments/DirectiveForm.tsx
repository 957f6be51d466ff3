// «Поручение сверху»: an instruction of the Head of State, the Government, the akim or another body
// put under control — who gave it, when, its number and title, its text in Russian and Kazakh, the
// responsible bodies, the deadline, and the projects and zones that carry it out.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { longPasteRefuser } from '../../app/long-paste';
import { Button, Grid, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { DIRECTIVE_SOURCES, type DirectiveSource } from '@shared/domain/assignment.schema';
import type { WorkCalendar } from '@shared/domain/work-calendar';
import { parseDate, type IsoDate } from '@shared/locale/dates';
import type { Lang } from '@shared/locale/lang';
import { useApp } from '../../app/app-context';
import { useWarnBeforeUnload } from '../../app/warn-before-unload';
import { workspaceRegion } from '../../app/services';
import { ValidationError } from '../../db/repository';
import { labels } from './assignment-text';
import { deadlineOfDraft, type DeadlineDraft } from './deadline-form';
import { dateError, DateText, DeadlineEditor, ProjectsSelect, ResponsibleSelect, validationText, ZonesSelect } from './form-fields';
import type { OrgOption } from './assignment-store';

type Errors = Partial<Record<'sourceKind' | 'sourceDate' | 'sourceNumber' | 'sourceTitle' | 'textRu' | 'textKk' | 'responsible' | 'deadline' | 'form', string | undefined>>;

const EMPTY_DEADLINE: DeadlineDraft = { kind: 'date', date: '', days: '' };

/** Which field a repository's issue path belongs to. */
function fieldOf(path: string): keyof Errors {
  const head = path.split('.')[0] ?? '';
  if (head === 'responsibleOrgIds') return 'responsible';
  if (['sourceKind', 'sourceDate', 'sourceNumber', 'sourceTitle', 'textRu', 'textKk', 'deadline'].includes(head)) return head as keyof Errors;
  return 'form';
}

export function DirectiveForm({ opened, onClose, onCreated, orgs, calendar, today, lang }: {
  opened: boolean; onClose: () => void; onCreated: (id: string) => void; orgs: readonly OrgOption[]; calendar: WorkCalendar; today: IsoDate; lang: Lang;
}) {
  const L = labels(lang);
  const { t } = useTranslation();
  const { repos } = useApp();
  const [sourceKind, setSourceKind] = useState<DirectiveSource | null>(null);
  const [sourceDate, setSourceDate] = useState('');
  const [sourceNumber, setSourceNumber] = useState('');
  const [sourceTitle, setSourceTitle] = useState('');
  const [textRu, setTextRu] = useState('');
  const [textKk, setTextKk] = useState('');
  const [responsible, setResponsible] = useState<string[]>([]);
  const [deadline, setDeadline] = useState<DeadlineDraft>(EMPTY_DEADLINE);
  const [projects, setProjects] = useState<string[]>([]);
  const [zones, setZones] = useState<string[]>([]);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  // What the clerk filled in stays while the form is closed and opened again, until it is created;
  // closing the window meanwhile asks first.
  const filled = sourceKind !== null || [sourceDate, sourceNumber, sourceTitle, textRu, textKk, deadline.date ?? '', String(deadline.days)].some((v) => v.trim() !== '')
    || deadline.kind !== EMPTY_DEADLINE.kind || responsible.length > 0 || projects.length > 0 || zones.length > 0;
  useWarnBeforeUnload(filled);

  const reset = () => {
    setSourceKind(null); setSourceDate(''); setSourceNumber(''); setSourceTitle(''); setTextRu(''); setTextKk('');
    setResponsible([]); setDeadline(EMPTY_DEADLINE); setProjects([]); setZones([]); setErrors({});
  };
  const clear = (k: keyof Errors) => setErrors((e) => (e[k] ? { ...e, [k]: undefined, form: undefined } : e));
  const refuse = longPasteRefuser<keyof Errors>((k, message) => setErrors((e) => ({ ...e, [k]: message })), t, lang);

  const submit = async () => {
    const found: Errors = {};
    if (!sourceKind) found.sourceKind = L.errors.required;
    if (dateError(sourceDate)) found.sourceDate = L.errors.invalid_date;
    if (!textRu.trim() && !textKk.trim()) found.textRu = L.errors.text_required;
    if (responsible.length === 0) found.responsible = L.errors.responsible_required;
    const dl = deadlineOfDraft(deadline, { base: today, calendar, notBefore: parseDate(sourceDate) ?? undefined, notBeforeIs: 'source' });
    if (!dl.ok) found.deadline = validationText(dl.error, lang);
    if (Object.keys(found).length > 0 || !dl.ok) {
      setErrors(found);
      return;
    }
    setSaving(true);
    try {
      const row = await repos.assignments.create({
        regionId: workspaceRegion(), origin: 'directive', status: 'open',
        sourceKind: sourceKind ?? undefined, sourceDate: parseDate(sourceDate) ?? undefined, sourceNumber: sourceNumber.trim() || undefined, sourceTitle: sourceTitle.trim() || undefined,
        textRu: textRu.trim() || undefined, textKk: textKk.trim() || undefined,
        responsibleOrgIds: responsible, deadline: dl.deadline, projectIds: projects, zoneIds: zones, meetingIds: [],
      });
      notifications.show({ id: 'directive-created', color: 'teal', message: L.directive.created });
      reset();
      onCreated(row.id);
    } catch (e) {
      if (e instanceof ValidationError) {
        const next: Errors = {};
        for (const i of e.issues) next[fieldOf(i.path)] ??= validationText(i.message, lang);
        setErrors(next);
      } else setErrors({ form: (e as Error).message });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={<Text fw={700} size="lg">{L.directive.title}</Text>} closeButtonProps={{ 'aria-label': t('actions.close') }} data-testid="directive-form">
      <DatesProvider settings={{ locale: lang, firstDayOfWeek: 1 }}>
        <Stack gap="sm" className="ctl-form">
          <Text size="sm" c="dimmed">{L.directive.intro}</Text>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 5 }}>
              <Select
                label={L.directive.source} withAsterisk data={DIRECTIVE_SOURCES.map((s) => ({ value: s, label: L.source[s] }))} value={sourceKind}
                onChange={(v) => { setSourceKind(v as DirectiveSource | null); clear('sourceKind'); }} error={errors.sourceKind} allowDeselect={false}
                comboboxProps={{ withinPortal: true }} data-testid="field-sourceKind"
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 4 }}>
              <DateText label={L.directive.sourceDate} text={sourceDate} onText={(v) => { setSourceDate(v); clear('sourceDate'); }} error={errors.sourceDate} lang={lang} testId="field-sourceDate" />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TextInput label={L.directive.sourceNumber} value={sourceNumber} onChange={(e) => { setSourceNumber(e.currentTarget.value); clear('sourceNumber'); }} error={errors.sourceNumber} data-testid="field-sourceNumber" />
            </Grid.Col>
          </Grid>
          <TextInput label={L.directive.sourceTitle} description={L.directive.sourceTitleHint} value={sourceTitle} onChange={(e) => { const v = e.currentTarget.value; if (refuse('sourceTitle', v, 500)) return; setSourceTitle(v); clear('sourceTitle'); }} error={errors.sourceTitle} data-testid="field-sourceTitle" />
          <Textarea label={L.fields.textRu} value={textRu} onChange={(e) => { const v = e.currentTarget.value; if (refuse('textRu', v, 10_000)) return; setTextRu(v); clear('textRu'); }} error={errors.textRu} autosize minRows={2} maxRows={6} data-testid="field-textRu" />
          <Textarea label={L.fields.textKk} value={textKk} onChange={(e) => { const v = e.currentTarget.value; if (refuse('textKk', v, 10_000)) return; setTextKk(v); clear('textKk'); clear('textRu'); }} error={errors.textKk} autosize minRows={2} maxRows={6} data-testid="field-textKk" lang="kk" />
          <ResponsibleSelect value={responsible} onChange={(ids) => { setResponsible(ids); clear('responsible'); }} orgs={orgs} error={errors.responsible} lang={lang} required />
          <DeadlineEditor draft={deadline} onChange={(d) => { setDeadline(d); clear('deadline'); }} base={today} fromMeeting={false} calendar={calendar} error={errors.deadline} lang={lang} />
          <ProjectsSelect value={projects} onChange={setProjects} lang={lang} />
          <ZonesSelect value={zones} onChange={setZones} lang={lang} />
          {errors.form && <Text size="sm" c="red.8" role="alert">{errors.form}</Text>}
          <Group gap="xs">
            <Button onClick={() => void submit()} loading={saving} data-testid="directive-create">{L.directive.create}</Button>
            <Button variant="default" onClick={onClose}>{t('actions.cancel')}</Button>
          </Group>
        </Stack>
      </DatesProvider>
    </Modal>
  );
}
