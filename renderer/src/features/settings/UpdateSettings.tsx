// Settings → app updates: the address of the organization's update server (https only; empty keeps
// updates off), what the updater is doing, and «Проверить сейчас». The desktop host does the work
// (electron-updater in the main process); the browser host has nothing to update and says so.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { formatDateTime } from '@shared/locale/dates';
import { updateUrlProblem, type UpdateStatus } from '@shared/bridge/updates';
import { getHost } from '../../host';
import { useWarnBeforeUnload } from '../../app/warn-before-unload';

/** How often the section asks again while a check or a download runs. */
const BUSY_POLL_MS = 2000;

export function UpdateSettings() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<UpdateStatus | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(() => getHost().updatesStatus({}).then(setStatus).catch(() => undefined), []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  // An address typed and not yet saved: closing the window asks first.
  useWarnBeforeUnload(status !== null && draft !== null && draft.trim() !== status.url.trim());
  const running = status?.state === 'checking' || status?.state === 'downloading';
  useEffect(() => {
    if (!running) return undefined;
    const timer = window.setInterval(() => void refresh(), BUSY_POLL_MS);
    return () => window.clearInterval(timer);
  }, [running, refresh]);

  if (status === null) return null;
  if (!status.available) {
    return (
      <Paper withBorder p="md" data-testid="update-settings">
        <Text fw={600}>{t('settings.updates.section')}</Text>
        <Text size="sm" c="dimmed" data-testid="update-browser">{t('settings.updates.browser')}</Text>
      </Paper>
    );
  }

  const managed = status.source === 'env';
  const value = draft ?? status.url;
  const problem = value.trim() === '' ? null : updateUrlProblem(value);
  const problemText = problem === null ? null : t(`settings.updates.problem.${problem}`);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (problem !== null) return;
    setBusy(true);
    setError(null);
    try {
      const result = await getHost().updatesSetUrl({ url: value });
      setStatus(result.status);
      if (result.ok) {
        setDraft(null);
        notifications.show({ color: 'teal', message: result.status.url === '' ? t('settings.updates.turnedOff') : t('settings.updates.saved') });
      } else {
        setError(t('settings.updates.managed'));
      }
    } catch (err) {
      setError(t('settings.updates.failed', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const checkNow = async () => {
    setBusy(true);
    try {
      setStatus((await getHost().updatesCheck({})).status);
    } finally {
      setBusy(false);
    }
  };

  const stateText = t(`settings.updates.state.${status.state}`, { version: status.version ?? '', percent: status.percent ?? 0, error: status.error ?? '' });
  return (
    <Paper withBorder p="md" data-testid="update-settings">
      <form onSubmit={(e) => void save(e)}>
        <Stack gap="sm">
          <div>
            <Text fw={600}>{t('settings.updates.section')}</Text>
            <Text size="sm" c="dimmed">{t('settings.updates.hint')}</Text>
          </div>
          <Group align="flex-start" gap="sm" wrap="nowrap">
            <TextInput label={t('settings.updates.url')} placeholder={t('settings.updates.urlPlaceholder')} style={{ flex: 1, maxWidth: 520 }}
              description={managed ? t('settings.updates.managed') : t('settings.updates.urlHint')} value={value} readOnly={managed} variant={managed ? 'filled' : 'default'}
              error={problemText} onChange={(e) => setDraft(e.currentTarget.value)} data-testid="update-url" autoComplete="url" spellCheck={false} />
          </Group>
          {error && <Alert color="red" variant="light" data-testid="update-error">{error}</Alert>}
          <Text size="sm" {...(status.state === 'error' ? { c: 'red' } : status.state === 'ready' ? { c: 'teal' } : {})} data-testid="update-state">
            {stateText}
            {status.checkedAt !== null && status.state !== 'off' ? ` · ${t('settings.updates.checkedAt', { time: formatDateTime(status.checkedAt) })}` : ''}
          </Text>
          <Group gap="sm">
            {!managed && (
              <Button type="submit" loading={busy} disabled={problem !== null || value.trim() === status.url.trim() || (value.trim() === '' && status.url === '')} data-testid="update-save">
                {t('settings.updates.save')}
              </Button>
            )}
            {status.url !== '' && (
              <Button variant="default" leftSection={<IconRefresh size={16} />} loading={busy || running} disabled={status.state === 'ready'} onClick={() => void checkNow()} data-testid="update-check">
                {t('settings.updates.checkNow')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
