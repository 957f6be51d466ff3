// The import wizard: file → sheet and header row → columns mapped to fields → check (counts of
// new, updated, rejected) → the write, with progress and a Cancel that leaves the register as it
// was → the report of every rejected row (row, column, reason), copyable.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert, Button, CopyButton, FileInput, Group, Loader, NumberInput, Paper, Progress, ScrollArea, Select, SimpleGrid, Stack, Stepper, Table, Text, Title,
} from '@mantine/core';
import { IconCheck, IconCopy, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import type { Lang } from '@shared/locale/lang';
import { formatNumber, formatTenge } from '@shared/locale/money';
import { districtName } from '@shared/geo/regions';
import { formatDate } from '@shared/locale/dates';
import { cellDisplayText, cellText } from '@shared/import/cells';
import { guessMapping, IMPORT_FIELD_IDS, IMPORT_FIELDS, type ColumnMapping, type ImportFieldId } from '@shared/import/fields';
import { REGISTER_FILE_ACCEPT, registerFileKind } from '@shared/import/file-kind';
import { detectHeaderRow, headersOf, columnLetter, type Rejection } from '@shared/import/register-import';
import { useApp } from '../../app/app-context';
import { binMessageText, isBinMessage } from '../../i18n/bin-message';
import { workspaceRegion } from '../../app/services';
import { createImportClient, ImportReadError, type ImportClient } from './import-client';
import type { PlanResult, ReadResult } from './import.worker';
import { initialMapping, rememberMapping } from './mapping-store';
import { applyPlan, ImportCancelled, loadExisting } from './run-import';

type Step = 'file' | 'sheet' | 'map' | 'preview' | 'report';
const STEPS: Step[] = ['file', 'sheet', 'map', 'preview', 'report'];
const SCALES = [
  { value: '1', key: 'one' }, { value: '1000', key: 'thousand' }, { value: '1000000', key: 'million' }, { value: '1000000000', key: 'billion' },
] as const;

/** The report as tab-separated text (pastes into Excel as a table). */
function reportText(rejected: readonly Rejection[], reasonText: (r: Rejection) => string, heads: string[]): string {
  return [heads.join('\t'), ...rejected.map((r) => [r.row, r.column, r.header, r.value, reasonText(r)].join('\t'))].join('\n');
}

/** The fields the import reads as dates. */
type DateFieldId = { [K in ImportFieldId]: (typeof IMPORT_FIELDS)[K]['kind'] extends 'date' ? K : never }[ImportFieldId];

/** How much of a progress is done, in percent (100 when there is nothing to do). */
function percentOf(p: { done: number; total: number }): number {
  return p.total > 0 ? (100 * p.done) / p.total : 100;
}

export function ImportPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { db, repos, store, navigate } = useApp();
  const [step, setStep] = useState<Step>('file');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [fileName, setFileName] = useState('');
  const [file, setFile] = useState<ReadResult | null>(null);
  const [sheetIndex, setSheetIndex] = useState(0);
  const [headerRow, setHeaderRow] = useState(0);
  const [mapping, setMapping] = useState<ColumnMapping>([]);
  const [plan, setPlan] = useState<PlanResult | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<{ created: number; updated: number } | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const clientRef = useRef<ImportClient | null>(null);
  const client = () => (clientRef.current ??= createImportClient());
  useEffect(() => () => clientRef.current?.dispose(), []);

  const sheet = file?.sheets[sheetIndex];
  const headers = useMemo(() => (sheet ? headersOf(sheet.head, headerRow) : []), [sheet, headerRow]);
  // Columns whose header names a date: their cells below the header show as dates (46387 → 31.12.2026).
  const guessedDates = useMemo(() => new Set(guessMapping(headers).flatMap((m, c) => (m.field && IMPORT_FIELDS[m.field].kind === 'date' ? [c] : []))), [headers]);
  const isDateField = (f: ImportFieldId | null | undefined): f is DateFieldId => !!f && IMPORT_FIELDS[f].kind === 'date';

  const reasonText = (r: Rejection) => {
    const opts = { value: r.value };
    // A BIN's reason in the card's words, with the digits the cell holds.
    if (isBinMessage(r.reason)) return binMessageText(r.reason, r.value, t);
    if (i18n.exists(`import.reason.${r.reason}`)) return t(`import.reason.${r.reason}`, opts);
    if (i18n.exists(`validation.${r.reason}`)) return t(`validation.${r.reason}`);
    return t('validation.unknown');
  };
  const fieldLabel = (f: ImportFieldId) => (f === 'id' ? t('import.map.field_id') : t(`fields.${f}`));

  const onFile = async (f: File | null) => {
    if (!f) return;
    // Only the kinds the import reads; anything else is refused here, before it is read, and nothing changes.
    const kind = registerFileKind(f.name);
    if (kind === null || kind === 'xls') {
      setError(t(kind === 'xls' ? 'import.error.xls' : 'import.error.format', { name: f.name }));
      return;
    }
    setError(null);
    setBusy(t('import.file.reading'));
    setFileName(f.name);
    try {
      const read = await client().read(f.name, new Uint8Array(await f.arrayBuffer()));
      setFile(read);
      setSheetIndex(0);
      const first = read.sheets[0];
      setHeaderRow(first ? detectHeaderRow(first.head) : 0);
      setStep('sheet');
    } catch (e) {
      const reason = e instanceof ImportReadError ? e.reason : undefined;
      setError(reason ? t(`import.error.${reason}`, { name: f.name }) : t('import.error.failed', { message: (e as Error).message }));
    } finally {
      setBusy(null);
    }
  };

  const toMapping = async () => {
    setMapping(await initialMapping(db, headers));
    setStep('map');
  };

  const toPreview = async () => {
    if (!mapping.some((m) => m.field === 'title') && !mapping.some((m) => m.field === 'id')) {
      setError(t('import.error.noTitle'));
      return;
    }
    setError(null);
    setBusy(t('import.preview.planning'));
    setProgress(null);
    try {
      await rememberMapping(db, headers, mapping);
      const existing = await loadExisting(db);
      const planned = await client().plan({ sheet: sheetIndex, headerRow, mapping, existing, regionId: workspaceRegion() }, (done, total) => setProgress({ done, total }));
      setPlan(planned);
      setStep('preview');
    } catch (e) {
      setError(t('import.error.failed', { message: (e as Error).message }));
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  const run = async () => {
    if (!plan) return;
    const abort = new AbortController();
    abortRef.current = abort;
    setError(null);
    const total = plan.plan.creates.length + plan.plan.updates.length;
    setProgress({ done: 0, total });
    try {
      const done = await applyPlan(repos, plan.plan, { signal: abort.signal, onProgress: (d, n) => setProgress({ done: d, total: n }) });
      setResult(done);
      setStep('report');
      void store.load();
    } catch (e) {
      setError(e instanceof ImportCancelled ? t('import.progress.cancelled') : t('import.error.writeFailed', { message: (e as Error).message }));
    } finally {
      abortRef.current = null;
      setProgress(null);
    }
  };

  const restart = () => {
    clientRef.current?.dispose();
    clientRef.current = null;
    setFile(null);
    setPlan(null);
    setResult(null);
    setError(null);
    setStep('file');
  };

  const rejected = plan?.plan.rejected ?? [];
  // The preview's date columns: each date field the mapping fills, as the import read it (DD.MM.YYYY).
  const previewDates = mapping.flatMap((m) => (isDateField(m.field) ? [m.field] : []));
  const rejectedRows = new Set(rejected.map((r) => r.row)).size;
  const writing = progress !== null && step === 'preview';

  return (
    <Stack gap="md" maw={1200} data-testid="import-page">
      <Title order={2} size="h3">{t('import.title')}</Title>
      <Stepper active={STEPS.indexOf(step)} size="sm" allowNextStepsSelect={false}>
        {STEPS.map((s) => <Stepper.Step key={s} label={t(`import.steps.${s}`)} />)}
      </Stepper>
      {error && <Alert color={error === t('import.progress.cancelled') ? 'yellow' : 'red'} role="alert" data-testid="import-error">{error}</Alert>}
      {busy && (
        <Group gap="xs" role="status" data-testid="import-busy">
          {/* How far the rows' check has come, once it says; a spinner only until then. */}
          {progress ? <Progress value={percentOf(progress)} w={160} size="sm" aria-hidden /> : <Loader size="sm" />}
          <Text size="sm">{busy}</Text>
          {progress && <Text size="sm" c="dimmed">{formatNumber(progress.done, lang)} / {formatNumber(progress.total, lang)}</Text>}
        </Group>
      )}

      {step === 'file' && (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="xs">
            <FileInput
              label={t('import.file.label')} description={t('import.file.hint')} accept={REGISTER_FILE_ACCEPT} leftSection={<IconUpload size={16} />}
              placeholder="register.xlsx" onChange={(f) => void onFile(f)} disabled={busy !== null} data-testid="import-file" clearable={false}
            />
          </Stack>
        </Paper>
      )}

      {step === 'sheet' && file && sheet && (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm">
            <Group gap="xs">
              <IconFileSpreadsheet size={18} aria-hidden />
              <Text size="sm" data-testid="import-file-info">
                {t('import.file.read', { name: fileName, sheets: file.sheets.length })}
                {file.encoding ? ` · ${t('import.file.csvInfo', { encoding: file.encoding, separator: file.separator === '\t' ? 'Tab' : file.separator })}` : ''}
              </Text>
            </Group>
            <Group align="flex-end">
              <Select
                label={t('import.sheet.sheet')} w={260} allowDeselect={false} data-testid="import-sheet"
                data={file.sheets.map((s, i) => ({ value: String(i), label: `${s.name} (${t('import.sheet.rows', { count: s.rowCount })})` }))}
                value={String(sheetIndex)}
                onChange={(v) => {
                  const i = Number(v ?? 0);
                  setSheetIndex(i);
                  setHeaderRow(detectHeaderRow(file.sheets[i]?.head ?? []));
                }}
              />
              <NumberInput
                label={t('import.sheet.headerRow')} description={t('import.sheet.headerHint')} w={260} min={1} max={Math.max(1, sheet.head.length)}
                value={headerRow + 1} onChange={(v) => setHeaderRow(Math.max(0, Math.min(sheet.head.length - 1, Number(v || 1) - 1)))} data-testid="import-header-row"
              />
            </Group>
            {/* Focusable, so the sheet's rows and columns scroll by keyboard too. */}
            <ScrollArea h={320} type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('import.sheet.preview') }}>
              <Table withTableBorder withColumnBorders fz="xs" data-testid="import-sheet-preview">
                <Table.Tbody>
                  {sheet.head.slice(0, 20).map((row, r) => (
                    <Table.Tr key={r} data-header={r === headerRow || undefined} style={r === headerRow ? { background: 'var(--mantine-color-blue-light)', fontWeight: 700 } : r < headerRow ? { color: 'var(--mantine-color-dimmed)' } : undefined}>
                      <Table.Td c="dimmed" w={40}>{r + 1}</Table.Td>
                      {Array.from({ length: Math.min(headers.length, 12) }, (_, c) => <Table.Td key={c} style={{ maxWidth: 200, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{cellDisplayText(row[c], r > headerRow && guessedDates.has(c))}</Table.Td>)}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
            <Group justify="space-between">
              <Button variant="default" onClick={restart}>{t('import.back')}</Button>
              <Button onClick={() => void toMapping()} data-testid="import-to-map">{t('import.next')}</Button>
            </Group>
          </Stack>
        </Paper>
      )}

      {step === 'map' && sheet && (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm">
            <Text size="sm" c="dimmed">{t('import.map.remembered')}</Text>
            <Table withTableBorder fz="sm" data-testid="import-mapping" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t('import.map.column')}</Table.Th><Table.Th>{t('import.map.header')}</Table.Th><Table.Th>{t('import.map.sample')}</Table.Th>
                  <Table.Th w={300}>{t('import.map.field')}</Table.Th><Table.Th w={160}>{t('import.map.unit')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {headers.map((h, c) => {
                  const m = mapping[c] ?? { field: null, scale: 1 };
                  const sample = sheet.head.slice(headerRow + 1).filter((r) => r.filter((v) => cellText(v) !== '').length > 1).map((r) => cellDisplayText(r[c], isDateField(m.field))).find((v) => v !== '') ?? '';
                  const used = new Set(mapping.flatMap((x, i) => (i !== c && x.field ? [x.field] : [])));
                  const set = (next: Partial<ColumnMapping[number]>) => setMapping((all) => all.map((x, i) => (i === c ? { ...x, ...next } : x)));
                  return (
                    <Table.Tr key={c} data-testid={`map-row-${c}`}>
                      <Table.Td>{columnLetter(c)}</Table.Td>
                      <Table.Td>{h}</Table.Td>
                      <Table.Td c="dimmed" style={{ maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} data-testid={`map-sample-${c}`}>{sample}</Table.Td>
                      <Table.Td>
                        <Select
                          size="xs" aria-label={`${t('import.map.field')}: ${h || columnLetter(c)}`} allowDeselect={false} searchable data-testid={`map-field-${c}`}
                          value={m.field ?? ''} comboboxProps={{ withinPortal: true }}
                          data={[{ value: '', label: t('import.map.skip') }, ...IMPORT_FIELD_IDS.filter((f) => !used.has(f)).map((f) => ({ value: f, label: fieldLabel(f) }))]}
                          onChange={(v) => set({ field: (v || null) as ImportFieldId | null, scale: 1 })}
                        />
                      </Table.Td>
                      <Table.Td>
                        {m.field && IMPORT_FIELDS[m.field].kind === 'money' && (
                          <Select size="xs" aria-label={t('import.map.unit')} allowDeselect={false} value={String(m.scale)} data-testid={`map-scale-${c}`}
                            data={SCALES.map((s) => ({ value: s.value, label: t(`import.map.scale.${s.key}`) }))} onChange={(v) => set({ scale: Number(v ?? 1) })} />
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <Group justify="space-between">
              <Button variant="default" onClick={() => setStep('sheet')}>{t('import.back')}</Button>
              <Button onClick={() => void toPreview()} loading={busy !== null} data-testid="import-to-preview">{t('import.next')}</Button>
            </Group>
          </Stack>
        </Paper>
      )}

      {step === 'preview' && plan && (
        <Paper withBorder p="lg" radius="md">
          <Stack gap="sm">
            <SimpleGrid cols={4}>
              {([['created', plan.plan.creates.length, 'teal'], ['updated', plan.plan.updates.length, 'blue'], ['unchanged', plan.plan.unchanged.length, 'gray'], ['rejected', rejectedRows, 'red']] as const).map(([k, n, color]) => (
                <Paper key={k} withBorder p="sm" radius="sm" data-testid={`import-count-${k}`}>
                  <Text size="xs" c="dimmed">{t(`import.preview.${k}`)}</Text>
                  <Text size="xl" fw={700} c={color}>{formatNumber(n, lang)}</Text>
                </Paper>
              ))}
            </SimpleGrid>
            <Text size="sm" c="dimmed">{t('import.preview.skipped', plan.skipped)}{rejectedRows > 0 ? ` · ${t('import.preview.rejectedHint')}` : ''}</Text>
            <Text size="sm" fw={600}>{t('import.preview.first')}</Text>
            <Table withTableBorder fz="xs" data-testid="import-preview-rows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('import.preview.row')}</Table.Th><Table.Th>{t('import.preview.action')}</Table.Th><Table.Th>{t('fields.title')}</Table.Th>
                  <Table.Th>{t('fields.investorName')}</Table.Th><Table.Th>{t('fields.districtId')}</Table.Th><Table.Th ta="right">{t('fields.investmentTenge')}</Table.Th>
                  {previewDates.map((f) => <Table.Th key={f}>{t(`fields.${f}`)}</Table.Th>)}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...plan.plan.creates.map((c) => ({ row: c.row, kind: 'new' as const, f: c.fields as Partial<typeof c.fields> })), ...plan.plan.updates.map((u) => ({ row: u.row, kind: 'update' as const, f: u.patch }))]
                  .sort((a, b) => a.row - b.row).slice(0, 10).map((r) => (
                    <Table.Tr key={r.row}>
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td><span className={`cell-tag ${r.kind === 'new' ? 'tag-teal' : 'tag-blue'}`}>{t(`import.preview.${r.kind}`)}</span></Table.Td>
                      <Table.Td>{r.f.title ?? ''}</Table.Td>
                      <Table.Td>{r.f.investorName ?? ''}</Table.Td>
                      <Table.Td>{r.f.districtId ? districtName(r.f.districtId, lang) : ''}</Table.Td>
                      <Table.Td ta="right">{typeof r.f.investmentTenge === 'number' ? formatTenge(r.f.investmentTenge, lang) : ''}</Table.Td>
                      {previewDates.map((f) => <Table.Td key={f} style={{ whiteSpace: 'nowrap' }}>{formatDate(r.f[f] ?? null)}</Table.Td>)}
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
            {writing && progress && (
              <Stack gap={4} data-testid="import-progress">
                <Text size="sm">{t('import.progress.writing', { done: formatNumber(progress.done, lang), total: formatNumber(progress.total, lang) })}</Text>
                {/* Not animated: endless stripes redraw the window every frame while the write
                    needs the CPU (see SyncIndicator). The bar itself moves with each batch. */}
                <Progress value={percentOf(progress)} aria-hidden />
              </Stack>
            )}
            <Group justify="space-between">
              <Button variant="default" onClick={() => setStep('map')} disabled={writing}>{t('import.back')}</Button>
              {writing ? (
                <Button color="red" variant="light" onClick={() => abortRef.current?.abort()} data-testid="import-cancel">{t('import.progress.cancel')}</Button>
              ) : (
                <Button onClick={() => void run()} disabled={plan.plan.creates.length + plan.plan.updates.length === 0 && rejected.length === 0} data-testid="import-run">
                  {t('import.preview.run')}
                </Button>
              )}
            </Group>
          </Stack>
        </Paper>
      )}

      {step === 'report' && plan && result && (
        <Paper withBorder p="lg" radius="md" data-testid="import-report">
          <Stack gap="sm">
            <Alert color={rejectedRows > 0 ? 'yellow' : 'teal'} data-testid="import-done">
              {t('import.report.done', { created: formatNumber(result.created, lang), updated: formatNumber(result.updated, lang), rejected: formatNumber(rejectedRows, lang) })}
            </Alert>
            {rejected.length === 0 ? (
              <Text size="sm">{t('import.report.noRejected')}</Text>
            ) : (
              <>
                <Group justify="space-between">
                  <Text fw={600}>{t('import.report.rejectedTitle')}</Text>
                  <CopyButton value={reportText(rejected, reasonText, [t('import.preview.row'), t('import.map.column'), t('import.map.header'), t('import.report.value'), t('import.report.reason')])}>
                    {({ copied, copy }) => (
                      <Button size="xs" variant="light" leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />} onClick={copy} data-testid="import-copy">
                        {copied ? t('import.report.copied') : t('import.report.copy')}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
                <ScrollArea.Autosize mah={400} type="auto" viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t('import.report.rejectedTitle') }}>
                  <Table withTableBorder striped fz="sm" data-testid="import-rejected">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('import.preview.row')}</Table.Th><Table.Th>{t('import.map.column')}</Table.Th><Table.Th>{t('import.map.header')}</Table.Th>
                        <Table.Th>{t('import.report.value')}</Table.Th><Table.Th>{t('import.report.reason')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rejected.map((r, i) => (
                        <Table.Tr key={i} data-testid="rejected-row">
                          <Table.Td>{r.row}</Table.Td><Table.Td>{r.column}</Table.Td><Table.Td>{r.header}</Table.Td><Table.Td>{r.value}</Table.Td><Table.Td>{reasonText(r)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea.Autosize>
              </>
            )}
            <Group>
              <Button onClick={() => navigate('/board')} data-testid="import-to-board">{t('import.report.toBoard')}</Button>
              <Button variant="default" onClick={restart}>{t('import.report.again')}</Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
