// The sync page (`/sync`, under the settings): the state of the sync in full — who is signed in, the
// last sync, the changes waiting, the reason of an error — «Синхронизировать сейчас», and the
// conflicts list.
import { useTranslation } from 'react-i18next';
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { formatDateTime } from '@shared/locale/dates';
import { useApp } from '../../app/app-context';
import { ConflictsList } from './ConflictsList';
import { RefusedList } from './RefusedList';
import { agoText, problemText } from './messages';
import { useNow, useSyncEngine, useSyncStatus } from './use-sync';

export function SyncPage() {
  const { t } = useTranslation();
  const { navigate } = useApp();
  const engine = useSyncEngine();
  const status = useSyncStatus(engine);
  const now = useNow();
  return (
    <Stack gap="md" maw={980}>
      <Title order={2} size="h3">{t('sync.nav')}</Title>
      <Paper withBorder p="md" data-testid="sync-status-card">
        <Stack gap={6}>
          <Text fw={600}>{t('sync.indicator', { state: t(`sync.state.${status.phase}`) })}</Text>
          <Text size="sm" c="dimmed">
            {status.session ? `${t('sync.signedInAs', { name: status.session.user.displayName, username: status.session.user.username })} · ${status.serverUrl ?? ''}` : t('sync.notSignedIn')}
          </Text>
          {status.problem && <Text size="sm" c="red">{problemText(status.problem, t, status.clockOffsetMs)}</Text>}
          {status.session && (
            <Text size="sm">{status.lastSyncedAt !== null ? `${t('sync.syncedAt', { ago: agoText(status.lastSyncedAt, now, t) })} (${formatDateTime(status.lastSyncedAt)})` : t('sync.neverSynced')}</Text>
          )}
          <Text size="sm">{status.pending > 0 ? t('sync.pending', { count: status.pending }) : t('sync.nothingPending')}</Text>
          <Group gap="sm" mt="xs">
            {status.session && (
              <Button size="sm" leftSection={<IconRefresh size={16} />} loading={status.phase === 'syncing'} onClick={() => void engine.syncNow().catch(() => undefined)}>
                {t('sync.syncNow')}
              </Button>
            )}
            <Anchor component="button" type="button" size="sm" onClick={() => navigate('/settings')}>{t('sync.settings')}</Anchor>
          </Group>
        </Stack>
      </Paper>
      <RefusedList />
      <ConflictsList />
    </Stack>
  );
}
