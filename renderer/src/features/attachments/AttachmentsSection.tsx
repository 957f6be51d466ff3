// The «Вложения» section of a project card, a meeting page and an assignment card: add files (the
// picker or drag and drop), list them (name, size, date, who added), open, save as, remove with
// undo. The list is read live from the attachments table; the bytes are the host's.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { ActionIcon, Badge, Button, Group, Paper, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconExternalLink, IconPaperclip, IconTrash, IconUpload } from '@tabler/icons-react';
import type { Lang } from '@shared/locale/lang';
import { formatDateTime } from '@shared/locale/dates';
import { formatNumber } from '@shared/locale/money';
import { isDangerousFile } from '@shared/attachments/policy';
import type { AttachmentOwnerKind } from '@shared/domain/attachment.schema';
import { useApp } from '../../app/app-context';
import { showUndoToast } from '../../app/undo-toast';
import { getHost } from '../../host';
import { addAttachment, attachmentsOf, AttachmentRefusedError, type PickedFile } from '../../db/attachments';
import { ValidationError } from '../../db/repository';
import type { AttachmentRow } from '../../db/db';

/** A size as a clerk reads it: «840 Б», «12,4 КБ», «3,2 МБ». */
export function formatSize(bytes: number, lang: Lang, t: TFunction): string {
  if (bytes < 1024) return `${formatNumber(bytes, lang)} ${t('attachments.units.b')}`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, lang, 1)} ${t('attachments.units.kb')}`;
  return `${formatNumber(bytes / (1024 * 1024), lang, 1)} ${t('attachments.units.mb')}`;
}

function refusalMessage(e: unknown, name: string, t: TFunction): string {
  if (e instanceof AttachmentRefusedError) return t(`attachments.errors.${e.reason}`, { name });
  if (e instanceof ValidationError) return t('attachments.errors.failed', { name, message: e.issues.map((i) => i.message).join(', ') });
  return t('attachments.errors.failed', { name, message: (e as Error).message });
}

export function AttachmentsSection({ ownerKind, ownerId }: { ownerKind: AttachmentOwnerKind; ownerId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { db, repos, ctx } = useApp();
  const rows = useLiveQuery(() => attachmentsOf(db, ownerKind, ownerId), [db, ownerKind, ownerId]);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  /** Which hashes have their bytes on this computer (metadata may come from another workstation). */
  const [present, setPresent] = useState<ReadonlySet<string> | null>(null);
  const shaKey = (rows ?? []).map((r) => r.sha256).join(',');
  useEffect(() => {
    if (!shaKey) return;
    let live = true;
    void getHost().attachmentHas({ sha256: shaKey.split(',') }).then((r) => { if (live) setPresent(new Set(r.present)); }, () => undefined);
    return () => { live = false; };
  }, [shaKey]);

  const add = async (files: readonly PickedFile[]) => {
    if (files.length === 0) return;
    setBusy(true);
    let added = 0;
    try {
      for (const file of files) {
        try {
          await addAttachment({ repos, ctx, host: getHost() }, { kind: ownerKind, id: ownerId }, file);
          added += 1;
        } catch (e) {
          notifications.show({ color: 'red', message: refusalMessage(e, file.name, t), autoClose: 10_000 });
        }
      }
      if (added > 0) notifications.show({ color: 'teal', message: t('attachments.addedMany', { count: added }) });
    } finally {
      setBusy(false);
    }
  };

  const open = async (a: AttachmentRow) => {
    try {
      const r = await getHost().attachmentOpen({ sha256: a.sha256, fileName: a.fileName, mimeType: a.mimeType });
      if (!r.opened) notifications.show({ color: 'red', message: t(r.refused === 'dangerous' ? 'attachments.errors.dangerous' : r.refused === 'missing' ? 'attachments.errors.missing' : 'attachments.errors.openFailed') });
    } catch {
      notifications.show({ color: 'red', message: t('attachments.errors.openFailed') });
    }
  };

  const exportFile = async (a: AttachmentRow) => {
    try {
      const r = await getHost().attachmentExport({ sha256: a.sha256, fileName: a.fileName, mimeType: a.mimeType, uiLang: lang });
      if (r.missing) notifications.show({ color: 'red', message: t('attachments.errors.missing') });
    } catch (e) {
      notifications.show({ color: 'red', message: t('attachments.errors.exportFailed', { message: (e as Error).message }) });
    }
  };

  const remove = async (a: AttachmentRow) => {
    await repos.attachments.remove(a.id);
    showUndoToast({
      id: `attachment-removed-${a.id}`, message: t('attachments.removed', { name: a.fileName }), t, testId: 'undo-remove-attachment',
      onUndo: async () => { await repos.attachments.restore(a.id); },
    });
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void add([...e.dataTransfer.files]);
  };

  return (
    <Paper withBorder p="sm" data-testid="attachments" aria-labelledby={`attachments-${ownerId}`}
      onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; }}
      onDragEnter={(e) => { e.preventDefault(); setDragging(true); }}
      onDragLeave={(e) => { if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false); }}
      onDrop={onDrop}
      style={dragging ? { outline: '2px dashed var(--mantine-color-blue-6)', outlineOffset: -2, background: 'var(--mantine-color-blue-light)' } : undefined}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Text fw={600} id={`attachments-${ownerId}`}>
            <IconPaperclip size={16} aria-hidden style={{ verticalAlign: -2, marginRight: 4 }} />
            {t('attachments.title')}{rows && rows.length > 0 ? ` (${rows.length})` : ''}
          </Text>
          <Text size="xs" c="dimmed">{t(`attachments.hint.${ownerKind}`)}</Text>
        </div>
        <Button size="xs" variant="light" leftSection={<IconUpload size={16} aria-hidden />} loading={busy} onClick={() => input.current?.click()} data-testid="attachments-add">
          {t('attachments.add')}
        </Button>
        <input ref={input} type="file" multiple hidden data-testid="attachments-input"
          onChange={(e) => { const files = [...(e.currentTarget.files ?? [])]; e.currentTarget.value = ''; void add(files); }} />
      </Group>
      {rows !== undefined && rows.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py="md" style={{ border: '1px dashed var(--mantine-color-default-border)', borderRadius: 4 }} data-testid="attachments-empty">
          {dragging ? t('attachments.dropActive') : <>{t('attachments.empty')}<br />{t('attachments.drop')}</>}
        </Text>
      ) : (
        <Table verticalSpacing={4} data-testid="attachments-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('attachments.name')}</Table.Th>
              <Table.Th ta="right">{t('attachments.size')}</Table.Th>
              <Table.Th>{t('attachments.added')}</Table.Th>
              <Table.Th><VisuallyHidden>{t('attachments.actions')}</VisuallyHidden></Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(rows ?? []).map((a) => {
              const dangerous = isDangerousFile(a.fileName, a.mimeType);
              const here = present === null || present.has(a.sha256);
              return (
                <Table.Tr key={a.id} data-testid="attachment-row" data-name={a.fileName}>
                  <Table.Td style={{ wordBreak: 'break-word' }}>
                    <Text size="sm" span>{a.fileName}</Text>
                    {dangerous && <Tooltip label={t('attachments.onlyExportHint')} multiline w={280}><Badge ml={6} size="xs" color="orange" variant="light">{t('attachments.onlyExport')}</Badge></Tooltip>}
                    {!here && <Text size="xs" c="dimmed">{t('attachments.missingHere')}</Text>}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}><Text size="sm" span>{formatSize(a.size, lang, t)}</Text></Table.Td>
                  <Table.Td><Text size="sm">{formatDateTime(a.addedAt)}</Text><Text size="xs" c="dimmed">{a.addedBy}</Text></Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <Tooltip label={t('attachments.open')}>
                        <ActionIcon variant="subtle" aria-label={t('attachments.openNamed', { name: a.fileName })} disabled={dangerous || !here} onClick={() => void open(a)} data-testid="attachment-open">
                          <IconExternalLink size={18} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('attachments.export')}>
                        <ActionIcon variant="subtle" aria-label={t('attachments.exportNamed', { name: a.fileName })} disabled={!here} onClick={() => void exportFile(a)} data-testid="attachment-export">
                          <IconDownload size={18} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('attachments.remove')}>
                        <ActionIcon variant="subtle" color="red" aria-label={t('attachments.removeNamed', { name: a.fileName })} onClick={() => void remove(a)} data-testid="attachment-remove">
                          <IconTrash size={18} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
