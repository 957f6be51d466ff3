// The card's barriers tab (проблемные вопросы): each barrier is a record of its own, edited here
// and saved with the card.
import { useState } from 'react';
import { ActionIcon, Badge, Button, Grid, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { BARRIER_KINDS, barrierDaysOpen } from '@shared/domain/project.schema';
import { parseDate, todayIso } from '@shared/locale/dates';
import { newBarrier } from '../project-form';
import type { TabProps } from '../card-fields';
import { DateField } from './TimelineTab';

/** A date field's value when it is a real date (not text being typed or refused), else null. */
const realDate = (v: string | null): string | null => (v !== null && parseDate(v) === v ? v : null);

export function BarriersTab({ form, t, lang, textProps }: TabProps) {
  const [today] = useState(() => todayIso(Date.now()));
  const barriers = form.getValues().barriers;
  return (
    <Stack gap="sm">
      {barriers.length === 0 && <Text c="dimmed" size="sm">{t('project.noBarriers')}</Text>}
      {barriers.map((b, i) => (
        <Paper key={b.id} withBorder p="sm" radius="sm" data-testid="barrier">
          <Grid align="flex-end">
            <Grid.Col span={4}>
              <Select label={t('fields.barrierKind')} data={BARRIER_KINDS.map((k) => ({ value: k, label: t(`barrierKind.${k}`) }))} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...form.getInputProps(`barriers.${i}.kind`)} />
            </Grid.Col>
            <Grid.Col span={3}>
              <DateField form={form} path={`barriers.${i}.openedOn`} label={t('fields.openedOn')} placeholder={t('fields.datePlaceholder')} lang={lang} withAsterisk testId="barrier-openedOn" />
            </Grid.Col>
            <Grid.Col span={3}>
              <DateField form={form} path={`barriers.${i}.resolvedOn`} label={t('fields.resolvedOn')} placeholder={t('fields.datePlaceholder')} lang={lang} testId="barrier-resolvedOn" />
            </Grid.Col>
            <Grid.Col span={2}>
              <ActionIcon color="red" variant="subtle" size="lg" aria-label={t('actions.remove')} onClick={() => form.removeListItem('barriers', i)}>
                <IconTrash size={18} />
              </ActionIcon>
            </Grid.Col>
          </Grid>
          <Textarea mt="xs" label={t('fields.barrierText')} autosize minRows={2} {...textProps(`barriers.${i}.text`, 4000)} data-testid="barrier-text" />
          {realDate(b.openedOn) && (b.resolvedOn === null || b.resolvedOn.trim() === '' || realDate(b.resolvedOn)) && (
            <Badge mt="xs" variant="light" color={b.resolvedOn?.trim() ? 'teal' : 'orange'}>
              {t('fields.daysOpen', { count: barrierDaysOpen({ openedOn: b.openedOn ?? '', ...(b.resolvedOn?.trim() ? { resolvedOn: b.resolvedOn } : {}) }, today) })}
            </Badge>
          )}
        </Paper>
      ))}
      <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => form.insertListItem('barriers', newBarrier(today))} w="fit-content" data-testid="add-barrier">
        {t('actions.addBarrier')}
      </Button>
    </Stack>
  );
}
