// Column filters of the register (фильтры по столбцам): investor contains, investment and
// jobs ranges (amounts as the clerk types them: «5 млрд»), only projects with open barriers.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Checkbox, Group, MultiSelect, NumberInput, Popover, Stack, Text, TextInput } from '@mantine/core';
import { IconAdjustmentsHorizontal } from '@tabler/icons-react';
import { BARRIER_KINDS, type BarrierKind } from '@shared/domain/project.schema';
import type { Lang } from '@shared/locale/lang';
import { formatTenge, parseTenge } from '@shared/locale/money';
import { activeColumnFilterCount, type BoardFilters, type ColumnFilterValues, type NumberRange } from './board-filters';

type Props = { filters: BoardFilters; setFilters: (update: (f: BoardFilters) => BoardFilters) => void };

function MoneyBound({ label, value, onChange, testId }: { label: string; value: number | undefined; onChange: (v: number | undefined) => void; testId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [text, setText] = useState(value === undefined ? '' : formatTenge(value, lang).replace(/\s*₸$/, ''));
  const [error, setError] = useState<string | null>(null);
  const commit = () => {
    if (text.trim() === '') {
      setError(null);
      onChange(undefined);
      return;
    }
    const parsed = parseTenge(text);
    if (parsed === null) setError(t('validation.invalid_money'));
    else {
      setError(null);
      onChange(parsed);
    }
  };
  return (
    <TextInput size="xs" label={label} value={text} error={error} data-testid={testId} w={150}
      onChange={(e) => setText(e.currentTarget.value.slice(0, 60))} onBlur={commit} onKeyDown={(e) => { if (e.key === 'Enter') commit(); }} />
  );
}

export function ColumnFilters({ filters, setFilters }: Props) {
  const { t } = useTranslation();
  const c = filters.columns;
  const count = activeColumnFilterCount(c);
  const set = (patch: Partial<ColumnFilterValues>) => setFilters((f) => ({ ...f, columns: { ...f.columns, ...patch } }));
  const setRange = (col: 'investmentTenge' | 'jobsPermanentPlanned', bound: keyof NumberRange, v: number | undefined) => {
    const next: NumberRange = { ...(c[col] ?? {}) };
    if (v === undefined) delete next[bound];
    else next[bound] = v;
    set({ [col]: next });
  };
  const num = (v: number | string): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  return (
    <Popover position="bottom-start" withinPortal trapFocus shadow="md">
      <Popover.Target>
        <Button size="xs" variant="default" leftSection={<IconAdjustmentsHorizontal size={16} />} data-testid="column-filters"
          rightSection={count > 0 ? <Badge size="xs" circle>{count}</Badge> : null}>
          {t('board.columnFilters')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={340}>
          <TextInput size="xs" label={t('board.investorContains')} value={c.investorName ?? ''} data-testid="filter-investor"
            onChange={(e) => set({ investorName: e.currentTarget.value.slice(0, 200) })} />
          <Text size="xs" fw={600}>{t('board.rangeInvestment')}</Text>
          <Group gap="xs" align="flex-start">
            <MoneyBound label={t('board.from')} value={c.investmentTenge?.min} onChange={(v) => setRange('investmentTenge', 'min', v)} testId="filter-investment-min" />
            <MoneyBound label={t('board.to')} value={c.investmentTenge?.max} onChange={(v) => setRange('investmentTenge', 'max', v)} testId="filter-investment-max" />
          </Group>
          <Text size="xs" fw={600}>{t('board.rangeJobs')}</Text>
          <Group gap="xs">
            <NumberInput size="xs" label={t('board.from')} w={150} min={0} allowDecimal={false} allowNegative={false} thousandSeparator=" "
              value={c.jobsPermanentPlanned?.min ?? ''} onChange={(v) => setRange('jobsPermanentPlanned', 'min', num(v))} />
            <NumberInput size="xs" label={t('board.to')} w={150} min={0} allowDecimal={false} allowNegative={false} thousandSeparator=" "
              value={c.jobsPermanentPlanned?.max ?? ''} onChange={(v) => setRange('jobsPermanentPlanned', 'max', num(v))} />
          </Group>
          <Checkbox size="xs" label={t('board.onlyOpenBarriers')} checked={c.openBarriers === true} data-testid="filter-open-barriers"
            onChange={(e) => set({ openBarriers: e.currentTarget.checked })} />
          <MultiSelect size="xs" label={t('board.barrierKinds')} data-testid="filter-barrier-kinds" clearable w={310}
            data={BARRIER_KINDS.map((k) => ({ value: k, label: t(`barrierKind.${k}`) }))}
            value={c.barrierKinds ?? []} onChange={(v) => set({ barrierKinds: v.length > 0 ? (v as BarrierKind[]) : undefined })}
            comboboxProps={{ withinPortal: false }} />
          {count > 0 && (
            <Button size="xs" variant="subtle" onClick={() => setFilters((f) => ({ ...f, columns: {} }))} w="fit-content">{t('actions.resetFilters')}</Button>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
