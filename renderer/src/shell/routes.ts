// Which feature a location shows: a page (`/kanban`), an overlay over the last page
// (`/projects/<id>`), the start (`/`, the last used page) or nothing known (the home page).
import { matchRoute, type Parser } from 'wouter';
import type { Feature } from './types';

export type RouteParams = Readonly<Record<string, string | undefined>>;

export type ResolvedRoute =
  | { kind: 'page'; feature: Feature; params: RouteParams }
  | { kind: 'overlay'; feature: Feature; params: RouteParams }
  | { kind: 'start' }
  | { kind: 'unknown' };

/**
 * Resolves a location against the registry (first match in registry order).
 * @param parser wouter's route parser (`useRouter().parser`), so matching is the router's own
 */
export function resolveRoute(path: string, features: readonly Feature[], parser: Parser): ResolvedRoute {
  if (path === '' || path === '/') return { kind: 'start' };
  for (const feature of features) {
    const [matched, params] = matchRoute(parser, feature.route, path);
    if (matched) return { kind: feature.kind, feature, params: { ...params } };
  }
  return { kind: 'unknown' };
}

/** The location of the app as the hash says it: `#/kanban` → `/kanban`, no hash → `/`. */
export function currentHashPath(hash: string = globalThis.location?.hash ?? ''): string {
  return `/${hash.replace(/^#?\/?/, '')}`;
}
