// Attachments (вложения): photos and documents of a site visit attached to a project, a meeting or
// an assignment. The record is metadata only; the bytes live in the host's content-addressed store
// under their SHA-256 (the desktop's main process, or the browser's own IndexedDB store).
import { z } from 'zod';
import { isoInstant, uuidV7, type recordMeta } from './record';
import { requiredLine } from './text';
import { MAX_ATTACHMENT_BYTES, sha256HexSchema } from '../attachments/policy';

type RecordMetaOf<T> = z.infer<typeof recordMeta> & T;

/** What an attachment may belong to. */
export const ATTACHMENT_OWNER_KINDS = ['project', 'meeting', 'assignment'] as const;
export type AttachmentOwnerKind = (typeof ATTACHMENT_OWNER_KINDS)[number];

export const attachmentFieldsSchema = z.object({
  ownerKind: z.enum(ATTACHMENT_OWNER_KINDS),
  ownerId: uuidV7,
  /** The file's name as the clerk chose it (shown, and used when it is opened or exported). */
  fileName: requiredLine(200).refine((n) => !/[\\/]/.test(n), { error: 'invalid_file_name' }),
  mimeType: z.string().max(200).regex(/^[\w.+-]+\/[\w.+-]+$|^$/, { error: 'invalid_mime' }),
  size: z.number().int().min(0).max(MAX_ATTACHMENT_BYTES, { error: 'too_big' }),
  /** Lower-case hex SHA-256 of the bytes: the key of the content store. */
  sha256: sha256HexSchema,
  addedBy: z.string().max(200),
  addedAt: isoInstant,
});
export type AttachmentFieldsInput = z.input<typeof attachmentFieldsSchema>;
export type AttachmentFields = z.output<typeof attachmentFieldsSchema>;
export type Attachment = RecordMetaOf<AttachmentFields>;
