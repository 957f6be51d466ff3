// The card's figures tab: investment (typed with scale words), foreign share, jobs. Every figure is
// a text field whose text is kept as typed and read strictly: a minus sign, "1e9" or a fraction of
// a job is refused with a message, never dropped or reread as another number.
import type { CSSProperties } from 'react';
import { Box, Stack, TextInput } from '@mantine/core';
import { formatTenge, parseTenge } from '@shared/locale/money';
import type { TabProps } from '../card-fields';
import { ERROR_CONTRAST } from './TimelineTab';

/**
 * Two fields side by side whose labels, inputs and messages line up row by row (CSS subgrid), so
 * a label that wraps to two lines or a message under one field does not shift the other input.
 */
const pair = (columns: string): CSSProperties => ({ display: 'grid', gridTemplateColumns: columns, columnGap: 'var(--mantine-spacing-md)', rowGap: 0 });
const cell = { display: 'grid', gridRow: 'span 4', gridTemplateRows: 'subgrid', alignContent: 'start', rowGap: 0, ...ERROR_CONTRAST } as CSSProperties;
/** A label that wraps less than its neighbour's stays next to its input. */
const styles = { label: { alignSelf: 'end' } } as const;
/** Label, input, then the hint and the message (the same order in every figure). */
const ORDER = ['label', 'input', 'description', 'error'] as const;

export function FiguresTab({ form, t, lang }: TabProps) {
  const typed = form.getValues().investment.trim();
  const parsed = typed ? parseTenge(typed) : null;
  const preview = parsed !== null ? `= ${formatTenge(parsed, lang)}` : t('fields.investmentHint');
  const jobs = [['jobsConstructionPlanned', 'jobsConstructionCreated'], ['jobsPermanentPlanned', 'jobsPermanentCreated']] as const;
  return (
    <Stack gap="sm">
      <Box style={pair('7fr 5fr')}>
        <TextInput label={t('fields.investmentTenge')} description={preview} inputWrapperOrder={[...ORDER]} autoComplete="off" style={cell} styles={styles} {...form.getInputProps('investment')} data-testid="field-investment" />
        <TextInput label={t('fields.foreignSharePct')} inputMode="decimal" inputWrapperOrder={[...ORDER]} autoComplete="off" style={cell} styles={styles} {...form.getInputProps('foreignSharePct')} data-testid="field-foreignSharePct" />
      </Box>
      {jobs.map((row) => (
        <Box key={row[0]} style={pair('1fr 1fr')}>
          {row.map((f) => (
            <TextInput key={f} label={t(`fields.${f}`)} inputMode="numeric" inputWrapperOrder={[...ORDER]} autoComplete="off" style={cell} styles={styles} {...form.getInputProps(f)} data-testid={`field-${f}`} />
          ))}
        </Box>
      ))}
    </Stack>
  );
}
