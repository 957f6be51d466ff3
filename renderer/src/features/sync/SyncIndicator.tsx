// The sync status in the header: offline / syncing / synced N minutes ago / error, the changes
// waiting and the conflicts open, at a glance; a click opens the details with «Синхронизировать
// сейчас» and the way to the conflicts and the settings. Mounting it starts the app's sync engine.
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Anchor, Badge, Button, Divider, Group, Popover, Progress, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCloud, IconCloudCheck, IconCloudOff, IconRefresh, IconWifiOff } from '@tabler/icons-react';
import { useApp } from '../../app/app-context';
import { formatDateTime } from '@shared/locale/dates';
import type { SyncStatus } from '../../sync/status';
import type { Lang } from '@shared/locale/lang';
import { agoText, problemText, progressText, shortLabel, syncPercent } from './messages';
import { useNow, useSyncEngine, useSyncStatus } from './use-sync';

const COLOR: Record<SyncStatus['phase'], string> = { signedOut: 'gray', offline: 'orange', syncing: 'blue', idle: 'teal', error: 'red' };

function PhaseIcon({ phase }: { phase: SyncStatus['phase'] }) {
  switch (phase) {
    case 'syncing':
      // Still, not a spinner: a sync runs in the background for seconds to minutes (a first sync),
      // and an endless animation redraws the window every frame all that while — on a laptop
      // drawing in software that took a sixth of the CPU a first sync had. The words and the
      // percent beside it say that it runs and how far it is.
      return <IconRefresh size={16} />;
    case 'offline':
      return <IconWifiOff size={16} />;
    case 'error':
      return <IconAlertTriangle size={16} />;
    case 'signedOut':
      return <IconCloudOff size={16} />;
    default:
      return <IconCloudCheck size={16} />;
  }
}

export const SyncIndicator = memo(function SyncIndicator() {
  const { t, i18n } = useTranslation();
  const { navigate, view } = useApp();
  const engine = useSyncEngine();
  const status = useSyncStatus(engine);
  const now = useNow();
  const [opened, setOpened] = useState(false);
  // Another page: the details close.
  useEffect(() => setOpened(false), [view]);
  // Escape closes the details wherever the focus is. The popover itself hears Escape only inside
  // them, and «Синхронизировать сейчас» is disabled while it runs, which drops the focus to the page.
  useEffect(() => {
    if (!opened) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpened(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [opened]);
  const label = shortLabel(status, now, t, i18n.language as Lang);
  const state = t(`sync.state.${status.phase}`);
  const progress = progressText(status, t, i18n.language as Lang);
  const go = (path: string) => {
    setOpened(false);
    navigate(path);
  };
  return (
    <Popover opened={opened} onChange={setOpened} onDismiss={() => setOpened(false)} position="bottom-end" width={340} shadow="md" withArrow>
      <Popover.Target>
        <Button size="xs" variant="light" color={COLOR[status.phase]} className="sync-indicator" leftSection={<PhaseIcon phase={status.phase} />}
          onClick={() => setOpened((o) => !o)} aria-expanded={opened}
          data-testid="sync-indicator" data-phase={status.phase} data-pending={status.pending} data-synced-at={status.lastSyncedAt ?? ''}
          rightSection={status.pending > 0 || status.conflicts > 0 ? (
            <Group gap={4} wrap="nowrap">
              {status.pending > 0 && <Badge size="xs" circle={status.pending < 10} variant="filled" color="gray" title={t('sync.pendingBadge', { count: status.pending })} data-testid="sync-pending">{status.pending > 999 ? '999+' : status.pending}</Badge>}
              {status.conflicts > 0 && <Badge size="xs" variant="filled" color="red" title={t('sync.conflicts', { count: status.conflicts })} data-testid="sync-conflicts-badge">!</Badge>}
            </Group>
          ) : undefined}>
          {/* The name read out begins with the state and holds the words shown (WCAG 2.5.3: a voice
              command saying what is written on the button finds it). */}
          <VisuallyHidden>{t('sync.indicator', { state })}. </VisuallyHidden>
          <Text span size="xs" fw={500} visibleFrom="lg">{label}</Text>
        </Button>
      </Popover.Target>
      <Popover.Dropdown data-testid="sync-details">
        <Stack gap="xs">
          <Group gap="xs" wrap="nowrap">
            <IconCloud size={18} />
            <Text fw={600} size="sm">{t('sync.nav')}: {state}</Text>
          </Group>
          {status.session ? (
            <Text size="xs" c="dimmed">{t('sync.signedInAs', { name: status.session.user.displayName, username: status.session.user.username })}{status.serverUrl ? ` · ${status.serverUrl}` : ''}</Text>
          ) : (
            <Text size="xs" c="dimmed">{t('sync.notSignedIn')}</Text>
          )}
          {progress !== null && (
            <Stack gap={4} data-testid="sync-progress">
              <Text size="sm">{progress}</Text>
              <Progress value={syncPercent(status)} size="sm" aria-label={progress} />
            </Stack>
          )}
          {status.problem && <Text size="sm" c="red" data-testid="sync-problem">{problemText(status.problem, t, status.clockOffsetMs)}</Text>}
          {status.session && (
            <Text size="sm" data-testid="sync-last">
              {status.lastSyncedAt !== null ? `${t('sync.syncedAt', { ago: agoText(status.lastSyncedAt, now, t) })} (${formatDateTime(status.lastSyncedAt)})` : t('sync.neverSynced')}
            </Text>
          )}
          <Text size="sm" data-testid="sync-pending-text">{status.pending > 0 ? t('sync.pending', { count: status.pending }) : t('sync.nothingPending')}</Text>
          {status.refused > 0 && (
            <Anchor component="button" type="button" size="sm" c="red" ta="left" onClick={() => go('/sync')} data-testid="sync-open-refused">{t('sync.refusedCount', { count: status.refused })}</Anchor>
          )}
          {status.conflicts > 0 && (
            <Button size="xs" variant="light" color="red" onClick={() => go('/sync')} data-testid="sync-open-conflicts">
              {t('sync.resolveConflicts')} ({status.conflicts})
            </Button>
          )}
          <Divider />
          {status.session && (
            <Button fullWidth size="xs" leftSection={<IconRefresh size={14} />} loading={status.phase === 'syncing'} data-testid="sync-now"
              onClick={() => void engine.syncNow().catch(() => undefined)}>
              {t('sync.syncNow')}
            </Button>
          )}
          <Anchor component="button" type="button" size="sm" ta="left" onClick={() => go('/settings')} data-testid="sync-open-settings">{t('sync.settings')}</Anchor>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
});
