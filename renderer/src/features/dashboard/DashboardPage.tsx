// The dashboard (DESIGN §1.6): how much was attracted, where, and what is stuck — the official
// totals by year, the register by stage, sector, district and zone, jobs, commissioned projects,
// open barriers, the execution of assignments, and one zone at a glance. Every figure comes from
// the pure aggregations in shared/dashboard over the repository's projections; a bar opens the
// register filtered to its projects.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { aggregateDashboard, EXECUTIONS, investmentByYear, type Bucket, type DashboardFilters as Filters, type DashboardData } from '@shared/dashboard/aggregate';
import { okedName } from '@shared/domain/oked';
import { districtName, zoneName } from '@shared/geo/regions';
import { formatNumber, formatPercent, formatTenge } from '@shared/locale/money';
import { moreThan } from '@shared/locale/more-than';
import type { Lang } from '@shared/locale/lang';
import { useApp } from '../../app/app-context';
import { workspaceRegion } from '../../app/services';
import type { ColumnFilterValues, Facet } from '../board';
import type { BarrierKind } from '@shared/domain/project.schema';
import { useToday } from '../assignments';
import { ChartCard, type ChartTable } from './ChartCard';
import { CategoryBars, InvestmentChart, SeriesBars, type CategoryDatum } from './charts';
import { DashboardFilters, type Measure } from './DashboardFilters';
import { StatForm, type OpenedStat } from './StatForm';
import { StatsList } from './StatsList';
import { ZoneView } from './ZoneView';
import { DONE, EXECUTION_COLOR, GROWTH, PLANNED, SERIES } from './palette';
import { markOnce, useDashboardInputs } from './use-dashboard-data';
import { countedAssignments, emptyTextKey, liveProjects, type DashboardCard, type EmptyContext } from './empty-state';

