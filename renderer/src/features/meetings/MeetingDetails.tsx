// A meeting's details as the clerk edits them: the fields show what is stored except where the
// clerk has typed, so a change made elsewhere shows in every field they have not touched; a save
// sends only the fields that changed (repos.meetings.update), and each refused value is said under
// its field. The meeting can be deleted, with undo.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { todayIso } from '@shared/locale/dates';
import { useApp } from '../../app/app-context';
import { showUndoToast } from '../../app/undo-toast';
import { useWarnBeforeUnload } from '../../app/warn-before-unload';
import { ValidationError } from '../../db/repository';
import type { MeetingRow, PersonRow } from '../../db/db';
import {
  changedMeetingFields, fieldError, issuesToErrors, MEETING_FORM_FIELDS, meetingPatch, meetingToForm, validateMeetingForm,
  type MeetingForm, type MeetingFormErrors, type MeetingFormField,
} from './meeting-form';
import { loadMeetingEdits, saveMeetingEdits } from './edits-store';
import { MeetingFields } from './MeetingFields';
import { useMessage } from './messages';

export function MeetingDetails({ meeting, people }: { meeting: MeetingRow; people: readonly PersonRow[] }) {
  const { t } = useTranslation();
  const { repos, navigate } = useApp();
  const message = useMessage();
  const stored = meetingToForm(meeting);
  /** What the clerk typed, field by field; the other fields follow the stored record. Kept on this machine until saved or reverted. */
  const [edits, setEdits] = useState<Partial<MeetingForm>>(() => loadMeetingEdits(meeting.id, MEETING_FORM_FIELDS));
  /** The page opened with typing kept from before (another screen, a reload, a crash): it says so. */
  const [restored] = useState(() => Object.keys(edits).length > 0);
  const [errors, setErrors] = useState<MeetingFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** «Вернуть как было» pressed so many times: the fields start afresh, messages of refused pastes gone. */
  const [resets, setResets] = useState(0);
  /** Kazakhstan's date when the page opened: the bound of a mistyped year. */
  const [today] = useState(() => todayIso(Date.now()));
  const values: MeetingForm = { ...stored, ...edits };
  const dirty = changedMeetingFields(stored, values);
  useEffect(() => {
    saveMeetingEdits(meeting.id, edits);
  }, [meeting.id, edits]);
  const hasChanges = dirty.length > 0;
  useWarnBeforeUnload(hasChanges);

  const onChange = <K extends MeetingFormField>(field: K, value: MeetingForm[K]) => {
    setEdits((e) => ({ ...e, [field]: value }));
    setErrors((e) => (e[field] && !fieldError({ ...values, [field]: value }, field, today) ? { ...e, [field]: undefined } : e));
  };
  const onBlur = (field: MeetingFormField) => setErrors((e) => ({ ...e, [field]: fieldError(values, field, today) }));

  const save = async () => {
    if (dirty.length === 0 || busy) return;
    const found = validateMeetingForm(values, today);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFormError(null);
    try {
      await repos.meetings.update(meeting.id, meetingPatch(stored, values));
      setEdits({});
      notifications.show({ id: 'meeting-saved', color: 'teal', message: t('meetings.page.saved') });
    } catch (e) {
      if (e instanceof ValidationError) {
        const { '': other, ...fields } = issuesToErrors(e.issues);
        setErrors(fields);
        if (other) setFormError(message('', other));
      } else setFormError(t('notify.saveFailed', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    await repos.meetings.remove(meeting.id);
    navigate('/meetings');
    showUndoToast({
      id: `meeting-removed-${meeting.id}`, t, message: t('meetings.page.removed', { number: meeting.number }), testId: 'meeting-remove-undo',
      onUndo: async () => {
        await repos.meetings.restore(meeting.id);
      },
    });
  };

  return (
    <Paper withBorder p="md" onKeyDown={getHotkeyHandler([['mod+S', () => void save()]])}>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate>
        <Stack gap="md">
          {restored && hasChanges && <Alert color="blue" variant="light" py={6} data-testid="meeting-restored">{t('meetings.page.restored')}</Alert>}
          <MeetingFields key={resets} values={values} errors={errors} people={people} onChange={onChange} onBlur={onBlur} />
          {formError && <Alert color="red" variant="light" py={6}>{formError}</Alert>}
          <Group justify="space-between">
            <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => void remove()} data-testid="meeting-remove">{t('meetings.page.remove')}</Button>
            <Group gap="sm">
              {dirty.length > 0 && <Text size="sm" c="dimmed" data-testid="meeting-dirty">{t('meetings.page.unsaved', { count: dirty.length })}</Text>}
              <Button variant="default" disabled={dirty.length === 0} onClick={() => { setEdits({}); setErrors({}); setFormError(null); setResets((n) => n + 1); }}>{t('meetings.page.reset')}</Button>
              <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} disabled={dirty.length === 0} loading={busy} data-testid="meeting-save">{t('meetings.page.save')}</Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
