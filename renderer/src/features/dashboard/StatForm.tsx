// Entering one official figure (официальный показатель): the period (a year, a quarter, a month, or
// from January to a month), the indicator (named, for «other»), the value (tenge as the press writes
// it, «1,2 трлн»), «более» or exact, its growth index against the same period of the previous year,
// and its source with the source's date and a note — written through the repository.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { longPasteRefuser } from '../../app/long-paste';
import { Button, Checkbox, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { STAT_INDICATORS, STAT_PERIODS, TENGE_INDICATORS, type StatIndicator, type StatPeriod } from '@shared/domain/investment-stat.schema';
import { monthName } from '@shared/dashboard/stat-period';
import { parseDate } from '@shared/locale/dates';
import type { Lang } from '@shared/locale/lang';
import { parseTenge } from '@shared/locale/money';
import { parseNumber } from '@shared/locale/numbers';
import { useApp } from '../../app/app-context';
import { ValidationError } from '../../db/repository';

/** The form's field a validation issue of the repository belongs to. */
const FIELD_OF: Record<string, string> = { sourceTitle: 'source', sourceDate: 'sourceDate', sourceNote: 'note', growthPct: 'growth' };

export function StatForm(props: { opened: boolean; onClose: () => void; regionId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { repos } = useApp();
  const [year, setYear] = useState<number | ''>(new Date().getFullYear() - 1);
  const [period, setPeriod] = useState<StatPeriod>('year');
  const [periodNo, setPeriodNo] = useState<string | null>(null);
  const [indicator, setIndicator] = useState<StatIndicator>('investment_attracted_tenge');
  const [indicatorName, setIndicatorName] = useState('');
  const [value, setValue] = useState('');
  const [qualifier, setQualifier] = useState<'exact' | 'more_than'>('exact');
  const [growth, setGrowth] = useState('');
  const [growthMore, setGrowthMore] = useState(false);
  const [source, setSource] = useState('');
  const [sourceDate, setSourceDate] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const tenge = TENGE_INDICATORS.has(indicator);
  /** A field changed: its message goes (the others stay until the next save). */
  const refuse = longPasteRefuser<string>((field, message) => setErrors((e) => ({ ...e, [field]: message })), t, lang);
  const fixed = (field: string) => setErrors((e) => (field in e ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== field)) : e));
  const periodNos = period === 'quarter'
    ? ['I', 'II', 'III', 'IV'].map((q, i) => ({ value: String(i + 1), label: q }))
    : Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: monthName(i + 1, lang) }));
  const save = async () => {
    const parsed = tenge ? parseTenge(value) : (parseNumber(value) ?? null);
    const growthPct = growth.trim() === '' ? undefined : parseNumber(growth);
    const date = sourceDate.trim() === '' ? undefined : parseDate(sourceDate.trim());
    const next: Record<string, string> = {};
    if (parsed === null || !Number.isFinite(parsed) || parsed < 0) next.value = tenge ? t('dashboard.stat.badValue') : t('dashboard.stat.badNumber');
    if (growthPct !== undefined && (!Number.isFinite(growthPct) || growthPct < 0)) next.growth = t('dashboard.stat.badGrowth');
    if (date === null) next.sourceDate = t('dashboard.stat.badDate');
    if (!source.trim()) next.source = t('dashboard.stat.required');
    if (year === '') next.year = t('dashboard.stat.required');
    if (period !== 'year' && !periodNo) next.periodNo = t('dashboard.stat.required');
    if (indicator === 'other_tenge' && !indicatorName.trim()) next.indicatorName = t('dashboard.stat.required');
    setErrors(next);
    if (Object.keys(next).length > 0 || parsed === null || year === '' || date === null) return;
    setBusy(true);
    try {
      await repos.investmentStats.create({
        regionId: props.regionId, year, indicator, value: parsed, qualifier, sourceTitle: source.trim(),
        ...(period !== 'year' ? { period, periodNo: Number(periodNo) } : {}),
        ...(indicator === 'other_tenge' ? { indicatorName: indicatorName.trim() } : {}),
        ...(growthPct !== undefined ? { growthPct, growthQualifier: growthMore ? 'more_than' as const : 'exact' as const } : {}),
        ...(date ? { sourceDate: date } : {}),
        ...(note.trim() ? { sourceNote: note } : {}),
      });
      notifications.show({ color: 'teal', message: t('dashboard.stat.saved') });
      setValue('');
      setGrowth('');
      props.onClose();
    } catch (e) {
      if (e instanceof ValidationError) setErrors(Object.fromEntries(e.issues.map((i) => [FIELD_OF[i.path] ?? i.path, t(`validation.${i.message}`, { defaultValue: t('validation.unknown') })])));
      else notifications.show({ color: 'red', message: t('notify.saveFailed', { message: (e as Error).message }) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('dashboard.stat.title')} size="lg">
      <Stack>
        <Group grow align="flex-start">
          <NumberInput label={t('dashboard.stat.year')} value={year} min={1991} max={2100} allowDecimal={false} onChange={(v) => { setYear(typeof v === 'number' ? v : ''); fixed('year'); }} error={errors.year} data-testid="stat-year" />
          <Select label={t('dashboard.stat.period')} value={period} allowDeselect={false} data-testid="stat-period"
            onChange={(v) => { if (v) { setPeriod(v as StatPeriod); setPeriodNo(null); fixed('periodNo'); } }}
            data={STAT_PERIODS.map((p) => ({ value: p, label: t(`dashboard.stat.periods.${p}`) }))} />
          {period !== 'year' && (
            <Select label={t(`dashboard.stat.periodNo.${period}`)} value={periodNo} onChange={(v) => { setPeriodNo(v); fixed('periodNo'); }} data={periodNos} error={errors.periodNo} required data-testid="stat-period-no" />
          )}
        </Group>
        <Select label={t('dashboard.stat.indicator')} value={indicator} allowDeselect={false} onChange={(v) => v && setIndicator(v as StatIndicator)}
          data={STAT_INDICATORS.map((i) => ({ value: i, label: t(`dashboard.stat.indicators.${i}`) }))} data-testid="stat-indicator" />
        {indicator === 'other_tenge' && (
          <TextInput label={t('dashboard.stat.indicatorName')} value={indicatorName} onChange={(e) => { setIndicatorName(e.currentTarget.value); fixed('indicatorName'); }} error={errors.indicatorName} required data-testid="stat-indicator-name" />
        )}
        <TextInput label={t('dashboard.stat.value')} value={value} onChange={(e) => { setValue(e.currentTarget.value); fixed('value'); }} error={errors.value} data-testid="stat-value" autoComplete="off" />
        <SegmentedControl value={qualifier} onChange={(v) => setQualifier(v as 'exact' | 'more_than')} aria-label={t('dashboard.stat.qualifier')}
          data={[{ value: 'exact', label: t('dashboard.stat.exact') }, { value: 'more_than', label: t('dashboard.stat.more_than') }]} />
        <Group align="flex-end" wrap="nowrap">
          <TextInput style={{ flex: 1 }} label={t('dashboard.stat.growth')} value={growth} onChange={(e) => { setGrowth(e.currentTarget.value); fixed('growth'); }} error={errors.growth} data-testid="stat-growth" autoComplete="off" />
          <Checkbox label={t('dashboard.stat.growthMore')} checked={growthMore} onChange={(e) => setGrowthMore(e.currentTarget.checked)} mb={8} data-testid="stat-growth-more" />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={t('dashboard.stat.source')} value={source} onChange={(e) => { const v = e.currentTarget.value; if (refuse('source', v, 300)) return; setSource(v); fixed('source'); }} error={errors.source} required data-testid="stat-source" />
          <TextInput label={t('dashboard.stat.sourceDate')} placeholder={t('dashboard.stat.sourceDatePlaceholder')} value={sourceDate} onChange={(e) => { setSourceDate(e.currentTarget.value); fixed('sourceDate'); }} error={errors.sourceDate} data-testid="stat-source-date" autoComplete="off" />
        </Group>
        <Textarea label={t('dashboard.stat.note')} value={note} onChange={(e) => { const v = e.currentTarget.value; if (refuse('note', v, 2000)) return; setNote(v); fixed('note'); }} error={errors.note} autosize minRows={2} data-testid="stat-note" />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>{t('dashboard.stat.cancel')}</Button>
          <Button onClick={() => void save()} loading={busy} data-testid="stat-save">{t('dashboard.stat.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
