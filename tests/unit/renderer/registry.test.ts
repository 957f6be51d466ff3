// The feature registry the shell, the hotkeys, the help and the menu are built from: every feature
// folder is found, ids / hotkeys / routes are unique, labels exist in three languages, and routes
// resolve as the clerk's links expect.
import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { Router, useRouter, type Parser } from 'wouter';
import { FEATURES, homeFeature, normaliseHotkey, registryProblems } from '../../../renderer/src/shell/registry';
import { resolveRoute, currentHashPath } from '../../../renderer/src/shell/routes';
import { shortcutLines } from '../../../renderer/src/shell/shortcuts';
import { hotkeyLabel } from '../../../renderer/src/shell/keys';
import { resources } from '../../../renderer/src/i18n/resources';
import type { Feature } from '../../../renderer/src/shell/types';

// wouter's own route parser, as the shell gets it from the router.
let parser: Parser | undefined;
function Probe() {
  parser = useRouter().parser;
  return null;
}
renderToString(createElement(Router, { children: createElement(Probe) }));
function resolve(path: string) {
  if (!parser) throw new Error('no parser');
  return resolveRoute(path, FEATURES, parser);
}

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}

describe('the feature registry', () => {
  it('finds every feature folder, in order, the board first', () => {
    expect(FEATURES.map((f) => f.id)).toEqual(['board', 'import', 'kanban', 'meetings', 'assignments', 'dashboard', 'settings', 'project', 'assignment', 'meeting', 'minutes', 'sync']);
    expect(homeFeature().id).toBe('board');
    expect(FEATURES.filter((f) => f.showInNav).map((f) => f.route)).toEqual(['/board', '/kanban', '/meetings', '/assignments', '/dashboard', '/settings']);
  });

  it('has unique ids, hotkeys, routes and command ids', () => {
    expect(registryProblems(FEATURES)).toEqual([]);
    const ids = FEATURES.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    const routes = FEATURES.map((f) => f.route);
    expect(new Set(routes).size).toBe(routes.length);
    const hotkeys = FEATURES.flatMap((f) => [...(f.hotkey ? [f.hotkey] : []), ...(f.commands ?? []).flatMap((c) => c.hotkeys)]).map(normaliseHotkey);
    expect(new Set(hotkeys).size).toBe(hotkeys.length);
    expect(hotkeys).toEqual(expect.arrayContaining(['alt+1', 'alt+2', 'alt+3', 'alt+n', 'mod+k', '/', 'mod+s']));
  });

  it('tells what is wrong with a registry that repeats itself', () => {
    const board = FEATURES[0] as Feature;
    const copy: Feature = { ...board, id: 'board2', hotkey: 'Alt+1', commands: [] };
    const problems = registryProblems([...FEATURES, copy, { ...copy, id: 'help', route: '/help', hotkey: 'f1' }]);
    expect(problems.join('\n')).toMatch(/route "\/board" of board2 is already used by board/);
    expect(problems.join('\n')).toMatch(/hotkey "alt\+1" of board2 is already used by board/);
    expect(problems.join('\n')).toMatch(/hotkey "f1" of help is already used by the shell/);
  });

  it('has every feature and command label in Russian, Kazakh and English', () => {
    const keys = FEATURES.flatMap((f) => [f.labelKey, ...(f.commands ?? []).map((c) => c.labelKey)]);
    const missing = keys.flatMap((key) => (['ru', 'kk', 'en'] as const).filter((lang) => typeof lookup(resources[lang], key) !== 'string').map((lang) => `${lang}:${key}`));
    expect(missing).toEqual([]);
  });

  it('loads every view but the board on demand', () => {
    const lazy = Symbol.for('react.lazy');
    for (const f of FEATURES) {
      const type = (f.view as unknown as { $$typeof?: symbol }).$$typeof;
      if (f.id === 'board') expect(type).not.toBe(lazy);
      else expect(type, f.id).toBe(lazy);
    }
  });
});

describe('routes', () => {
  it('opens a project card by its deep link, and the card of a new project', () => {
    const id = '0190c6f4-8e5a-7a3b-9c1d-2e4f6a8b0c1d';
    const card = resolve(`/projects/${id}`);
    expect(card.kind).toBe('overlay');
    expect(card.kind === 'overlay' && card.feature.id).toBe('project');
    expect(card.kind === 'overlay' && card.params.id).toBe(id);
    const created = resolve('/projects/new');
    expect(created.kind === 'overlay' && created.params.id).toBe('new');
  });

  it('shows pages by their paths, the last used page at the start, and nothing for an unknown path', () => {
    for (const [path, id] of [['/board', 'board'], ['/kanban', 'kanban'], ['/settings', 'settings'], ['/kanban/', 'kanban'], ['/meetings', 'meetings'], ['/meetings/0190a1b2-0000-7000-8000-000000000001', 'meeting'], ['/meetings/0190a1b2-0000-7000-8000-000000000001/minutes', 'minutes']] as const) {
      const r = resolve(path);
      expect(r.kind === 'page' && r.feature.id, path).toBe(id);
    }
    expect(resolve('/').kind).toBe('start');
    for (const path of ['/projects', '/projects/', '/projects/a/b', '/nope', '/board/x']) expect(resolve(path).kind, path).toBe('unknown');
  });

  it('reads the route from the hash', () => {
    expect(currentHashPath('#/projects/new')).toBe('/projects/new');
    expect(currentHashPath('')).toBe('/');
    expect(currentHashPath('#')).toBe('/');
  });
});

describe('the shortcuts help', () => {
  it('lists every hotkey, including Alt+1..5 in the navbar’s order, Ctrl+K and /, Ctrl+S and F1', () => {
    const lines = shortcutLines(FEATURES);
    const shown = lines.map((l) => `${l.hotkeys.map((k) => hotkeyLabel(k, false)).join(', ')} ${l.labelKey}`);
    expect(shown).toEqual([
      'Ctrl+K, / board.commands.search',
      'Alt+M meetings.new',
      'Alt+N actions.newProject',
      'Alt+1 board.nav',
      'Alt+2 kanban.nav',
      'Alt+3 meetings.nav',
      'Alt+4 assignments.nav',
      'Alt+5 dashboard.nav',
      'Alt+6 settings.nav',
      'Ctrl+S project.commands.save',
      'F1, Shift+? shortcuts.help',
    ]);
  });
});
