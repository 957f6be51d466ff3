// The desktop's attachment store: bytes kept by their SHA-256 in `<root>/<aa>/<sha256>`
// (content-addressed, so the same photo attached twice is stored once). Every write checks the
// bytes against the hash it is filed under and lands atomically; every read checks them again, so
// a file damaged on disk is reported, never handed out as the attachment. Plain Node, tested on a temp dir.
import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { MAX_ATTACHMENT_BYTES, isSha256Hex } from '../../shared/attachments/policy';

/** Lower-case hex SHA-256 of bytes. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The bytes do not hash to the name they are filed (or stored) under. */
export class AttachmentHashError extends Error {
  constructor(
    readonly sha256: string,
    readonly where: 'write' | 'read',
  ) {
    super(where === 'write' ? `The bytes do not match SHA-256 ${sha256}` : `The stored file ${sha256} is damaged (its bytes no longer match)`);
    this.name = 'AttachmentHashError';
  }
}

export interface AttachmentStore {
  /** Where the bytes of a hash live (whether or not they are there). */
  pathOf(sha256: string): string;
  /** Stores bytes under their hash; `created` false when an intact copy was there already. */
  put(sha256: string, bytes: Uint8Array): Promise<{ created: boolean; size: number }>;
  /** The bytes of a hash, checked; null when absent. Throws {@link AttachmentHashError} when damaged. */
  get(sha256: string): Promise<Uint8Array | null>;
  /** True when bytes of the hash are stored (not checked). */
  has(sha256: string): Promise<boolean>;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/**
 * Creates the store over a folder (made on first write).
 * @param root e.g. `<userData>/attachments`
 */
export function createAttachmentStore(root: string): AttachmentStore {
  const pathOf = (sha256: string) => {
    if (!isSha256Hex(sha256)) throw new Error('Not a SHA-256');
    return path.join(root, sha256.slice(0, 2), sha256);
  };
  const read = async (sha256: string): Promise<Buffer | null> => {
    try {
      return await fsp.readFile(pathOf(sha256));
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
  };
  return {
    pathOf,
    async put(sha256, bytes) {
      if (bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new Error('The file is larger than an attachment may be');
      if (sha256Of(bytes) !== sha256) throw new AttachmentHashError(sha256, 'write');
      const target = pathOf(sha256);
      const existing = await read(sha256);
      // An intact copy stays; a damaged one is replaced by the good bytes.
      if (existing && sha256Of(existing) === sha256) return { created: false, size: existing.byteLength };
      await fsp.mkdir(path.dirname(target), { recursive: true });
      await writeFileAtomic(target, bytes, { mode: 0o600 });
      return { created: true, size: bytes.byteLength };
    },
    async get(sha256) {
      const bytes = await read(sha256);
      if (!bytes) return null;
      if (sha256Of(bytes) !== sha256) throw new AttachmentHashError(sha256, 'read');
      return bytes;
    },
    async has(sha256) {
      try {
        await fsp.access(pathOf(sha256));
        return true;
      } catch {
        return false;
      }
    },
  };
}
