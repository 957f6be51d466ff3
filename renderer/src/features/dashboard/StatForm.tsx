// Entering one official figure (официальный показатель), or correcting one entered before: the
// period (a year, a quarter, a month, or from January to a month), the indicator (named, for
// «other»), the value (tenge as the press writes it, «1,2 трлн»), «более» or exact, its growth index
// against the same period of the previous year, and its source with the source's date and a note —
// written through the repository. A correction writes only the fields the clerk changed, with the
// stamps of the figure as the clerk opened it. One figure a period: a new figure for a period and
// indicator that already has one asks whether to replace it (the one stays, with the new values);
// a correction into the period and indicator of another figure is refused, naming that figure.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { longPasteRefuser } from '../../app/long-paste';
import { useWarnBeforeUnload } from '../../app/warn-before-unload';
import { Alert, Button, Checkbox, Group, List, Modal, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useLiveQuery } from 'dexie-react-hooks';
import { notifications } from '@mantine/notifications';
import { STAT_INDICATORS, STAT_PERIODS, type InvestmentStatFields, type StatIndicator, type StatPeriod } from '@shared/domain/investment-stat.schema';
import { monthName, periodLabel } from '@shared/dashboard/stat-period';
import type { Lang } from '@shared/locale/lang';
import type { FieldClocks } from '@shared/sync/merge';
import { useApp } from '../../app/app-context';
import { clocksOf, withStamp, type InvestmentStatRow } from '../../db/db';
import { fieldsOf, ValidationError } from '../../db/repository';
import { changedStatFields, emptyStatForm, findDuplicateStat, readStatForm, statKey, statPatch, statToForm, takeOverStat, type StatFormValues } from './stat-draft';
import { statIndicatorText, statSourceText, statValueText } from './stat-text';

/** The form's field a validation issue of the repository belongs to. */
const FIELD_OF: Record<string, string> = { sourceTitle: 'source', sourceDate: 'sourceDate', sourceNote: 'note', growthPct: 'growth' };
/** The fields that say which figure it is: changing one makes a question about another figure moot. */
const KEY_FIELDS: ReadonlySet<keyof StatFormValues> = new Set(['year', 'period', 'periodNo', 'indicator', 'indicatorName']);

/** A figure as the correction opened it: the row and its field stamps. */
export type OpenedStat = { row: InvestmentStatRow; clocks: FieldClocks };
/** A figure already entered under the key of the form's: to replace (a new figure) or refused (a correction). */
type Question = { kind: 'replace' | 'taken'; row: InvestmentStatRow; clocks: FieldClocks };

