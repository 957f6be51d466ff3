// The minutes' texts as Yjs documents in Dexie: what the clerk types is stored and comes back,
// two clerks' offline texts merge without loss, compaction keeps the text, and a corrected
// revision's copy is a document of its own.
import 'fake-indexeddb/auto';
import * as Y from 'yjs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isRecordChange } from '@shared/sync/contract';
import { applyRemoteDocUpdate, copyDocState, docWalKey, fromBase64, loadDocState, openDoc, type StoredDoc } from '../../../renderer/src/db/doc-store';
import { HattamaDb } from '../../../renderer/src/db/db';
import { openHarness, type Harness } from './harness';
import { allOutboxItems } from '../../../renderer/src/db/outbox';

const DOC = 'minutes/0190a8c0-0000-7000-8000-000000000001/ru';
const HEARD = 'item/a/heard';

const open: Harness[] = [];
const docs: StoredDoc[] = [];
afterEach(async () => {
  for (const d of docs.splice(0)) await d.close().catch(() => undefined);
  for (const h of open.splice(0)) await h.dispose();
});
function harness(name?: string): Harness {
  const h = openHarness(name);
  open.push(h);
  return h;
}
async function openIn(h: Harness, docId = DOC): Promise<StoredDoc> {
  const d = await openDoc(h.ctx, docId);
  docs.push(d);
  return d;
}

/** Appends a paragraph to a fragment the way the editor's binding writes one. */
function type(doc: Y.Doc, field: string, text: string) {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(field).push([p]);
}
/** The paragraphs' texts of a fragment. */
function paragraphs(doc: Y.Doc, field: string): string[] {
  return doc.getXmlFragment(field).toArray().map((n) => (n instanceof Y.XmlElement ? n.toArray().map((t) => (t instanceof Y.XmlText ? t.toString() : '')).join('') : ''));
}
async function stored(h: Harness, docId = DOC): Promise<number> {
  return h.db.docUpdates.where('docId').equals(docId).count();
}
/** A fresh document with what the store holds for `docId`. */
async function reloaded(h: Harness, docId = DOC): Promise<Y.Doc> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, (await loadDocState(h.ctx, docId)).state);
  return doc;
}

