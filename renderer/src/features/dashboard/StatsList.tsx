// Every official figure of the region as entered: by year (newest first), then period (the year,
// quarters, months, from January), then indicator — with its growth index and its source. The
// investment chart draws the yearly ones; quarters, months and cumulative figures are read here.
// Each row can be corrected (the form, filled) or deleted, with an undo in the notification.
import { useTranslation } from 'react-i18next';
import { ActionIcon, Badge, Group, Paper, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { periodOf, STAT_INDICATORS, STAT_PERIODS } from '@shared/domain/investment-stat.schema';
import { periodLabel } from '@shared/dashboard/stat-period';
import type { Lang } from '@shared/locale/lang';
import { useApp } from '../../app/app-context';
import { showUndoToast } from '../../app/undo-toast';
import { withStamp, type InvestmentStatRow } from '../../db/db';
import { findDuplicateStat, statTwins, type StatTwin } from './stat-draft';
import { statGrowthText, statIndicatorText, statSourceText, statValueText, statWhat } from './stat-text';

/** The buttons' tooltips show on keyboard focus too. */
const TOOLTIP_EVENTS = { hover: true, focus: true, touch: false };

/** Under a figure that has a twin for its period: «Повтор», and which of the two the dashboard counts. */
function TwinNote({ twin, lang }: { twin: StatTwin<InvestmentStatRow>; lang: Lang }) {
  const { t } = useTranslation();
  const note = t(twin.counts ? 'dashboard.stats.twinCounts' : 'dashboard.stats.twinOld', { value: statValueText(twin.other, t, lang) });
  return (
    <Group gap={6} mt={4} wrap="nowrap" align="flex-start" data-testid="stat-twin" data-counts={twin.counts ? 'yes' : 'no'}>
      <Badge size="xs" variant="light" color={twin.counts ? 'gray' : 'orange'} style={{ flexShrink: 0 }}>{t('dashboard.stats.twin')}</Badge>
      <Text size="xs" c={twin.counts ? 'dimmed' : 'orange.9'} maw={320}>{note}</Text>
    </Group>
  );
}

export function StatsList({ stats, regionId, onEdit }: { stats: readonly InvestmentStatRow[]; regionId: string; onEdit: (row: InvestmentStatRow) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { db, repos } = useApp();
  const rows = stats
    .filter((s) => s.regionId === regionId && !s.deletedAt)
    .sort((a, b) => b.year - a.year
      || STAT_PERIODS.indexOf(periodOf(a)) - STAT_PERIODS.indexOf(periodOf(b))
      || (a.periodNo ?? 0) - (b.periodNo ?? 0)
      || STAT_INDICATORS.indexOf(a.indicator) - STAT_INDICATORS.indexOf(b.indicator));
  // Two figures for one period (two clerks entered it offline; sync brought both): each is marked,
  // with the one the dashboard counts named, so the clerk deletes the one not needed.
  const twins = statTwins(rows);
  const remove = async (s: InvestmentStatRow) => {
    const what = `${statWhat(s, t, lang)}: ${statValueText(s, t, lang)}`;
    try {
      await repos.investmentStats.remove(s.id);
    } catch (e) {
      notifications.show({ color: 'red', message: t('notify.saveFailed', { message: (e as Error).message }) });
      return;
    }
    showUndoToast({
      id: `stat-removed-${s.id}`, message: t('dashboard.stats.removed', { what }), t, testId: 'stat-undo',
      onUndo: async () => {
        // A figure entered for the same period meanwhile stays: two for one period are never made.
        const same = (await db.investmentStats.where('[regionId+year]').equals([s.regionId, s.year]).toArray()).map(withStamp);
        const taken = findDuplicateStat(same, s, s.id);
        if (taken) {
          notifications.show({ color: 'red', message: t('dashboard.stats.undoTaken', { what, value: statValueText(taken, t, lang) }), autoClose: 10_000 });
          return;
        }
        await repos.investmentStats.restore(s.id);
      },
    });
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
                  <Table.Th scope="col" w={1}><VisuallyHidden>{t('dashboard.stats.actions')}</VisuallyHidden></Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((s) => {
                  const twin = twins.get(s.id);
                  // Twins share their period and indicator: their buttons are told apart by the value.
                  const what = twin ? `${statWhat(s, t, lang)}: ${statValueText(s, t, lang)}` : statWhat(s, t, lang);
                  const edit = t('dashboard.stats.edit', { what });
                  const del = t('dashboard.stats.delete', { what });
                  return (
                    <Table.Tr key={s.id} data-testid="stats-row">
                      <Table.Th scope="row" fw={400} style={{ whiteSpace: 'nowrap' }}>{periodLabel(s, lang)}</Table.Th>
                      <Table.Td>{statIndicatorText(s, t)}</Table.Td>
                      <Table.Td>
                        {statValueText(s, t, lang)}
                        {twin && <TwinNote twin={twin} lang={lang} />}
                      </Table.Td>
                      <Table.Td>{statGrowthText(s, t, lang)}</Table.Td>
                      <Table.Td>
                        {statSourceText(s)}
                        {s.sourceNote && <Text size="xs" c="dimmed">{s.sourceNote}</Text>}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Tooltip label={t('dashboard.stats.editShort')} withArrow events={TOOLTIP_EVENTS}>
                            <ActionIcon variant="subtle" aria-label={edit} onClick={() => onEdit(s)} data-testid="stat-edit"><IconPencil size={16} /></ActionIcon>
                          </Tooltip>
                          <Tooltip label={t('dashboard.stats.deleteShort')} withArrow events={TOOLTIP_EVENTS}>
                            <ActionIcon variant="subtle" color="red" aria-label={del} onClick={() => void remove(s)} data-testid="stat-delete"><IconTrash size={16} /></ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
