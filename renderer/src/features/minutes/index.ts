// The minutes (протокол) of a meeting: the feature's declaration for the shell — a record's page at
// `/meetings/<id>/minutes`, under «Заседания» in the navbar — and its deep link. The editor's code
// (TipTap, Yjs) loads on demand.
import { IconFileText } from '@tabler/icons-react';
import type { Feature } from '../../shell/types';
import { lazyView } from '../../shell/lazy';

/** The deep link of a meeting's minutes (features/meetings exports the same path). */
export function minutesPath(meetingId: string): string {
  return `/meetings/${encodeURIComponent(meetingId)}/minutes`;
}

export const feature: Feature = {
  id: 'minutes',
  icon: IconFileText,
  labelKey: 'minutes.feature',
  route: '/meetings/:id/minutes',
  view: lazyView(() => import('./MinutesPage'), (m) => m.MinutesPage),
  kind: 'page',
  order: 110,
  showInNav: false,
  navParent: 'meetings',
};
