// The board's sort functions: text columns compare integer collation ranks computed once per
// language for the current rows; facet columns compare the collation keys of their labels.
import type { TFunction } from 'i18next';
import type { Lang } from '@shared/locale/lang';
import { collationKey, collationRanks, compareKeys } from '@shared/locale/collation';
import type { BoardRow } from '../../db/db';
import type { Facet } from './board-filters';
import { facetLabel } from './facet-label';

/** The rows the sort functions see, with collation ranks per text column computed on first use. */
export type SortRankCache = { rows: BoardRow[]; lang: Lang | null; ranks: Map<string, Int32Array> };
export type SortRow = { index: number; original: BoardRow };
export type TextSorted = 'title' | 'investorName';

/** Collation ranks of a text column for the cached rows (one key sort, then integer compares). */
export function ranksOf(cache: SortRankCache, id: TextSorted, lang: Lang): Int32Array {
  if (cache.lang !== lang) {
    cache.ranks.clear();
    cache.lang = lang;
  }
  let ranks = cache.ranks.get(id);
  if (!ranks) {
    ranks = collationRanks(cache.rows.map((r) => r[id]), lang);
    cache.ranks.set(id, ranks);
  }
  return ranks;
}

/** Sort function of a text column: its ranks are looked up on the first compare. */
export function textSort(cache: SortRankCache, id: TextSorted, lang: Lang) {
  let ranks: Int32Array | null = null;
  return (a: SortRow, b: SortRow) => {
    ranks ??= ranksOf(cache, id, lang);
    return (ranks[a.index] ?? 0) - (ranks[b.index] ?? 0);
  };
}

/** Sort function of a facet column: by the label the clerk reads, empty values last. */
export function labelSort(facet: Facet, lang: Lang, t: TFunction) {
  const keys = new Map<string, string>();
  const key = (v: string) => {
    let k = keys.get(v);
    if (k === undefined) {
      k = v === '' ? '\uffff' : collationKey(facetLabel(facet, v, lang, t), lang);
      keys.set(v, k);
    }
    return k;
  };
  return (a: SortRow, b: SortRow) => compareKeys(key((a.original[facet] as string | undefined) ?? ''), key((b.original[facet] as string | undefined) ?? ''));
}
