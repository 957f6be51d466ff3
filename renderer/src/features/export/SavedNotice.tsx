// What the clerk is told after a desktop export: the file's name with «Открыть» and «Показать в
// папке» (the main process opens only a file it has just written or one in its archive).
import { useTranslation } from 'react-i18next';
import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconExternalLink, IconFolderOpen } from '@tabler/icons-react';
import { getHost } from '../../host';

/** «Открыть» / «Показать в папке» for one file. */
export function RevealButtons({ path }: { path: string }) {
  const { t } = useTranslation();
  const reveal = async (action: 'open' | 'folder') => {
    const { ok } = await getHost().revealExport({ path, action });
    if (!ok) notifications.show({ color: 'red', message: t('export.revealFailed') });
  };
  return (
    <Group gap={6}>
      <Button size="compact-xs" variant="light" leftSection={<IconExternalLink size={12} />} onClick={() => void reveal('open')} data-testid="export-open-file">{t('export.openFile')}</Button>
      <Button size="compact-xs" variant="light" leftSection={<IconFolderOpen size={12} />} onClick={() => void reveal('folder')} data-testid="export-open-folder">{t('export.openFolder')}</Button>
    </Group>
  );
}

/** Tells that a file is ready; on the desktop (a path) with the buttons to open it or its folder. */
export function notifySaved(message: string, path?: string) {
  notifications.show({
    color: 'teal',
    autoClose: path ? 12_000 : 5_000,
    message: path ? <Stack gap={4}><Text size="sm">{message}</Text><RevealButtons path={path} /></Stack> : message,
  });
}
