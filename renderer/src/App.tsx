// The app shell: header with sections, language and theme, the current view, the project card,
// and the keyboard shortcuts for frequent actions.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionIcon, AppShell, Button, Group, Kbd, Loader, Modal, NavLink, SegmentedControl, Stack, Table, Text, Title, Tooltip, useMantineColorScheme, useComputedColorScheme } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconKeyboard, IconLayoutKanban, IconMoon, IconPlus, IconSettings, IconSun, IconTable } from '@tabler/icons-react';
import type { Lang } from '@shared/locale/lang';
import { AppContext, type AppContextValue, type View } from './app/app-context';
import type { Services } from './app/services';
import { changeLang } from './i18n';
import type { ProjectStore } from './features/board/project-store';
import { NO_FILTERS, type BoardFilters } from './features/board/board-filters';
import { BoardView } from './features/board/BoardView';

// Views other than the board, and the project card, load on demand: the board paints first.
const loadKanban = () => import('./features/kanban/KanbanView');
const loadSettings = () => import('./features/settings/SettingsView');
const loadDrawer = () => import('./features/project/ProjectDrawer');
const KanbanView = lazy(() => loadKanban().then((m) => ({ default: m.KanbanView })));
const SettingsView = lazy(() => loadSettings().then((m) => ({ default: m.SettingsView })));
const ProjectDrawer = lazy(() => loadDrawer().then((m) => ({ default: m.ProjectDrawer })));

const VIEW_KEY = 'hattama.view';

function savedView(): View {
  const v = globalThis.localStorage?.getItem(VIEW_KEY);
  return v === 'kanban' || v === 'settings' ? v : 'board';
}

export function App({ services, store }: { services: Services; store: ProjectStore }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [view, setViewState] = useState<View>(savedView);
  const [filters, setFiltersState] = useState<BoardFilters>(NO_FILTERS);
  const [openId, setOpenId] = useState<string | 'new' | null>(null);
  const [help, setHelp] = useState(false);
  const searchRef = useRef<HTMLInputElement | null>(null);
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');

  const setView = useCallback((v: View) => {
    setViewState(v);
    globalThis.localStorage?.setItem(VIEW_KEY, v);
  }, []);
  const setFilters = useCallback((update: (f: BoardFilters) => BoardFilters) => setFiltersState(update), []);
  const openProject = useCallback((id: string | 'new' | null) => setOpenId(id), []);

  const ctx = useMemo<AppContextValue>(
    () => ({ ...services, store, filters, setFilters, openProject, view, setView }),
    [services, store, filters, setFilters, openProject, view, setView],
  );

  useEffect(() => {
    // Fetch the rest of the app once the board is up, so opening a card or a view is instant.
    const timer = setTimeout(() => void Promise.all([loadDrawer(), loadKanban(), loadSettings()]), 1500);
    return () => clearTimeout(timer);
  }, []);

  useHotkeys([
    ['alt+N', () => setOpenId('new')],
    ['mod+K', () => { setView('board'); setTimeout(() => searchRef.current?.focus(), 0); }],
    ['/', () => { setView('board'); setTimeout(() => searchRef.current?.focus(), 0); }],
    ['alt+1', () => setView('board')],
    ['alt+2', () => setView('kanban')],
    ['alt+3', () => setView('settings')],
    ['shift+?', () => setHelp(true)],
    ['F1', () => setHelp(true)],
  ]);

  const nav: { id: View; icon: React.ReactNode; label: string; key: string }[] = [
    { id: 'board', icon: <IconTable size={18} />, label: t('nav.board'), key: 'Alt+1' },
    { id: 'kanban', icon: <IconLayoutKanban size={18} />, label: t('nav.kanban'), key: 'Alt+2' },
    { id: 'settings', icon: <IconSettings size={18} />, label: t('nav.settings'), key: 'Alt+3' },
  ];

  return (
    <AppContext.Provider value={ctx}>
      <a href="#main" className="skip-link">{t('app.skip')}</a>
      <AppShell header={{ height: 56 }} navbar={{ width: 250, breakpoint: 'sm' }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Title order={1} size="h3" className="brand">{t('app.name')}</Title>
              <Text size="sm" c="dimmed" visibleFrom="md">{t('app.subtitle')}</Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Tooltip label="Alt+N">
                <Button size="xs" leftSection={<IconPlus size={16} />} onClick={() => setOpenId('new')} data-testid="new-project">{t('actions.newProject')}</Button>
              </Tooltip>
              <SegmentedControl size="xs" value={lang} onChange={(v) => void changeLang(v as Lang)} aria-label={t('actions.language')} data-testid="lang-switch"
                data={[{ value: 'ru', label: 'РУС' }, { value: 'kk', label: 'ҚАЗ' }, { value: 'en', label: 'ENG' }]} />
              <Tooltip label={t('actions.theme')}>
                <ActionIcon variant="default" size="lg" aria-label={t('actions.theme')} onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}>
                  {scheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
                </ActionIcon>
              </Tooltip>
              <Tooltip label={`${t('actions.shortcuts')} (F1)`}>
                <ActionIcon variant="default" size="lg" aria-label={t('actions.shortcuts')} onClick={() => setHelp(true)}>
                  <IconKeyboard size={18} />
                </ActionIcon>
              </Tooltip>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label={t('nav.main')} component="nav">
          {nav.map((n) => (
            <NavLink key={n.id} label={n.label} leftSection={n.icon} rightSection={<Text size="xs" c="dimmed">{n.key}</Text>}
              active={view === n.id} onClick={() => setView(n.id)} data-testid={`nav-${n.id}`} aria-current={view === n.id ? 'page' : undefined} />
          ))}
        </AppShell.Navbar>
        <AppShell.Main id="main" className="main">
          {view === 'board' && <BoardView searchRef={searchRef} />}
          <Suspense fallback={<Loader size="sm" m="xl" />}>
            {view === 'kanban' && <KanbanView />}
            {view === 'settings' && <SettingsView />}
          </Suspense>
        </AppShell.Main>
      </AppShell>
      {openId !== null && (
        <Suspense fallback={null}>
          <ProjectDrawer openId={openId} />
        </Suspense>
      )}
      <Modal opened={help} onClose={() => setHelp(false)} title={t('shortcuts.title')} closeButtonProps={{ 'aria-label': t('actions.close') }}>
        <Stack>
          <Table>
            <Table.Tbody>
              {([['Alt+N', 'newProject'], ['Ctrl+K, /', 'search'], ['Alt+1', 'board'], ['Alt+2', 'kanban'], ['Ctrl+S', 'save'], ['F1', 'help']] as const).map(([k, label]) => (
                <Table.Tr key={label}><Table.Td><Kbd>{k}</Kbd></Table.Td><Table.Td>{t(`shortcuts.${label}`)}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </Modal>
    </AppContext.Provider>
  );
}
