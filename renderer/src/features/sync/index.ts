// Sync with the region's server, as the clerk sees it: the status in the header (which starts the
// engine), the sync page at `/sync` with the conflicts list (under the settings), and what the
// settings' sync section uses — the running engine, its status, the reasons in the UI language.
import { IconCloud } from '@tabler/icons-react';
import type { Feature } from '../../shell/types';
import { lazyView } from '../../shell/lazy';
import { SyncIndicator } from './SyncIndicator';

export { useNow, useSyncEngine, useSyncStatus } from './use-sync';
export { agoText, problemText, syncPercent, syncTotal } from './messages';

export const feature: Feature = {
  id: 'sync',
  icon: IconCloud,
  labelKey: 'sync.nav',
  route: '/sync',
  view: lazyView(() => import('./SyncPage'), (m) => m.SyncPage),
  kind: 'page',
  order: 120,
  showInNav: false,
  navParent: 'settings',
  headerWidget: SyncIndicator,
};
