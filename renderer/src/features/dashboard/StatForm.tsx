// Entering one official figure (официальный показатель): year, indicator, value (tenge as the press
// writes it, «1,2 трлн»), «более» or exact, and its source — written through the repository.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { STAT_INDICATORS, type StatIndicator } from '@shared/domain/investment-stat.schema';
import { parseTenge } from '@shared/locale/money';
import { parseNumber } from '@shared/locale/numbers';
import { useApp } from '../../app/app-context';
import { ValidationError } from '../../db/repository';

const TENGE: ReadonlySet<StatIndicator> = new Set(['investment_attracted_tenge', 'investment_plan_tenge']);

export function StatForm(props: { opened: boolean; onClose: () => void; regionId: string }) {
  const { t } = useTranslation();
  const { repos } = useApp();
  const [year, setYear] = useState<number | ''>(new Date().getFullYear() - 1);
  const [indicator, setIndicator] = useState<StatIndicator>('investment_attracted_tenge');
  const [value, setValue] = useState('');
  const [qualifier, setQualifier] = useState<'exact' | 'more_than'>('exact');
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const parsed = TENGE.has(indicator) ? parseTenge(value) : (parseNumber(value) ?? null);
    const next: Record<string, string> = {};
    if (parsed === null || !Number.isFinite(parsed) || parsed < 0) next.value = TENGE.has(indicator) ? t('dashboard.stat.badValue') : t('dashboard.stat.badNumber');
    if (!source.trim()) next.source = t('dashboard.stat.required');
    if (year === '') next.year = t('dashboard.stat.required');
    setErrors(next);
    if (Object.keys(next).length > 0 || parsed === null || year === '') return;
    setBusy(true);
    try {
      await repos.investmentStats.create({ regionId: props.regionId, year, indicator, value: parsed, qualifier, sourceTitle: source.trim() });
      notifications.show({ color: 'teal', message: t('dashboard.stat.saved') });
      setValue('');
      props.onClose();
    } catch (e) {
      if (e instanceof ValidationError) setErrors(Object.fromEntries(e.issues.map((i) => [i.path === 'sourceTitle' ? 'source' : i.path, t(`validation.${i.message}`, { defaultValue: t('validation.unknown') })])));
      else notifications.show({ color: 'red', message: t('notify.saveFailed', { message: (e as Error).message }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('dashboard.stat.title')}>
      <Stack>
        <Group grow>
          <NumberInput label={t('dashboard.stat.year')} value={year} min={1991} max={2100} allowDecimal={false} onChange={(v) => setYear(typeof v === 'number' ? v : '')} error={errors.year} data-testid="stat-year" />
          <Select label={t('dashboard.stat.indicator')} value={indicator} allowDeselect={false} onChange={(v) => v && setIndicator(v as StatIndicator)}
            data={STAT_INDICATORS.map((i) => ({ value: i, label: t(`dashboard.stat.indicators.${i}`) }))} data-testid="stat-indicator" />
        </Group>
        <TextInput label={t('dashboard.stat.value')} value={value} onChange={(e) => setValue(e.currentTarget.value)} error={errors.value} data-testid="stat-value" autoComplete="off" />
        <SegmentedControl value={qualifier} onChange={(v) => setQualifier(v as 'exact' | 'more_than')} aria-label={t('dashboard.stat.qualifier')}
          data={[{ value: 'exact', label: t('dashboard.stat.exact') }, { value: 'more_than', label: t('dashboard.stat.more_than') }]} />
        <TextInput label={t('dashboard.stat.source')} value={source} onChange={(e) => setSource(e.currentTarget.value)} error={errors.source} required data-testid="stat-source" />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>{t('dashboard.stat.cancel')}</Button>
          <Button onClick={() => void save()} loading={busy} data-testid="stat-save">{t('dashboard.stat.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
