// «Архив рабочего места» in Settings: save the whole workspace as one .zip, and load one — the
// archive is checked completely first, its contents are shown, and the workspace is replaced in
// one transaction only after the clerk confirms. A refused archive says why; nothing changes.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconArchive, IconFileZip } from '@tabler/icons-react';
import type { Lang } from '@shared/locale/lang';
import { formatDateTime } from '@shared/locale/dates';
import { formatNumber } from '@shared/locale/money';
import { ArchiveError, type CheckedArchive } from '@shared/archive/workspace-archive';
import { useApp } from '../../app/app-context';
import { getHost } from '../../host';
import { checkWorkspaceArchive, exportWorkspace, replaceWorkspace } from '../../db/workspace-archive';

/** The counts the preview names one by one; the other tables are summed as «other records». */
const NAMED = ['projects', 'organizations', 'people', 'meetings', 'minutes', 'assignments', 'investmentStats', 'attachments', 'attachmentFiles'] as const;
/** Parts that are bookkeeping, not records a clerk counts. */
const NOT_RECORDS = new Set(['fieldClocks', 'settings', 'docUpdates', 'outbox', 'auditLog']);

type Refusal = { message: string; detail: string };

/** The archive's file name: `hattama-workspace-<date>.zip`. */
function archiveName(now: Date): string {
  return `hattama-workspace-${now.toISOString().slice(0, 10)}.zip`;
}

