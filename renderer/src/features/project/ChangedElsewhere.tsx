// The notice an open card shows when its record changed underneath it (another window, another
// tab, a pull): which fields, from what to what, and which of them the clerk is editing too.
import { Alert, Button, List, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { Lang } from '@shared/locale/lang';
import { historyFieldLabel, historyValue } from './history-format';
import { fromForm, type ProjectForm } from './project-form';

/** What changed elsewhere while the card was open: the values before and after, and the fields. */
export type ElsewhereNotice = { before: ProjectForm; after: ProjectForm; fields: { field: keyof ProjectForm; mine: boolean }[] };

function shown(field: keyof ProjectForm, form: ProjectForm, lang: Lang, t: TFunction): string {
  if (field === 'barriers') return t('project.barrierCount', { count: form.barriers.length });
  const name = field === 'investment' ? 'investmentTenge' : field;
  const value = (fromForm(form) as Record<string, unknown>)[name];
  return historyValue(name, typeof value === 'number' && Number.isNaN(value) ? form.investment : value, lang, t, new Map());
}

export function ChangedElsewhere({ notice, lang, t, onDismiss }: { notice: ElsewhereNotice | null; lang: Lang; t: TFunction; onDismiss: () => void }) {
  if (!notice || notice.fields.length === 0) return null;
  return (
    <Alert color="orange" variant="light" py={6} title={t('project.changedElsewhere')} data-testid="changed-elsewhere" role="status">
      <List size="sm" spacing={2}>
        {notice.fields.map(({ field, mine }) => (
          <List.Item key={field}>
            <Text span size="sm" fw={600}>{field === 'barriers' ? t('project.tabs.barriers') : historyFieldLabel(field === 'investment' ? 'investmentTenge' : field, t)}</Text>
            {': '}
            {shown(field, notice.before, lang, t)} → <b>{shown(field, notice.after, lang, t)}</b>
            {mine && <Text span size="xs" c="orange.9"> — {t('project.changedElsewhereMine')}</Text>}
          </List.Item>
        ))}
      </List>
      <Button size="xs" variant="default" mt={6} onClick={onDismiss}>{t('project.changedElsewhereOk')}</Button>
    </Alert>
  );
}
