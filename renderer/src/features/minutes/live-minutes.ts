// The minutes typed by two clerks at once (issue 10): the open minutes text joins the live
// channel; what another clerk types is applied to the open Yjs document and stored (it is not
// queued to push — it is theirs); what this clerk types goes out as soon as it is stored, the
// same bytes the outbox pushes later. The awareness (cursor, name) of a document is one per open
// Y.Doc, shared by every part's editor, which draws the others' cursors with their names.
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import { liveUserSchema, type LiveUser } from '@shared/sync/live';
import { applyRemoteDocUpdate, STORED_ORIGIN, type StoredDoc } from '../../db/doc-store';
import type { RepoContext } from '../../db/repository';
import type { LiveClient, LiveStatus } from '../../sync/live-client';

/** Origin of awareness changes that came from the live channel. */
const LIVE_ORIGIN = 'live';

const awarenessByDoc = new WeakMap<Y.Doc, Awareness>();

/** The awareness of an open document (made on first use; it ends when the document is destroyed). */
export function awarenessOf(doc: Y.Doc): Awareness {
  let awareness = awarenessByDoc.get(doc);
  if (!awareness) {
    awareness = new Awareness(doc);
    awarenessByDoc.set(doc, awareness);
  }
  return awareness;
}

type ChangeListener = (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => void;

/**
 * The awareness as one part's caret plugin sees it: the same states, but its 'change' event only
 * when another clerk's state changed. The plugin redraws on every change, and this clerk's own
 * caret (moved at each key) is never drawn — without the filter, each key would redraw every part
 * of the minutes (eighty-odd editors).
 */
export function partAwareness(awareness: Awareness): Awareness {
  const filtered = new Map<ChangeListener, ChangeListener>();
  return new Proxy(awareness, {
    get(target, prop) {
      if (prop === 'on' || prop === 'off') {
        return (name: string, listener: ChangeListener) => {
          if (name !== 'change') return prop === 'on' ? target.on(name, listener) : target.off(name, listener);
          if (prop === 'off') {
            const f = filtered.get(listener);
            if (f) target.off('change', f);
            filtered.delete(listener);
            return undefined;
          }
          const f: ChangeListener = (changes, origin) => {
            const own = target.clientID;
            if ([...changes.added, ...changes.updated, ...changes.removed].some((id) => id !== own)) listener(changes, origin);
          };
          filtered.set(listener, f);
          target.on('change', f);
          return undefined;
        };
      }
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The other clerks in the document (by name, once each), from its awareness. */
export function othersIn(awareness: Awareness): LiveUser[] {
  const byName = new Map<string, LiveUser>();
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue;
    const user = liveUserSchema.safeParse((state as { user?: unknown }).user);
    if (user.success && !byName.has(user.data.name)) byName.set(user.data.name, user.data);
  }
  return [...byName.values()];
}

export type LiveDocDeps = {
  client: LiveClient;
  ctx: RepoContext;
  stored: StoredDoc;
  docId: string;
  regionId: string;
  onStatus?: (status: LiveStatus) => void;
};

/** Joins the open document to the live channel; returns the function that leaves. */
export function connectLiveDoc({ client, ctx, stored, docId, regionId, onStatus }: LiveDocDeps): () => void {
  const { doc } = stored;
  const awareness = awarenessOf(doc);
  const dropOthers = () => {
    const others = [...awareness.getStates().keys()].filter((id) => id !== awareness.clientID);
    if (others.length > 0) removeAwarenessStates(awareness, others, LIVE_ORIGIN);
  };
  const live = client.open(docId, regionId, {
    stateVector: () => Y.encodeStateVector(doc),
    onJoined: (canWrite, serverVector) => {
      if (!canWrite) return null;
      // This window's state goes out with a new clock: a fresh awareness's first state has clock 0,
      // which the others take for one they already have — they would see this clerk only at the
      // first key. (Its 'update' sends it, below.)
      awareness.setLocalState({ ...(awareness.getLocalState() ?? {}) });
      // What this clerk typed while the others could not see it (offline): they get it now.
      return Y.encodeStateAsUpdate(doc, serverVector);
    },
    onUpdate: (update) => {
      Y.applyUpdate(doc, update, STORED_ORIGIN);
      applyRemoteDocUpdate(ctx, docId, update).catch((e: unknown) => console.warn('A live update could not be stored; the next pull brings it again', e));
    },
    onAwareness: (update) => applyAwarenessUpdate(awareness, update, LIVE_ORIGIN),
    onStatus: (status) => {
      if (status !== 'live') dropOthers();
      onStatus?.(status);
    },
    onError: (message) => console.warn(`Live channel (${docId}): ${message}`),
  });
  const offStored = stored.onStored((update) => live.sendUpdate(update));
  const onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
    if (origin === LIVE_ORIGIN) return;
    if ([...added, ...updated, ...removed].includes(awareness.clientID)) live.sendAwareness(encodeAwarenessUpdate(awareness, [awareness.clientID]));
  };
  awareness.on('update', onAwarenessUpdate);
  return () => {
    offStored();
    awareness.off('update', onAwarenessUpdate);
    dropOthers();
    live.close();
  };
}

/** Joins the open minutes text to the live channel while `enabled`; says who else is in it. */
export function useLiveMinutes(client: LiveClient | null, ctx: RepoContext, stored: StoredDoc | null, docId: string | null, regionId: string | null, enabled: boolean): { status: LiveStatus; others: LiveUser[] } {
  const [status, setStatus] = useState<LiveStatus>('offline');
  const [others, setOthers] = useState<LiveUser[]>([]);
  useEffect(() => {
    if (!client || !stored || !docId || !regionId || !enabled) return;
    const leave = connectLiveDoc({ client, ctx, stored, docId, regionId, onStatus: setStatus });
    const awareness = awarenessOf(stored.doc);
    const same = (a: LiveUser[], b: LiveUser[]) => a.length === b.length && a.every((u, i) => u.name === b[i]?.name && u.color === b[i]?.color);
    const onChange = () => setOthers((prev) => {
      const next = othersIn(awareness);
      return same(prev, next) ? prev : next;
    });
    awareness.on('change', onChange);
    onChange();
    return () => {
      awareness.off('change', onChange);
      leave();
      setStatus('offline');
      setOthers([]);
    };
  }, [client, ctx, stored, docId, regionId, enabled]);
  return { status, others };
}
