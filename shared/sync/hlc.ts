// Hybrid logical clock (HLC): wall time + counter + node id, encoded as a string that sorts
// in clock order. Every field change is stamped with one; sync merges fields by it.

/** Largest lead over the server's clock that a stamp may have (DESIGN §4). */
export const MAX_CLOCK_DRIFT_MS = 5 * 60 * 1000;

export type Hlc = { readonly wallMs: number; readonly counter: number; readonly node: string };

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 36 ** COUNTER_DIGITS - 1;

/** Encodes a clock as `wall(base10, 15)-counter(base36, 6)-node`; lexical order = clock order. */
export function formatHlc(h: Hlc): string {
  return `${String(h.wallMs).padStart(WALL_DIGITS, '0')}-${h.counter.toString(36).padStart(COUNTER_DIGITS, '0')}-${h.node}`;
}

/** Parses a stamp made by {@link formatHlc}; throws on anything else. */
export function parseHlc(stamp: string): Hlc {
  const m = /^(\d{15})-([0-9a-z]{6})-([A-Za-z0-9_-]{1,64})$/.exec(stamp);
  if (!m) throw new Error(`Malformed HLC stamp: ${stamp.slice(0, 80)}`);
  return { wallMs: Number(m[1]), counter: parseInt(m[2] ?? '0', 36), node: m[3] ?? '' };
}

/**
 * The wall time of a stamp already checked as one (`hlcStampSchema`), without parsing it whole: a
 * push checks the drift of every field's stamp. Throws when its first 15 characters are not digits.
 */
export function wallMsOf(stamp: string): number {
  const wall = stamp.slice(0, WALL_DIGITS);
  if (stamp.charCodeAt(WALL_DIGITS) !== 45 || !/^\d{15}$/.test(wall)) throw new Error(`Malformed HLC stamp: ${stamp.slice(0, 80)}`);
  return Number(wall);
}

/** Total order of stamps: wall time, then counter, then node id. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A fresh clock for a node that has issued nothing yet. */
export function initialHlc(node: string): Hlc {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(node)) throw new Error('HLC node id must be 1–64 characters [A-Za-z0-9_-]');
  return { wallMs: 0, counter: 0, node };
}

/** Advances the local clock for a local event (send / write). */
export function tickHlc(last: Hlc, nowMs: number): Hlc {
  const wallMs = Math.max(last.wallMs, Math.floor(nowMs));
  const counter = wallMs === last.wallMs ? last.counter + 1 : 0;
  if (counter > MAX_COUNTER) throw new Error('HLC counter overflow');
  return { wallMs, counter, node: last.node };
}

/** Advances the local clock on receiving a remote stamp, so later local stamps sort after it. */
export function receiveHlc(last: Hlc, remote: Hlc, nowMs: number): Hlc {
  if (remote.wallMs - nowMs > MAX_CLOCK_DRIFT_MS) {
    throw new Error(`Remote clock is ${Math.round((remote.wallMs - nowMs) / 1000)} s ahead; refused`);
  }
  const now = Math.floor(nowMs);
  const wallMs = Math.max(last.wallMs, remote.wallMs, now);
  let counter: number;
  if (wallMs === last.wallMs && wallMs === remote.wallMs) counter = Math.max(last.counter, remote.counter) + 1;
  else if (wallMs === last.wallMs) counter = last.counter + 1;
  else if (wallMs === remote.wallMs) counter = remote.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) throw new Error('HLC counter overflow');
  return { wallMs, counter, node: last.node };
}

/** True when a stamp is further ahead of the reference clock than {@link MAX_CLOCK_DRIFT_MS}. */
export function isTooFarAhead(stamp: string, referenceNowMs: number): boolean {
  return parseHlc(stamp).wallMs - referenceNowMs > MAX_CLOCK_DRIFT_MS;
}
