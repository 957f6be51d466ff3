// What every stored record carries: UUIDv7 id, timestamps, tombstone (DESIGN §3). The per-field
// clocks that sync merges by are kept beside the record (see FieldClocks), so that reading the
// register does not pay for sync metadata.
import { z } from 'zod';

/** A UUID of version 7 (time-ordered). */
export const uuidV7 = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, { message: 'invalid_id' });

/** An instant as an ISO-8601 UTC string. */
export const isoInstant = z.iso.datetime({ offset: false });

export const recordMeta = z.object({
  id: uuidV7,
  createdAt: isoInstant,
  updatedAt: isoInstant,
  /** Tombstone: set when deleted; the row stays until sync has passed it. */
  deletedAt: isoInstant.nullable(),
});

/** Field name → HLC stamp of its last change, for one record. */
export const fieldClocksSchema = z.record(z.string(), z.string());
export type FieldClocks = z.infer<typeof fieldClocksSchema>;
export type RecordMeta = z.infer<typeof recordMeta>;

/** Names of the meta fields, which a caller never sets directly. */
export const META_FIELDS = ['id', 'createdAt', 'updatedAt', 'deletedAt'] as const;