const FUNNEL_STAGES = 6;

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { setFilters: setBoardFilters, navigate, repos } = useApp();
  const regionId = workspaceRegion();
  const today = useToday();
  const inputs = useDashboardInputs();
  const [filters, setFilters] = useState<Filters>({});
  const [measure, setMeasure] = useState<Measure>('volume');
  const [statOpen, setStatOpen] = useState(false);
  /** The figure being corrected (kept while its form closes), and which opening it is (a fresh form each time). */
  const [editing, setEditing] = useState<{ opened: OpenedStat; open: boolean; n: number } | null>(null);
  const editStat = async (id: string) => {
    const opened = await repos.investmentStats.getWithClocks(id);
    if (opened && !opened.row.deletedAt) setEditing((e) => ({ opened, open: true, n: (e?.n ?? 0) + 1 }));
  };
  const data = useMemo(() => {
    if (!inputs.ready) return null;
    const out = aggregateDashboard({ projects: inputs.projects, assignments: inputs.assignments, stats: inputs.stats, regionId, today, filters });
    markOnce('hattama:dashboard-aggregated');
    return out;
  },
    [inputs.ready, inputs.projects, inputs.assignments, inputs.stats, regionId, today, filters],
  );

  // What an empty chart says depends on what there is before the filters (see empty-state.ts).
  const registerProjects = useMemo(() => liveProjects(inputs.projects), [inputs.projects]);
  const allAssignments = useMemo(() => countedAssignments(inputs.assignments), [inputs.assignments]);
  const officialYears = useMemo(() => investmentByYear(inputs.stats, regionId).filter((y) => y.attracted !== null || y.plan !== null).length, [inputs.stats, regionId]);

  useEffect(() => {
    if (inputs.ready) requestAnimationFrame(() => markOnce('hattama:dashboard-painted'));
  }, [inputs.ready]);

  const tenge = (v: number) => formatTenge(v, lang);
  const count = (v: number) => formatNumber(v, lang);
  /** Opens the register filtered to the dashboard's filters and one more facet value. */
  const openBoard = (facet: Facet | null, key: string, extra: ColumnFilterValues = {}) => {
    const facets: Partial<Record<Facet, string[]>> = {};
    if (filters.districts?.length) facets.districtId = [...filters.districts];
    if (filters.sectors?.length) facets.okedSection = [...filters.sectors];
    if (filters.zones?.length) facets.zoneId = [...filters.zones];
    if (facet) facets[facet] = [key];
    setBoardFilters(() => ({ search: '', facets, columns: extra }));
    navigate('/board');
  };

  const emptyCtx: EmptyContext | null = data && {
    registerProjects, matchedProjects: data.totals.projects, allAssignments, matchedAssignments: data.totals.assignments, officialYears,
    periodSet: filters.fromYear !== undefined || filters.toYear !== undefined,
  };
  /** The text of an empty chart: no projects at all, none through the filters, or the chart's own hint. */
  const emptyText = (card: DashboardCard) => (emptyCtx ? t(emptyTextKey(card, emptyCtx)) : '');

  const categoryCard = (id: DashboardCard, facet: Facet, buckets: readonly Bucket[], label: (key: string) => string, titleKey: string, emptyText: string, opts: { emptyWhenOnlyUnset?: boolean; height?: number; keep?: (b: Bucket, i: number) => boolean } = {}) => {
    const keep = opts.keep ?? ((b: Bucket) => b.count > 0);
    const shown = buckets.filter(keep);
    const counted = shown.filter((b) => b.count > 0);
    const empty = counted.length === 0 || (opts.emptyWhenOnlyUnset === true && counted.every((b) => b.key === ''));
    // Volumes not entered at all: the bars show the number of projects instead of empty bars.
    const byVolume = measure === 'volume' && shown.some((b) => b.tenge > 0);
    const chartData: CategoryDatum[] = shown.map((b) => ({
      key: b.key, label: label(b.key), value: byVolume ? b.tenge : b.count,
      detail: `${count(b.count)} ${t('dashboard.units.projects')} · ${tenge(b.tenge)}`,
    }));
    const table: ChartTable = {
      columns: [t(`fields.${facet}`), t('dashboard.count'), t('dashboard.volume')],
      rows: [
        ...counted.map((b) => ({ key: b.key || '-', cells: [label(b.key), count(b.count), tenge(b.tenge)], onOpen: () => openBoard(facet, b.key) })),
        { key: '__total', cells: [t('dashboard.total'), count(sumOf(counted, 'count')), tenge(sumOf(counted, 'tenge'))] },
      ],
    };
    return (
      <ChartCard id={id} title={t(titleKey)} units={byVolume ? t('dashboard.units.tenge') : t('dashboard.units.projects')} empty={empty} emptyText={emptyText} table={table}
        height={opts.height ?? Math.max(180, 34 * chartData.length + 40)} hint={t('dashboard.card.clickHint')}>
        <CategoryBars data={chartData} color={SERIES} format={byVolume ? tenge : count} whole={!byVolume} name={byVolume ? t('dashboard.volume') : t('dashboard.count')} onPick={(key) => openBoard(facet, key)} />
      </ChartCard>
    );
  };

  if (!data) {
    return (
      <Group p="xl" gap="sm" data-testid="dashboard-loading"><Loader size="sm" /><Text>{t('dashboard.loading')}</Text></Group>
    );
  }
  return (
    <Stack p="md" gap="md" data-testid="dashboard" data-projects={data.totals.projects}>
      <Title order={1} size="h3">{t('dashboard.title')}</Title>
      <DashboardFilters regionId={regionId} filters={filters} setFilters={setFilters} measure={measure} setMeasure={setMeasure} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <InvestmentCard data={data} lang={lang} onAdd={() => setStatOpen(true)} filtered={Boolean(filters.districts?.length || filters.sectors?.length || filters.zones?.length)} emptyText={emptyText('investment')} />
        {categoryCard('stage', 'stage', data.byStage, (k) => t(`stage.${k}`), 'dashboard.stage.title', emptyText('stage'), { height: 300, keep: (b, i) => i < FUNNEL_STAGES || b.count > 0 })}
        {categoryCard('district', 'districtId', data.byDistrict, (k) => (k ? districtName(k, lang) || k : t('dashboard.none')), 'dashboard.district.title', emptyText('district'), { emptyWhenOnlyUnset: true })}
        {categoryCard('sector', 'okedSection', data.bySector, (k) => (k ? `${k} — ${okedName(k, lang)}` : t('dashboard.none')), 'dashboard.sector.title', emptyText('sector'), { emptyWhenOnlyUnset: true })}
        {categoryCard('zone', 'zoneId', data.byZone, (k) => (k ? zoneName(k, lang) || k : t('dashboard.none')), 'dashboard.zone.title', emptyText('zone'), { emptyWhenOnlyUnset: true })}
        <JobsCard data={data} lang={lang} emptyText={emptyText('jobs')} />
        <CommissionedCard data={data} lang={lang} emptyText={emptyText('commissioned')} />
        <BarriersCard data={data} lang={lang} emptyText={emptyText('barriers')} onOpen={(kind) => openBoard(null, '', kind ? { barrierKinds: [kind] } : { openBarriers: true })} />
        <MonthsCard data={data} lang={lang} emptyText={emptyText('months')} />
        <BodiesCard data={data} lang={lang} orgNames={inputs.orgNames} emptyText={emptyText('bodies')} />
      </SimpleGrid>
      <StatsList stats={inputs.stats} regionId={regionId} onEdit={(row) => void editStat(row.id)} />
      <ZoneView regionId={regionId} registerProjects={registerProjects} projects={inputs.projects} assignments={inputs.assignments} today={today} onOpenZone={(zoneId) => openBoard('zoneId', zoneId)} />
      <StatForm opened={statOpen} onClose={() => setStatOpen(false)} regionId={regionId} />
      {editing && (
        <StatForm key={editing.n} opened={editing.open} onClose={() => setEditing((e) => e && { ...e, open: false })} regionId={regionId} editing={editing.opened} />
      )}
    </Stack>
  );
}

