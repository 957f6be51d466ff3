// The register board: the feature's declaration for the shell, and what other features may use
// of it (the project store and its hook, the shared filters, the stage and status colours).
import { IconSearch, IconTable } from '@tabler/icons-react';
import type { Feature } from '../../shell/types';
import { BoardPage, focusBoardSearch } from './BoardPage';

export const feature: Feature = {
  id: 'board',
  icon: IconTable,
  labelKey: 'board.nav',
  hotkey: 'alt+1',
  route: '/board',
  // Not lazy: the board is the first thing painted.
  view: BoardPage,
  kind: 'page',
  order: 10,
  showInNav: true,
  commands: [
    {
      id: 'search',
      labelKey: 'board.commands.search',
      hotkeys: ['mod+K', '/'],
      icon: IconSearch,
      menu: 'view',
      run: (shell) => {
        shell.goToView('board');
        focusBoardSearch();
      },
    },
  ],
};

export { ProjectStore, useProjects } from './project-store';
export { EmptyRegister } from './EmptyRegister';
export { activeFacetCount, matchesFilters, NO_FILTERS, type BoardFilters, type ColumnFilterValues, type Facet } from './board-filters';
export { STAGE_COLOR, STATUS_COLOR } from './board-colors';
