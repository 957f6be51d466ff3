// A record's field clocks as the local database stores them: one string instead of an object with
// a 60-character stamp per field. The stamps of one record mostly share their wall time and node
// (the fields of a record created or edited at once are stamped by one clock, ticking its counter),
// so they are grouped: `[wall, node, [counter, field, field…], [counter, field…]]` as JSON; a value
// not shaped like a stamp is kept whole as `[stamp, field, field…]`. Field names of set elements
// hold any text, which JSON escapes. Fields are sorted and groups follow their first field, so
// equal clocks pack to equal strings. A project's clocks take two fifths of the plain object's
// bytes — what a first sync, an import and a backup write or read.

import type { FieldClocks } from '../domain/record';

const STAMP = /^(\d{15})-([0-9a-z]{6})-([A-Za-z0-9_-]{1,64})$/;

type Group = { wall: string; node: string; counters: Map<string, string[]> } | { whole: string; fields: string[] };

/** Packs field clocks (canonical: equal clocks give equal strings). */
export function packClocks(clocks: FieldClocks): string {
  const fields = Object.keys(clocks).sort();
  // The usual case: one write stamped every field with one stamp — one group, the same string.
  const only = fields.length > 0 ? clocks[fields[0] as string] : undefined;
  if (only !== undefined && fields.every((f) => clocks[f] === only)) {
    const m = STAMP.exec(only);
    return JSON.stringify([m ? [m[1], m[3], [m[2], ...fields]] : [only, ...fields]]);
  }
  const groups = new Map<string, Group>();
  // A record's fields mostly share a few stamps: each is parsed once.
  const parsed = new Map<string, RegExpExecArray | null>();
  for (const field of fields) {
    const stamp = clocks[field] as string;
    let m = parsed.get(stamp);
    if (m === undefined) parsed.set(stamp, (m = STAMP.exec(stamp)));
    if (m) {
      const [, wall = '', counter = '', node = ''] = m;
      const key = `${wall}-${node}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { wall, node, counters: new Map() }));
      if ('counters' in g) {
        const list = g.counters.get(counter);
        if (list) list.push(field);
        else g.counters.set(counter, [field]);
      }
    } else {
      const key = `=${stamp}`;
      const g = groups.get(key);
      if (g && 'fields' in g) g.fields.push(field);
      else groups.set(key, { whole: stamp, fields: [field] });
    }
  }
  return JSON.stringify([...groups.values()].map((g) => ('counters' in g ? [g.wall, g.node, ...[...g.counters].map(([c, fields]) => [c, ...fields])] : [g.whole, ...g.fields])));
}

const strings = (a: unknown[]): a is string[] => a.every((x) => typeof x === 'string');

/** Unpacks what {@link packClocks} made; throws on anything else. */
export function unpackClocks(packed: string): FieldClocks {
  const groups: unknown = JSON.parse(packed);
  if (!Array.isArray(groups)) throw new Error('Packed field clocks: not a list');
  // Entries, then an object made from them: a field named like `__proto__` stays a field.
  const out: [string, string][] = [];
  for (const group of groups) {
    if (!Array.isArray(group) || group.length < 2) throw new Error('Packed field clocks: a malformed group');
    if (group.length >= 3 && Array.isArray(group[2])) {
      const [wall, node, ...counters] = group as unknown[];
      if (typeof wall !== 'string' || typeof node !== 'string') throw new Error('Packed field clocks: a malformed group');
      for (const c of counters) {
        if (!Array.isArray(c) || c.length < 2 || !strings(c)) throw new Error('Packed field clocks: a malformed group');
        const [counter, ...fields] = c;
        for (const f of fields) out.push([f, `${wall}-${counter}-${node}`]);
      }
    } else {
      if (!strings(group)) throw new Error('Packed field clocks: a malformed group');
      const [stamp, ...fields] = group;
      for (const f of fields) out.push([f, stamp as string]);
    }
  }
  return Object.fromEntries(out);
}

/** The clocks of a stored value: packed (current) or a plain object (written by earlier versions). */
export function readClocks(stored: string | FieldClocks | undefined | null): FieldClocks {
  if (stored === undefined || stored === null) return {};
  return typeof stored === 'string' ? unpackClocks(stored) : stored;
}