function sumOf(buckets: readonly Bucket[], field: 'count' | 'tenge'): number {
  return buckets.reduce((s, b) => s + b[field], 0);
}

function InvestmentCard({ data, lang, onAdd, filtered, emptyText }: { data: DashboardData; lang: Lang; onAdd: () => void; filtered: boolean; emptyText: string }) {
  const { t } = useTranslation();
  const years = data.investment.filter((y) => y.attracted !== null || y.plan !== null);
  const more = (lower: boolean, text: string) => (lower ? moreThan(text, lang) : text);
  const chartData = years.map((y) => ({
    year: String(y.year), attracted: y.attracted, plan: y.plan, growth: y.growthPct,
    attractedLabel: y.attracted === null ? '' : more(y.attractedMoreThan, formatTenge(y.attracted, lang)),
    growthLabel: y.growthPct === null ? '' : more(y.growthMoreThan, formatPercent(y.growthPct, lang)),
  }));
  const table: ChartTable = {
    columns: [t('dashboard.investment.year'), t('dashboard.investment.attracted'), t('dashboard.investment.plan'), t('dashboard.investment.growth'), t('dashboard.investment.source'), t('dashboard.investment.large')],
    rows: years.map((y) => ({
      key: String(y.year),
      cells: [
        String(y.year),
        y.attracted === null ? '—' : more(y.attractedMoreThan, formatTenge(y.attracted, lang)),
        y.plan === null ? '—' : formatTenge(y.plan, lang),
        y.growthPct === null ? '—' : more(y.growthMoreThan, formatPercent(y.growthPct, lang)),
        y.growthSource === null ? '—' : t(`dashboard.investment.${y.growthSource}`),
        y.largeCommissioned === null ? '—' : formatNumber(y.largeCommissioned, lang),
      ],
    })),
  };
  return (
    <ChartCard id="investment" title={t('dashboard.investment.title')} units={t('dashboard.units.tengeGrowth')} empty={years.length === 0} emptyText={emptyText} table={table} height={300}
      hint={filtered ? t('dashboard.filters.statsNote') : undefined}
      extra={<Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={onAdd} data-testid="stat-add">{t('dashboard.stat.add')}</Button>}>
      <InvestmentChart data={chartData} hasPlan={years.some((y) => y.plan !== null)} formatTenge={(v) => formatTenge(v, lang)}
        names={{ attracted: t('dashboard.investment.attracted'), plan: t('dashboard.investment.plan'), growth: t('dashboard.investment.growth') }}
        colors={{ attracted: DONE, plan: PLANNED, growth: GROWTH }} />
    </ChartCard>
  );
}

function JobsCard({ data, lang, emptyText }: { data: DashboardData; lang: Lang; emptyText: string }) {
  const { t } = useTranslation();
  const j = data.jobs;
  const rows = [
    { kind: t('dashboard.jobs.construction'), planned: j.constructionPlanned, created: j.constructionCreated },
    { kind: t('dashboard.jobs.permanent'), planned: j.permanentPlanned, created: j.permanentCreated },
  ];
  const empty = rows.every((r) => r.planned === 0 && r.created === 0);
  const table: ChartTable = { columns: [t('dashboard.jobs.kind'), t('dashboard.jobs.planned'), t('dashboard.jobs.created')], rows: rows.map((r) => ({ key: r.kind, cells: [r.kind, formatNumber(r.planned, lang), formatNumber(r.created, lang)] })) };
  return (
    <ChartCard id="jobs" title={t('dashboard.jobs.title')} units={t('dashboard.units.jobs')} empty={empty} emptyText={emptyText} table={table} height={260}>
      <SeriesBars data={rows} category="kind" format={(v) => formatNumber(v, lang)}
        series={[{ key: 'planned', name: t('dashboard.jobs.planned'), color: PLANNED }, { key: 'created', name: t('dashboard.jobs.created'), color: DONE }]} />
    </ChartCard>
  );
}

