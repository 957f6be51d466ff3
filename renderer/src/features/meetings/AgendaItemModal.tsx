// An agenda item's form: its title in Russian and in Kazakh (one at least), the speaker and the
// projects of the register it concerns. A new item goes to the end of the agenda
// (repos.ops.addAgendaItem); an edit sends only what changed (repos.agendaItems.update). A title
// that does not read as the minutes word it («О …», «… туралы») gets a gentle hint, not a refusal.
// A title or speaker longer than the record takes is refused as it arrives (a long paste), with a
// message, and the field keeps what it held.
import { useState } from 'react';
import { useWarnBeforeUnload } from '../../app/warn-before-unload';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, Modal, Stack, Text, TextInput, Textarea, useComputedColorScheme } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { sameValue } from '@shared/sync/merge';
import { AGENDA_TEXT_MAX, type AgendaKind } from '@shared/domain/meeting.schema';
import type { Lang } from '@shared/locale/lang';
import { useApp } from '../../app/app-context';
import { longPasteRefuser } from '../../app/long-paste';
import { ValidationError } from '../../db/repository';
import type { AgendaItemRow } from '../../db/db';
import { titleHints } from './agenda-hints';
import { ProjectPicker } from './ProjectPicker';
import { useMessage } from './messages';
import { ERROR_CONTRAST } from './MeetingFields';
import { agendaErrorMessage } from './agenda-errors';
import { HINT_COLOR } from './colors';

type ItemForm = { titleRu: string; titleKk: string; speaker: string; projectIds: string[] };
const FIELDS = ['titleRu', 'titleKk', 'speaker', 'projectIds'] as const;

function formOf(item: AgendaItemRow | null): ItemForm {
  return { titleRu: item?.titleRu ?? '', titleKk: item?.titleKk ?? '', speaker: item?.speaker ?? '', projectIds: [...(item?.projectIds ?? [])] };
}


type Props = {
  meetingId: string;
  /** The item to edit, or null for a new one. */
  item: AgendaItemRow | null;
  kind: AgendaKind;
  number: number | null;
  onClose: () => void;
};

export function AgendaItemModal({ meetingId, item, kind, number, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const { repos } = useApp();
  const message = useMessage();
  const scheme = useComputedColorScheme('light');
  const [initial] = useState(() => formOf(item));
  const [values, setValues] = useState<ItemForm>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof ItemForm | '', string | undefined>>>({});
  const [busy, setBusy] = useState(false);
  // Closing the window (or the tab) while the item holds changes asks first.
  useWarnBeforeUnload(FIELDS.some((k) => JSON.stringify(values[k]) !== JSON.stringify(initial[k])));
  const set = <K extends keyof ItemForm>(k: K, v: ItemForm[K]) => {
    setValues((f) => ({ ...f, [k]: v }));
    setErrors((e) => ({ ...e, [k]: undefined, ...(k === 'titleRu' || k === 'titleKk' ? { titleRu: undefined } : {}) }));
  };
  const refuse = longPasteRefuser<keyof typeof AGENDA_TEXT_MAX>((k, text) => setErrors((e) => ({ ...e, [k]: text })), t, i18n.language as Lang);
  /** A text field's change, unless it is longer than the record takes. */
  const setText = (k: keyof typeof AGENDA_TEXT_MAX, v: string) => {
    if (!refuse(k, v, AGENDA_TEXT_MAX[k])) set(k, v);
  };

  const save = async () => {
    if (busy) return;
    if (kind === 'topic' && !values.titleRu.trim() && !values.titleKk.trim()) {
      setErrors({ titleRu: t('meetings.agenda.titleRequired') });
      return;
    }
    setBusy(true);
    try {
      if (item) {
        const patch = Object.fromEntries(FIELDS.filter((f) => !sameValue(initial[f], values[f])).map((f) => [f, values[f]]));
        if (Object.keys(patch).length > 0) await repos.agendaItems.update(item.id, patch);
      } else {
        await repos.ops.addAgendaItem(meetingId, { kind, ...values });
      }
      onClose();
    } catch (e) {
      if (e instanceof ValidationError) {
        const out: Partial<Record<keyof ItemForm | '', string | undefined>> = {};
        for (const i of e.issues) {
          const field = (FIELDS as readonly string[]).includes(i.path) ? (i.path as keyof ItemForm) : '';
          out[field] ??= field === 'titleRu' && i.message === 'required' ? t('meetings.agenda.titleRequired') : message(field, i.message);
        }
        setErrors(out);
      } else {
        const text = agendaErrorMessage(e, t);
        notifications.show({ color: 'red', message: text });
      }
    } finally {
      setBusy(false);
    }
  };

  const { ru: hintRu, kk: hintKk } = titleHints(values, t);
  const HINT = { color: HINT_COLOR[scheme] };
  const title = item && number !== null ? t('meetings.agenda.editTitle', { number }) : kind === 'control' ? t('meetings.agenda.addControl') : t('meetings.agenda.addTitle');

  return (
    <Modal opened onClose={onClose} title={title} size="lg" data-testid="agenda-item-modal">
      <form onSubmit={(e) => { e.preventDefault(); void save(); }} noValidate onKeyDown={getHotkeyHandler([['mod+S', () => void save()], ['mod+Enter', () => void save()]])}>
        <Stack gap="sm" style={ERROR_CONTRAST}>
          <Stack gap={2}>
            <Textarea label={t('meetings.agenda.titleRu')} description={t('meetings.agenda.titleHint')} value={values.titleRu} onChange={(e) => setText('titleRu', e.currentTarget.value)}
              error={errors.titleRu} autosize minRows={2} maxRows={6} data-autofocus data-testid="agenda-title-ru" />
            {hintRu && !errors.titleRu && <Text size="xs" style={HINT} data-testid="agenda-hint-ru">{hintRu}</Text>}
          </Stack>
          <Stack gap={2}>
            <Textarea label={t('meetings.agenda.titleKk')} value={values.titleKk} onChange={(e) => setText('titleKk', e.currentTarget.value)}
              error={errors.titleKk} autosize minRows={2} maxRows={6} data-testid="agenda-title-kk" />
            {hintKk && !errors.titleKk && <Text size="xs" style={HINT} data-testid="agenda-hint-kk">{hintKk}</Text>}
          </Stack>
          <TextInput label={t('meetings.agenda.speaker')} description={t('meetings.agenda.speakerHint')} value={values.speaker} onChange={(e) => setText('speaker', e.currentTarget.value)}
            error={errors.speaker} data-testid="agenda-speaker" />
          {kind === 'topic' && <ProjectPicker label={t('meetings.agenda.projects')} value={values.projectIds} onChange={(ids) => set('projectIds', ids)} />}
          {errors.projectIds && <Alert color="red" variant="light" py={6}>{errors.projectIds}</Alert>}
          {errors[''] && <Alert color="red" variant="light" py={6}>{errors['']}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('actions.cancel')}</Button>
            <Button type="submit" loading={busy} data-testid="agenda-item-save">{t('meetings.agenda.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
