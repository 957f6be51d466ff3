// Checks of a push beyond its zod shape, made before anything is stored: what the database would
// refuse (NUL characters, lone surrogates, nesting deeper than it parses) or what the merge
// must not see (field names inherited from Object.prototype), refused as a 400 instead.
import { isoInstant } from '../../shared/domain/record';

/** Deepest nesting of a field's value. */
export const MAX_VALUE_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored in a jsonb column, or null. */
export function badString(s: string): string | null {
  if (s.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(s)) return 'contains an unpaired UTF-16 surrogate';
  return null;
}

/** Why a JSON value cannot be stored, or null. */
export function badValue(value: unknown, depth = 0): string | null {
  if (depth > MAX_VALUE_DEPTH) return `is nested deeper than ${MAX_VALUE_DEPTH} levels`;
  if (value === null || typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'is not a finite number';
  if (typeof value === 'string') return badString(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const bad = badValue(item, depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const bad = badString(key) ?? badValue(item, depth + 1);
      if (bad) return bad;
    }
    return null;
  }
  return 'is not a JSON value';
}

/** Why a field name cannot be merged, or null (names like `constructor` shadow Object.prototype). */
export function badFieldName(name: string): string | null {
  if (Object.prototype.hasOwnProperty.call(Object.prototype, name)) return 'is a reserved name';
  return badString(name);
}

/** Why a `deletedAt` change's value is not a tombstone (an ISO instant) or a restore (null), or null. */
export function badDeletedAt(value: unknown): string | null {
  if (value === null) return null;
  return isoInstant.safeParse(value).success ? null : 'must be an ISO instant or null';
}
