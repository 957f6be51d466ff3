// What a new, empty register shows: an offer to load the Aktobe example or add a project — or,
// while a sync is under way (a new clerk's first sync stores the records before their board rows),
// how many records have come so far, and of how many when the server says.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Center, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { IconCloudDownload, IconDatabaseImport, IconFileImport, IconPlus } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useApp } from '../../app/app-context';
import { loadDemo } from '../../db/demo';
import { formatNumber } from '@shared/locale/money';
import type { Lang } from '@shared/locale/lang';
import { syncPercent, syncTotal, useSyncEngine, useSyncStatus } from '../sync';

export function EmptyRegister() {
  const { t, i18n } = useTranslation();
  const { db, repos, store, openProject, navigate } = useApp();
  const [busy, setBusy] = useState(false);
  const sync = useSyncStatus(useSyncEngine());
  const onLoad = async () => {
    setBusy(true);
    try {
      const ids = await loadDemo(db, repos);
      await store.load();
      notifications.show({ color: 'teal', message: t('notify.demoLoaded', { count: ids.projects?.length ?? 0 }) });
    } catch (e) {
      notifications.show({ color: 'red', message: t('notify.saveFailed', { message: (e as Error).message }) });
    } finally {
      setBusy(false);
    }
  };
  if (sync.phase === 'syncing') {
    const fmt = (n: number) => formatNumber(n, i18n.language as Lang);
    const total = syncTotal(sync);
    return (
      <Center p="xl">
        <Paper withBorder p="xl" radius="md" maw={620} data-testid="register-syncing">
          <Stack gap="md" align="center" ta="center" role="status">
            {/* Still, not a spinner: a first sync runs for minutes, and an endless animation redraws
                the window every frame all that while (see SyncIndicator). The bar shows it moving. */}
            <IconCloudDownload size={36} color="var(--mantine-color-blue-filled)" aria-hidden />
            <Title order={2} size="h3">{t('board.syncingTitle')}</Title>
            {total !== null ? (
              <>
                <Progress value={syncPercent(sync)} w="100%" size="md" aria-hidden data-testid="register-sync-progress" />
                <Text c="dimmed">{t('board.syncingTextOf', { count: fmt(sync.received), total: fmt(total) })}</Text>
              </>
            ) : (
              <Text c="dimmed">{t('board.syncingText', { count: fmt(sync.received) })}</Text>
            )}
          </Stack>
        </Paper>
      </Center>
    );
  }
  return (
    <Center p="xl">
      <Paper withBorder p="xl" radius="md" maw={620} data-testid="empty-register">
        <Stack gap="md" align="center" ta="center">
          <Title order={2} size="h3">{t('board.emptyTitle')}</Title>
          <Text c="dimmed">{t('board.emptyText')}</Text>
          <Group>
            <Button leftSection={<IconDatabaseImport size={18} />} onClick={onLoad} loading={busy} data-testid="load-demo">
              {t('actions.loadDemo')}
            </Button>
            <Button variant="default" leftSection={<IconPlus size={18} />} onClick={() => openProject('new')}>
              {t('actions.newProject')}
            </Button>
            <Button variant="default" leftSection={<IconFileImport size={18} />} onClick={() => navigate('/import')} data-testid="empty-import-excel">
              {t('import.action')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
