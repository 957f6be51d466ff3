// The card's figures tab: investment (typed with scale words), foreign share, jobs.
import { Grid, NumberInput, Stack, TextInput } from '@mantine/core';
import { formatTenge, parseTenge } from '@shared/locale/money';
import type { TabProps } from '../card-fields';

export function FiguresTab({ form, t, lang }: TabProps) {
  const typed = form.getValues().investment.trim();
  const parsed = typed ? parseTenge(typed) : null;
  const preview = parsed !== null ? `= ${formatTenge(parsed, lang)}` : t('fields.investmentHint');
  return (
    <Stack gap="sm">
      <Grid>
        <Grid.Col span={7}>
          <TextInput label={t('fields.investmentTenge')} description={preview} {...form.getInputProps('investment')} data-testid="field-investment" />
        </Grid.Col>
        <Grid.Col span={5}>
          <NumberInput label={t('fields.foreignSharePct')} min={0} max={100} decimalScale={2} decimalSeparator="," allowNegative={false} {...form.getInputProps('foreignSharePct')} />
        </Grid.Col>
      </Grid>
      <Grid>
        {(['jobsConstructionPlanned', 'jobsConstructionCreated', 'jobsPermanentPlanned', 'jobsPermanentCreated'] as const).map((f) => (
          <Grid.Col span={6} key={f}>
            <NumberInput label={t(`fields.${f}`)} min={0} allowDecimal={false} allowNegative={false} thousandSeparator=" " {...form.getInputProps(f)} data-testid={`field-${f}`} />
          </Grid.Col>
        ))}
      </Grid>
    </Stack>
  );
}
