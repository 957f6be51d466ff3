// The register's toolbar: search, facet filters with counts, grouping, column layout.
import { forwardRef, memo, useMemo, useState } from 'react';
import { DISTRICTS, ZONES } from '@shared/geo/regions';
import { OKED_CODES } from '@shared/domain/oked';
import { STAGES, STATUSES } from '@shared/domain/project.schema';
import { useTranslation } from 'react-i18next';
import { ActionIcon, Badge, Button, Checkbox, Group, Menu, MultiSelect, Select, TextInput, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconColumns, IconFilterOff, IconSearch } from '@tabler/icons-react';
import type { Lang } from '@shared/locale/lang';
import { activeFacetCount, FACETS, NO_FILTERS, type BoardFilters, type Facet } from './board-filters';
import { ColumnFilters } from './ColumnFilters';
import { DEFAULT_HIDDEN, DEFAULT_ORDER, GROUPABLE } from './board-columns';
import { facetLabel } from './facet-label';
import type { ColumnLayout } from './board-layout';
import type { BoardTable } from './use-board-table';

type Props = {
  table: BoardTable;
  /** How many rows have each value of a facet under the other filters (computed on demand). */
  facetCounts: (facet: Facet) => Map<string, number>;
  filters: BoardFilters;
  setFilters: (update: (f: BoardFilters) => BoardFilters) => void;
  grouping: string;
  setGrouping: (g: string) => void;
  layout: ColumnLayout;
  setLayout: (l: ColumnLayout) => void;
};

/** Every value a facet can take, for the list before its counts are computed. */
const FACET_DOMAIN: Record<Facet, readonly string[]> = {
  districtId: DISTRICTS.map((d) => d.id),
  okedSection: OKED_CODES,
  stage: STAGES,
  status: STATUSES,
  zoneId: ZONES.map((z) => z.id),
};

function FacetFilter({ facetCounts, facet, filters, setFilters }: { facet: Facet } & Pick<Props, 'filters' | 'setFilters' | 'facetCounts'>) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [open, setOpen] = useState(false);
  // Counts are computed only while the list is open: faceting 100,000 rows on every keystroke is wasted work.
  // `filters` is a dependency on purpose: `facetCounts` is stable and reads the latest filters.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const counts = useMemo(() => (open ? facetCounts(facet) : undefined), [open, facetCounts, facet, filters]);
  const selected = filters.facets[facet];
  const data = useMemo(() => {
    const values = new Set<string>(counts ? (counts.keys() as Iterable<string>) : FACET_DOMAIN[facet]);
    for (const v of selected ?? []) values.add(v);
    return [...values]
      .map((v) => ({ value: v || '∅', label: counts ? `${facetLabel(facet, v, lang, t)} (${counts.get(v) ?? 0})` : facetLabel(facet, v, lang, t) }))
      .sort((a, b) => a.label.localeCompare(b.label, lang));
  }, [counts, selected, facet, lang, t]);
  return (
    <MultiSelect
      aria-label={t(`columns.${facet}`)}
      placeholder={t(`columns.${facet}`)}
      data={data}
      value={(selected ?? []).map((v) => v || '∅')}
      onChange={(vals) => setFilters((f) => ({ ...f, facets: { ...f.facets, [facet]: vals.map((v) => (v === '∅' ? '' : v)) } }))}
      clearable
      searchable
      onDropdownOpen={() => setOpen(true)}
      onDropdownClose={() => setOpen(false)}
      size="xs"
      w={190}
      maxDropdownHeight={320}
      comboboxProps={{ withinPortal: true }}
      data-testid={`facet-${facet}`}
    />
  );
}

/** Memoised: sorting or scrolling the board does not re-render the filters. */
export const BoardToolbar = memo(forwardRef<HTMLInputElement, Props>(function BoardToolbar(props, searchRef) {
  const { table, facetCounts, filters, setFilters, grouping, setGrouping, layout, setLayout } = props;
  const { t } = useTranslation();
  const active = activeFacetCount(filters) + (filters.search ? 1 : 0);

  const move = (id: string, delta: number) => {
    const order = [...layout.order];
    const i = order.indexOf(id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= order.length) return;
    [order[i], order[j]] = [order[j] ?? id, order[i] ?? id];
    setLayout({ ...layout, order });
  };

  return (
    <Group gap="xs" wrap="wrap" align="center" role="toolbar" aria-label={t('board.filters')} className="board-toolbar">
      <TextInput
        ref={searchRef}
        aria-label={t('board.searchLabel')}
        placeholder={t('board.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={filters.search}
        onChange={(e) => {
          const search = e.currentTarget.value.slice(0, 500);
          setFilters((f) => ({ ...f, search }));
        }}
        size="xs"
        w={260}
        data-testid="board-search"
        rightSection={<Badge size="xs" variant="outline" aria-hidden>/</Badge>}
      />
      {FACETS.map((facet) => (
        <FacetFilter key={facet} facetCounts={facetCounts} facet={facet} filters={filters} setFilters={setFilters} />
      ))}
      <ColumnFilters filters={filters} setFilters={setFilters} />
      <Select
        aria-label={t('board.groupBy')}
        size="xs"
        w={180}
        value={grouping}
        onChange={(v) => setGrouping(v ?? 'none')}
        data={[{ value: 'none', label: t('group.none') }, ...GROUPABLE.map((g) => ({ value: g, label: t(`group.${g}`) }))]}
        allowDeselect={false}
        data-testid="group-by"
      />
      {active > 0 && (
        <Button size="xs" variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={() => setFilters(() => NO_FILTERS)}>
          {t('actions.resetFilters')}
        </Button>
      )}
      <Menu closeOnItemClick={false} position="bottom-end" withinPortal>
        <Menu.Target>
          <Tooltip label={t('actions.columns')}>
            <ActionIcon variant="default" size="lg" aria-label={t('actions.columns')} data-testid="columns-menu">
              <IconColumns size={18} />
            </ActionIcon>
          </Tooltip>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('actions.columns')}</Menu.Label>
          {layout.order.map((id, i) => {
            const column = table.getColumn(id);
            if (!column) return null;
            const canHide = column.getCanHide();
            return (
              <Group key={id} gap={4} px="xs" py={2} wrap="nowrap" justify="space-between">
                <Checkbox
                  size="xs"
                  label={t(`columns.${id}`)}
                  checked={layout.visibility[id] !== false}
                  disabled={!canHide}
                  onChange={(e) => setLayout({ ...layout, visibility: { ...layout.visibility, [id]: e.currentTarget.checked } })}
                />
                <Group gap={2} wrap="nowrap">
                  <ActionIcon size="sm" variant="subtle" disabled={i === 0} onClick={() => move(id, -1)} aria-label={`${t('actions.moveUp')}: ${t(`columns.${id}`)}`}>
                    <IconArrowUp size={14} />
                  </ActionIcon>
                  <ActionIcon size="sm" variant="subtle" disabled={i === layout.order.length - 1} onClick={() => move(id, 1)} aria-label={`${t('actions.moveDown')}: ${t(`columns.${id}`)}`}>
                    <IconArrowDown size={14} />
                  </ActionIcon>
                </Group>
              </Group>
            );
          })}
          <Menu.Divider />
          <Menu.Item onClick={() => setLayout({ order: [...DEFAULT_ORDER], visibility: Object.fromEntries(DEFAULT_HIDDEN.map((c) => [c, false])) })}>
            {t('actions.resetColumns')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}));
