// The form of a new meeting (`/meetings/new`): the number proposed is the next free one in the
// year of the date (proposed again when the date moves to another year, unless the clerk typed a
// number); a duplicate number or any refused value is said under its field; once created, the
// meeting's own page opens in place of the form.
import { useEffect, useRef, useState } from 'react';
import { useWarnBeforeUnload } from '../../app/warn-before-unload';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { Alert, Anchor, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft } from '@tabler/icons-react';
import { todayIso } from '@shared/locale/dates';
import { useApp } from '../../app/app-context';
import { workspaceRegion } from '../../app/services';
import { ValidationError } from '../../db/repository';
import { formToInput, issuesToErrors, newMeetingForm, validateMeetingForm, fieldError, yearOfTyped, type MeetingForm, type MeetingFormErrors, type MeetingFormField } from './meeting-form';
import { MeetingFields } from './MeetingFields';
import { meetingPath } from './paths';
import { useMessage } from './messages';

export function NewMeetingPage() {
  const { t } = useTranslation();
  const { db, repos, navigate } = useApp();
  const message = useMessage();
  const people = useLiveQuery(() => db.people.toArray(), [db]) ?? [];
  /** Kazakhstan's date when the form opened: the new meeting's date, and the bound of a mistyped year. */
  const [today] = useState(() => todayIso(Date.now()));
  const [values, setValues] = useState<MeetingForm>(() => newMeetingForm(today, null));
  const [errors, setErrors] = useState<MeetingFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The clerk has typed or picked something (the proposed number and today's date are not theirs). */
  const [typed, setTyped] = useState(false);
  // Closing the window (or the tab) before the meeting is created asks first.
  useWarnBeforeUnload(typed);
  /** The clerk typed the number: it is theirs, never proposed over. */
  const numberTyped = useRef(false);
  const proposedYear = useRef<number | null>(null);
  const year = yearOfTyped(values.date);

  // The next free number of the date's year, proposed on opening and whenever the year changes.
  useEffect(() => {
    if (year === null || year === proposedYear.current || numberTyped.current) return;
    proposedYear.current = year;
    let cancelled = false;
    void repos.ops.nextMeetingNumber(workspaceRegion(), `${year}-01-01`).then((n) => {
      if (!cancelled && !numberTyped.current) setValues((v) => ({ ...v, number: String(n) }));
    });
    return () => {
      cancelled = true;
    };
  }, [year, repos]);

  const onChange = <K extends MeetingFormField>(field: K, value: MeetingForm[K]) => {
    if (field === 'number') numberTyped.current = true;
    setTyped(true);
    setValues((v) => ({ ...v, [field]: value }));
    // A message goes as soon as the value is fine; a new one waits for the field to be left.
    setErrors((e) => (e[field] && !fieldError({ ...values, [field]: value }, field, today) ? { ...e, [field]: undefined } : e));
  };
  const onBlur = (field: MeetingFormField) => setErrors((e) => ({ ...e, [field]: fieldError(values, field, today) }));

  const create = async () => {
    const found = validateMeetingForm(values, today);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFormError(null);
    try {
      const m = await repos.ops.createMeeting(formToInput(values, workspaceRegion()));
      notifications.show({ color: 'teal', message: t('meetings.created', { number: m.number }) });
      navigate(meetingPath(m.id), { replace: true });
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

  return (
    <Stack gap="sm" maw={980} onKeyDown={getHotkeyHandler([['mod+S', () => void create()], ['mod+Enter', () => void create()]])}>
      <Anchor href={`#/meetings`} size="sm" onClick={(e) => { e.preventDefault(); navigate('/meetings'); }}>
        <Group gap={4} component="span"><IconArrowLeft size={14} aria-hidden />{t('meetings.page.back')}</Group>
      </Anchor>
      <Title order={2} size="h3">{t('meetings.new')}</Title>
      <Paper withBorder p="md">
        <form onSubmit={(e) => { e.preventDefault(); void create(); }} noValidate>
          <Stack gap="md">
            <MeetingFields values={values} errors={errors} people={people} onChange={onChange} onBlur={onBlur} withNotes={false} />
            {formError && <Alert color="red" variant="light" py={6} data-testid="meeting-form-error">{formError}</Alert>}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => navigate('/meetings')}>{t('actions.cancel')}</Button>
              <Button type="submit" loading={busy} data-testid="meeting-create">{t('meetings.create')}</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