function CommissionedCard({ data, lang, emptyText }: { data: DashboardData; lang: Lang; emptyText: string }) {
  const { t } = useTranslation();
  const rows = data.commissioned.map((b) => ({ year: b.key, count: b.count }));
  const table: ChartTable = {
    columns: [t('dashboard.commissioned.year'), t('dashboard.commissioned.count'), t('dashboard.commissioned.volume')],
    rows: data.commissioned.map((b) => ({ key: b.key, cells: [b.key, formatNumber(b.count, lang), formatTenge(b.tenge, lang)] })),
  };
  return (
    <ChartCard id="commissioned" title={t('dashboard.commissioned.title')} units={t('dashboard.units.projects')} empty={rows.length === 0} emptyText={emptyText} table={table} height={240}>
      <SeriesBars data={rows} category="year" format={(v) => formatNumber(v, lang)} series={[{ key: 'count', name: t('dashboard.commissioned.count'), color: SERIES }]} />
    </ChartCard>
  );
}

function BarriersCard({ data, lang, onOpen, emptyText }: { data: DashboardData; lang: Lang; onOpen: (kind?: BarrierKind) => void; emptyText: string }) {
  const { t } = useTranslation();
  const shown = data.openBarriers.filter((b) => b.projects > 0);
  const chartData: CategoryDatum[] = shown.map((b) => ({ key: b.kind, label: t(`barrierKind.${b.kind}`), value: b.projects, detail: formatNumber(b.projects, lang) }));
  const table: ChartTable = {
    columns: [t('dashboard.barriers.kind'), t('dashboard.barriers.projects')],
    rows: [...shown.map((b) => ({ key: b.kind, cells: [t(`barrierKind.${b.kind}`), formatNumber(b.projects, lang)], onOpen: () => onOpen(b.kind) })), { key: '__total', cells: [t('dashboard.total'), formatNumber(data.projectsWithOpenBarriers, lang)], onOpen: () => onOpen() }],
  };
  return (
    <ChartCard id="barriers" title={t('dashboard.barriers.title')} units={t('dashboard.units.projects')} empty={shown.length === 0} emptyText={emptyText} table={table} height={Math.max(160, 34 * shown.length + 40)} hint={t('dashboard.card.clickHint')}>
      <CategoryBars data={chartData} color={EXECUTION_COLOR.late} format={(v) => formatNumber(v, lang)} whole name={t('dashboard.barriers.projects')} onPick={(kind) => onOpen(kind as BarrierKind)} labelWidth={140} />
    </ChartCard>
  );
}

function executionSeries(t: (k: string) => string) {
  return EXECUTIONS.map((e) => ({ key: e, name: t(`dashboard.execution.${e}`), color: EXECUTION_COLOR[e] }));
}

function MonthsCard({ data, lang, emptyText }: { data: DashboardData; lang: Lang; emptyText: string }) {
  const { t } = useTranslation();
  const rows = data.assignmentsByMonth.map((m) => ({ ...m, label: `${m.month.slice(5, 7)}.${m.month.slice(0, 4)}` }));
  const table: ChartTable = {
    columns: [t('dashboard.months.month'), ...EXECUTIONS.map((e) => t(`dashboard.execution.${e}`))],
    rows: rows.map((m) => ({ key: m.month, cells: [m.label, ...EXECUTIONS.map((e) => formatNumber(m[e], lang))] })),
  };
  return (
    <ChartCard id="months" title={t('dashboard.months.title')} units={t('dashboard.units.assignments')} empty={rows.length === 0} emptyText={emptyText} table={table} height={280}>
      <SeriesBars data={rows} category="label" stacked format={(v) => formatNumber(v, lang)} series={executionSeries(t)} />
    </ChartCard>
  );
}

const TOP_BODIES = 10;

function BodiesCard({ data, lang, orgNames, emptyText }: { data: DashboardData; lang: Lang; orgNames: ReadonlyMap<string, string>; emptyText: string }) {
  const { t } = useTranslation();
  const name = (id: string) => (id ? orgNames.get(id) ?? '—' : t('dashboard.bodies.none'));
  const all = data.assignmentsByBody.map((b) => ({ ...b, label: name(b.orgId) }));
  const top = all.slice(0, TOP_BODIES);
  const table: ChartTable = {
    columns: [t('dashboard.bodies.body'), ...EXECUTIONS.map((e) => t(`dashboard.execution.${e}`))],
    rows: all.map((b) => ({ key: b.orgId || '-', cells: [b.label, ...EXECUTIONS.map((e) => formatNumber(b[e], lang))] })),
  };
  return (
    <ChartCard id="bodies" title={t('dashboard.bodies.title')} units={t('dashboard.units.assignments')} empty={all.length === 0} emptyText={emptyText} table={table} height={Math.max(200, 36 * top.length + 70)}>
      <SeriesBars data={top} category="label" layout="vertical" stacked format={(v) => formatNumber(v, lang)} series={executionSeries(t)} labelWidth={220} />
    </ChartCard>
  );
}
