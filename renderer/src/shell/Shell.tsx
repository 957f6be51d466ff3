// The app shell: header (title, the features' header commands, language, theme, shortcuts),
// the navbar, the page and the overlay the URL shows, the hotkeys and the desktop menu — all built
// from the feature registry; nothing here names a feature.
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionIcon, AppShell, Button, Group, Loader, NavLink, SegmentedControl, Text, Title, Tooltip, VisuallyHidden, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { useHotkeys, useMediaQuery, type HotkeyItem } from '@mantine/hooks';
import { IconKeyboard, IconMoon, IconSun } from '@tabler/icons-react';
import type { Lang } from '@shared/locale/lang';
import { AppProvider, type AppParts } from '../app/app-context';
import { notifications } from '@mantine/notifications';
import { changeLang } from '../i18n';
import type { Feature, ShellApi } from './types';
import { SHELL_HOTKEYS } from './registry';
import { useShellNav } from './use-shell-nav';
import { useOverlayFocusReturn } from './overlay-focus';
import { hotkeyLabel } from './keys';
import { startMenu } from './menu';
import { ShortcutsHelp } from './ShortcutsHelp';

const noop = () => undefined;

/** Hotkeys of the registry: each page's, each command's, and the shell's help. */
function hotkeyItems(features: readonly Feature[], shell: ShellApi): HotkeyItem[] {
  const items: HotkeyItem[] = [];
  for (const f of features) {
    if (f.hotkey && f.kind === 'page') items.push([f.hotkey, () => shell.goToView(f.id)]);
    for (const c of f.commands ?? []) {
      const run = c.run;
      if (run) for (const k of c.hotkeys) items.push([k, () => run(shell)]);
    }
  }
  for (const k of SHELL_HOTKEYS.shortcuts) items.push([k, shell.openShortcuts]);
  return items;
}

export function Shell({ services, store, features }: AppParts & { features: readonly Feature[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [help, setHelp] = useState(false);
  const { setColorScheme } = useMantineColorScheme();
  const scheme = useComputedColorScheme('light');
  // Wide screens show the navbar with labels; laptops (1366, 1440 px) a rail of icons.
  const wideNav = useMediaQuery('(min-width: 1600px)', true, { getInitialValueInEffect: false }) ?? true;
  const nav = useShellNav(features);
  // Toasts say things in the language they were shown in: a language switch clears them.
  useEffect(() => {
    const onChange = () => notifications.clean();
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, [i18n]);
  const { route, page, pageParams, navigate, goToView, openOverlay, closeOverlay } = nav;
  useOverlayFocusReturn(route.kind === 'overlay');

  const openShortcuts = useCallback(() => setHelp(true), []);
  const shell = useMemo<ShellApi>(
    () => ({ navigate, goToView, openOverlay, closeOverlay, openShortcuts }),
    [navigate, goToView, openOverlay, closeOverlay, openShortcuts],
  );

  useEffect(() => {
    // Fetch the views loaded on demand once the first page is up, so opening one is instant.
    const timer = setTimeout(() => void Promise.all(features.map((f) => f.view.preload?.())).catch(noop), 1500);
    return () => clearTimeout(timer);
  }, [features]);

  useEffect(() => startMenu(features, i18n, shell), [features, i18n, shell]);

  useHotkeys(useMemo(() => hotkeyItems(features, shell), [features, shell]));

  const PageView = page.view;
  const Overlay = route.kind === 'overlay' ? route.feature.view : null;
  const headerCommands = features.flatMap((f) => (f.commands ?? []).filter((c) => c.header && c.run));
  const headerWidgets = features.flatMap((f) => (f.headerWidget ? [{ id: f.id, Widget: f.headerWidget }] : []));

  return (
    <AppProvider services={services} store={store} view={page.id} shell={shell}>
      {/* The hash is the route, so the skip link moves the focus instead of going to #main. */}
      <a href="#main" className="skip-link" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>{t('app.skip')}</a>
      <AppShell header={{ height: 56 }} navbar={{ width: wideNav ? 240 : 64, breakpoint: 'sm' }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Title order={1} size="h3" className="brand">{t('app.name')}</Title>
              <Text size="sm" c="dimmed" visibleFrom="md">{t('app.subtitle')}</Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              {headerWidgets.map(({ id, Widget }) => <Widget key={id} />)}
              {headerCommands.map((c) => {
                const Icon = c.icon;
                const first = c.hotkeys[0];
                const button = (
                  <Button key={c.id} size="xs" leftSection={Icon ? <Icon size={16} /> : undefined} onClick={() => c.run?.(shell)} data-testid={c.id}>
                    {t(c.labelKey)}
                  </Button>
                );
                return first ? <Tooltip key={c.id} label={hotkeyLabel(first)}>{button}</Tooltip> : button;
              })}
              <SegmentedControl size="xs" value={lang} onChange={(v) => void changeLang(v as Lang)} aria-label={t('actions.language')} data-testid="lang-switch"
                data={[{ value: 'ru', label: 'РУС' }, { value: 'kk', label: 'ҚАЗ' }, { value: 'en', label: 'ENG' }]} />
              <Tooltip label={t('actions.theme')}>
                <ActionIcon variant="default" size="lg" aria-label={t('actions.theme')} onClick={() => setColorScheme(scheme === 'dark' ? 'light' : 'dark')}>
                  {scheme === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
                </ActionIcon>
              </Tooltip>
              <Tooltip label={`${t('actions.shortcuts')} (${hotkeyLabel(SHELL_HOTKEYS.shortcuts[0])})`}>
                <ActionIcon variant="default" size="lg" aria-label={t('actions.shortcuts')} onClick={openShortcuts} data-testid="open-shortcuts">
                  <IconKeyboard size={18} />
                </ActionIcon>
              </Tooltip>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label={t('nav.main')} component="nav">
          {features.filter((f) => f.kind === 'page' && f.showInNav).map((f) => {
            const Icon = f.icon;
            const active = page.id === f.id || page.navParent === f.id;
            return (
              // On a laptop screen the navbar is a rail of icons (the board and the kanban need the
              // width); the label and the hotkey are in the tooltip and the accessible name.
              <Tooltip key={f.id} label={`${t(f.labelKey)}${f.hotkey ? ` (${hotkeyLabel(f.hotkey)})` : ''}`} position="right" disabled={wideNav}>
                <NavLink href={`#${f.route}`} label={wideNav ? t(f.labelKey) : <VisuallyHidden>{t(f.labelKey)}</VisuallyHidden>} leftSection={<Icon size={wideNav ? 18 : 22} />}
                  rightSection={wideNav && f.hotkey ? <Text size="xs" c="dimmed">{hotkeyLabel(f.hotkey)}</Text> : undefined}
                  active={active} aria-current={active ? 'page' : undefined} data-testid={`nav-${f.id}`} className={wideNav ? undefined : 'nav-rail-item'}
                  onClick={(e) => { e.preventDefault(); goToView(f.id); }} />
              </Tooltip>
            );
          })}
        </AppShell.Navbar>
        <AppShell.Main id="main" className="main" tabIndex={-1}>
          <Suspense fallback={<Loader size="sm" m="xl" />}>
            <PageView key={page.id} params={pageParams} close={noop} />
          </Suspense>
        </AppShell.Main>
      </AppShell>
      {Overlay && route.kind === 'overlay' && (
        <Suspense fallback={null}>
          <Overlay key={route.feature.id} params={route.params} close={closeOverlay} />
        </Suspense>
      )}
      <ShortcutsHelp features={features} opened={help} onClose={() => setHelp(false)} />
    </AppProvider>
  );
}
