// The browser host's attachment store: bytes by SHA-256 in an IndexedDB database of their own
// (never synced, apart from the app's data), checked against their hash on every write and read.
import { Dexie, type EntityTable } from 'dexie';
import { MAX_ATTACHMENT_BYTES } from '@shared/attachments/policy';
import { sha256Hex } from '../db/sha256';

type FileRow = { sha256: string; bytes: Uint8Array; size: number };

/** What the browser host keeps attachments' bytes in (tests pass one over fake-indexeddb). */
export interface WebAttachmentStore {
  put(sha256: string, bytes: Uint8Array): Promise<{ created: boolean; size: number }>;
  /** Checked bytes; null when absent. Throws when the stored bytes no longer match their hash. */
  get(sha256: string): Promise<Uint8Array | null>;
  has(sha256: readonly string[]): Promise<string[]>;
}

class FilesDb extends Dexie {
  files!: EntityTable<FileRow, 'sha256'>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ files: 'sha256' });
  }
}

/**
 * Opens (on first use) the store in IndexedDB.
 * @param name the database's name (`hattama-files`)
 */
export function createWebAttachmentStore(name = 'hattama-files'): WebAttachmentStore {
  let db: FilesDb | null = null;
  const open = () => (db ??= new FilesDb(name));
  const read = async (sha256: string): Promise<Uint8Array | null> => {
    const row = await open().files.get(sha256);
    return row ? row.bytes : null;
  };
  return {
    async put(sha256, bytes) {
      if (bytes.byteLength > MAX_ATTACHMENT_BYTES) throw new Error('The file is larger than an attachment may be');
      if ((await sha256Hex(bytes)) !== sha256) throw new Error(`The bytes do not match SHA-256 ${sha256}`);
      const existing = await read(sha256);
      if (existing && (await sha256Hex(existing)) === sha256) return { created: false, size: existing.byteLength };
      // A copy of its own: the caller's buffer may be reused after the call.
      await open().files.put({ sha256, bytes: bytes.slice(), size: bytes.byteLength });
      return { created: true, size: bytes.byteLength };
    },
    async get(sha256) {
      const bytes = await read(sha256);
      if (!bytes) return null;
      if ((await sha256Hex(bytes)) !== sha256) throw new Error(`The stored file ${sha256} is damaged (its bytes no longer match)`);
      return bytes;
    },
    async has(list) {
      const keys = await open().files.where('sha256').anyOf([...new Set(list)]).primaryKeys();
      return keys.map(String);
    },
  };
}
