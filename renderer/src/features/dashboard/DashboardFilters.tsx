// The filters every chart of the dashboard shares: a period in years, districts, sectors, zones;
// and the measure the register's charts show (volume in tenge or number of projects).
import { useTranslation } from 'react-i18next';
import { Button, Group, MultiSelect, NumberInput, Paper, SegmentedControl, Text } from '@mantine/core';
import { OKED_SECTIONS } from '@shared/domain/oked';
import { districtsOf, ZONES } from '@shared/geo/regions';
import { pick, type Lang } from '@shared/locale/lang';
import type { DashboardFilters as Filters } from '@shared/dashboard/aggregate';

export type Measure = 'volume' | 'count';

export function DashboardFilters(props: { regionId: string; filters: Filters; setFilters: (f: Filters) => void; measure: Measure; setMeasure: (m: Measure) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { filters: f, setFilters } = props;
  const year = (v: string | number) => (typeof v === 'number' && Number.isInteger(v) && v >= 1991 && v <= 2100 ? v : undefined);
  const none = { value: '', label: t('dashboard.none') };
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={t('dashboard.filters.label')} data-testid="dashboard-filters">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NumberInput w={100} label={t('dashboard.filters.from')} value={f.fromYear ?? ''} min={1991} max={2100} allowDecimal={false} onChange={(v) => setFilters({ ...f, fromYear: year(v) })} data-testid="filter-from-year" />
        <NumberInput w={100} label={t('dashboard.filters.to')} value={f.toYear ?? ''} min={1991} max={2100} allowDecimal={false} onChange={(v) => setFilters({ ...f, toYear: year(v) })} data-testid="filter-to-year" />
        <MultiSelect w={230} label={t('dashboard.filters.districts')} clearable searchable value={[...(f.districts ?? [])]} onChange={(v) => setFilters({ ...f, districts: v })}
          data={[...districtsOf(props.regionId).map((d) => ({ value: d.id, label: pick(d.name, lang) })), none]} data-testid="filter-districts" />
        <MultiSelect w={230} label={t('dashboard.filters.sectors')} clearable searchable value={[...(f.sectors ?? [])]} onChange={(v) => setFilters({ ...f, sectors: v })}
          data={[...OKED_SECTIONS.map((s) => ({ value: s.code, label: `${s.code} — ${pick(s.name, lang)}` })), none]} data-testid="filter-sectors" />
        <MultiSelect w={200} label={t('dashboard.filters.zones')} clearable value={[...(f.zones ?? [])]} onChange={(v) => setFilters({ ...f, zones: v })}
          data={[...ZONES.filter((z) => z.regionId === props.regionId).map((z) => ({ value: z.id, label: pick(z.name, lang) })), none]} data-testid="filter-zones" />
        <Button variant="default" onClick={() => setFilters({})} data-testid="filter-reset">{t('dashboard.filters.reset')}</Button>
        <div>
          <Text size="sm" fw={500} mb={2} id="dashboard-measure-label">{t('dashboard.filters.measure')}</Text>
          <SegmentedControl value={props.measure} onChange={(v) => props.setMeasure(v as Measure)} aria-labelledby="dashboard-measure-label"
            data={[{ value: 'volume', label: t('dashboard.filters.volume') }, { value: 'count', label: t('dashboard.filters.count') }]} data-testid="dashboard-measure" />
        </div>
      </Group>
      <Text size="xs" c="dimmed" mt={6}>{t('dashboard.filters.periodNote')}</Text>
    </Paper>
  );
}
