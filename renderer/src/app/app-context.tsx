// The app's shared state: services, the project store, board filters, the open project card.
import { createContext, useContext } from 'react';
import type { Services } from './services';
import type { ProjectStore } from '../features/board/project-store';
import type { BoardFilters } from '../features/board/board-filters';

export type View = 'board' | 'kanban' | 'settings';

export type AppContextValue = Services & {
  store: ProjectStore;
  filters: BoardFilters;
  setFilters: (update: (f: BoardFilters) => BoardFilters) => void;
  /** Opens the project card: an id to edit, 'new' for a new project, null to close. */
  openProject: (id: string | 'new' | null) => void;
  view: View;
  setView: (v: View) => void;
};

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside AppContext');
  return ctx;
}
