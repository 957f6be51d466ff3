// The shell's navigation over wouter's hash location: which page and which overlay the URL shows,
// the last used page (kept across sessions), and the moves commands and views make. Closing a card
// that was opened in the app steps back in history, so Back and Forward open and close it too.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useRouter } from 'wouter';
import type { Feature, ShellApi } from './types';
import { findFeature, homeFeature } from './registry';
import { currentHashPath, resolveRoute, type ResolvedRoute, type RouteParams } from './routes';

const VIEW_KEY = 'hattama.view';
/** Marks a history entry of an overlay opened from a page of the app (the page is the entry before). */
const OVERLAY_STATE = 'hattamaOverlay';

/** The page used last on this machine, or the home page. */
export function savedView(features: readonly Feature[]): Feature {
  const id = globalThis.localStorage?.getItem(VIEW_KEY) ?? '';
  const f = findFeature(id, features);
  return f && f.kind === 'page' && !f.route.includes(':') ? f : homeFeature(features);
}

function openedInApp(): boolean {
  const state: unknown = globalThis.history?.state;
  return typeof state === 'object' && state !== null && (state as Record<string, unknown>)[OVERLAY_STATE] === true;
}

export type ShellNav = Omit<ShellApi, 'openShortcuts'> & {
  route: ResolvedRoute;
  /** The page shown (under an overlay: the page it was opened over). */
  page: Feature;
  /** The page's route parameters (a meeting's page: its id). */
  pageParams: RouteParams;
};

const NO_PARAMS: RouteParams = Object.freeze({});

export function useShellNav(features: readonly Feature[]): ShellNav {
  const [path, go] = useLocation();
  const { parser } = useRouter();
  const route = useMemo(() => resolveRoute(path, features, parser), [path, features, parser]);
  const home = homeFeature(features);
  const [lastView, setLastView] = useState<Feature>(() => savedView(features));
  const [lastParams, setLastParams] = useState<RouteParams>(NO_PARAMS);
  const page = route.kind === 'page' ? route.feature : route.kind === 'unknown' ? home : lastView;
  const pageParams = route.kind === 'page' ? route.params : route.kind === 'unknown' ? NO_PARAMS : lastParams;
  const pendingBack = useRef<string | null>(null);

  useEffect(() => {
    pendingBack.current = null;
    if (route.kind === 'page') {
      setLastView(route.feature);
      setLastParams(route.params);
      // A record's page (with parameters) is not a view to come back to at the next start.
      if (!route.feature.route.includes(':')) globalThis.localStorage?.setItem(VIEW_KEY, route.feature.id);
    } else if (route.kind === 'start') go(lastView.route.includes(':') ? homeFeature(features).route : lastView.route, { replace: true });
    else if (route.kind === 'unknown') go(home.route, { replace: true });
  }, [route, lastView, home, go, features]);

  const navigate = useCallback((to: string, opts?: { replace?: boolean }) => {
    if (to !== currentHashPath()) go(to, opts?.replace ? { replace: true } : {});
  }, [go]);

  const goToView = useCallback((id: string) => {
    const f = findFeature(id, features);
    if (f && f.kind === 'page') navigate(f.route);
  }, [features, navigate]);

  const openOverlay = useCallback((to: string) => {
    const now = currentHashPath();
    if (to === now) return;
    if (resolveRoute(now, features, parser).kind === 'overlay') go(to, { replace: true, state: globalThis.history?.state ?? null });
    else go(to, { state: { [OVERLAY_STATE]: true } });
  }, [features, parser, go]);

  const closeOverlay = useCallback(() => {
    const now = currentHashPath();
    if (resolveRoute(now, features, parser).kind !== 'overlay' || pendingBack.current === now) return;
    if (openedInApp()) {
      // Back to the page it was opened over; once only, however many times close is asked.
      pendingBack.current = now;
      globalThis.history.back();
    } else go(savedView(features).route, { replace: true });
  }, [features, parser, go]);

  return { route, page, pageParams, navigate, goToView, openOverlay, closeOverlay };
}
