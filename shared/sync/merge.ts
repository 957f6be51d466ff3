// The merge rules of sync, as pure functions (DESIGN §4): which fields a write changed (a
// structural comparison, set fields element by element), and how changes stamped elsewhere merge
// into a local record — per field, last writer by hybrid logical clock wins.
import { dequal } from 'dequal';
import { compareHlc } from './hlc';
import { parseSetElementField, setElementField } from './contract';

/** Field name → HLC stamp of its last change (set elements as `field/element`). */
export type FieldClocks = Record<string, string>;
type Fields = Record<string, unknown>;

/** Whether two field values are the same, structurally (key order does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  return dequal(a ?? null, b ?? null);
}

/**
 * The field changes that turn `previous` into `next`: field name → new value (null when cleared).
 * A set field yields one change per element added (`true`) or removed (`false`).
 */
export function diffFields(previous: Fields | null, next: Fields, setFields: readonly string[] = []): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const prev = previous ?? {};
  const names = new Set([...Object.keys(prev), ...Object.keys(next)]);
  for (const name of names) {
    if (setFields.includes(name)) {
      const before = new Set(asArray(prev[name]));
      const after = new Set(asArray(next[name]));
      for (const el of after) if (!before.has(el)) out.set(setElementField(name, el), true);
      for (const el of before) if (!after.has(el)) out.set(setElementField(name, el), false);
    } else if (!sameValue(prev[name], next[name])) {
      out.set(name, next[name] ?? null);
    }
  }
  return out;
}

function asArray(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}

export type MergeResult = {
  fields: Fields;
  clocks: FieldClocks;
  /** Names of the incoming changes that won (were newer than what the record had). */
  applied: string[];
};

/**
 * Merges changes stamped elsewhere into a record: each incoming field (or set element) replaces
 * the local one only when its stamp is newer. Applying the same changes twice changes nothing.
 */
export function mergeChanges(
  fields: Fields,
  clocks: FieldClocks,
  incoming: Readonly<Record<string, { value: unknown; hlc: string }>>,
  setFields: readonly string[] = [],
): MergeResult {
  const next: Fields = { ...fields };
  const nextClocks: FieldClocks = { ...clocks };
  const applied: string[] = [];
  for (const [name, change] of Object.entries(incoming)) {
    // Own properties only: a field named like an Object.prototype member ('constructor') is a field.
    const local = Object.hasOwn(nextClocks, name) ? nextClocks[name] : undefined;
    if (local !== undefined && compareHlc(local, change.hlc) >= 0) continue;
    nextClocks[name] = change.hlc;
    applied.push(name);
    const element = parseSetElementField(name);
    if (element && setFields.includes(element.field)) {
      const list = asArray(next[element.field]);
      const has = list.includes(element.element);
      if (change.value === true && !has) next[element.field] = [...list, element.element];
      else if (change.value !== true && has) next[element.field] = list.filter((e) => e !== element.element);
      else next[element.field] = list;
    } else if (change.value === null && name !== 'deletedAt') {
      delete next[name];
    } else {
      next[name] = change.value;
    }
  }
  for (const f of setFields) if (!Object.hasOwn(next, f)) next[f] = [];
  return { fields: next, clocks: nextClocks, applied };
}
