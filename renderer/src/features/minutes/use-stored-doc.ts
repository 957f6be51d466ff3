// Opens one minutes text (a Yjs document kept in Dexie) for as long as the page shows it, and
// says whether what was typed is stored yet — changing state only when that flips, never per
// keystroke.
import { useEffect, useState } from 'react';
import { openDoc, SAVE_DELAY_MS, STORED_ORIGIN, type StoredDoc } from '../../db/doc-store';
import type { RepoContext } from '../../db/repository';

/** The open document of `docId` (null while it opens, or with no id); closed (and flushed) when left. */
export function useStoredDoc(ctx: RepoContext, docId: string | null): StoredDoc | null {
  const [open, setOpen] = useState<{ id: string; doc: StoredDoc } | null>(null);
  useEffect(() => {
    if (!docId) return;
    let cancelled = false;
    let opened: StoredDoc | null = null;
    void openDoc(ctx, docId).then((d) => {
      if (cancelled) void d.close();
      else {
        opened = d;
        setOpen({ id: docId, doc: d });
      }
    });
    return () => {
      cancelled = true;
      if (opened) void opened.close();
      setOpen(null);
    };
  }, [ctx, docId]);
  return open && open.id === docId ? open.doc : null;
}

export type SaveState = 'saved' | 'saving';

/** 'saving' from a local change until it is stored, then 'saved'. */
export function useSaveState(stored: StoredDoc | null): SaveState {
  const [state, setState] = useState<SaveState>('saved');
  useEffect(() => {
    if (!stored) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const check = () => {
      timer = null;
      if (stored.pending() > 0) timer = setTimeout(check, SAVE_DELAY_MS);
      else void stored.flush().then(() => setState('saved'));
    };
    const onUpdate = (_u: Uint8Array, origin: unknown) => {
      if (origin === STORED_ORIGIN) return;
      setState('saving');
      if (!timer) timer = setTimeout(check, SAVE_DELAY_MS + 20);
    };
    stored.doc.on('update', onUpdate);
    return () => {
      stored.doc.off('update', onUpdate);
      if (timer) clearTimeout(timer);
    };
  }, [stored]);
  return state;
}
