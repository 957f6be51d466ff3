// Rich-text documents (the minutes' texts) as Yjs documents kept in Dexie (DESIGN §4): every
// change is stored as a Yjs update within a fraction of a second — closing the window or killing
// the page loses at most the last moment of typing — and queued in the outbox as an entry of its
// own kind, so two clerks' offline edits merge later. Other tabs' updates arrive through the
// change feed. Updates are compacted into one when a document has gathered many.
import * as Y from 'yjs';
import { type DocUpdateEntry } from '@shared/sync/contract';
import { subscribeChanges, changedIn } from './change-feed';
import { clientIdOf, type RepoContext } from './repository';
import type { DocUpdateRow, HattamaDb } from './db';

/** Transaction origin of updates read from the store (not written back). */
export const STORED_ORIGIN = Symbol('stored');
/** Origin of a replayed write-ahead copy (a local change: stored and queued like typing). */
const WAL_ORIGIN = Symbol('wal');

/** How long typing gathers into one stored update (ms): the most a killed page can lose. */
export const SAVE_DELAY_MS = 250;

/** Largest write-ahead copy kept at page hide (characters of base64): a few pages of typing. */
const WAL_MAX_CHARS = 2_000_000;

/** The localStorage key of a document's write-ahead copy (what was typed but not yet stored when the page went away). */
export function docWalKey(dbName: string, docId: string): string {
  return `hattama.docwal.${dbName}.${docId}`;
}

/** localStorage, when the host has one (not in Node tests without a DOM). */
function walStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** A document with this many stored updates is compacted into one when opened. */
const COMPACT_AT = 64;

/** Bytes → base64 (in chunks: spreading a large array into String.fromCharCode overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Stores one local update of a document and queues it to push, in one transaction. */
function storeLocal(ctx: RepoContext, docId: string, update: Uint8Array): Promise<number> {
  return appendDocUpdate(ctx.db, docId, update, ctx.now().toISOString());
}

/** Stores a local update of document `docId` made at `at` and queues it to push (one transaction). */
export async function appendDocUpdate(db: HattamaDb, docId: string, update: Uint8Array, at: string): Promise<number> {
  return db.transaction('rw', [db.docUpdates, db.outbox, db.syncState], async () => {
    const clientId = await clientIdOf(db);
    const entry: DocUpdateEntry = { clientId, kind: 'doc', docId, update: toBase64(update), at };
    const [seq] = await Promise.all([db.docUpdates.add({ docId, update, at }), db.outbox.add(entry)]);
    return seq as number;
  });
}

/** The merged state of a stored document (empty update when it has none). */
export async function loadDocState(ctx: RepoContext, docId: string): Promise<{ state: Uint8Array; lastSeq: number; count: number }> {
  const rows = await ctx.db.docUpdates.where('docId').equals(docId).toArray();
  const lastSeq = rows.reduce((m, r) => Math.max(m, r.seq ?? 0), 0);
  // One stored update (a compacted document) is its own state: merging it would decode and re-encode it all.
  const state = rows.length === 0 ? new Uint8Array([0, 0]) : rows.length === 1 ? (rows[0] as DocUpdateRow).update : Y.mergeUpdates(rows.map((r) => r.update));
  return { state, lastSeq, count: rows.length };
}

/**
 * Starts document `to` with the whole state of document `from` (a corrected revision starting
 * from the signed text). The copied update keeps Yjs's item ids, so two clerks who copy the same
 * state get the same text once, not twice.
 */
export async function copyDocState(ctx: RepoContext, from: string, to: string): Promise<void> {
  const { state, count } = await loadDocState(ctx, from);
  if (count > 0) await storeLocal(ctx, to, state);
}

/** Stores an update received from elsewhere (a pull): nothing is queued to push. */
export async function applyRemoteDocUpdate(ctx: RepoContext, docId: string, update: Uint8Array): Promise<void> {
  await ctx.db.docUpdates.add({ docId, update, at: ctx.now().toISOString() });
}

/** An open document: edit `doc`; `flush` stores what is pending now; `close` flushes and stops. */
export type StoredDoc = {
  doc: Y.Doc;
  flush: () => Promise<void>;
  close: () => Promise<void>;
  /** Local updates not yet stored (for tests and the "saving…" mark). */
  pending: () => number;
  /** Hears each local update once it is stored and queued — the same bytes the outbox pushes (the live channel sends them). */
  onStored: (listener: (update: Uint8Array) => void) => () => void;
};

