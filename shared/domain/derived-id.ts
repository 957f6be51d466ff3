// Ids that two machines derive alike: a UUIDv7 whose time is given and whose random bits come
// from a hash of a seed. Used where a schema upgrade turns array entries into records, so that
// two clerks upgrading the same project produce the same records, not duplicates.

/** 64-bit FNV-1a of a string, as 16 hex digits. */
function fnv1a64(text: string): string {
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * prime) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/** A UUIDv7 for the instant `ms` whose other bits are a hash of `seed`. */
export function derivedUuidV7(ms: number, seed: string): string {
  const time = Math.max(0, Math.floor(ms)).toString(16).padStart(12, '0').slice(-12);
  const h = fnv1a64(seed) + fnv1a64(`${seed}\u0000`);
  const variant = '89ab'[parseInt(h.charAt(3), 16) % 4] ?? '8';
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${h.slice(0, 3)}-${variant}${h.slice(4, 7)}-${h.slice(7, 19)}`;
}

/** The instant (ms) a UUIDv7 carries in its first 48 bits: the same on every machine that has the id. */
export function uuidV7Time(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

/** A UUIDv7 derived from a parent record's id and a name: every clerk who derives it gets the same one. */
export function childId(parentId: string, name: string): string {
  return derivedUuidV7(uuidV7Time(parentId), `${parentId}/${name}`);
}
