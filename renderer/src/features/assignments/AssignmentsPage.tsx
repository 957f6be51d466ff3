// The page of assignments under control: the reminder strip (overdue, due within 3 working days —
// a click filters the table), the filters and search, the control table (sorted, grouped by
// responsible body on request) and the «Поручение сверху» form.
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Chip, Group, Loader, MultiSelect, Paper, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconClockHour4, IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '@shared/domain/assignment.schema';
import type { Lang } from '@shared/locale/lang';
import { formatNumber } from '@shared/locale/money';
import { useApp } from '../../app/app-context';
import { useControlModel, type ControlSnapshot } from './assignment-store';
import {
  activeFilterCount, buildControlRows, filterDates, filterRows, groupByResponsible, groupIdOf, NO_FILTERS, prepareSearch, SOON_WORKING_DAYS, sortRows,
  type ControlEntry, type ControlFilters, type ControlSort,
} from './assignment-table';
import { fill, labels, meetingLabel } from './assignment-text';
import { dueSoon } from './due-soon';
import { assignmentPath } from './paths';
import { useToday, useWorkCalendar } from './use-today';
import { ControlTable } from './ControlTable';
import { AssignmentsExcelButton } from '../excel';
import { DirectiveForm } from './DirectiveForm';
import './assignments.css';

const GROUP_KEY = 'hattama.assignments.grouped';

type SetFilters = (update: (f: ControlFilters) => ControlFilters) => void;

/** The reminders: how many are overdue and due soon (grey when none: nothing to alarm the clerk); a click shows only those. */
const ReminderStrip = memo(function ReminderStrip({ overdue, soon, filters, setFilters, lang }: { overdue: number; soon: number; filters: ControlFilters; setFilters: SetFilters; lang: Lang }) {
  const L = labels(lang).strip;
  return (
    <Group gap="xs" data-testid="reminder-strip" role="group">
      <Button
        size="compact-sm" color={filters.overdueOnly ? 'red.9' : overdue === 0 ? 'gray' : 'red'} variant={filters.overdueOnly ? 'filled' : 'light'} className={`ctl-strip ${overdue === 0 ? 'ctl-strip-none' : 'ctl-strip-overdue'}`} vars={() => ({ root: filters.overdueOnly ? {} : { '--button-color': 'var(--ctl-strip-text)' } })} leftSection={<IconAlertTriangle size={14} aria-hidden />}
        aria-pressed={filters.overdueOnly} title={L.overdueHint} data-testid="strip-overdue"
        onClick={() => setFilters((f) => ({ ...f, overdueOnly: !f.overdueOnly, dueSoon: false }))}
      >
        {fill(L.overdue, { count: formatNumber(overdue, lang) })}
      </Button>
      <Text span c="dimmed" aria-hidden>·</Text>
      <Button
        size="compact-sm" color={soon === 0 && !filters.dueSoon ? 'gray' : 'orange'} variant={filters.dueSoon ? 'filled' : 'light'} className={`ctl-strip ${soon === 0 && !filters.dueSoon ? 'ctl-strip-none' : 'ctl-strip-soon'}`}
        vars={() => ({ root: filters.dueSoon ? { '--button-bg': 'var(--ctl-strip-fill)', '--button-hover': 'var(--ctl-strip-fill)' } : { '--button-color': 'var(--ctl-strip-text)' } })} leftSection={<IconClockHour4 size={14} aria-hidden />}
        aria-pressed={filters.dueSoon} title={L.soonHint} data-testid="strip-soon"
        onClick={() => setFilters((f) => ({ ...f, dueSoon: !f.dueSoon, overdueOnly: false }))}
      >
        {fill(L.soon, { count: formatNumber(soon, lang) })}
      </Button>
    </Group>
  );
});

