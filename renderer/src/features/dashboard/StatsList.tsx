// Every official figure of the region as entered: by year (newest first), then period (the year,
// quarters, months, from January), then indicator — with its growth index and its source. The
// investment chart draws the yearly ones; quarters, months and cumulative figures are read here.
import { useTranslation } from 'react-i18next';
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { periodOf, STAT_INDICATORS, STAT_PERIODS, TENGE_INDICATORS } from '@shared/domain/investment-stat.schema';
import { periodLabel } from '@shared/dashboard/stat-period';
import { formatDate } from '@shared/locale/dates';
import type { Lang } from '@shared/locale/lang';
import { formatNumber, formatPercent, formatTenge } from '@shared/locale/money';
import type { InvestmentStatRow } from '../../db/db';

export function StatsList({ stats, regionId }: { stats: readonly InvestmentStatRow[]; regionId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const more = (moreThan: boolean, text: string) => (moreThan ? t('dashboard.investment.moreThan', { value: text }) : text);
  const rows = stats
    .filter((s) => s.regionId === regionId && !s.deletedAt)
    .sort((a, b) => b.year - a.year
      || STAT_PERIODS.indexOf(periodOf(a)) - STAT_PERIODS.indexOf(periodOf(b))
      || (a.periodNo ?? 0) - (b.periodNo ?? 0)
      || STAT_INDICATORS.indexOf(a.indicator) - STAT_INDICATORS.indexOf(b.indicator));
  const valueOf = (s: InvestmentStatRow) => {
    const text = TENGE_INDICATORS.has(s.indicator) ? formatTenge(s.value, lang) : s.indicator === 'investment_growth_pct' ? formatPercent(s.value, lang) : formatNumber(s.value, lang);
    return more(s.qualifier === 'more_than', text);
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="stats-list-title" data-testid="stats-list">
      <Stack gap="xs">
        <Title order={2} size="h5" id="stats-list-title">{t('dashboard.stats.title')}</Title>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed" py="md" ta="center" data-testid="stats-list-empty">{t('dashboard.stats.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
            <Table striped withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  {(['period', 'indicator', 'value', 'growth', 'source'] as const).map((c) => <Table.Th key={c} scope="col">{t(`dashboard.stats.${c}`)}</Table.Th>)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((s) => (
                  <Table.Tr key={s.id} data-testid="stats-row">
                    <Table.Th scope="row" fw={400}>{periodLabel(s, lang)}</Table.Th>
                    <Table.Td>{s.indicator === 'other_tenge' && s.indicatorName ? s.indicatorName : t(`dashboard.stat.indicators.${s.indicator}`)}</Table.Td>
                    <Table.Td>{valueOf(s)}</Table.Td>
                    <Table.Td>{s.growthPct === undefined ? '—' : more(s.growthQualifier === 'more_than', formatPercent(s.growthPct, lang))}</Table.Td>
                    <Table.Td>
                      {s.sourceTitle}{s.sourceDate ? `, ${formatDate(s.sourceDate)}` : ''}
                      {s.sourceNote && <Text size="xs" c="dimmed">{s.sourceNote}</Text>}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
