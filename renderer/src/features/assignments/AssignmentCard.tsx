// An assignment's card: its reference and link to the minutes, its texts, responsible bodies,
// deadline, status and projects (for an instruction from above also its source, zones and
// meetings), the control actions (extend, report, take off control) and its history. A decision's
// content is edited through the minutes' operation, which refuses once the minutes are signed —
// the card says so and locks those fields; values changed elsewhere are taken over for the fields
// the clerk is not editing.
import { useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDate } from '@shared/locale/dates';
import { longPasteRefuser } from '../../app/long-paste';
import { UnsavedQuestion } from '../../app/unsaved-question';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, Badge, Button, Divider, Grid, Group, ScrollArea, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarPlus, IconCircleCheck, IconDeviceFloppy, IconExternalLink, IconLock, IconReportAnalytics } from '@tabler/icons-react';
import { ASSIGNMENT_STATUSES, DIRECTIVE_SOURCES, type AssignmentStatus, type DirectiveSource } from '@shared/domain/assignment.schema';
import { controlState } from '@shared/domain/decisions';
import type { FieldClocks } from '@shared/sync/merge';
import type { Lang } from '@shared/locale/lang';
import { useApp } from '../../app/app-context';
import type { AssignmentRow } from '../../db/db';
import { ValidationError } from '../../db/repository';
import { StateError } from '../../db/meeting-ops';
import { useControlModel } from './assignment-store';
import { decisionNumbersOf } from './assignment-table';
import { daysLeftText, fill, labels, referenceOf } from './assignment-text';
import { cardSave, dirtyFields, fieldOfPath, takeOver, toCardForm, type CardField, type CardForm } from './card-form';
import { deadlineOfDraft } from './deadline-form';
import { dateError, DateText, DeadlineEditor, MeetingsSelect, ProjectsSelect, ResponsibleSelect, validationText, ZonesSelect } from './form-fields';
import { ActionDialog, type ActionKind } from './ActionDialogs';
import { AssignmentHistory } from './AssignmentHistory';
import { minutesPath } from './paths';
import { useToday, useWorkCalendar } from './use-today';
import { StatusText } from './table-columns';
import { AttachmentsSection } from '../attachments';
import { useWarnBeforeUnload } from '../../app/warn-before-unload';

type Errors = Partial<Record<CardField | 'form', string | undefined>>;

