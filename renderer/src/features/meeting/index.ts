// One meeting's page at `/meetings/<id>` (`/meetings/new`: the form of a new meeting), under the
// meetings in the navbar. Its code lives with the meetings (features/meetings) and loads on demand;
// this folder only declares the page, since a folder declares one feature.
import { IconCalendarEvent } from '@tabler/icons-react';
import type { Feature } from '../../shell/types';
import { lazyView } from '../../shell/lazy';
import { loadMeetingPage } from '../meetings';

export const feature: Feature = {
  id: 'meeting',
  icon: IconCalendarEvent,
  labelKey: 'meetings.page.feature',
  route: '/meetings/:id',
  view: lazyView(loadMeetingPage, (m) => m.MeetingRoute),
  kind: 'page',
  order: 110,
  showInNav: false,
  navParent: 'meetings',
};
