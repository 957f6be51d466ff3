// Meetings of the headquarters (заседания штаба): the list page's declaration for the shell
// (`/meetings`, Alt+3) and the command «Новое заседание» (Alt+M), and what other features use —
// the deep links of a meeting and of its minutes, the meeting page's loader (declared as a page of
// its own by features/meeting) and the project card's list of the meetings that discussed a project.
// Every view loads on demand: nothing here weighs on the board's first paint.
import { IconCalendarEvent, IconCalendarPlus } from '@tabler/icons-react';
import type { Feature } from '../../shell/types';
import { lazyView } from '../../shell/lazy';
import { meetingPath } from './paths';

export { meetingPath, minutesPath } from './paths';

/** The meeting page's module (its own chunk), for the declaration in features/meeting. */
export const loadMeetingPage = () => import('./MeetingRoute');

export const feature: Feature = {
  id: 'meetings',
  icon: IconCalendarEvent,
  labelKey: 'meetings.nav',
  hotkey: 'alt+3',
  route: '/meetings',
  view: lazyView(() => import('./MeetingsPage'), (m) => m.MeetingsPage),
  kind: 'page',
  // After the kanban (20), before the settings (30).
  order: 25,
  showInNav: true,
  commands: [
    {
      id: 'new-meeting',
      labelKey: 'meetings.new',
      hotkeys: ['alt+M'],
      icon: IconCalendarPlus,
      menu: 'file',
      run: (shell) => shell.navigate(meetingPath('new')),
    },
  ],
};

export { ProjectMeetings } from './project-meetings-lazy';