export function AssignmentCard({ row, onClose, closeGuardRef }: { row: AssignmentRow; onClose: () => void; closeGuardRef?: MutableRefObject<() => void> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const L = labels(lang);
  const { db, repos, navigate } = useApp();
  const snap = useControlModel(db);
  const today = useToday();
  const calendar = useWorkCalendar(snap.overrides);
  const meeting = row.meetingId ? snap.model.meetings.get(row.meetingId) : undefined;
  const isDecision = row.origin === 'decision';
  const number = useMemo(() => {
    if (!row.meetingId) return undefined;
    const mid = row.meetingId;
    return decisionNumbersOf({ assignments: snap.model.assignments.filter((a) => a.meetingId === mid), agendaItems: snap.model.agendaItems.filter((i) => i.meetingId === mid) }).get(row.id);
  }, [snap.model, row.meetingId, row.id]);
  const reference = referenceOf(row, meeting, number, lang);
  const minutes = useLiveQuery(async () => {
    if (!row.meetingId) return null;
    const all = (await db.minutes.where('meetingId').equals(row.meetingId).toArray()).filter((m) => m.alive === 1);
    return all.sort((a, b) => b.revision - a.revision)[0] ?? null;
  }, [db, row.meetingId], null);
  const [signedRefusal, setSignedRefusal] = useState(false);
  const locked = isDecision && (minutes?.status === 'signed' || signedRefusal);

  // The form, its baseline (the stored values it started from) and the stamps the clerk saw.
  const [baseline, setBaseline] = useState<CardForm>(() => toCardForm(row));
  const [form, setForm] = useState<CardForm>(baseline);
  const seenRef = useRef<FieldClocks>({});
  const rowRef = useRef(row);
  useEffect(() => {
    void repos.assignments.clocks(row.id).then((c) => { seenRef.current = c; });
    // Stamps are read once per card; later ones arrive with the record's changes below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [row.id]);
  useEffect(() => {
    if (rowRef.current === row) return;
    rowRef.current = row;
    const after = toCardForm(row);
    setForm((mine) => takeOver(baseline, after, mine));
    setBaseline(after);
    void repos.assignments.clocks(row.id).then((c) => { seenRef.current = { ...seenRef.current, ...c }; });
    // Only a new stored row starts this.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [row]);
  const dirty = useMemo(() => dirtyFields(baseline, form), [baseline, form]);
  // Closing the window (or the tab) with changes asks first too.
  useWarnBeforeUnload(dirty.length > 0);
  /** How many times closing has asked since the clerk last chose to keep editing (0: not asking). */
  const [asks, setAsks] = useState(0);
  // With changes, closing (Escape, the overlay, «Закрыть») asks first, as the project card does:
  // only «Не сохранять» throws them away.
  const requestClose = () => {
    if (dirty.length > 0) setAsks((n) => n + 1);
    else onClose();
  };
  useEffect(() => {
    if (!closeGuardRef) return;
    closeGuardRef.current = requestClose;
    return () => {
      closeGuardRef.current = onClose;
    };
  });
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [action, setAction] = useState<ActionKind | null>(null);
  const refuse = longPasteRefuser<CardField>((k, message) => setErrors((e) => ({ ...e, [k]: message })), t, lang);
  const set = <K extends CardField>(k: K, v: CardForm[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setErrors((e) => (e[k] || e.form ? { ...e, [k]: undefined, form: undefined } : e));
  };

  const state = controlState(row, today);
  const base = meeting?.date ?? today;

  const save = async () => {
    if (dirty.length === 0) return;
    const found: Errors = {};
    if (!form.textRu.trim() && !form.textKk.trim()) found.textRu = L.errors.text_required;
    // An instruction from above names who carries it out; a draft decision may have no one yet.
    if (!isDecision && form.responsible.length === 0 && dirty.includes('responsible')) found.responsible = L.errors.responsible_required;
    if (dateError(form.sourceDate)) found.sourceDate = L.errors.invalid_date;
    // A decision's deadline is not before its meeting; an instruction's, not before the instruction.
    const notBefore = meeting ? { notBefore: meeting.date } : { notBefore: parseDate(form.sourceDate) ?? undefined, notBeforeIs: 'source' as const };
    const dl = deadlineOfDraft(form.deadline, { base, calendar, ...notBefore, previous: row.deadline });
    if (!dl.ok && (dirty.includes('deadline') || dirty.includes('sourceDate'))) found.deadline = validationText(dl.error, lang);
    if (Object.keys(found).length > 0) {
      setErrors(found);
      return;
    }
    const patch = cardSave(baseline, form, dl.ok ? dl.deadline : row.deadline);
    setSaving(true);
    try {
      const seen = { seen: seenRef.current };
      await repos.transaction(async () => {
        if (isDecision) {
          if (Object.keys(patch.content).length > 0) await repos.ops.updateDecision(row.id, patch.content);
          if (patch.status) await repos.assignments.update(row.id, { status: patch.status }, seen);
        } else {
          await repos.assignments.update(row.id, { ...patch.content, ...patch.directive, ...(patch.status ? { status: patch.status } : {}) }, seen);
        }
      });
      notifications.show({ id: 'assignment-saved', color: 'teal', message: L.saved });
      setErrors({});
    } catch (e) {
      if (e instanceof ValidationError) {
        const next: Errors = {};
        for (const i of e.issues) next[fieldOfPath(i.path)] ??= validationText(i.message, lang);
        setErrors(next);
      } else if (e instanceof StateError) {
        if (e.code === 'minutes_signed') setSignedRefusal(true);
        setErrors({ form: validationText(e.code, lang) });
      } else {
        setErrors({ form: (e as Error).message });
        notifications.show({ color: 'red', message: fill(L.saveFailed, { message: (e as Error).message }) });
      }
    } finally {
      setSaving(false);
    }
  };

  const statusData = ASSIGNMENT_STATUSES.map((s) => ({ value: s, label: L.status[s] }));
  const errorCount = Object.values(errors).filter(Boolean).length;
  const daysText = daysLeftText(state, lang);

  return (
    <Stack gap="sm" h="100%" className="ctl-form" onKeyDown={(e) => getHotkeyHandler([['mod+S', () => void save()], ['mod+Enter', () => void save()]])(e)} data-testid="assignment-card">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" color={isDecision ? 'blue' : 'grape'}>{L.origin[row.origin]}</Badge>
          <StatusText status={row.status} overdue={state.overdue} lang={lang} />
          {daysText && <Text size="sm" className={state.overdue ? 'ctl-overdue' : undefined} data-testid="card-days">{daysText}</Text>}
        </Group>
        <Title order={3} size="h4" data-testid="card-reference">{reference}</Title>
        {row.meetingId && (
          <Button variant="subtle" size="compact-sm" w="fit-content" leftSection={<IconExternalLink size={14} aria-hidden />} onClick={() => navigate(minutesPath(row.meetingId ?? ''))} data-testid="minutes-link">
            {L.minutesLink}
          </Button>
        )}
      </Stack>
      {locked && (
        <Alert color="gray" variant="light" icon={<IconLock size={18} />} py={6} data-testid="signed-alert">
          <Text size="sm">{L.signed}</Text>
        </Alert>
      )}
      <Group gap="xs" wrap="wrap">
        <Button size="xs" variant="light" leftSection={<IconCalendarPlus size={16} aria-hidden />} disabled={!state.active} onClick={() => setAction('extend')} data-testid="action-extend">{L.actions.extend}</Button>
        <Button size="xs" variant="light" leftSection={<IconReportAnalytics size={16} aria-hidden />} onClick={() => setAction('report')} data-testid="action-report">{L.actions.report}</Button>
        <Button size="xs" variant="light" color="teal" leftSection={<IconCircleCheck size={16} aria-hidden />} disabled={!state.active} onClick={() => setAction('takeOff')} data-testid="action-takeoff">{L.actions.takeOff}</Button>
      </Group>
      <ScrollArea.Autosize mah="calc(100vh - 250px)" type="auto" scrollbars="y" offsetScrollbars="y">
        <Stack gap="sm" pr={4}>
          {!isDecision && (
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 5 }}>
                <Select label={L.directive.source} data={DIRECTIVE_SOURCES.map((s) => ({ value: s, label: L.source[s] }))} value={form.sourceKind}
                  onChange={(v) => v && set('sourceKind', v as DirectiveSource)} allowDeselect={false} error={errors.sourceKind} comboboxProps={{ withinPortal: true }} data-testid="field-sourceKind" />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 4 }}>
                <DateText label={L.directive.sourceDate} text={form.sourceDate} onText={(v) => set('sourceDate', v)} error={errors.sourceDate} lang={lang} testId="field-sourceDate" />
              </Grid.Col>
              <Grid.Col span={{ base: 6, sm: 3 }}>
                <TextInput label={L.directive.sourceNumber} value={form.sourceNumber} onChange={(e) => set('sourceNumber', e.currentTarget.value)} error={errors.sourceNumber} data-testid="field-sourceNumber" />
              </Grid.Col>
              <Grid.Col span={12}>
                <TextInput label={L.directive.sourceTitle} value={form.sourceTitle} onChange={(e) => { const v = e.currentTarget.value; if (!refuse('sourceTitle', v, 500)) set('sourceTitle', v); }} error={errors.sourceTitle} data-testid="field-sourceTitle" />
              </Grid.Col>
            </Grid>
          )}
          <Textarea label={L.fields.textRu} value={form.textRu} onChange={(e) => { const v = e.currentTarget.value; if (!refuse('textRu', v, 10_000)) set('textRu', v); }} error={errors.textRu} autosize minRows={2} maxRows={8} disabled={locked} data-testid="field-textRu" />
          <Textarea label={L.fields.textKk} value={form.textKk} onChange={(e) => { const v = e.currentTarget.value; if (!refuse('textKk', v, 10_000)) set('textKk', v); }} error={errors.textKk} autosize minRows={2} maxRows={8} disabled={locked} data-testid="field-textKk" lang="kk" />
          <ResponsibleSelect value={form.responsible} onChange={(ids) => set('responsible', ids)} orgs={snap.orgs} error={errors.responsible} lang={lang} disabled={locked} required={!isDecision} />
          <DeadlineEditor draft={form.deadline} onChange={(d) => set('deadline', d)} base={base} fromMeeting={meeting !== undefined} calendar={calendar}
            previous={row.deadline} error={errors.deadline} lang={lang} disabled={locked} />
          <Select label={L.fields.status} data={statusData} value={form.status} onChange={(v) => v && set('status', v as AssignmentStatus)} allowDeselect={false}
            error={errors.status} comboboxProps={{ withinPortal: true }} w={260} data-testid="field-status" />
          <ProjectsSelect value={form.projects} onChange={(ids) => set('projects', ids)} lang={lang} disabled={locked} />
          {!isDecision && (
            <>
              <ZonesSelect value={form.zones} onChange={(ids) => set('zones', ids)} lang={lang} />
              <MeetingsSelect value={form.meetings} onChange={(ids) => set('meetings', ids)} meetings={snap.meetings} lang={lang} />
            </>
          )}
          <AttachmentsSection ownerKind="assignment" ownerId={row.id} />
          <Divider my={4} />
          <AssignmentHistory assignmentId={row.id} lang={lang} />
        </Stack>
      </ScrollArea.Autosize>
      {asks > 0 && (
        <UnsavedQuestion key={asks} title={L.unsaved} description={L.unsavedQuestion} keepLabel={t('actions.keepEditing')} discardLabel={t('actions.discard')}
          onKeep={() => setAsks(0)} onDiscard={onClose} />
      )}
      <Group gap="xs" mt="auto">
        <Button leftSection={<IconDeviceFloppy size={18} aria-hidden />} onClick={() => void save()} loading={saving} disabled={dirty.length === 0} data-testid="save-assignment">{L.save}</Button>
        <Button variant="default" onClick={requestClose}>{t('actions.close')}</Button>
        <Text size="sm" c="red.8" role="alert" data-testid="card-errors" style={{ flex: 1, minWidth: 0 }}>
          {errors.form ?? ''}
        </Text>
        {dirty.length > 0 && !errors.form && errorCount === 0 && <Text size="xs" c="dimmed" data-testid="card-unsaved">{L.unsaved}</Text>}
      </Group>
      <ActionDialog kind={action} onClose={() => setAction(null)} assignmentId={row.id} currentDue={state.due} meetingDate={meeting?.date ?? null} sourceDate={row.sourceDate ?? null} today={today} lang={lang} />
    </Stack>
  );
}
