// The dashboard (аналитика): the feature's declaration for the shell — the charts of attracted
// investment, of the register and of assignments at `/dashboard` (Alt+5); the view loads on demand.
import { IconChartBar } from '@tabler/icons-react';
import type { Feature } from '../../shell/types';
import { lazyView } from '../../shell/lazy';

export const feature: Feature = {
  id: 'dashboard',
  icon: IconChartBar,
  labelKey: 'dashboard.nav',
  hotkey: 'alt+5',
  route: '/dashboard',
  view: lazyView(() => import('./DashboardPage'), (m) => m.DashboardPage),
  kind: 'page',
  // After the assignments (27), before the settings (30).
  order: 28,
  showInNav: true,
  // Opened as the first screen: its projections start reading at boot (warm.ts).
  warm: (db) => void import('./warm').then((m) => m.warmDashboard(db)),
};
