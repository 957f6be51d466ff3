// The kanban of the register by stage: the feature's declaration for the shell (view loaded on demand).
import { IconLayoutKanban } from '@tabler/icons-react';
import type { Feature } from '../../shell/types';
import { lazyView } from '../../shell/lazy';

export const feature: Feature = {
  id: 'kanban',
  icon: IconLayoutKanban,
  labelKey: 'kanban.nav',
  hotkey: 'alt+2',
  route: '/kanban',
  view: lazyView(() => import('./KanbanView'), (m) => m.KanbanView),
  kind: 'page',
  order: 20,
  showInNav: true,
};