/** The search field: repainted as the clerk types; the table follows with the deferred text. */
function SearchField({ value, setFilters, lang }: { value: string; setFilters: SetFilters; lang: Lang }) {
  const L = labels(lang).filters;
  return (
    <TextInput
      aria-label={L.search} placeholder={L.searchPlaceholder} leftSection={<IconSearch size={16} aria-hidden />} w={320}
      value={value} onChange={(e) => { const q = e.currentTarget.value; setFilters((f) => ({ ...f, query: q })); }} data-testid="assignments-search" type="search"
    />
  );
}

/**
 * The filters of the table by responsible body, status, meeting and project. Memoised on the
 * filters without the search text: typing does not repaint these (their lists can be long).
 */
const FilterSelects = memo(function FilterSelects({ snap, facets, setFilters, lang }: { snap: ControlSnapshot; facets: ControlFilters; setFilters: SetFilters; lang: Lang }) {
  const L = labels(lang);
  const { model } = snap;
  const collator = useMemo(() => new Intl.Collator(lang), [lang]);
  // Only bodies and projects that have assignments are offered (and ones chosen before).
  const responsibleData = useMemo(() => {
    const ids = new Set<string>(facets.responsible);
    for (const a of model.assignments) for (const id of a.responsibleOrgIds) ids.add(id);
    return [...ids].flatMap((id) => (model.organizations.get(id) ? [{ value: id, label: model.organizations.get(id) ?? '' }] : [])).sort((a, b) => collator.compare(a.label, b.label));
  }, [model, facets.responsible, collator]);
  const projectData = useMemo(
    () => [...model.projects].filter(([, title]) => title).map(([id, title]) => ({ value: id, label: title })).sort((a, b) => collator.compare(a.label, b.label)),
    [model.projects, collator],
  );
  const meetingData = useMemo(() => snap.meetings.map((m) => ({ value: m.id, label: meetingLabel(m, lang) })), [snap.meetings, lang]);
  const statusData = useMemo(() => ASSIGNMENT_STATUSES.map((s) => ({ value: s, label: L.status[s] })), [L]);
  const set = <K extends keyof ControlFilters>(k: K, v: ControlFilters[K]) => setFilters((f) => ({ ...f, [k]: v }));
  return (
    <>
      <MultiSelect
        aria-label={L.filters.responsible} placeholder={facets.responsible.length === 0 ? L.filters.responsible : undefined} data={responsibleData}
        value={[...facets.responsible]} onChange={(v) => set('responsible', v)} searchable clearable w={230} maxDropdownHeight={320}
        comboboxProps={{ withinPortal: true }} data-testid="filter-responsible"
      />
      <MultiSelect
        aria-label={L.filters.status} placeholder={facets.statuses.length === 0 ? L.filters.status : undefined} data={statusData}
        value={[...facets.statuses]} onChange={(v) => set('statuses', v as AssignmentStatus[])} clearable w={200}
        comboboxProps={{ withinPortal: true }} data-testid="filter-status"
      />
      <Select
        aria-label={L.filters.meeting} placeholder={L.filters.meeting} data={meetingData} value={facets.meetingId}
        onChange={(v) => set('meetingId', v)} searchable clearable w={230} limit={100} comboboxProps={{ withinPortal: true }} data-testid="filter-meeting"
      />
      <Select
        aria-label={L.filters.project} placeholder={L.filters.project} data={projectData} value={facets.projectId}
        onChange={(v) => set('projectId', v)} searchable clearable w={250} limit={50} comboboxProps={{ withinPortal: true }} data-testid="filter-project"
      />
    </>
  );
});

