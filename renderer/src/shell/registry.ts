// The feature registry: every `features/<name>/index.ts` that exports a `feature` declaration
// (or `features`, when one folder declares several: a page and its record's card), found by the
// bundler — adding a feature folder edits no shell file. Sorted by `order`.
import type { Feature } from './types';

const modules = import.meta.glob<{ feature?: Feature; features?: readonly Feature[] }>('../features/*/index.ts', { eager: true });

/** The shell's own hotkeys (shortcuts help), which no feature may take. */
export const SHELL_HOTKEYS = { shortcuts: ['F1', 'shift+?'] } as const;

/** The declarations in registry order. */
export function sortFeatures(features: readonly Feature[]): readonly Feature[] {
  return [...features].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}

/** Same key, however it is spelt: `alt+N` and `Alt+n` are one hotkey. */
export function normaliseHotkey(hotkey: string): string {
  return hotkey.split('+').map((k) => k.trim().toLowerCase()).join('+');
}

/** What is wrong with a set of declarations: duplicate ids, hotkeys or routes, a navbar page's route with parameters. */
export function registryProblems(features: readonly Feature[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  const claim = (kind: string, value: string, owner: string) => {
    const key = `${kind}:${value}`;
    const other = seen.get(key);
    if (other !== undefined) problems.push(`${kind} "${value}" of ${owner} is already used by ${other}`);
    else seen.set(key, owner);
  };
  for (const k of SHELL_HOTKEYS.shortcuts) claim('hotkey', normaliseHotkey(k), 'the shell');
  for (const f of features) {
    claim('feature id', f.id, f.id);
    claim('route', f.route, f.id);
    if (f.hotkey) claim('hotkey', normaliseHotkey(f.hotkey), f.id);
    // A page in the navbar is reached without parameters; a record's page (a meeting) is reached by its deep link.
    if (f.kind === 'page' && f.showInNav && f.route.includes(':')) problems.push(`page ${f.id} in the navbar has a route with parameters: ${f.route}`);
    if (!f.route.startsWith('/') || f.route === '/') problems.push(`${f.id} has route "${f.route}"; "/" is the last used view`);
    for (const c of f.commands ?? []) {
      claim('command id', c.id, f.id);
      for (const k of c.hotkeys) claim('hotkey', normaliseHotkey(k), `${f.id}/${c.id}`);
    }
  }
  if (!features.some((f) => f.kind === 'page')) problems.push('no feature is a page');
  return problems;
}

/** Every feature found in `features/*`, in order. */
export const FEATURES: readonly Feature[] = sortFeatures(
  Object.values(modules).flatMap((m) => [...(m.feature ? [m.feature] : []), ...(m.features ?? [])]),
);

const problems = registryProblems(FEATURES);
if (problems.length > 0) console.error(`Feature registry: ${problems.join('; ')}`);

/** The page shown at start when no other was used: the first page in order (the board). */
export function homeFeature(features: readonly Feature[] = FEATURES): Feature {
  const home = features.find((f) => f.kind === 'page');
  if (!home) throw new Error('No feature is a page');
  return home;
}

export function findFeature(id: string, features: readonly Feature[] = FEATURES): Feature | undefined {
  return features.find((f) => f.id === id);
}
