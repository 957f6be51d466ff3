// The bridge channels of attachments and of the whole-workspace archive. Attachment bytes live in
// the host's content-addressed store (the desktop: the main process's files under userData; the
// browser: an IndexedDB store of its own), keyed by SHA-256 and checked on every write and read.
// The archive's file is written and read by the host (save and open dialogs on the desktop,
// a download and an upload in the browser); the renderer builds and checks the archive itself.
import { z } from 'zod';
import { MAX_ATTACHMENT_BYTES, sha256HexSchema } from '../attachments/policy';
import { MAX_ARCHIVE_BYTES } from '../archive/workspace-archive';

// eslint-disable-next-line no-control-regex
const displayName = z.string().min(1).max(200).refine((n) => !/[\u0000-\u001f\u007f]/.test(n), { message: 'File name must not contain control characters' });
const mimeType = z.string().max(200);
const uiLang = z.enum(['ru', 'kk', 'en']);

export const attachmentBridgeContract = {
  /** Stores bytes under their SHA-256 (refused when the hash does not match); `created` is false when they were there already. */
  'attachment:put': {
    method: 'attachmentPut',
    request: z
      .object({ sha256: sha256HexSchema, bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_ATTACHMENT_BYTES, { message: 'File is too large' }) })
      .strict(),
    response: z.object({ created: z.boolean(), size: z.number().int().min(0) }),
  },
  /** The bytes stored under a SHA-256, checked against it (`found: false` when absent). */
  'attachment:get': {
    method: 'attachmentGet',
    request: z.object({ sha256: sha256HexSchema }).strict(),
    response: z.object({ found: z.boolean(), bytes: z.instanceof(Uint8Array).optional() }),
  },
  /** Which of these SHA-256 are stored here. */
  'attachment:has': {
    method: 'attachmentHas',
    request: z.object({ sha256: z.array(sha256HexSchema).max(100_000) }).strict(),
    response: z.object({ present: z.array(z.string()) }),
  },
  /**
   * Opens a copy of an attachment with the OS's application (desktop) or in a new tab (browser).
   * A program or script is never opened (`refused: 'dangerous'`): it may only be exported.
   */
  'attachment:open': {
    method: 'attachmentOpen',
    request: z.object({ sha256: sha256HexSchema, fileName: displayName, mimeType }).strict(),
    response: z.object({ opened: z.boolean(), refused: z.enum(['dangerous', 'missing', 'failed']).optional() }),
  },
  /** Saves a copy of an attachment where the clerk chooses (desktop) or downloads it (browser). */
  'attachment:export': {
    method: 'attachmentExport',
    request: z.object({ sha256: sha256HexSchema, fileName: displayName, mimeType, uiLang }).strict(),
    response: z.object({ saved: z.boolean(), path: z.string().optional(), missing: z.boolean().optional() }),
  },
  /** Writes a workspace archive (.zip) where the clerk chooses (desktop: save dialog, atomic write; browser: a download). */
  'workspace:save-archive': {
    method: 'saveWorkspaceArchive',
    request: z
      .object({
        suggestedName: displayName.refine((n) => !/[\\/:*?"<>|]/.test(n) && n.toLowerCase().endsWith('.zip'), { message: 'A .zip file name without path separators' }),
        bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_ARCHIVE_BYTES, { message: 'Archive is too large' }),
        uiLang,
      })
      .strict(),
    response: z.object({ saved: z.boolean(), path: z.string().optional() }),
  },
  /** Reads a workspace archive the clerk picks (desktop: open dialog; browser: a file upload); `opened: false` when cancelled. */
  'workspace:open-archive': {
    method: 'openWorkspaceArchive',
    request: z.object({ uiLang }).strict(),
    response: z.object({ opened: z.boolean(), name: z.string().max(300).optional(), bytes: z.instanceof(Uint8Array).optional(), tooLarge: z.boolean().optional() }),
  },
} as const;