export function StatForm(props: { opened: boolean; onClose: () => void; regionId: string; editing?: OpenedStat | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { db, repos } = useApp();
  const { editing } = props;
  const [baseline, setBaseline] = useState<StatFormValues>(() => (editing ? statToForm(editing.row) : emptyStatForm(new Date().getFullYear() - 1)));
  const [form, setForm] = useState<StatFormValues>(baseline);
  // A correction follows its figure: changed meanwhile (another tab or window, another clerk's
  // pull), the fields the clerk has not touched take the new values, the baseline moves (a save
  // writes only the clerk's own changes, never reverting the other's) and a notice says what changed.
  const live = useLiveQuery(async () => (editing ? (await db.investmentStats.get(editing.row.id)) ?? null : null), [db, editing?.row.id]);
  const [seenRow, setSeenRow] = useState<InvestmentStatRow | undefined>(editing?.row);
  const [elsewhere, setElsewhere] = useState<ElsewhereNotice | null>(null);
  // Closing the window (or the tab) while the open form holds changes asks first.
  useWarnBeforeUnload(props.opened && changedStatFields(baseline, form).length > 0);
  useEffect(() => {
    if (!editing || live === undefined || !seenRow) return;
    if (live === null || live.deletedAt) {
      setElsewhere((prev) => (prev?.deleted ? prev : { deleted: true, fields: prev?.fields ?? [] }));
      return;
    }
    // Deleted and brought back (an undo there): it may be saved again.
    setElsewhere((prev) => (prev?.deleted ? (prev.fields.length > 0 ? { ...prev, deleted: false } : null) : prev));
    if (live.clocks === seenRow.clocks) return;
    const after = statToForm(live);
    const changed = changedStatFields(baseline, after);
    setSeenRow(live);
    if (changed.length === 0) return;
    setForm((mine) => takeOverStat(baseline, after, mine));
    setElsewhere((prev) => mergeNotice(prev, changed.map((field) => ({ field, before: baseline[field], after: after[field], mine: form[field] !== baseline[field] }))));
    setBaseline(after);
  }, [live, editing, seenRow, baseline, form]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [question, setQuestion] = useState<Question | null>(null);
  const [busy, setBusy] = useState(false);
  const questionRef = useRef<HTMLDivElement>(null);
  // The question stands above the buttons: brought into sight on a short screen (the form scrolls).
  useEffect(() => {
    if (question) questionRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [question]);
  const { period, indicator } = form;
  /** A field changed: its message goes (the others stay until the next save). */
  const refuse = longPasteRefuser<string>((field, message) => setErrors((e) => ({ ...e, [field]: message })), t, lang);
  const fixed = (field: string) => setErrors((e) => (field in e ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== field)) : e));
  const set = <K extends keyof StatFormValues>(k: K, v: StatFormValues[K], field: string = k) => {
    setForm((f) => ({ ...f, [k]: v }));
    fixed(field);
    if (KEY_FIELDS.has(k)) setQuestion(null);
  };
  const periodNos = period === 'quarter'
    ? ['I', 'II', 'III', 'IV'].map((q, i) => ({ value: String(i + 1), label: q }))
    : Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: monthName(i + 1, lang) }));

  const failed = (e: unknown) => {
    if (e instanceof ValidationError) setErrors(Object.fromEntries(e.issues.map((i) => [FIELD_OF[i.path] ?? i.path, t(`validation.${i.message}`, { defaultValue: t('validation.unknown') })])));
    else notifications.show({ color: 'red', message: t('notify.saveFailed', { message: (e as Error).message }) });
  };
  const done = (message: string) => {
    notifications.show({ color: 'teal', message });
    if (!editing) setForm((f) => ({ ...f, value: '', growth: '' }));
    setQuestion(null);
    props.onClose();
  };

  /** The live figure, other than the one corrected, already entered under the key of `fields`. */
  const duplicateOf = async (fields: InvestmentStatFields): Promise<Question | null> => {
    const same = (await db.investmentStats.where('[regionId+year]').equals([fields.regionId, fields.year]).toArray()).map(withStamp);
    const found = findDuplicateStat(same, fields, editing?.row.id);
    if (!found) return null;
    const opened = await repos.investmentStats.getWithClocks(found.id);
    return opened ? { kind: editing ? 'taken' : 'replace', row: opened.row, clocks: opened.clocks } : null;
  };

  const save = async (replace?: Question) => {
    const read = readStatForm(form, props.regionId);
    if (!read.ok) {
      setErrors(Object.fromEntries(Object.entries(read.errors).map(([k, key]) => [k, t(`dashboard.stat.${key}`)])));
      return;
    }
    setErrors({});
    const { fields } = read;
    setBusy(true);
    try {
      if (editing) {
        const before = readStatForm(baseline, props.regionId);
        const patch = statPatch(before.ok ? before.fields : fieldsOf<InvestmentStatFields>(editing.row), fields);
        if (Object.keys(patch).length === 0) {
          props.onClose();
          return;
        }
        // Only a correction that moves the figure to another period or indicator can meet another figure.
        if (statKey(fields) !== statKey(seenRow ?? editing.row)) {
          const other = await duplicateOf(fields);
          if (other) {
            setQuestion(other);
            return;
          }
        }
        await repos.investmentStats.update(editing.row.id, patch, { seen: seenRow ? clocksOf(seenRow) : editing.clocks });
        done(t('dashboard.stat.changed'));
        return;
      }
      // The clerk said to replace this figure: if it is still the one under this key, it takes the new values.
      const other = await duplicateOf(fields);
      if (other && replace?.row.id === other.row.id) {
        const patch = statPatch(fieldsOf<InvestmentStatFields>(other.row), fields);
        if (Object.keys(patch).length > 0) await repos.investmentStats.update(other.row.id, patch, { seen: replace.clocks });
        done(t('dashboard.stat.replaced'));
        return;
      }
      if (other) {
        setQuestion(other);
        return;
      }
      await repos.investmentStats.create(fields);
      done(t('dashboard.stat.saved'));
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  const questionText = question && t(question.kind === 'replace' ? 'dashboard.stat.duplicate' : 'dashboard.stat.duplicateTaken', {
    period: periodLabel(question.row, lang), indicator: statIndicatorText(question.row, t), value: statValueText(question.row, t, lang), source: statSourceText(question.row),
  });

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t(editing ? 'dashboard.stat.editTitle' : 'dashboard.stat.title')} size="lg">
      <Stack>
        <Group grow align="flex-start">
          <NumberInput label={t('dashboard.stat.year')} value={form.year} min={1991} max={2100} allowDecimal={false} onChange={(v) => set('year', typeof v === 'number' ? v : '')} error={errors.year} data-testid="stat-year" />
          <Select label={t('dashboard.stat.period')} value={period} allowDeselect={false} data-testid="stat-period"
            onChange={(v) => { if (v) { setForm((f) => ({ ...f, periodNo: null })); set('period', v as StatPeriod, 'periodNo'); } }}
            data={STAT_PERIODS.map((p) => ({ value: p, label: t(`dashboard.stat.periods.${p}`) }))} />
          {period !== 'year' && (
            <Select label={t(`dashboard.stat.periodNo.${period}`)} value={form.periodNo} onChange={(v) => set('periodNo', v)} data={periodNos} error={errors.periodNo} required data-testid="stat-period-no" />
          )}
        </Group>
        <Select label={t('dashboard.stat.indicator')} value={indicator} allowDeselect={false} onChange={(v) => v && set('indicator', v as StatIndicator)}
          data={STAT_INDICATORS.map((i) => ({ value: i, label: t(`dashboard.stat.indicators.${i}`) }))} data-testid="stat-indicator" />
        {indicator === 'other_tenge' && (
          <TextInput label={t('dashboard.stat.indicatorName')} value={form.indicatorName} onChange={(e) => set('indicatorName', e.currentTarget.value)} error={errors.indicatorName} required data-testid="stat-indicator-name" />
        )}
        {elsewhere && <StatChangedElsewhere notice={elsewhere} />}
        <TextInput label={t('dashboard.stat.value')} value={form.value} onChange={(e) => set('value', e.currentTarget.value)} error={errors.value} data-testid="stat-value" autoComplete="off" />
        <SegmentedControl value={form.qualifier} onChange={(v) => set('qualifier', v as 'exact' | 'more_than')} aria-label={t('dashboard.stat.qualifier')}
          data={[{ value: 'exact', label: t('dashboard.stat.exact') }, { value: 'more_than', label: t('dashboard.stat.more_than') }]} />
        <Group align="flex-end" wrap="nowrap">
          <TextInput style={{ flex: 1 }} label={t('dashboard.stat.growth')} value={form.growth} onChange={(e) => set('growth', e.currentTarget.value)} error={errors.growth} data-testid="stat-growth" autoComplete="off" />
          <Checkbox label={t('dashboard.stat.growthMore')} checked={form.growthMore} onChange={(e) => set('growthMore', e.currentTarget.checked)} mb={8} data-testid="stat-growth-more" />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={t('dashboard.stat.source')} value={form.source} onChange={(e) => { const v = e.currentTarget.value; if (refuse('source', v, 300)) return; set('source', v); }} error={errors.source} required data-testid="stat-source" />
          <TextInput label={t('dashboard.stat.sourceDate')} placeholder={t('dashboard.stat.sourceDatePlaceholder')} value={form.sourceDate} onChange={(e) => set('sourceDate', e.currentTarget.value)} error={errors.sourceDate} data-testid="stat-source-date" autoComplete="off" />
        </Group>
        <Textarea label={t('dashboard.stat.note')} value={form.note} onChange={(e) => { const v = e.currentTarget.value; if (refuse('note', v, 2000)) return; set('note', v); }} error={errors.note} autosize minRows={2} data-testid="stat-note" />
        {question && (
          <Alert ref={questionRef} color={question.kind === 'replace' ? 'yellow' : 'red'} role="alert" data-testid="stat-duplicate">
            <Stack gap="xs">
              <Text size="sm">{questionText}</Text>
              {question.kind === 'replace' && (
                <Group gap="xs">
                  <Button size="xs" color="yellow" onClick={() => void save(question)} loading={busy} data-testid="stat-replace">{t('dashboard.stat.replace')}</Button>
                  <Button size="xs" variant="default" onClick={() => setQuestion(null)} data-testid="stat-keep">{t('dashboard.stat.keep')}</Button>
                </Group>
              )}
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>{t('dashboard.stat.cancel')}</Button>
          <Button onClick={() => void save()} loading={busy} disabled={elsewhere?.deleted === true} data-testid="stat-save">{t('dashboard.stat.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** What changed in the figure while its correction was open: each field from what to what, or that it was deleted. */
type ElsewhereNotice = { deleted: boolean; fields: { field: keyof StatFormValues; before: StatFormValues[keyof StatFormValues]; after: StatFormValues[keyof StatFormValues]; mine: boolean }[] };

/** A later change adds its fields to the notice; a field changed twice keeps its first «before». */
function mergeNotice(prev: ElsewhereNotice | null, fields: ElsewhereNotice['fields']): ElsewhereNotice {
  const out = new Map((prev?.fields ?? []).map((f) => [f.field, f]));
  for (const f of fields) {
    const had = out.get(f.field);
    out.set(f.field, had ? { ...f, before: had.before, mine: f.mine || had.mine } : f);
  }
  return { deleted: prev?.deleted ?? false, fields: [...out.values()] };
}

function StatChangedElsewhere({ notice }: { notice: ElsewhereNotice }) {
  const { t } = useTranslation();
  const shown = (field: keyof StatFormValues, value: StatFormValues[keyof StatFormValues]): string => {
    if (value === '' || value === null || value === false) return '—';
    if (value === true) return t('dashboard.stat.growthMore');
    if (field === 'period') return t(`dashboard.stat.periods.${String(value)}`);
    if (field === 'indicator') return t(`dashboard.stat.indicators.${String(value)}`);
    if (field === 'qualifier') return t(`dashboard.stat.${String(value)}`);
    return String(value);
  };
  return (
    <Alert color="orange" variant="light" py={6} role="status" data-testid="stat-changed-elsewhere"
      title={t(notice.deleted ? 'dashboard.stat.deletedElsewhere' : 'dashboard.stat.changedElsewhere')}>
      {notice.deleted ? (
        <Text size="sm">{t('dashboard.stat.deletedElsewhereHint')}</Text>
      ) : (
        <List size="sm" spacing={2}>
          {notice.fields.map(({ field, before, after, mine }) => (
            <List.Item key={field}>
              <Text span size="sm" fw={600}>{t(STAT_FIELD_LABEL[field])}</Text>
              {': '}{shown(field, before)} → <b>{shown(field, after)}</b>
              {mine && <Text span size="xs" c="orange.9"> — {t('dashboard.stat.changedElsewhereMine')}</Text>}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

/** The label key of each field of the form. */
const STAT_FIELD_LABEL: Record<keyof StatFormValues, string> = {
  year: 'dashboard.stat.year', period: 'dashboard.stat.period', periodNo: 'dashboard.stat.period', indicator: 'dashboard.stat.indicator',
  indicatorName: 'dashboard.stat.indicatorName', value: 'dashboard.stat.value', qualifier: 'dashboard.stat.qualifier', growth: 'dashboard.stat.growth',
  growthMore: 'dashboard.stat.growthMore', source: 'dashboard.stat.source', sourceDate: 'dashboard.stat.sourceDate', note: 'dashboard.stat.note',
};
