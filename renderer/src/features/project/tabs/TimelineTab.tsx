// The card's timeline tab: start and commissioning dates, and the stage log (records of its own).
import { Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { formatDateTime, parseDate } from '@shared/locale/dates';
import type { StageLogRow } from '../../../db/db';
import type { TabProps } from '../card-fields';

const dateParser = (input: string) => parseDate(input);

export function TimelineTab({ form, t, stageLog }: TabProps & { stageLog: readonly StageLogRow[] }) {
  return (
    <Stack gap="sm">
      {(['startDate', 'plannedCommissioningDate', 'actualCommissioningDate'] as const).map((f) => (
        <DateInput key={f} label={t(`fields.${f}`)} valueFormat="DD.MM.YYYY" placeholder={t('fields.datePlaceholder')} dateParser={dateParser} clearable
          popoverProps={{ withinPortal: true }} {...form.getInputProps(f)} />
      ))}
      <Text fw={600} mt="md">{t('project.stageLog')}</Text>
      {stageLog.length === 0 ? <Text c="dimmed" size="sm">{t('project.noHistory')}</Text> : (
        <Stack gap={4} data-testid="stage-log">
          {[...stageLog].reverse().map((e) => (
            <Text size="sm" key={e.id}>
              {formatDateTime(e.at)} — {e.from ? t(`stage.${e.from}`) : '∅'} → <b>{t(`stage.${e.to}`)}</b> ({e.by})
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
