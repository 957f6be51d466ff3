// Settings: the clerk's name for the change log, language, theme, the demo workspace, official figures,
// people, the working-day calendar and the export of documents.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { Button, Group, List, Modal, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Title, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Lang } from '@shared/locale/lang';
import { formatNumber, formatTenge } from '@shared/locale/money';
import { moreThan } from '@shared/locale/more-than';
import { REGIONS, regionName } from '@shared/geo/regions';
import { useApp } from '../../app/app-context';
import { aliveRows } from '../../db/db';
import { currentUser, setCurrentUser, setWorkspaceRegion, workspaceRegion } from '../../app/services';
import { changeLang } from '../../i18n';
import { DEMO_TABLES, clearDemo, countIds, demoSummary, isDemoLoaded, loadDemo, restoreDemo, type DemoSummary } from '../../db/demo';
import { PeopleSettings } from './PeopleSettings';
import { CalendarSettings } from './CalendarSettings';
import { SyncSettings } from './SyncSettings';
import { UpdateSettings } from './UpdateSettings';
import { ExportArchiveSection, ExportSettingsSection } from '../export';
import { BackupSection } from '../backup';
import { WorkspaceArchiveSection } from '../archive';
import { useAppInfo } from '../../host';

/** The toast that offers to undo clearing the example (one at a time). */
const CLEARED_ID = 'demo-cleared';

/** An official figure as the press writes it: «более 1,2 трлн ₸», «1,2 трлн теңгеден астам». */
function statValue(indicator: string, value: number, qualifier: string, lang: Lang): string {
  const v = indicator === 'investment_attracted_tenge' ? formatTenge(value, lang) : indicator === 'investment_growth_pct' ? `${formatNumber(value, lang)}%` : formatNumber(value, lang);
  return qualifier === 'more_than' ? moreThan(v, lang) : v;
}

