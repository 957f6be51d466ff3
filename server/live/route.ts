// The live channel's WebSocket endpoint (shared/sync/live.ts): the token is checked before the
// upgrade (the same rules as every HTTP endpoint), a join is checked against the caller's regions
// (and the minutes' own region when the server has the record), every update is relayed to the
// room and stored as a push would store it, every awareness update is relayed with the user's
// name. Each socket's messages are handled in order; a bad message gets an error and changes nothing.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import websocket from '@fastify/websocket';
import * as Y from 'yjs';
import {
  LIVE_CLOSE, LIVE_PATH, LIVE_PROTOCOL, MAX_JOINED_DOCS, MAX_LIVE_MESSAGE_BYTES, liveClientMessageSchema, parseLiveMessage,
  tokenFromProtocols, type LiveClientMessage, type LiveServerMessage,
} from '../../shared/sync/live';
import { toBuffer, type Database } from '../db/database';
import { mayRead, type Caller } from '../auth/caller';
import { callerForToken } from '../auth/users';
import { ApiError, fail } from '../http/errors';
import { DEFAULT_COMPACT_AT, appendDocs, compactDocs, lockRegionLog } from '../sync/push';
import { LiveHub, type LivePeer } from './hub';
import { startLiveBus } from './bus';

export type LiveOptions = {
  db: Database;
  now: () => number;
  compactAt?: number;
  /** Resolves the request's token to the caller, or throws ApiError 401 (the HTTP endpoints' rule). */
  authenticate: (req: FastifyRequest, token: string | null) => Promise<Caller>;
  hub?: LiveHub;
};

