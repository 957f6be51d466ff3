// The UI strings i18next starts with: the shared words (ru.ts, kk.ts, en.ts) merged with every
// feature's own strings (features/*/strings.ts), found by the bundler — a new feature's strings
// need no edit here. Two files that define the same key are a mistake and stop the app at start.
import { LANGS, type Lang } from '@shared/locale/lang';
import { ru } from './ru';
import { kk } from './kk';
import { en } from './en';

/** A tree of UI strings: namespaces down to string leaves. */
export type StringTree = { readonly [key: string]: string | StringTree };
/** What a feature's `strings.ts` exports as `strings`. */
export type FeatureStrings = Readonly<Record<Lang, StringTree>>;

const modules = import.meta.glob<{ strings?: FeatureStrings }>('../features/*/strings.ts', { eager: true });

/** Each feature's strings by its folder name. */
export const featureStrings: Readonly<Record<string, FeatureStrings>> = Object.fromEntries(
  Object.entries(modules).flatMap(([path, m]) => {
    const name = /features\/([^/]+)\/strings\.ts$/.exec(path)?.[1];
    return name && m.strings ? [[name, m.strings]] : [];
  }),
);

/**
 * Merges `add` into `base` (new objects, inputs untouched).
 * @throws when both define the same leaf, or one a leaf where the other a namespace
 */
export function mergeStrings(base: StringTree, add: StringTree, source: string, prefix = ''): StringTree {
  const out: Record<string, string | StringTree> = { ...base };
  for (const [key, value] of Object.entries(add)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const have = out[key];
    if (have === undefined) out[key] = value;
    else if (typeof have === 'object' && typeof value === 'object') out[key] = mergeStrings(have, value, source, path);
    else throw new Error(`UI string "${path}" of ${source} is already defined`);
  }
  return out;
}

const shared: Record<Lang, StringTree> = { ru, kk, en };

/** Every UI string per language: shared words and all features' strings. */
export const resources: Readonly<Record<Lang, StringTree>> = Object.fromEntries(
  LANGS.map((lang) => [
    lang,
    Object.entries(featureStrings).reduce<StringTree>((tree, [name, strings]) => mergeStrings(tree, strings[lang], `features/${name} (${lang})`), shared[lang]),
  ]),
) as Record<Lang, StringTree>;
