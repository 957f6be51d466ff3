// The live channel's rooms, in memory (one per region and document): who has joined, whose
// awareness entries (cursor, name) are whose, and the relay of updates and awareness to the
// other peers of a room. No sockets and no database here — route.ts wires those — so it is
// tested as plain logic. Rooms live in this process only: several servers need sticky sessions
// or a pub/sub (server/README.md).
import {
  decodeAwarenessUpdate, encodeAwarenessUpdate, liveColorFor, type AwarenessEntry, type LiveServerMessage,
} from '../../shared/sync/live';
import type { Caller } from '../auth/caller';

/** One connection as the hub sees it. */
export type LivePeer = {
  readonly id: number;
  readonly caller: Caller;
  send(message: LiveServerMessage): void;
};

type AwarenessHeld = { clock: number; state: Record<string, unknown>; owner: LivePeer };

export type LiveRoom = {
  readonly region: string;
  readonly docId: string;
  /** Each peer and the awareness client ids it speaks for. */
  readonly peers: Map<LivePeer, Set<number>>;
  /** The latest awareness state of each client id (a joiner gets them all). */
  readonly awareness: Map<number, AwarenessHeld>;
};

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Most awareness client ids one connection may speak for in a room (a window has one per open document). */
const MAX_IDS_PER_PEER = 8;

export class LiveHub {
  private readonly rooms = new Map<string, LiveRoom>();
  private readonly joined = new Map<LivePeer, Map<string, LiveRoom>>();
  /** Hears every message this server relays from its own peers (the bus announces it to other servers). */
  onRelay: ((room: LiveRoom, message: LiveServerMessage & { type: 'update' | 'awareness' }) => void) | null = null;

  /** Adds `peer` to the room of `docId` in `region` (access is checked by the caller). */
  join(peer: LivePeer, region: string, docId: string): LiveRoom {
    const key = `${region}\u0000${docId}`;
    let room = this.rooms.get(key);
    if (!room) {
      room = { region, docId, peers: new Map(), awareness: new Map() };
      this.rooms.set(key, room);
    }
    if (!room.peers.has(peer)) room.peers.set(peer, new Set());
    let mine = this.joined.get(peer);
    if (!mine) {
      mine = new Map();
      this.joined.set(peer, mine);
    }
    mine.set(docId, room);
    return room;
  }

  /** The room of `docId` that `peer` has joined (null: not joined). */
  roomOf(peer: LivePeer, docId: string): LiveRoom | null {
    return this.joined.get(peer)?.get(docId) ?? null;
  }

  /** How many documents `peer` has joined. */
  joinedCount(peer: LivePeer): number {
    return this.joined.get(peer)?.size ?? 0;
  }

  /** How many peers are in the room of `docId` in `region` (tests, the health of a room). */
  peerCount(region: string, docId: string): number {
    return this.rooms.get(`${region}\u0000${docId}`)?.peers.size ?? 0;
  }

  /** Removes `peer` from the room of `docId`; the others see its cursors go. */
  leave(peer: LivePeer, docId: string): void {
    const room = this.roomOf(peer, docId);
    if (!room) return;
    const owned = room.peers.get(peer) ?? new Set<number>();
    room.peers.delete(peer);
    this.joined.get(peer)?.delete(docId);
    const gone: AwarenessEntry[] = [];
    for (const clientId of owned) {
      const held = room.awareness.get(clientId);
      room.awareness.delete(clientId);
      gone.push({ clientId, clock: (held?.clock ?? 0) + 1, state: null });
    }
    if (gone.length > 0) this.broadcast(room, peer, { type: 'awareness', docId, update: toBase64(encodeAwarenessUpdate(gone)) });
    if (room.peers.size === 0) this.rooms.delete(`${room.region}\u0000${docId}`);
  }

  /** Removes `peer` from every room (its connection closed). */
  leaveAll(peer: LivePeer): void {
    for (const docId of [...(this.joined.get(peer)?.keys() ?? [])]) this.leave(peer, docId);
    this.joined.delete(peer);
  }

  /** Sends `peer`'s update of the room's document to the room's other peers, named by the signed-in user; returns the message sent. */
  relayUpdate(peer: LivePeer, room: LiveRoom, update: string): LiveServerMessage {
    const message = { type: 'update' as const, docId: room.docId, update, by: peer.caller.displayName };
    this.broadcast(room, peer, message);
    return message;
  }

  /**
   * Relays `peer`'s awareness update to the room's other peers. Every state gets the user's name
   * and colour from the session (a client cannot pose as someone else); an entry of a client id
   * another peer speaks for is dropped. Throws when the bytes are not an awareness update.
   */
  relayAwareness(peer: LivePeer, room: LiveRoom, bytes: Uint8Array): void {
    const entries = decodeAwarenessUpdate(bytes);
    const owned = room.peers.get(peer);
    if (!owned) return;
    const user = { name: peer.caller.displayName, color: liveColorFor(peer.caller.userId) };
    const out: AwarenessEntry[] = [];
    for (const e of entries) {
      const held = room.awareness.get(e.clientId);
      if (held && held.owner !== peer) continue;
      if (!held && !owned.has(e.clientId) && [...room.peers.values()].some((ids) => ids.has(e.clientId))) continue;
      if (!owned.has(e.clientId) && owned.size >= MAX_IDS_PER_PEER) continue;
      if (e.state === null) {
        room.awareness.delete(e.clientId);
        owned.delete(e.clientId);
        out.push(e);
        continue;
      }
      const state = { ...e.state, user };
      owned.add(e.clientId);
      room.awareness.set(e.clientId, { clock: e.clock, state, owner: peer });
      out.push({ clientId: e.clientId, clock: e.clock, state });
    }
    if (out.length > 0) this.broadcast(room, peer, { type: 'awareness', docId: room.docId, update: toBase64(encodeAwarenessUpdate(out)) });
  }

  /** Everyone else's awareness in the room, as one update for a joiner (null when nobody else is there). */
  awarenessFor(peer: LivePeer, room: LiveRoom): string | null {
    const entries: AwarenessEntry[] = [];
    for (const [clientId, held] of room.awareness) {
      if (held.owner !== peer) entries.push({ clientId, clock: held.clock, state: held.state });
    }
    return entries.length > 0 ? toBase64(encodeAwarenessUpdate(entries)) : null;
  }

  /** Relays what another server announced to this server's peers of the room (if it has one). */
  deliverRemote(region: string, message: LiveServerMessage & { type: 'update' | 'awareness' }): void {
    const room = this.rooms.get(`${region}\u0000${message.docId}`);
    if (!room) return;
    for (const peer of room.peers.keys()) peer.send(message);
  }

  private broadcast(room: LiveRoom, from: LivePeer, message: LiveServerMessage & { type: 'update' | 'awareness' }): void {
    for (const other of room.peers.keys()) if (other !== from) other.send(message);
    this.onRelay?.(room, message);
  }
}