/** What the endpoint uses of a `ws` socket (the package ships no types here). */
type Socket = {
  readonly readyState: number;
  readonly OPEN: number;
  send(text: string): void;
  close(code: number, reason: string): void;
  on(event: 'message', listener: (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => void): void;
  on(event: 'close', listener: () => void): void;
};

/** The bearer token of an upgrade request: the Authorization header, else the subprotocol list. */
function tokenOf(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  const m = typeof header === 'string' ? /^Bearer ([^\s]+)$/i.exec(header.trim()) : null;
  if (m?.[1]) return m[1];
  const protocols = req.headers['sec-websocket-protocol'];
  return tokenFromProtocols(Array.isArray(protocols) ? protocols.join(',') : protocols);
}

/** The minutes id inside a document id (`minutes/<id>/<lang>`), null for other documents. */
function minutesIdOf(docId: string): string | null {
  const m = /^minutes\/([0-9a-f-]{36})\/[a-z]{2}$/.exec(docId);
  return m?.[1] ?? null;
}

/** How long a stopping server waits for the live messages it is handling. */
const CLOSE_WAIT_MS = 5000;

/** Registers the live endpoint on `app`; returns the hub (tests look into its rooms). */
export async function registerLive(app: FastifyInstance, opts: LiveOptions): Promise<LiveHub> {
  const { db, now } = opts;
  const hub = opts.hub ?? new LiveHub();
  let nextPeer = 0;
  // Several servers on one PostgreSQL: each announces what it relays and relays what the others announce.
  const bus = await startLiveBus(db, (m) => {
    if (m.update === undefined) return;
    hub.deliverRemote(m.region, m.kind === 'update' ? { type: 'update', docId: m.docId, update: m.update, by: m.by } : { type: 'awareness', docId: m.docId, update: m.update });
  });
  /** Updates too large to announce inline: announced by version once stored. */
  const unannounced = new WeakSet<object>();
  if (bus) {
    hub.onRelay = (room, message) => {
      const sent = bus.publish({ region: room.region, docId: room.docId, kind: message.type, update: message.update, by: message.type === 'update' ? message.by : null });
      if (!sent) unannounced.add(message);
    };
    app.addHook('onClose', async () => {
      await bus.close();
    });
  }
  // What the sockets were sent and the server has not finished with (an update relayed and not yet
  // stored): a server stopping (SIGTERM, a deploy) finishes it before the database closes, up to a
  // while — a message stuck on a lock does not hold the stop for good (the outbox pushes it anyway).
  const inFlight = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.allSettled([...inFlight]),
      new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS))),
    ]);
    clearTimeout(timer);
  });
  await app.register(websocket, {
    options: {
      maxPayload: MAX_LIVE_MESSAGE_BYTES,
      handleProtocols: (protocols: Set<string>) => (protocols.has(LIVE_PROTOCOL) ? LIVE_PROTOCOL : false),
    },
  });

  app.get(LIVE_PATH, {
    websocket: true,
    preValidation: async (req) => {
      req.caller = await opts.authenticate(req, tokenOf(req));
    },
  }, (ws, req) => {
    const socket = ws as unknown as Socket;
    const token = tokenOf(req) ?? '';
    let caller = req.caller as Caller;
    const send = (message: LiveServerMessage) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    };
    const peer: LivePeer = { id: ++nextPeer, get caller() { return caller; }, send };
    const refuse = (code: LiveServerMessage & { type: 'error' }) => send(code);

    /** Closes the socket when the session ended (expired, revoked, user disabled); true when it did. */
    const sessionEnded = async (recheck: boolean): Promise<boolean> => {
      const fresh = now() < caller.expiresAt.getTime() ? (recheck ? await callerForToken(db, token, now()) : caller) : null;
      if (fresh) {
        caller = fresh;
        return false;
      }
      send({ type: 'error', code: 'unauthorized', message: 'The session has expired or was ended; sign in again.' });
      socket.close(LIVE_CLOSE.unauthorized, 'session ended');
      return true;
    };

    const join = async (m: LiveClientMessage & { type: 'join' }) => {
      if (await sessionEnded(true)) return;
      if (!mayRead(caller, m.regionId)) fail('forbidden', `Region "${m.regionId}" is not granted to ${caller.username}.`);
      const minutesId = minutesIdOf(m.docId);
      if (!minutesId) fail('bad_request', `${m.docId} is not a minutes document.`);
      const [record] = await db.query<{ region_id: string }>("SELECT region_id FROM records WHERE tbl = 'minutes' AND id = $1", [minutesId]);
      if (record && record.region_id !== m.regionId) fail('forbidden', `The minutes ${minutesId} belong to another region.`);
      if (!hub.roomOf(peer, m.docId) && hub.joinedCount(peer) >= MAX_JOINED_DOCS) {
        fail('bad_request', `At most ${MAX_JOINED_DOCS} documents may be open live on one connection; leave one first.`);
      }
      const room = hub.join(peer, m.regionId, m.docId);
      // What the server has stored of the document: its state vector goes to the joiner (which
      // sends back what it typed offline), and what the joiner lacks (it may not have pulled yet).
      const rows = await db.query<{ payload: unknown }>('SELECT payload FROM doc_updates WHERE region_id = $1 AND doc_id = $2 ORDER BY version', [m.regionId, m.docId]);
      const updates = rows.map((r) => new Uint8Array(toBuffer(r.payload)));
      const stored = updates.length === 0 ? null : updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates);
      const serverVector = stored ? Y.encodeStateVectorFromUpdate(stored) : Y.encodeStateVector(new Y.Doc());
      send({ type: 'joined', docId: m.docId, canWrite: caller.role !== 'viewer', stateVector: Buffer.from(serverVector).toString('base64') });
      if (stored && m.stateVector) {
        let missing: Uint8Array;
        try {
          missing = Y.diffUpdate(stored, new Uint8Array(Buffer.from(m.stateVector, 'base64')));
        } catch {
          fail('bad_request', 'The state vector of the join is not a Yjs state vector.');
        }
        if (missing.length > 2) send({ type: 'update', docId: m.docId, update: Buffer.from(missing).toString('base64'), by: null });
      }
      const others = hub.awarenessFor(peer, room);
      if (others) send({ type: 'awareness', docId: m.docId, update: others });
    };

    const update = async (m: LiveClientMessage & { type: 'update' | 'catch-up' }) => {
      const room = hub.roomOf(peer, m.docId);
      if (!room) fail('bad_request', `Join ${m.docId} before sending its updates.`);
      if (caller.role === 'viewer') fail('forbidden', `${caller.username} is a viewer and cannot change data.`);
      if (!mayRead(caller, room.region)) fail('forbidden', `Region "${room.region}" is not granted to ${caller.username}.`);
      const bytes = Buffer.from(m.update, 'base64');
      try {
        if (bytes.length < 2) throw new Error('too short');
        Y.decodeUpdate(bytes);
      } catch {
        fail('bad_request', `The update of ${m.docId} is not a Yjs update.`);
      }
      const relayed = hub.relayUpdate(peer, room, m.update);
      if (m.type === 'catch-up') return;
      // Stored as a push stores it; the client's outbox pushes the same bytes later and they are recognised.
      const version = await db.transaction(async (tx) => {
        await lockRegionLog(tx, room.region);
        const v = await appendDocs(tx, room.region, null, caller.userId, [{ docId: m.docId, update: m.update, seq: null }]);
        await compactDocs(tx, room.region, [m.docId], opts.compactAt ?? DEFAULT_COMPACT_AT);
        return v;
      });
      if (bus && version > 0 && unannounced.has(relayed)) bus.publish({ region: room.region, docId: m.docId, kind: 'update', version, by: caller.displayName });
    };

    const awareness = (m: LiveClientMessage & { type: 'awareness' }) => {
      const room = hub.roomOf(peer, m.docId);
      if (!room) fail('bad_request', `Join ${m.docId} before sending its awareness.`);
      if (caller.role === 'viewer') fail('forbidden', `${caller.username} is a viewer and does not edit.`);
      try {
        hub.relayAwareness(peer, room, new Uint8Array(Buffer.from(m.update, 'base64')));
      } catch (e) {
        fail('bad_request', `The awareness update of ${m.docId} is not valid: ${(e as Error).message}.`);
      }
    };

    const handle = async (text: string) => {
      const parsed = parseLiveMessage(liveClientMessageSchema, text);
      if (!parsed.ok) {
        refuse({ type: 'error', code: 'bad_request', message: parsed.message });
        return;
      }
      const m = parsed.value;
      try {
        if (m.type !== 'join' && (await sessionEnded(false))) return;
        if (m.type === 'join') await join(m);
        else if (m.type === 'leave') hub.leave(peer, m.docId);
        else if (m.type === 'update' || m.type === 'catch-up') await update(m);
        else awareness(m);
      } catch (e) {
        if (e instanceof ApiError) refuse({ type: 'error', code: e.code, message: e.message, docId: m.docId });
        else {
          req.log.error(e);
          console.error(`[${new Date(now()).toISOString()}] live ${m.type} ${m.docId}:`, e);
          refuse({ type: 'error', code: 'server_error', message: 'The server could not store this update; the outbox will push it.', docId: m.docId });
        }
      }
    };

    let queue: Promise<void> = Promise.resolve();
    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        refuse({ type: 'error', code: 'bad_request', message: 'Send JSON text messages.' });
        return;
      }
      const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
      const handled = queue.then(() => handle(text));
      queue = handled;
      inFlight.add(handled);
      void handled.finally(() => inFlight.delete(handled));
    });
    socket.on('close', () => hub.leaveAll(peer));
  });
  return hub;
}
