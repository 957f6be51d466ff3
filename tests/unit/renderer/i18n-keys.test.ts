// Every UI string the code asks for exists in Russian, Kazakh and English, and is not empty —
// the shared words (renderer/src/i18n) and each feature's own strings (features/*/strings.ts).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ru } from '../../../renderer/src/i18n/ru';
import { kk } from '../../../renderer/src/i18n/kk';
import { en } from '../../../renderer/src/i18n/en';
import { featureStrings, mergeStrings, resources } from '../../../renderer/src/i18n/resources';

const root = fileURLToPath(new URL('../../../renderer/src', import.meta.url));
const LANGS = ['ru', 'kk', 'en'] as const;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
}

function leaves(tree: unknown, prefix = ''): [string, unknown][] {
  if (typeof tree !== 'object' || tree === null) return [[prefix, tree]];
  return Object.entries(tree).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const sources = files(root).map((f) => readFileSync(f, 'utf8'));

describe('UI strings', () => {
  it('finds the strings of every feature folder', () => {
    expect(Object.keys(featureStrings).sort()).toEqual(['archive', 'assignments', 'attachments', 'backup', 'board', 'dashboard', 'excel', 'export', 'kanban', 'meetings', 'minutes', 'project', 'settings', 'sync']);
  });

  it('has every key used with a literal t(…) call or as a labelKey in all three languages', () => {
    const used = new Set<string>();
    for (const text of sources) {
      for (const m of text.matchAll(/\b(?:t\(|labelKey: )'([a-zA-Z_]+(?:\.[a-zA-Z_]+)+)'/g)) used.add(m[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(50);
    // Keys that moved to a feature's strings are found there too.
    expect(used).toContain('kanban.dragHint');
    const missing = [...used].flatMap((key) => LANGS.filter((lang) => typeof lookup(resources[lang], key) !== 'string').map((lang) => `${lang}:${key}`));
    expect(missing).toEqual([]);
  });

  it('has the namespace of every key built in a template (t(`stage.${…}`)) in all three languages', () => {
    const prefixes = new Set<string>();
    for (const text of sources) {
      for (const m of text.matchAll(/\bt\(`([a-zA-Z_]+(?:\.[a-zA-Z_]+)*)\.\$\{/g)) prefixes.add(m[1] ?? '');
    }
    expect(prefixes).toContain('project.tabs');
    const missing = [...prefixes].flatMap((p) => LANGS.filter((lang) => typeof lookup(resources[lang], p) !== 'object').map((lang) => `${lang}:${p}`));
    expect(missing).toEqual([]);
  });

  it('has the same keys in the three languages, for the shared words and for each feature', () => {
    const keys = (tree: unknown) => leaves(tree).map(([k]) => k).sort();
    expect(keys(kk)).toEqual(keys(ru));
    expect(keys(en)).toEqual(keys(ru));
    for (const [name, strings] of Object.entries(featureStrings)) {
      expect(keys(strings.kk), `${name} kk`).toEqual(keys(strings.ru));
      expect(keys(strings.en), `${name} en`).toEqual(keys(strings.ru));
    }
  });

  it('has no empty string in any language', () => {
    for (const lang of LANGS) {
      expect(leaves(resources[lang]).filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => `${lang}:${k}`)).toEqual([]);
    }
  });

  it('refuses a key that two files define', () => {
    expect(() => mergeStrings({ board: { title: 'a' } }, { board: { title: 'b' } }, 'features/x (ru)')).toThrow(/board\.title/);
    expect(() => mergeStrings({ board: 'a' }, { board: { title: 'b' } }, 'features/x (ru)')).toThrow(/board/);
    expect(mergeStrings({ board: { title: 'a' } }, { board: { nav: 'b' } }, 'x')).toEqual({ board: { title: 'a', nav: 'b' } });
  });
});
