// Settings: the feature's declaration for the shell (view loaded on demand).
import { IconSettings } from '@tabler/icons-react';
import type { Feature } from '../../shell/types';
import { lazyView } from '../../shell/lazy';

export const feature: Feature = {
  id: 'settings',
  icon: IconSettings,
  labelKey: 'settings.nav',
  hotkey: 'alt+6',
  route: '/settings',
  view: lazyView(() => import('./SettingsView'), (m) => m.SettingsView),
  kind: 'page',
  order: 30,
  showInNav: true,
};