export function WorkspaceArchiveSection() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { db, repos, store } = useApp();
  const [busy, setBusy] = useState<'export' | 'import' | 'replace' | null>(null);
  const [preview, setPreview] = useState<{ name: string; archive: CheckedArchive } | null>(null);
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const save = async () => {
    setBusy('export');
    setRefusal(null);
    try {
      const host = getHost();
      const info = await host.appInfo({});
      const now = new Date();
      const { bytes, counts, missing } = await exportWorkspace(db, host, { appVersion: info.version, now });
      const r = await host.saveWorkspaceArchive({ suggestedName: archiveName(now), bytes: bytes as Uint8Array<ArrayBuffer>, uiLang: lang });
      if (r.saved) {
        notifications.show({ color: 'teal', message: t('workspaceArchive.exported', { projects: counts.projects ?? 0, files: counts.attachmentFiles ?? 0 }) });
        if (missing > 0) notifications.show({ color: 'yellow', message: t('workspaceArchive.missing', { count: missing }), autoClose: 15_000 });
      }
    } catch (e) {
      notifications.show({ color: 'red', message: t('workspaceArchive.failed', { message: (e as Error).message }) });
    } finally {
      setBusy(null);
    }
  };

  const load = async () => {
    setBusy('import');
    setRefusal(null);
    try {
      const r = await getHost().openWorkspaceArchive({ uiLang: lang });
      if (r.tooLarge) setRefusal({ message: t('workspaceArchive.tooLarge'), detail: r.name ?? '' });
      if (!r.opened || !r.bytes) return;
      const archive = await checkWorkspaceArchive(r.bytes);
      // Messages of what came before would sit over the dialog's buttons on a laptop's screen.
      notifications.clean();
      setPreview({ name: r.name ?? '', archive });
    } catch (e) {
      if (e instanceof ArchiveError) setRefusal({ message: t(`workspaceArchive.errors.${e.code}`), detail: e.detail });
      else setRefusal({ message: t('workspaceArchive.failed', { message: (e as Error).message }), detail: '' });
    } finally {
      setBusy(null);
    }
  };

  const replace = async () => {
    if (!preview) return;
    setBusy('replace');
    try {
      await replaceWorkspace(db, repos, getHost(), preview.archive);
      await store.load();
      notifications.show({ color: 'teal', message: t('workspaceArchive.replaced', { projects: preview.archive.manifest.counts.projects ?? 0 }) });
      setPreview(null);
    } catch (e) {
      setRefusal({ message: t('workspaceArchive.failed', { message: (e as Error).message }), detail: '' });
      setPreview(null);
    } finally {
      setBusy(null);
    }
  };

  const counts = preview?.archive.manifest.counts ?? {};
  const other = Object.entries(counts)
    .filter(([k]) => !NOT_RECORDS.has(k) && !(NAMED as readonly string[]).includes(k))
    .reduce((sum, [, n]) => sum + n, 0);

  return (
    <Paper withBorder p="md" data-testid="workspace-archive">
      <Stack gap="sm">
        <div>
          <Text fw={600}><IconArchive size={18} aria-hidden style={{ verticalAlign: -3, marginRight: 6 }} />{t('workspaceArchive.title')}</Text>
          <Text size="sm" c="dimmed">{t('workspaceArchive.hint')}</Text>
        </div>
        <Group gap="xs">
          <Button leftSection={<IconFileZip size={18} aria-hidden />} loading={busy === 'export'} disabled={busy !== null && busy !== 'export'} onClick={() => void save()} data-testid="archive-export">
            {t('workspaceArchive.export')}
          </Button>
          <Button variant="default" loading={busy === 'import'} disabled={busy !== null && busy !== 'import'} onClick={() => void load()} data-testid="archive-import">
            {t('workspaceArchive.import')}
          </Button>
        </Group>
        {refusal && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('workspaceArchive.refusedTitle')} role="alert" data-testid="archive-refused"
            withCloseButton closeButtonLabel={t('actions.close')} onClose={() => setRefusal(null)}>
            <Text size="sm">{refusal.message}</Text>
            {refusal.detail && <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>{t('workspaceArchive.where', { detail: refusal.detail })}</Text>}
          </Alert>
        )}
      </Stack>
      <Modal opened={preview !== null} onClose={() => busy !== 'replace' && setPreview(null)} title={<Text fw={700}>{t('workspaceArchive.previewTitle')}</Text>} centered size="lg"
        closeButtonProps={{ 'aria-label': t('actions.close') }} data-testid="archive-preview">
        {preview && (
          <Stack gap="sm">
            <Table withRowBorders={false} verticalSpacing={2}>
              <Table.Tbody>
                <Table.Tr><Table.Td c="dimmed" w={180}>{t('workspaceArchive.file')}</Table.Td><Table.Td style={{ wordBreak: 'break-all' }}>{preview.name}</Table.Td></Table.Tr>
                <Table.Tr><Table.Td c="dimmed">{t('workspaceArchive.created')}</Table.Td><Table.Td>{formatDateTime(preview.archive.manifest.createdAt)}</Table.Td></Table.Tr>
                <Table.Tr><Table.Td c="dimmed">{t('workspaceArchive.app')}</Table.Td><Table.Td>{preview.archive.manifest.appVersion}</Table.Td></Table.Tr>
                <Table.Tr><Table.Td c="dimmed">{t('workspaceArchive.schema')}</Table.Td><Table.Td>{preview.archive.manifest.schemaVersion}</Table.Td></Table.Tr>
              </Table.Tbody>
            </Table>
            <Text size="sm" fw={600}>{t('workspaceArchive.holds')}</Text>
            <Table striped verticalSpacing={2} data-testid="archive-preview-counts">
              <Table.Tbody>
                {NAMED.map((k) => (
                  <Table.Tr key={k} data-count={k}>
                    <Table.Td>{t(`workspaceArchive.counts.${k}`)}</Table.Td>
                    <Table.Td ta="right" fw={600}>{formatNumber(counts[k] ?? 0, lang)}</Table.Td>
                  </Table.Tr>
                ))}
                <Table.Tr><Table.Td>{t('workspaceArchive.counts.other')}</Table.Td><Table.Td ta="right" fw={600}>{formatNumber(other, lang)}</Table.Td></Table.Tr>
              </Table.Tbody>
            </Table>
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}><Text size="sm">{t('workspaceArchive.warning')}</Text></Alert>
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setPreview(null)} disabled={busy === 'replace'} data-autofocus>{t('actions.cancel')}</Button>
              <Button color="red" loading={busy === 'replace'} onClick={() => void replace()} data-testid="archive-confirm">{t('workspaceArchive.confirm')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