export function SettingsView() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { db, repos, store } = useApp();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const [name, setName] = useState(currentUser());
  const [region, setRegion] = useState(workspaceRegion());
  const demo = useLiveQuery(() => isDemoLoaded(db), [db]);
  const stats = useLiveQuery(() => aliveRows(db.investmentStats).toArray(), [db]) ?? [];
  const [busy, setBusy] = useState(false);
  /** What clearing would remove, while the confirmation is open. */
  const [confirm, setConfirm] = useState<DemoSummary | null>(null);

  const fail = (e: unknown) => notifications.show({ color: 'red', message: t('notify.saveFailed', { message: (e as Error).message }) });

  const toggleDemo = async () => {
    if (demo === undefined) return;
    setBusy(true);
    try {
      if (demo) {
        // Clearing asks first, saying what goes.
        setConfirm(await demoSummary(db));
      } else {
        const ids = await loadDemo(db, repos);
        // An undo of an earlier clear would now bring back a second copy: it is gone.
        notifications.hide(CLEARED_ID);
        notifications.show({ color: 'teal', message: t('notify.demoLoaded', { count: ids.projects?.length ?? 0 }) });
        await store.load();
      }
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const undoClear = async (removed: Awaited<ReturnType<typeof clearDemo>>) => {
    notifications.hide(CLEARED_ID);
    try {
      const n = await restoreDemo(db, repos, removed);
      await store.load();
      notifications.show({ color: n > 0 ? 'teal' : 'gray', message: n > 0 ? t('settings.clearUndone', { count: n }) : t('settings.clearUndoNothing') });
    } catch (e) {
      fail(e);
    }
  };

  const clearConfirmed = async () => {
    setBusy(true);
    try {
      const removed = await clearDemo(db, repos);
      setConfirm(null);
      await store.load();
      notifications.show({
        id: CLEARED_ID,
        color: 'gray',
        autoClose: 20_000,
        message: (
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" style={{ flex: 1 }}>{t('settings.cleared', { count: countIds(removed) })}</Text>
            <Button size="xs" variant="light" style={{ flexShrink: 0 }} data-testid="undo-clear-demo" onClick={() => void undoClear(removed)}>{t('actions.undo')}</Button>
          </Group>
        ),
      });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" maw={820}>
      <Title order={2} size="h3">{t('settings.title')}</Title>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <TextInput label={t('settings.userName')} description={t('settings.userNameHint')} value={name} maxLength={200}
            onChange={(e) => setName(e.currentTarget.value)} onBlur={() => setCurrentUser(name)} data-testid="settings-user" />
          <Select label={t('settings.region')} description={t('settings.regionHint')} data={REGIONS.map((r) => ({ value: r.id, label: r.name[lang] }))}
            value={region} allowDeselect={false} searchable w={360} comboboxProps={{ withinPortal: true }} data-testid="settings-region"
            onChange={(v) => { if (v) { setRegion(v); setWorkspaceRegion(v); } }} />
          <div>
            <Text size="sm" fw={500} mb={4}>{t('settings.language')}</Text>
            <SegmentedControl value={lang} onChange={(v) => void changeLang(v as Lang)}
              data={[{ value: 'ru', label: 'Русский' }, { value: 'kk', label: 'Қазақша' }, { value: 'en', label: 'English' }]} />
          </div>
          <div>
            <Text size="sm" fw={500} mb={4}>{t('settings.theme')}</Text>
            <SegmentedControl value={colorScheme} onChange={(v) => setColorScheme(v as MantineColorScheme)}
              data={[{ value: 'light', label: t('settings.light') }, { value: 'dark', label: t('settings.dark') }, { value: 'auto', label: t('settings.auto') }]} />
          </div>
        </Stack>
      </Paper>
      <SyncSettings />
      <UpdateSettings />
      <PeopleSettings />
      <CalendarSettings />
      <ExportSettingsSection />
      <ExportArchiveSection />
      <BackupSection />
      <WorkspaceArchiveSection />
      <Modal opened={confirm !== null} onClose={() => setConfirm(null)} title={<Text fw={700}>{t('settings.clearTitle')}</Text>} centered
        closeButtonProps={{ 'aria-label': t('actions.close') }} data-testid="clear-demo-confirm">
        {confirm && (
          <Stack gap="sm">
            <Text size="sm">{t('settings.clearIntro')}</Text>
            <List size="sm" spacing={2} data-testid="clear-demo-counts">
              <List.Item>{t('settings.clearProjects', { count: confirm.projects })}</List.Item>
              <List.Item>{t('settings.clearPeople', { count: confirm.people })}</List.Item>
              <List.Item>{t('settings.clearOrganizations', { count: confirm.organizations })}</List.Item>
              <List.Item>{t('settings.clearStats', { count: confirm.investmentStats })}</List.Item>
              <List.Item>{t('settings.clearMeetings', { count: confirm.meetings })}</List.Item>
              <List.Item>{t('settings.clearAssignments', { count: confirm.assignments })}</List.Item>
            </List>
            {/* The count the message after the clear gives: the meeting's agenda items, attendance and minutes are records too. */}
            <Text size="sm" data-testid="clear-demo-total">{t('settings.clearTotal', { count: DEMO_TABLES.reduce((sum, table) => sum + confirm[table], 0) })}</Text>
            <Text size="sm" fw={confirm.edited > 0 ? 600 : 400} data-testid="clear-demo-edits">{t('settings.clearEdits', { count: confirm.edited })}</Text>
            <Text size="sm" c="dimmed">{t('settings.clearKept')} {t('settings.clearUndoHint')}</Text>
            <Group justify="flex-end" gap="xs" mt="xs">
              <Button variant="default" onClick={() => setConfirm(null)} data-autofocus>{t('actions.cancel')}</Button>
              <Button color="red" loading={busy} onClick={() => void clearConfirmed()} data-testid="clear-demo-confirm-button">{t('settings.clearConfirm')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text fw={600}>{t('settings.demo')}</Text>
          <Group justify="space-between">
            <Text size="sm" c="dimmed">{demo === undefined ? '' : demo ? t('settings.demoLoaded') : t('settings.demoNotLoaded')}</Text>
            {/* Until the state is read, a click cannot know whether it loads or clears. */}
            <Button variant={demo ? 'light' : 'filled'} color={demo ? 'red' : 'blue'} loading={busy || demo === undefined} onClick={() => void toggleDemo()} data-testid="toggle-demo">
              {demo ? t('actions.clearDemo') : t('actions.loadDemo')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Text fw={600} mb="xs">{t('settings.stats')}</Text>
        {stats.length === 0 ? <Text size="sm" c="dimmed">—</Text> : (
          <Table data-testid="stats-table">
            <Table.Tbody>
              {stats.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{regionName(s.regionId, lang)}, {s.year}</Table.Td>
                  <Table.Td>{t(`stat.${s.indicator}`)}</Table.Td>
                  <Table.Td fw={600}>
                    {statValue(s.indicator, s.value, s.qualifier, lang)}
                  </Table.Td>
                  <Table.Td><Text size="xs" c="dimmed">{t('settings.source')}: {s.sourceTitle}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Paper withBorder p="md">
        <Text fw={600}>{t('settings.dataLocation')}</Text>
        <Text size="sm" c="dimmed">{t('settings.dataLocationText')}</Text>
      </Paper>
      <AboutLine />
    </Stack>
  );
}

/** About: the app's version and the host it runs in, as the host reports them (app:info). */
function AboutLine() {
  const info = useAppInfo();
  return (
    <Text size="xs" c="dimmed" data-testid="settings-about">
      Hattama {info ? `${info.version} · ${info.host} · ${info.platform}` : ''}
    </Text>
  );
}
