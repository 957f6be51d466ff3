// Every UI string the code asks for exists in Russian, Kazakh and English, and is not empty.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ru } from '../../../renderer/src/i18n/ru';
import { kk } from '../../../renderer/src/i18n/kk';
import { en } from '../../../renderer/src/i18n/en';

const root = fileURLToPath(new URL('../../../renderer/src', import.meta.url));

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

describe('UI strings', () => {
  it('has every key used with a literal t(…) call in all three languages', () => {
    const used = new Set<string>();
    for (const f of files(root)) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\('([a-zA-Z_]+(?:\.[a-zA-Z_]+)+)'/g)) used.add(m[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].flatMap((key) =>
      ([['ru', ru], ['kk', kk], ['en', en]] as const).filter(([, tree]) => typeof lookup(tree, key) !== 'string').map(([lang]) => `${lang}:${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('has no empty string in any language', () => {
    for (const tree of [ru, kk, en]) {
      expect(leaves(tree).filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k)).toEqual([]);
    }
  });
});
