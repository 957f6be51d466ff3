// Settings → sync with the region's server: the server's address (the desktop app's choice; the web
// version syncs with the server that served it), sign-in with username and password, sign-out,
// «Синхронизировать сейчас» and the state of the last sync. The password goes to the host and is
// never kept; the token stays with the host (Electron's main process, or the browser session).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Anchor, Button, Group, Modal, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLogin, IconLogout, IconRefresh } from '@tabler/icons-react';
import { formatDateTime } from '@shared/locale/dates';
import { isSyncServerUrl, normaliseServerUrl } from '@shared/bridge/sync';
import { useApp } from '../../app/app-context';
import { useWarnBeforeUnload } from '../../app/warn-before-unload';
import { useAppInfo } from '../../host';
import { signIn } from '../../sync/app-sync';
import { agoText, problemText, useNow, useSyncEngine, useSyncStatus } from '../sync';

export function SyncSettings() {
  const { t } = useTranslation();
  const { db, repos, ctx, navigate } = useApp();
  const engine = useSyncEngine();
  const status = useSyncStatus(engine);
  const now = useNow();
  const browser = useAppInfo()?.host === 'browser';
  const [url, setUrl] = useState<string | null>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const serverUrl = browser ? (status.serverUrl ?? '') : (url ?? status.serverUrl ?? '');
  // A server address typed and not yet used to sign in: closing the window asks first (not the
  // password, which is never kept anyway).
  useWarnBeforeUnload(!browser && url !== null && url.trim() !== (status.serverUrl ?? '').trim());
  const urlInvalid = serverUrl.trim() !== '' && !isSyncServerUrl(serverUrl.trim());

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!isSyncServerUrl(serverUrl.trim())) {
      setError(t('sync.invalidUrl'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await signIn({ db, repos, ctx }, normaliseServerUrl(serverUrl), username.trim(), password);
      if (res.ok) {
        setPassword('');
        notifications.show({ color: 'teal', message: t('sync.signedIn', { name: res.value.user.displayName }) });
      } else {
        setError(problemText(res.error, t, null, 'login'));
      }
    } finally {
      setBusy(false);
    }
  };

  const signOut = async () => {
    setBusy(true);
    try {
      await engine.logout();
      setLeaving(null);
      notifications.show({ color: 'gray', message: t('sync.signedOut') });
    } finally {
      setBusy(false);
    }
  };

  // Changes not yet sent: signing out asks first. They stay in the outbox either way, and would go
  // with the next sign-in — under whoever signs in then — so the clerk is offered to send them now.
  const [leaving, setLeaving] = useState<{ pending: number; problem: string | null } | null>(null);
  const askSignOut = async () => {
    const pending = await engine.countPending();
    if (pending === 0) await signOut();
    else setLeaving({ pending, problem: null });
  };
  const sendAndSignOut = async () => {
    setBusy(true);
    let problem: string | null = null;
    try {
      await engine.syncNow().catch(() => undefined);
      const left = await engine.countPending();
      const state = engine.status.get();
      if (left > 0) {
        problem = state.problem ? t('sync.signOutPending.failed', { reason: problemText(state.problem, t, state.clockOffsetMs) })
          : state.phase === 'offline' ? t('sync.signOutPending.offline') : t('sync.signOutPending.left', { count: left });
        setLeaving({ pending: left, problem });
      }
    } finally {
      setBusy(false);
    }
    if (problem === null) await signOut();
  };

  const session = status.session;
  return (
    <Paper withBorder p="md" data-testid="sync-settings">
      <Modal opened={leaving !== null} onClose={() => setLeaving(null)} title={<Text fw={700}>{t('sync.signOutPending.title')}</Text>} centered size="lg"
        closeButtonProps={{ 'aria-label': t('actions.close') }} data-testid="sign-out-pending">
        {leaving && (
          <Stack gap="sm">
            <Text size="sm" data-testid="sign-out-pending-text">{t('sync.signOutPending.text', { count: leaving.pending })}</Text>
            {leaving.problem && <Alert color="red" variant="light" data-testid="sign-out-pending-problem">{leaving.problem}</Alert>}
            <Group justify="flex-end" gap="xs" mt="xs">
              <Button variant="default" onClick={() => setLeaving(null)}>{t('actions.cancel')}</Button>
              <Button variant="default" color="red" loading={busy} onClick={() => void signOut()} data-testid="sign-out-anyway">{t('sync.signOutPending.anyway')}</Button>
              <Button loading={busy} leftSection={<IconRefresh size={16} />} onClick={() => void sendAndSignOut()} data-autofocus data-testid="sign-out-send">{t('sync.signOutPending.send')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Stack gap="sm">
        <div>
          <Text fw={600}>{t('sync.section')}</Text>
          <Text size="sm" c="dimmed">{t('sync.sectionHint')}</Text>
        </div>
        {session ? (
          <>
            <Text size="sm" data-testid="sync-signed-in">
              {t('sync.signedInAs', { name: session.user.displayName, username: session.user.username })} · {status.serverUrl}
            </Text>
            <Text size="xs" c="dimmed">{t('sync.sessionUntil', { time: formatDateTime(session.expiresAt) })}</Text>
            <Text size="sm">
              {status.lastSyncedAt !== null ? t('sync.syncedAt', { ago: agoText(status.lastSyncedAt, now, t) }) : t('sync.neverSynced')}
              {' · '}
              {status.pending > 0 ? t('sync.pending', { count: status.pending }) : t('sync.nothingPending')}
            </Text>
            {status.problem && <Text size="sm" c="red">{problemText(status.problem, t, status.clockOffsetMs)}</Text>}
            {status.clockOffsetMs !== null && Math.abs(status.clockOffsetMs) >= 120_000 && !status.problem && (
              <Text size="sm" c="orange">{t('sync.clock', { minutes: Math.round(Math.abs(status.clockOffsetMs) / 60_000) })}</Text>
            )}
            <Group gap="sm">
              <Button leftSection={<IconRefresh size={16} />} loading={status.phase === 'syncing'} onClick={() => void engine.syncNow().catch(() => undefined)} data-testid="sync-settings-now">
                {t('sync.syncNow')}
              </Button>
              <Button variant="default" leftSection={<IconLogout size={16} />} loading={busy} onClick={() => void askSignOut()} data-testid="sync-sign-out">{t('sync.signOut')}</Button>
              {status.conflicts > 0 && <Anchor component="button" type="button" size="sm" c="red" onClick={() => navigate('/sync')}>{t('sync.resolveConflicts')} ({status.conflicts})</Anchor>}
            </Group>
          </>
        ) : (
          <form onSubmit={(e) => void submit(e)} data-testid="sync-sign-in-form">
            <Stack gap="sm" maw={420}>
              <TextInput label={t('sync.serverUrl')} placeholder="https://hattama.aktobe.kz" value={serverUrl} readOnly={browser} variant={browser ? 'filled' : 'default'}
                description={browser ? t('sync.serverUrlBrowser') : undefined} error={urlInvalid ? t('sync.invalidUrl') : undefined}
                onChange={(e) => setUrl(e.currentTarget.value)} data-testid="sync-server-url" autoComplete="url" />
              <TextInput label={t('sync.username')} value={username} onChange={(e) => setUsername(e.currentTarget.value)} required autoComplete="username" data-testid="sync-username" />
              <PasswordInput label={t('sync.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} required autoComplete="current-password" data-testid="sync-password" />
              {error && <Alert color="red" variant="light" data-testid="sync-sign-in-error">{error}</Alert>}
              {!error && status.problem?.code === 'unauthorized' && <Alert color="orange" variant="light">{problemText(status.problem, t)}</Alert>}
              <Group>
                <Button type="submit" leftSection={<IconLogin size={16} />} loading={busy} disabled={!username.trim() || !password || urlInvalid} data-testid="sync-sign-in">{t('sync.signIn')}</Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
