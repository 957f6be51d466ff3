// Values a schema has checked, remembered so that the same value is not checked again by the same
// schema on its way to the database: an import checks every row when it plans (to report each
// refused row), and the repository checks every record it writes. A remembered value is frozen,
// deeply, so what was checked is exactly what is written; anything else — a copy, a value merged
// with another, a value checked by another schema — is checked again as before.
import type { z } from 'zod';

const checkedBy = new WeakMap<object, z.ZodType>();

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

/**
 * `schema.safeParse(input)`, and when that gives an object, the object frozen and remembered as
 * checked by `schema` (see {@link wasCheckedBy}).
 */
export function checkWith<S extends z.ZodType>(schema: S, input: unknown): z.ZodSafeParseResult<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success && typeof result.data === 'object' && result.data !== null) {
    deepFreeze(result.data);
    checkedBy.set(result.data, schema);
  }
  return result;
}

/** True when `value` is the very object `schema` gave through {@link checkWith} (frozen since). */
export function wasCheckedBy(schema: z.ZodType, value: unknown): boolean {
  return typeof value === 'object' && value !== null && checkedBy.get(value) === schema;
}
