// «Резервные копии базы» in Settings: how automatic snapshots run on this host (desktop: kept in the
// data folder, N of them, every M minutes; browser: none, downloads only), a snapshot now, the
// stored snapshots with their date, size and counts, and a restore — from a stored snapshot or an
// uploaded file — through a preview that says what the copy holds, how that differs from now and
// what will happen, before anything is touched.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, FileButton, Group, List, Modal, NumberInput, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseExport, IconRefresh, IconRestore, IconUpload } from '@tabler/icons-react';
import { formatDateTime } from '@shared/locale/dates';
import { formatNumber } from '@shared/locale/money';
import type { Lang } from '@shared/locale/lang';
import { BackupError, type BackupReason } from '@shared/backup/snapshot-format';
import type { BackupSettings } from '@shared/backup/schedule';
import type { BridgeResponse } from '@shared/bridge/contract';
import { useApp } from '../../app/app-context';
import { getHost } from '../../host';
import { takeSnapshotOffPage, type SnapshotThread } from '../../backup/snapshot-thread';
import type { GzipThread } from '../../backup/codec';
import { previewRestore, readSnapshot, restoreSnapshot, type ParsedSnapshot, type PreviewLine } from '../../backup/restore';
import { loadBackupSettings, saveBackupSettings } from '../../backup/auto-backup';

type Entry = BridgeResponse<'backup:list'>['entries'][number];
type Preview = { snapshot: ParsedSnapshot; lines: PreviewLine[]; size: number };

function formatSize(bytes: number, lang: Lang): string {
  return bytes < 1024 * 1024 ? `${formatNumber(Math.max(1, Math.round(bytes / 1024)), lang)} KB` : `${formatNumber(bytes / (1024 * 1024), lang, 1)} MB`;
}

