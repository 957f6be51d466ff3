// A meeting's fields as a form — number, kind, date, time, place, title, chair, secretary, notes —
// the same for a new meeting and for the meeting's page. Each refused value shows its message
// under the field; what the clerk typed is kept. A text longer than the record takes (a long
// paste into the notes) is refused as it arrives, with a message, and the field keeps what it held.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Group, Input, SegmentedControl, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { MEETING_KINDS, MEETING_TEXT_MAX, type MeetingKind } from '@shared/domain/meeting.schema';
import type { Lang } from '@shared/locale/lang';
import { longPasteRefuser } from '../../app/long-paste';
import type { PersonRow } from '../../db/db';
import type { MeetingForm, MeetingFormErrors, MeetingFormField } from './meeting-form';
import { numberValue, timeText } from './meeting-form';
import { DateTextInput } from './DateTextInput';
import { PersonPicker } from './PersonPicker';
import { useMessage } from './messages';

/** A red dark enough to read on white for refused values (the light scheme's default is not). */
export const ERROR_CONTRAST = { '--mantine-color-error': 'var(--mantine-color-red-8)' } as const;

type Props = {
  values: MeetingForm;
  errors: MeetingFormErrors;
  people: readonly PersonRow[];
  onChange: <K extends MeetingFormField>(field: K, value: MeetingForm[K]) => void;
  onBlur: (field: MeetingFormField) => void;
  /** Shows the notes field (the meeting's page; a new meeting starts without). */
  withNotes?: boolean;
};

type LongField = keyof typeof MEETING_TEXT_MAX;

export function MeetingFields({ values, errors, people, onChange, onBlur, withNotes = true }: Props) {
  const { t, i18n } = useTranslation();
  const message = useMessage();
  /** The messages of refused long pastes, by field: each stays until the field takes a change. */
  const [refused, setRefused] = useState<Partial<Record<LongField, string>>>({});
  const refuse = longPasteRefuser<LongField>((field, text) => setRefused((r) => ({ ...r, [field]: text })), t, i18n.language as Lang);
  const changeText = (field: LongField, value: string) => {
    if (refuse(field, value, MEETING_TEXT_MAX[field])) return;
    setRefused((r) => (r[field] === undefined ? r : { ...r, [field]: undefined }));
    onChange(field, value);
  };
  const err = (field: MeetingFormField) => {
    const pasted = refused[field as LongField];
    if (pasted !== undefined) return pasted;
    const key = errors[field];
    return key ? message(field, key, { number: numberValue(values.number) ?? values.number }) : undefined;
  };
  const text = (field: 'place' | 'title') => ({
    value: values[field],
    onChange: (e: { currentTarget: { value: string } }) => changeText(field, e.currentTarget.value),
    onBlur: () => onBlur(field),
    error: err(field),
    'data-testid': `meeting-${field}`,
  });
  return (
    <Stack gap="sm" style={ERROR_CONTRAST}>
      <Group align="flex-start" gap="md" wrap="wrap">
        <TextInput
          label={t('meetings.fields.number')}
          description={t('meetings.hints.number')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          value={values.number}
          onChange={(e) => onChange('number', e.currentTarget.value)}
          onBlur={() => onBlur('number')}
          error={err('number')}
          withAsterisk
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          w={200}
          data-testid="meeting-number"
        />
        <DateTextInput
          label={t('meetings.fields.date')}
          value={values.date}
          onChange={(v) => onChange('date', v)}
          onBlur={() => onBlur('date')}
          error={err('date')}
          placeholder={t('meetings.hints.date')}
          withAsterisk
          w={170}
          testId="meeting-date"
        />
        <TextInput
          label={t('meetings.fields.time')}
          placeholder={t('meetings.hints.time')}
          value={values.time}
          onChange={(e) => onChange('time', e.currentTarget.value)}
          onBlur={() => {
            const typed = timeText(values.time);
            if (typed !== values.time) onChange('time', typed);
            onBlur('time');
          }}
          error={err('time')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          w={150}
          data-testid="meeting-time"
        />
        <Input.Wrapper label={t('meetings.fields.kind')} labelElement="div">
          <SegmentedControl
            display="flex"
            aria-label={t('meetings.fields.kind')}
            value={values.kind}
            onChange={(v) => onChange('kind', v as MeetingKind)}
            data={MEETING_KINDS.map((k) => ({ value: k, label: t(`meetings.kind.${k}`) }))}
            data-testid="meeting-kind"
          />
        </Input.Wrapper>
      </Group>
      <TextInput label={t('meetings.fields.place')} placeholder={t('meetings.hints.place')} withAsterisk {...text('place')} />
      <TextInput label={t('meetings.fields.title')} placeholder={t('meetings.hints.title')} {...text('title')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <PersonPicker label={t('meetings.fields.chair')} value={values.chairId} onChange={(v) => onChange('chairId', v)} people={people} error={err('chairId')} testId="meeting-chair" />
        <PersonPicker label={t('meetings.fields.secretary')} value={values.secretaryId} onChange={(v) => onChange('secretaryId', v)} people={people} error={err('secretaryId')} testId="meeting-secretary" />
      </SimpleGrid>
      {withNotes && (
        <Textarea label={t('meetings.fields.notes')} value={values.notes} onChange={(e) => changeText('notes', e.currentTarget.value)} onBlur={() => onBlur('notes')}
          error={err('notes')} autosize minRows={2} maxRows={8} data-testid="meeting-notes" />
      )}
    </Stack>
  );
}
