// The project card (паспорт проекта): the feature's declaration for the shell — the card opens
// over the current view at `/projects/<id>` (`/projects/new` for a new project) — and its command
// "new project". The card's code loads on demand.
import { IconFileDescription, IconPlus } from '@tabler/icons-react';
import type { Feature } from '../../shell/types';
import { lazyView } from '../../shell/lazy';

/** The deep link of a project's card (`new`: the card of a new project). */
export function projectPath(id: string | 'new'): string {
  return `/projects/${encodeURIComponent(id)}`;
}

export const feature: Feature = {
  id: 'project',
  icon: IconFileDescription,
  labelKey: 'project.feature',
  route: '/projects/:id',
  view: lazyView(() => import('./ProjectCardRoute'), (m) => m.ProjectCardRoute),
  kind: 'overlay',
  order: 100,
  showInNav: false,
  commands: [
    {
      id: 'new-project',
      labelKey: 'actions.newProject',
      hotkeys: ['alt+N'],
      icon: IconPlus,
      menu: 'file',
      header: true,
      run: (shell) => shell.openOverlay(projectPath('new')),
    },
    // Handled by the open card itself; declared so the shortcuts help lists it.
    { id: 'save-project', labelKey: 'project.commands.save', hotkeys: ['mod+S'] },
  ],
};
