// Assignments under control (поручения на контроле): the feature's declarations for the shell —
// the control table at `/assignments` and an assignment's card over the page at
// `/assignments/<id>` — and what other features may use: the card's deep link, the reminders'
// count (`dueSoon`) and the list of a project's assignments for the project card. The views load
// on demand.
import { createElement, lazy, Suspense } from 'react';
import { Loader } from '@mantine/core';
import { IconChecklist, IconClipboardCheck } from '@tabler/icons-react';
import type { Feature } from '../../shell/types';
import { lazyView } from '../../shell/lazy';

export { assignmentPath } from './paths';

/** The control table. */
const page: Feature = {
  id: 'assignments',
  icon: IconChecklist,
  labelKey: 'assignments.nav',
  hotkey: 'alt+4',
  route: '/assignments',
  view: lazyView(() => import('./AssignmentsPage'), (m) => m.AssignmentsPage),
  kind: 'page',
  // After the kanban (20), before the settings (30); meetings may take 22–25.
  order: 27,
  showInNav: true,
};

/** An assignment's card, over the page it was opened from. */
const card: Feature = {
  id: 'assignment',
  icon: IconClipboardCheck,
  labelKey: 'assignments.card',
  route: '/assignments/:id',
  view: lazyView(() => import('./AssignmentCardRoute'), (m) => m.AssignmentCardRoute),
  kind: 'overlay',
  order: 110,
  showInNav: false,
  navParent: 'assignments',
};

/** This folder's declarations: the page and the card (the registry reads `features` too). */
export const features: readonly Feature[] = [page, card];

export { dueSoon, soonUntil, type Remindable } from './due-soon';

const LazyProjectAssignments = lazy(() => import('./ProjectAssignments').then((m) => ({ default: m.ProjectAssignments })));

/**
 * A project's assignments with their state (overdue ones in red), each opening its card — for the
 * project card. Loads its code on first use.
 */
export function ProjectAssignments(props: { projectId: string }) {
  return createElement(Suspense, { fallback: createElement(Loader, { size: 'xs' }) }, createElement(LazyProjectAssignments, props));
}
export { useToday } from './use-today';