describe('doc store', () => {
  it('opening a document and not typing stores nothing', async () => {
    const h = harness();
    const d = await openIn(h);
    expect(paragraphs(d.doc, HEARD)).toEqual([]);
    await d.flush();
    expect(await stored(h)).toBe(0);
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('stores typing as updates with outbox entries of kind doc, and a reopened document has the text', async () => {
    const h = harness();
    const d = await openIn(h);
    type(d.doc, HEARD, 'Слушали руководителя управления предпринимательства.');
    type(d.doc, 'preamble', 'Заседание открыл аким области.');
    expect(d.pending()).toBeGreaterThan(0);
    await d.flush();
    expect(d.pending()).toBe(0);
    expect(await stored(h)).toBeGreaterThan(0);

    const outbox = (await allOutboxItems(h.db)).filter((e) => !isRecordChange(e));
    expect(outbox.length).toBe(await stored(h));
    const fromOutbox = new Y.Doc();
    for (const e of outbox) if (!isRecordChange(e)) Y.applyUpdate(fromOutbox, fromBase64(e.update));
    expect(paragraphs(fromOutbox, HEARD)).toEqual(['Слушали руководителя управления предпринимательства.']);

    await d.close();
    const again = await openIn(h);
    expect(paragraphs(again.doc, HEARD)).toEqual(['Слушали руководителя управления предпринимательства.']);
    expect(paragraphs(again.doc, 'preamble')).toEqual(['Заседание открыл аким области.']);
  });

  it('what was typed but not yet stored when the page went away is kept (a copy written at page hide) and stored at the next opening', async () => {
    const h = harness();
    const items = new Map<string, string>();
    const hide: Array<(e: Event) => void> = [];
    vi.stubGlobal('localStorage', { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) });
    vi.stubGlobal('addEventListener', (type: string, f: (e: Event) => void) => { if (type === 'pagehide') hide.push(f); });
    vi.stubGlobal('removeEventListener', () => undefined);
    try {
      const d = await openIn(h);
      type(d.doc, HEARD, 'Слушали руководителя управления промышленности.');
      // The page goes away before the store's write (the tab is gone: nothing after this runs).
      const storeWrite = vi.spyOn(h.db.docUpdates, 'add').mockImplementation(() => new Promise(() => undefined) as never);
      for (const f of hide) f(new Event('pagehide'));
      storeWrite.mockRestore();
      expect(items.get(docWalKey(h.db.name, DOC))).toBeTruthy();
      expect(await stored(h)).toBe(0);
      docs.splice(docs.indexOf(d), 1); // that page is gone: its document is never closed

      const again = await openIn(h);
      expect(paragraphs(again.doc, HEARD)).toEqual(['Слушали руководителя управления промышленности.']);
      expect(paragraphs(await reloaded(h), HEARD)).toEqual(['Слушали руководителя управления промышленности.']);
      expect(items.has(docWalKey(h.db.name, DOC))).toBe(false);
      // And queued to push, like typing.
      expect((await allOutboxItems(h.db)).filter((e) => !isRecordChange(e)).length).toBeGreaterThan(0);
      // Opened again: nothing is stored twice.
      const count = await stored(h);
      await again.close();
      docs.splice(docs.indexOf(again), 1);
      await openIn(h);
      expect(await stored(h)).toBe(count);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('two clerks who typed offline both keep their text once they have each other’s updates', async () => {
    const a = harness();
    const b = harness();
    const da = await openIn(a);
    const db = await openIn(b);
    type(da.doc, HEARD, 'Текст первого секретаря');
    type(db.doc, HEARD, 'Текст второго секретаря');
    await Promise.all([da.flush(), db.flush()]);

    // Each one's outbox reaches the other (as a pull would deliver it).
    const outboxOf = async (h: Harness) => (await allOutboxItems(h.db)).flatMap((e) => (isRecordChange(e) ? [] : [fromBase64(e.update)]));
    const [fromA, fromB] = await Promise.all([outboxOf(a), outboxOf(b)]);
    for (const u of fromB) await applyRemoteDocUpdate(a.ctx, DOC, u);
    for (const u of fromA) await applyRemoteDocUpdate(b.ctx, DOC, u);

    const [ra, rb] = await Promise.all([reloaded(a), reloaded(b)]);
    expect(paragraphs(ra, HEARD).sort()).toEqual(['Текст второго секретаря', 'Текст первого секретаря']);
    expect(paragraphs(rb, HEARD)).toEqual(paragraphs(ra, HEARD));
    // Applying a pulled update queues nothing to push back.
    expect((await allOutboxItems(a.db)).filter((e) => !isRecordChange(e))).toHaveLength(fromA.length);
  });

  it('an open document takes in what another window of the same database stores', async () => {
    const h = harness();
    const other = new HattamaDb(h.db.name);
    try {
      const d = await openIn(h);
      const theirs = new Y.Doc();
      type(theirs, HEARD, 'Из другого окна');
      await applyRemoteDocUpdate({ ...h.ctx, db: other }, DOC, Y.encodeStateAsUpdate(theirs));
      await vi.waitFor(() => expect(paragraphs(d.doc, HEARD)).toEqual(['Из другого окна']));
    } finally {
      other.close();
    }
  });

  it('a document with many stored updates is compacted when opened, and its text is kept', async () => {
    const h = harness();
    const d = await openIn(h);
    for (let i = 0; i < 70; i++) {
      type(d.doc, HEARD, `Абзац ${i + 1}`);
      await d.flush();
    }
    await d.close();
    expect(await stored(h)).toBe(70);

    const again = await openIn(h);
    expect(await stored(h)).toBe(1);
    const texts = paragraphs(again.doc, HEARD);
    expect(texts).toHaveLength(70);
    expect(texts[0]).toBe('Абзац 1');
    expect(texts[69]).toBe('Абзац 70');
    // The outbox keeps each update to push.
    expect((await allOutboxItems(h.db)).filter((e) => !isRecordChange(e))).toHaveLength(70);

    type(again.doc, HEARD, 'После сжатия');
    await again.close();
    expect(paragraphs(await reloaded(h), HEARD).at(-1)).toBe('После сжатия');
  });

  it('a copy (corrected revision) starts with the source text, and editing it leaves the source as it was', async () => {
    const h = harness();
    const signedId = DOC;
    const nextId = 'minutes/0190a8c0-0000-7000-8000-000000000002/ru';
    const src = await openIn(h, signedId);
    type(src.doc, HEARD, 'Подписанный текст');
    await src.close();

    await copyDocState(h.ctx, signedId, nextId);
    const copy = await openIn(h, nextId);
    expect(paragraphs(copy.doc, HEARD)).toEqual(['Подписанный текст']);
    type(copy.doc, HEARD, 'Исправление');
    await copy.close();

    expect(paragraphs(await reloaded(h, signedId), HEARD)).toEqual(['Подписанный текст']);
    expect(paragraphs(await reloaded(h, nextId), HEARD)).toEqual(['Подписанный текст', 'Исправление']);
  });

  it('copying a document that has no text stores nothing', async () => {
    const h = harness();
    await copyDocState(h.ctx, DOC, 'minutes/0190a8c0-0000-7000-8000-000000000003/ru');
    expect(await h.db.docUpdates.count()).toBe(0);
  });
});