export function BackupSection() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { db } = useApp();
  const [list, setList] = useState<BridgeResponse<'backup:list'> | null>(null);
  const [settings, setSettings] = useState<BackupSettings>(loadBackupSettings);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  /**
   * The last snapshot made here: where it was taken (in a worker, or in the page when no worker
   * could), where its gzip was made, and how long the clerk waited for it (for tests and support).
   */
  const [last, setLast] = useState<{ thread: SnapshotThread; gzip: GzipThread; ms: number } | null>(null);
  const [restoring, setRestoring] = useState(false);
  /** Takes a snapshot off the page and notes where and how long (see `last`). */
  const timed = async (reason: BackupReason, version: string) => {
    const t0 = performance.now();
    const snap = await takeSnapshotOffPage(db, { appVersion: version, reason, now: new Date() });
    setLast({ thread: snap.thread, gzip: snap.gzip, ms: Math.round(performance.now() - t0) });
    return snap;
  };

  const load = useCallback(async () => {
    try {
      setList(await getHost().backupList({}));
    } catch {
      setList({ available: false, entries: [] });
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const desktop = list?.available ?? false;

  const change = (next: Partial<BackupSettings>) => {
    const merged = { ...settings, ...next };
    setSettings(merged);
    saveBackupSettings(merged);
  };

  const refusal = (e: unknown) => {
    const reason = e instanceof BackupError ? t(`backup.error.${e.code}`) : t('backup.error.other', { message: (e as Error).message });
    notifications.show({ color: 'red', autoClose: 15_000, message: t('backup.refused', { reason }), 'data-testid': 'backup-refused' });
  };

  const snapshotNow = async () => {
    setBusy(true);
    try {
      const { version } = await getHost().appInfo({});
      const snap = await timed('manual', version);
      const res = await getHost().backupSave({ bytes: snap.bytes, reason: 'manual', keep: settings.keep });
      notifications.show({ color: 'teal', message: res.name ? t('backup.saved', { name: res.name }) : t('backup.downloaded') });
      await load();
    } catch (e) {
      notifications.show({ color: 'red', message: t('backup.failed', { error: (e as Error).message }) });
    } finally {
      setBusy(false);
    }
  };

  const open = async (bytes: Uint8Array) => {
    setBusy(true);
    try {
      const snapshot = await readSnapshot(db, bytes);
      // Messages of what came before would sit over the dialog's buttons on a laptop's screen.
      notifications.clean();
      setPreview({ snapshot, lines: await previewRestore(db, snapshot), size: bytes.byteLength });
    } catch (e) {
      refusal(e);
    } finally {
      setBusy(false);
    }
  };

  const openStored = async (name: string) => {
    try {
      const { bytes } = await getHost().backupRead({ name });
      await open(bytes);
    } catch (e) {
      refusal(e);
    }
  };

  const openFile = async (file: File | null) => {
    if (!file) return;
    await open(new Uint8Array(await file.arrayBuffer()));
  };

  const confirmRestore = async () => {
    if (!preview) return;
    setRestoring(true);
    try {
      const { version } = await getHost().appInfo({});
      // The state now is kept first; without it nothing is replaced.
      try {
        const before = await timed('before-restore', version);
        const saved = await getHost().backupSave({ bytes: before.bytes, reason: 'before-restore', keep: Math.max(settings.keep, 2) });
        if (!saved.saved) throw new Error('not saved');
      } catch {
        notifications.show({ color: 'red', message: t('backup.beforeFailed') });
        return;
      }
      await restoreSnapshot(db, preview.snapshot, crypto.randomUUID());
      notifications.show({ color: 'teal', message: t('backup.restored', { date: formatDateTime(preview.snapshot.manifest.createdAt) }) });
      setPreview(null);
      // Every view, store and the sync engine start again from the restored database.
      globalThis.setTimeout(() => globalThis.location.reload(), 1200);
    } catch (e) {
      refusal(e);
    } finally {
      setRestoring(false);
    }
  };

  const count = (e: Entry, table: string) => formatNumber(e.manifest?.tables[table] ?? 0, lang);
  const outbox = preview?.lines.find((l) => l.table === 'outbox')?.snapshot ?? 0;

  return (
    <Paper withBorder p="md" data-testid="backup-section" data-last-snapshot={last?.thread} data-last-gzip={last?.gzip} data-last-snapshot-ms={last?.ms}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Title order={3} size="h4">{t('backup.title')}</Title>
            <Text size="sm" c="dimmed" data-testid="backup-hint">
              {desktop ? t('backup.hintDesktop', { minutes: settings.intervalMinutes, keep: settings.keep }) : t('backup.hintBrowser')}
            </Text>
          </div>
          {desktop && <Button variant="default" size="xs" style={{ flexShrink: 0 }} leftSection={<IconRefresh size={14} />} onClick={() => void load()}>{t('backup.refresh')}</Button>}
        </Group>
        {desktop && (
          <Group gap="md" align="flex-end">
            <NumberInput label={t('backup.keep')} min={1} max={365} w={170} value={settings.keep} allowDecimal={false} data-testid="backup-keep"
              onChange={(v) => typeof v === 'number' && v >= 1 && v <= 365 && change({ keep: v })} />
            <NumberInput label={t('backup.interval')} min={1} max={1440} w={240} value={settings.intervalMinutes} allowDecimal={false} data-testid="backup-interval"
              onChange={(v) => typeof v === 'number' && v >= 1 && v <= 1440 && change({ intervalMinutes: v })} />
          </Group>
        )}
        <Group gap="xs">
          <Button leftSection={<IconDatabaseExport size={16} />} loading={busy} onClick={() => void snapshotNow()} data-testid="backup-now">
            {desktop ? t('backup.now') : t('backup.download')}
          </Button>
          <FileButton onChange={(f) => void openFile(f)} accept=".hbak,application/octet-stream">
            {(props) => <Button {...props} variant="default" leftSection={<IconUpload size={16} />} disabled={busy} data-testid="backup-from-file">{t('backup.fromFile')}</Button>}
          </FileButton>
        </Group>
        {desktop && list?.folder && <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>{t('backup.folder', { folder: list.folder })}</Text>}
        {desktop && (list?.entries.length ?? 0) === 0 && <Text size="sm" c="dimmed">{t('backup.empty')}</Text>}
        {desktop && list && list.entries.length > 0 && (
          <ScrollArea.Autosize mah={360}>
            <Table striped verticalSpacing={4} data-testid="backup-list">
              <Table.Thead>
                <Table.Tr><Table.Th>{t('backup.when')}</Table.Th><Table.Th>{t('backup.why')}</Table.Th><Table.Th>{t('backup.size')}</Table.Th><Table.Th>{t('backup.holds')}</Table.Th><Table.Th /></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.entries.map((e) => (
                  <Table.Tr key={e.name} data-testid="backup-entry">
                    <Table.Td><Text size="sm">{e.manifest ? formatDateTime(e.manifest.createdAt) : e.name}</Text></Table.Td>
                    <Table.Td><Text size="sm">{e.manifest ? t(`backup.reason.${e.manifest.reason}`) : <Text span c="red" size="sm">{t('backup.damaged')}</Text>}</Text></Table.Td>
                    <Table.Td><Text size="sm">{formatSize(e.size, lang)}</Text></Table.Td>
                    <Table.Td><Text size="xs">{e.manifest ? t('backup.counts', { projects: count(e, 'projects'), meetings: count(e, 'meetings'), assignments: count(e, 'assignments') }) : '—'}</Text></Table.Td>
                    <Table.Td><Button size="xs" variant="light" leftSection={<IconRestore size={14} />} disabled={busy || e.damaged} onClick={() => void openStored(e.name)}>{t('backup.restore')}</Button></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
      </Stack>
      <Modal opened={preview !== null} onClose={() => !restoring && setPreview(null)} size="lg" centered data-testid="restore-preview"
        title={<Text fw={700}>{preview ? t('backup.previewTitle', { date: formatDateTime(preview.snapshot.manifest.createdAt) }) : ''}</Text>}
        closeButtonProps={{ 'aria-label': t('actions.close') }}>
        {preview && (
          <Stack gap="sm">
            <Text size="sm">{t('backup.previewSource', { date: formatDateTime(preview.snapshot.manifest.createdAt), version: preview.snapshot.manifest.appVersion, size: formatSize(preview.size, lang) })}</Text>
            <Text size="sm">{t('backup.previewWhat')}</Text>
            <Table withTableBorder verticalSpacing={4} data-testid="restore-preview-table">
              <Table.Thead>
                <Table.Tr><Table.Th>{t('backup.colTable')}</Table.Th><Table.Th ta="right">{t('backup.colNow')}</Table.Th><Table.Th ta="right">{t('backup.colSnapshot')}</Table.Th><Table.Th ta="right">{t('backup.colDiff')}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.lines.map((l) => {
                  const diff = l.snapshot - l.now;
                  return (
                    <Table.Tr key={l.table} data-testid={`restore-line-${l.table}`}>
                      <Table.Td>{t(`backup.table.${l.table}`)}</Table.Td>
                      <Table.Td ta="right">{formatNumber(l.now, lang)}</Table.Td>
                      <Table.Td ta="right" fw={600}>{formatNumber(l.snapshot, lang)}</Table.Td>
                      <Table.Td ta="right" c={diff === 0 ? 'dimmed' : diff < 0 ? 'red' : 'teal'}>{diff === 0 ? '—' : `${diff > 0 ? '+' : '−'}${formatNumber(Math.abs(diff), lang)}`}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            <Alert color="blue" title={t('backup.explainTitle')} data-testid="restore-explain">
              <List size="sm" spacing={4} type="ordered">
                <List.Item>{t('backup.explainBefore', { where: desktop ? t('backup.explainBeforeDesktop') : t('backup.explainBeforeBrowser') })}</List.Item>
                <List.Item>{t('backup.explainReplace')}</List.Item>
                <List.Item>{t('backup.explainSync', { count: outbox })}</List.Item>
                <List.Item>{t('backup.explainAfter')}</List.Item>
              </List>
            </Alert>
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setPreview(null)} disabled={restoring} data-autofocus>{t('actions.cancel')}</Button>
              <Button color="orange" loading={restoring} onClick={() => void confirmRestore()} data-testid="restore-confirm">{t('backup.confirm')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
