// The app's shared state: services, the project store, board filters, the page shown, and the
// navigation every feature may use (opening a project's card is navigating to its deep link).
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Services } from './services';
import type { ProjectStore } from '../features/board/project-store';
import { NO_FILTERS, type BoardFilters } from '../features/board/board-filters';
import type { ShellApi } from '../shell/types';
import { projectPath } from '../features/project';

export type AppContextValue = Services & {
  store: ProjectStore;
  filters: BoardFilters;
  setFilters: (update: (f: BoardFilters) => BoardFilters) => void;
  /** Opens the project card: an id to edit, 'new' for a new project, null to close (navigates). */
  openProject: (id: string | 'new' | null) => void;
  /** The id of the feature whose page is shown (under an open card, the page it opened over). */
  view: string;
  /** Shows a feature's page (by feature id). */
  setView: (featureId: string) => void;
  /** Goes to a path of the app (`/kanban`, `/projects/<id>`). */
  navigate: ShellApi['navigate'];
  /** Opens a record's card over the current page (`/assignments/<id>`); closing it comes back here. */
  openOverlay: ShellApi['openOverlay'];
};

/** What the app is made with: the services and the project store (main.tsx makes them once). */
export type AppParts = { services: Services; store: ProjectStore };

export const AppContext = createContext<AppContextValue | null>(null);

/** Provides the app's state to every feature; the shell gives it the page shown and its navigation. */
export function AppProvider({ services, store, view, shell, children }: AppParts & { view: string; shell: ShellApi; children: ReactNode }) {
  // Board filters live here, in memory, so the kanban shows what the board's filters leave.
  const [filters, setFiltersState] = useState<BoardFilters>(NO_FILTERS);
  const setFilters = useCallback((update: (f: BoardFilters) => BoardFilters) => setFiltersState(update), []);
  const value = useMemo<AppContextValue>(
    () => ({
      ...services,
      store,
      filters,
      setFilters,
      view,
      openProject: (id) => (id === null ? shell.closeOverlay() : shell.openOverlay(projectPath(id))),
      setView: shell.goToView,
      navigate: shell.navigate,
      openOverlay: shell.openOverlay,
    }),
    [services, store, filters, setFilters, view, shell],
  );
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

export function useApp(): AppContextValue {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside AppContext');
  return ctx;
}
