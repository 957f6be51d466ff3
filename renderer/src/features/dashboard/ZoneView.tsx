// One zone at a glance (the seed session's main question: the SEZ «Актобе» as a real industrial
// cluster): its projects by stage, investment and jobs planned against done, open barriers, and
// the instructions it carries out.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { EXECUTIONS, zoneView, type AssignmentFacts, type ProjectColumns } from '@shared/dashboard/aggregate';
import { ZONES, zoneName } from '@shared/geo/regions';
import { formatNumber, formatTenge } from '@shared/locale/money';
import { pick, type Lang } from '@shared/locale/lang';
import { ChartCard, type ChartTable } from './ChartCard';
import { CategoryBars } from './charts';
import { EXECUTION_COLOR, SERIES } from './palette';

export function ZoneView(props: { regionId: string; registerProjects: number; projects: ProjectColumns; assignments: readonly AssignmentFacts[]; today: string; onOpenZone: (zoneId: string) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const zones = ZONES.filter((z) => z.regionId === props.regionId);
  const [zoneId, setZoneId] = useState(zones[0]?.id ?? '');
  const view = useMemo(() => zoneView({ projects: props.projects, assignments: props.assignments, zoneId, today: props.today }), [props.projects, props.assignments, zoneId, props.today]);
  if (!zoneId) return null;
  const shown = view.byStage.filter((b) => b.count > 0);
  const table: ChartTable = {
    columns: [t('fields.stage'), t('dashboard.count'), t('dashboard.volume')],
    rows: shown.map((b) => ({ key: b.key, cells: [t(`stage.${b.key}`), formatNumber(b.count, lang), formatTenge(b.tenge, lang)] })),
  };
  const barriers = view.openBarriers.filter((b) => b.projects > 0);
  const title = t('dashboard.zoneView.title', { zone: zoneName(zoneId, lang) });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title} data-testid="zone-view">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600} size="lg">{title}</Text>
          <Select w={280} label={t('dashboard.zoneView.pick')} value={zoneId} allowDeselect={false} onChange={(v) => v && setZoneId(v)}
            data={zones.map((z) => ({ value: z.id, label: pick(z.name, lang) }))} data-testid="zone-pick" />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <Figure label={t('dashboard.zoneView.investment')} value={`${formatTenge(view.investment.planned, lang)} / ${formatTenge(view.investment.commissioned, lang)}`} />
          <Figure label={t('dashboard.zoneView.jobs')} value={`${formatNumber(view.jobs.permanentPlanned, lang)} / ${formatNumber(view.jobs.permanentCreated, lang)}`} />
          <Paper withBorder p="sm" radius="sm">
            <Text size="xs" c="dimmed">{t('dashboard.zoneView.barriers')}</Text>
            <Group gap={4} mt={4}>
              {barriers.length === 0 ? <Text size="sm">{t('dashboard.zoneView.noBarriers')}</Text> : barriers.map((b) => <Badge key={b.kind} variant="light" color="orange" tt="none">{t(`barrierKind.${b.kind}`)}: {b.projects}</Badge>)}
            </Group>
          </Paper>
          <Paper withBorder p="sm" radius="sm" data-testid="zone-instructions">
            <Text size="xs" c="dimmed">{t('dashboard.zoneView.instructions')}: {formatNumber(view.instructions.total, lang)}</Text>
            <Group gap={4} mt={4}>
              {EXECUTIONS.map((e) => (
                <Badge key={e} variant="outline" tt="none" style={{ borderColor: EXECUTION_COLOR[e], color: 'var(--mantine-color-text)' }}>{t(`dashboard.execution.${e}`)}: {view.instructions[e]}</Badge>
              ))}
            </Group>
          </Paper>
        </SimpleGrid>
        <ChartCard id="zone-stage" title={t('dashboard.zoneView.stageTitle')} units={t('dashboard.units.projects')} empty={shown.length === 0} emptyText={props.registerProjects === 0 ? t('dashboard.empty.noProjects') : t('dashboard.zoneView.empty')} table={table} height={Math.max(160, 34 * shown.length + 40)} hint={t('dashboard.card.clickHint')}>
          <CategoryBars data={shown.map((b) => ({ key: b.key, label: t(`stage.${b.key}`), value: b.count, detail: `${formatNumber(b.count, lang)} · ${formatTenge(b.tenge, lang)}` }))}
            color={SERIES} format={(v) => formatNumber(v, lang)} whole name={t('dashboard.count')} onPick={() => props.onOpenZone(zoneId)} />
        </ChartCard>
      </Stack>
    </Paper>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm" radius="sm">
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={600} mt={4}>{value}</Text>
    </Paper>
  );
}
