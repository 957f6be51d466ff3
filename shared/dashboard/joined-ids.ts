// A column of ids kept as one string, each id followed by a line break: a snapshot of 100,000 rows
// then clones (stores, reads) one string instead of 100,000 small ones.

const END = '\n';

/** The ids as one string; an id with a line break in it cannot be kept so (an error). */
export function joinIds(ids: readonly string[]): string {
  for (const id of ids) if (id.includes(END)) throw new Error(`An id with a line break cannot be saved in a snapshot: ${JSON.stringify(id)}`);
  return ids.length === 0 ? '' : ids.join(END) + END;
}

/** The ids back, or null when the string does not hold exactly `count` of them. */
export function splitIds(joined: string, count: number): string[] | null {
  if (count === 0) return joined === '' ? [] : null;
  if (!joined.endsWith(END)) return null;
  const ids = joined.slice(0, -1).split(END);
  return ids.length === count ? ids : null;
}
