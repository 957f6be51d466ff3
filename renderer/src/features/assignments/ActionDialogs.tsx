// The control actions of an assignment, each a small dialog: «Продлить срок» (a later date and a
// required reason), «Отчёт об исполнении» (date and text), «Снять с контроля» (only with a report:
// the dialog asks for it). Each is one operation of repos.ops; what the repository refuses is
// shown under the field it concerns, in the clerk's language.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { longPasteMessage } from '../../app/long-paste';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { formatDate, parseDate, type IsoDate } from '@shared/locale/dates';
import type { Lang } from '@shared/locale/lang';
import { useApp } from '../../app/app-context';
import { ValidationError } from '../../db/repository';
import { StateError } from '../../db/meeting-ops';
import { fill, labels } from './assignment-text';
import { DateText, validationText } from './form-fields';
import { checkExtension, checkReport } from './deadline-form';

export type ActionKind = 'extend' | 'report' | 'takeOff';

type Errors = { date?: string | undefined; text?: string | undefined; form?: string | undefined };

/** What a refused operation says, per field of the dialog. */
function errorsOf(e: unknown, lang: Lang): Errors {
  if (e instanceof ValidationError) {
    const out: Errors = {};
    for (const i of e.issues) {
      const field = i.path === 'reason' || i.path === 'text' ? 'text' : i.path === 'toDue' || i.path === 'deadline' || i.path === 'on' ? 'date' : 'form';
      out[field] ??= validationText(i.message, lang);
    }
    return out;
  }
  if (e instanceof StateError) return { form: validationText(e.code, lang) };
  return { form: (e as Error).message };
}

export function ActionDialog({ kind, onClose, assignmentId, currentDue, meetingDate, sourceDate, today, lang }: {
  kind: ActionKind | null; onClose: () => void; assignmentId: string; currentDue: IsoDate | null; meetingDate: IsoDate | null;
  /** An instruction's own date (none for a decision): a report cannot precede it. */
  sourceDate: IsoDate | null; today: IsoDate; lang: Lang;
}) {
  const L = labels(lang);
  const { t } = useTranslation();
  const { repos } = useApp();
  const [date, setDate] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [shownKind, setShownKind] = useState<ActionKind | null>(null);
  // A dialog opens with its own defaults: empty for an extension, today for a report.
  if (kind !== shownKind) {
    setShownKind(kind);
    setDate(kind && kind !== 'extend' ? formatDate(today) : '');
    setText('');
    setErrors({});
  }
  const title = kind === 'extend' ? L.dialogs.extendTitle : kind === 'report' ? L.dialogs.reportTitle : L.dialogs.takeOffTitle;

  const submit = async () => {
    if (!kind) return;
    if (kind === 'extend') {
      const found = checkExtension({ date, reason: text, currentDue, meetingDate });
      if (found.date || found.text) {
        setErrors({ date: found.date && validationText(found.date, lang), text: found.text && validationText(found.text, lang) });
        return;
      }
    } else {
      const found = checkReport({ date, text, notBefore: meetingDate ?? sourceDate, today });
      if (found.date || found.text) {
        setErrors({ date: found.date && validationText(found.date, lang), text: found.text && validationText(found.text, lang) });
        return;
      }
    }
    setBusy(true);
    try {
      const on = parseDate(date) ?? today;
      if (kind === 'extend') {
        await repos.ops.extendDeadline(assignmentId, on, text.trim());
        notifications.show({ color: 'teal', message: fill(L.notify.extended, { date: formatDate(on) }) });
      } else {
        await repos.ops.reportExecution(assignmentId, { on, text: text.trim() }, kind === 'takeOff');
        notifications.show({ color: 'teal', message: kind === 'takeOff' ? L.notify.takenOff : L.notify.reported });
      }
      onClose();
    } catch (e) {
      setErrors(errorsOf(e, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={kind !== null} onClose={onClose} title={<Text fw={700}>{title}</Text>} closeButtonProps={{ 'aria-label': t('actions.close') }} data-testid={`dialog-${kind ?? 'none'}`} size="lg">
      <DatesProvider settings={{ locale: lang, firstDayOfWeek: 1 }}>
        <Stack gap="sm" className="ctl-form">
          {kind === 'takeOff' && <Text size="sm">{L.dialogs.takeOffHint}</Text>}
          {kind === 'extend' && currentDue && <Text size="sm" c="dimmed">{fill(L.dialogs.currentDue, { date: formatDate(currentDue) })}</Text>}
          <DateText
            label={kind === 'extend' ? L.dialogs.newDate : L.dialogs.reportDate} text={date} withAsterisk={kind === 'extend'}
            onText={(v) => { setDate(v); setErrors((e) => ({ ...e, date: undefined, form: undefined })); }} error={errors.date} lang={lang} testId="dialog-date"
          />
          <Textarea
            label={kind === 'extend' ? L.dialogs.reason : L.dialogs.reportText} withAsterisk value={text} autosize minRows={3} maxRows={8}
            onChange={(e) => {
              const v = e.currentTarget.value;
              const refused = longPasteMessage(v, kind === 'extend' ? 2000 : 10_000, t, lang);
              if (refused) return setErrors((er) => ({ ...er, text: refused }));
              setText(v);
              setErrors((er) => ({ ...er, text: undefined, form: undefined }));
            }} error={errors.text} data-testid="dialog-text"
          />
          {errors.form && <Text size="sm" c="red.8" role="alert" data-testid="dialog-error">{errors.form}</Text>}
          <Group gap="xs">
            <Button onClick={() => void submit()} loading={busy} {...(kind === 'takeOff' ? { color: 'teal' } : {})} data-testid="dialog-confirm">
              {kind === 'takeOff' ? L.actions.takeOff : L.dialogs.confirm}
            </Button>
            <Button variant="default" onClick={onClose}>{t('actions.cancel')}</Button>
          </Group>
        </Stack>
      </DatesProvider>
    </Modal>
  );
}