/** Opens a stored document: loads its updates, stores each local change, follows other tabs' changes. */
export async function openDoc(ctx: RepoContext, docId: string, options: { saveDelayMs?: number } = {}): Promise<StoredDoc> {
  const { db } = ctx;
  const delay = options.saveDelayMs ?? SAVE_DELAY_MS;
  const doc = new Y.Doc();
  const loaded = await loadDocState(ctx, docId);
  Y.applyUpdate(doc, loaded.state, STORED_ORIGIN);
  let lastSeq = loaded.lastSeq;
  if (loaded.count >= COMPACT_AT) lastSeq = await compact(ctx, docId, lastSeq);

  let pending: Uint8Array[] = [];
  /** Batches handed to the database and not yet committed. */
  const inflight = new Set<Uint8Array>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let saving: Promise<void> = Promise.resolve();
  let closed = false;
  const storedListeners = new Set<(update: Uint8Array) => void>();

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending.length === 0) return saving;
    const batch = pending.length === 1 ? (pending[0] as Uint8Array) : Y.mergeUpdates(pending);
    pending = [];
    inflight.add(batch);
    saving = saving.then(async () => {
      const seq = await storeLocal(ctx, docId, batch);
      inflight.delete(batch);
      lastSeq = Math.max(lastSeq, seq);
      for (const l of [...storedListeners]) {
        try {
          l(batch);
        } catch (e) {
          console.warn('A listener of stored document updates failed', e);
        }
      }
    });
    return saving;
  };

  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === STORED_ORIGIN || closed) return;
    pending.push(update);
    if (!timer) timer = setTimeout(() => void flush(), delay);
  };
  doc.on('update', onUpdate);

  // Another tab's or window's updates (and pulled ones): applied, not stored again.
  let reading = false;
  const unsubscribe = subscribeChanges(db.name, (changes) => {
    if (!changedIn(changes, 'docUpdates') || reading) return;
    reading = true;
    void db.docUpdates
      .where('seq')
      .above(lastSeq)
      .filter((r) => r.docId === docId)
      .toArray()
      .then((rows) => {
        for (const r of rows) {
          lastSeq = Math.max(lastSeq, r.seq ?? 0);
          Y.applyUpdate(doc, r.update, STORED_ORIGIN);
        }
      })
      .finally(() => {
        reading = false;
      });
  });

  // A page going away cannot wait for the database: what is not committed yet is also copied,
  // synchronously, to localStorage, and stored from there when the document is next opened.
  const wal = walStorage();
  const walKey = docWalKey(db.name, docId);
  const onHide = (event?: Event) => {
    if (event?.type === 'pagehide' && wal && (pending.length > 0 || inflight.size > 0)) {
      try {
        const text = toBase64(Y.mergeUpdates([...inflight, ...pending]));
        if (text.length <= WAL_MAX_CHARS) wal.setItem(walKey, text);
      } catch {
        // A full localStorage: the database write below is all there is.
      }
    }
    void flush();
  };
  const walText = wal?.getItem(walKey) ?? null;
  if (walText !== null) {
    // Typed before the page last went away: applied as this clerk's own change (stored and queued
    // now when any of it is missing; Yjs ignores what the document has), then the copy is dropped.
    try {
      Y.applyUpdate(doc, fromBase64(walText), WAL_ORIGIN);
    } catch {
      // A damaged copy: nothing to take from it.
    }
    await flush();
    wal?.removeItem(walKey);
  }
  globalThis.addEventListener?.('pagehide', onHide);
  globalThis.document?.addEventListener?.('visibilitychange', onHide);

  return {
    doc,
    flush,
    pending: () => pending.length,
    onStored: (listener) => {
      storedListeners.add(listener);
      return () => storedListeners.delete(listener);
    },
    close: async () => {
      await flush();
      closed = true;
      storedListeners.clear();
      unsubscribe();
      globalThis.removeEventListener?.('pagehide', onHide);
      globalThis.document?.removeEventListener?.('visibilitychange', onHide);
      doc.off('update', onUpdate);
      doc.destroy();
    },
  };
}

/** Replaces a document's stored updates up to `lastSeq` by their merge (the outbox keeps its own copies). */
async function compact(ctx: RepoContext, docId: string, lastSeq: number): Promise<number> {
  const { db } = ctx;
  return db.transaction('rw', db.docUpdates, async () => {
    const rows = await db.docUpdates.where('docId').equals(docId).filter((r) => (r.seq ?? 0) <= lastSeq).toArray();
    if (rows.length < 2) return lastSeq;
    const merged = Y.mergeUpdates(rows.map((r) => r.update));
    await db.docUpdates.bulkDelete(rows.map((r) => r.seq as number));
    return (await db.docUpdates.add({ docId, update: merged, at: ctx.now().toISOString() })) as number;
  });
}