/** Overdue only, due this week, due soon; the grouping switch; the reset of every filter. */
const FilterChips = memo(function FilterChips({ facets, active, setFilters, grouped, setGrouped, lang }: {
  facets: ControlFilters; active: number; setFilters: SetFilters; grouped: boolean; setGrouped: (g: boolean) => void; lang: Lang;
}) {
  const L = labels(lang).filters;
  return (
    <Group gap="xs" wrap="wrap">
      <Chip size="xs" checked={facets.overdueOnly} onChange={(v) => setFilters((f) => ({ ...f, overdueOnly: v, dueSoon: v ? false : f.dueSoon }))} color="red" data-testid="filter-overdue">{L.overdueOnly}</Chip>
      <Chip size="xs" checked={facets.dueThisWeek} onChange={(v) => setFilters((f) => ({ ...f, dueThisWeek: v }))} data-testid="filter-week">{L.dueThisWeek}</Chip>
      <Chip size="xs" checked={facets.dueSoon} onChange={(v) => setFilters((f) => ({ ...f, dueSoon: v, overdueOnly: v ? false : f.overdueOnly }))} color="orange" data-testid="filter-soon">{L.dueSoon}</Chip>
      <Switch size="sm" label={L.group} checked={grouped} onChange={(e) => setGrouped(e.currentTarget.checked)} data-testid="group-toggle" ml="sm" />
      {active > 0 && (
        <Button size="compact-sm" variant="subtle" leftSection={<IconFilterOff size={14} aria-hidden />} onClick={() => setFilters(() => NO_FILTERS)} data-testid="filters-reset">
          {L.reset} ({active})
        </Button>
      )}
    </Group>
  );
});

export function AssignmentsPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const L = labels(lang);
  const { db, openOverlay } = useApp();
  const snap = useControlModel(db);
  const today = useToday();
  const calendar = useWorkCalendar(snap.overrides);
  const [filters, setFiltersState] = useState<ControlFilters>(NO_FILTERS);
  const setFilters = useCallback<SetFilters>((update) => setFiltersState(update), []);
  const [sort, setSort] = useState<ControlSort>(null);
  const [grouped, setGroupedState] = useState(() => globalThis.localStorage?.getItem(GROUP_KEY) === '1');
  const setGrouped = useCallback((g: boolean) => {
    setGroupedState(g);
    globalThis.localStorage?.setItem(GROUP_KEY, g ? '1' : '0');
  }, []);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [directiveOpen, setDirectiveOpen] = useState(false);

  // Typing in the search repaints the field at once and the table right after.
  // The other filters keep their values (and lists their identity) while the clerk types, so the
  // field's own repaint filters nothing; the table follows with the deferred text.
  const query = useDeferredValue(filters.query);
  const { responsible, statuses, overdueOnly, dueSoon: soonOnly, dueThisWeek, meetingId, projectId } = filters;
  const facets = useMemo<ControlFilters>(
    () => ({ query: '', responsible, statuses, overdueOnly, dueSoon: soonOnly, dueThisWeek, meetingId, projectId }),
    [responsible, statuses, overdueOnly, soonOnly, dueThisWeek, meetingId, projectId],
  );
  const effective = useMemo<ControlFilters>(() => ({ ...facets, query }), [facets, query]);
  const rows = useMemo(() => buildControlRows(snap.model, lang, today), [snap.model, lang, today]);
  const sorted = useMemo(() => sortRows(rows, sort, lang), [rows, sort, lang]);
  useEffect(() => {
    // The search's text of all rows is made while the clerk looks, so the first search is fast.
    if (sorted.length < 2000) return;
    const idle = globalThis.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
    const cancel = globalThis.cancelIdleCallback ?? clearTimeout;
    const handle = idle(() => prepareSearch(sorted));
    return () => cancel(handle as number);
  }, [sorted]);
  const dates = useMemo(() => filterDates(today, calendar), [today, calendar]);
  const shown = useMemo(() => filterRows(sorted, effective, dates), [sorted, effective, dates]);
  const entries = useMemo<readonly ControlEntry[] | null>(
    () => (grouped ? groupByResponsible(shown, snap.model.organizations, lang, collapsed) : null),
    [grouped, shown, snap.model.organizations, lang, collapsed],
  );
  const reminders = useMemo(() => dueSoon(snap.model.assignments, today, calendar, SOON_WORKING_DAYS), [snap.model.assignments, today, calendar]);
  const onOpen = useCallback((id: string) => openOverlay(assignmentPath(id)), [openOverlay]);
  const onToggleGroup = useCallback((key: string) => setCollapsed((s) => {
    const n = new Set(s);
    const id = groupIdOf(key);
    if (n.has(id)) n.delete(id);
    else n.add(id);
    return n;
  }), []);

  const directiveButton = (
    <Button leftSection={<IconPlus size={16} aria-hidden />} variant="light" onClick={() => setDirectiveOpen(true)} data-testid="new-directive">{L.newDirective}</Button>
  );
  const directiveForm = (
    <DirectiveForm
      opened={directiveOpen} onClose={() => setDirectiveOpen(false)} onCreated={() => setDirectiveOpen(false)}
      orgs={snap.orgs} calendar={calendar} today={today} lang={lang}
    />
  );

  if (snap.phase === 'loading') {
    return (
      <Group justify="center" p="xl" role="status">
        <Loader size="sm" />
        <Text>{L.loading}</Text>
      </Group>
    );
  }
  if (snap.phase === 'error') {
    return <Alert color="red" title={L.loadFailed} m="md" role="alert" data-testid="assignments-error">{snap.error}</Alert>;
  }

  const total = snap.model.assignments.length;
  return (
    <Stack gap="sm" h="100%">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
        <Group gap="md" align="baseline">
          <Title order={2} size="h3">{L.title}</Title>
          <Text size="sm" c="dimmed" role="status" data-testid="assignments-count">
            {fill(L.shown, { shown: formatNumber(shown.length, lang), total: formatNumber(total, lang) })}
          </Text>
        </Group>
        <Group gap="xs">
          {total > 0 && (
            <AssignmentsExcelButton
              lang={lang}
              rows={shown.map((r) => ({ ...r, status: L.status[r.state.overdue ? 'overdue' : r.status] }))}
              words={{ columns: L.columns, due: t('excel.due'), overdueDays: t('excel.overdueDays'), sheet: t('excel.assignmentsSheet'), total: t('excel.total') }}
            />
          )}
          {directiveButton}
        </Group>
      </Group>
      {total === 0 ? (
        <Paper withBorder p="xl" radius="sm" data-testid="assignments-empty">
          <Stack align="center" gap="xs" maw={640} mx="auto" ta="center">
            <Text fw={600}>{L.empty}</Text>
            <Text size="sm" c="dimmed">{L.emptyHint}</Text>
            {directiveButton}
          </Stack>
        </Paper>
      ) : (
        <>
          <ReminderStrip overdue={reminders.overdue.length} soon={reminders.soon.length} filters={facets} setFilters={setFilters} lang={lang} />
          <Stack gap={6}>
            <Group gap="xs" align="flex-end" wrap="wrap">
              <SearchField value={filters.query} setFilters={setFilters} lang={lang} />
              <FilterSelects snap={snap} facets={facets} setFilters={setFilters} lang={lang} />
            </Group>
            <FilterChips facets={facets} active={activeFilterCount(filters)} setFilters={setFilters} grouped={grouped} setGrouped={setGrouped} lang={lang} />
          </Stack>
          <Paper withBorder radius="sm" className="ctl-frame">
            {shown.length === 0 ? (
              <Stack align="center" p="xl" gap="xs" w="100%" data-testid="assignments-no-match">
                <Text c="dimmed">{L.noMatch}</Text>
                <Button size="xs" variant="light" onClick={() => setFilters(() => NO_FILTERS)}>{L.filters.reset}</Button>
              </Stack>
            ) : (
              <ControlTable entries={entries} rows={shown} sort={sort} setSort={setSort} lang={lang} onOpen={onOpen} onToggleGroup={onToggleGroup} />
            )}
          </Paper>
        </>
      )}
      {directiveForm}
    </Stack>
  );
}
