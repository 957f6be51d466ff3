// The live channel (issue 10, DESIGN §4): while two clerks have the same minutes open and are
// online, each sees the other's typing and cursor at once. One WebSocket per window, at
// LIVE_PATH; the token travels in the subprotocol list (a browser cannot set headers on a
// WebSocket) and is checked before the upgrade. A client joins documents, then sends and
// receives Yjs updates and awareness (cursor, name) as JSON messages declared here. The server
// stores every relayed update as a push would; the outbox still pushes it later, and the server
// recognises it (same document, same bytes) so the log holds it once.
import { z } from 'zod';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { SYNC_API_PREFIX, SYNC_ERROR_CODES, docIdSchema, regionIdSchema } from './contract';

/** Where the live channel listens (same origin as the API). */
export const LIVE_PATH = `${SYNC_API_PREFIX}/live`;

/** The subprotocol a client asks for; the server picks it. */
export const LIVE_PROTOCOL = 'hattama-live.1';

/** The second subprotocol entry carries the bearer token: `bearer.<token>`. */
export const LIVE_TOKEN_PREFIX = 'bearer.';

/** Largest Yjs update one live message carries (base64 characters); a bigger change goes by the outbox only. */
export const MAX_LIVE_UPDATE_CHARS = 1_000_000;

/** Largest awareness update (base64 characters): a cursor and a name. */
export const MAX_AWARENESS_CHARS = 16_000;

/** Largest message a socket accepts (bytes of JSON). */
export const MAX_LIVE_MESSAGE_BYTES = MAX_LIVE_UPDATE_CHARS + 4096;

/** How many documents one connection may have joined at once. */
export const MAX_JOINED_DOCS = 16;

/** WebSocket close codes of the live channel (4000–4999 are the application's). */
export const LIVE_CLOSE = {
  /** The token expired or was revoked: sign in again (do not reconnect with it). */
  unauthorized: 4401,
  /** The server is shutting down: reconnect later. */
  goingAway: 1001,
} as const;

/** The subprotocol list a client opens the socket with. */
export function liveProtocols(token: string): string[] {
  return [LIVE_PROTOCOL, `${LIVE_TOKEN_PREFIX}${token}`];
}

/** The token of a `Sec-WebSocket-Protocol` header (null when it carries none or not ours). */
export function tokenFromProtocols(header: string | undefined): string | null {
  if (!header) return null;
  const items = header.split(',').map((s) => s.trim());
  if (!items.includes(LIVE_PROTOCOL)) return null;
  const entry = items.find((s) => s.startsWith(LIVE_TOKEN_PREFIX));
  const token = entry?.slice(LIVE_TOKEN_PREFIX.length) ?? '';
  return token.length > 0 ? token : null;
}

const base64 = (max: number) => z.base64().min(4).max(max);

/** What a client sends. */
export const liveClientMessageSchema = z.discriminatedUnion('type', [
  /** Start receiving a document's updates and awareness; `stateVector` (base64): what the client has, to get what it lacks. */
  z.object({ type: z.literal('join'), docId: docIdSchema, regionId: regionIdSchema, stateVector: z.base64().max(100_000).optional() }).strict(),
  z.object({ type: z.literal('leave'), docId: docIdSchema }).strict(),
  /** A Yjs update exactly as the client stored it (and queued it in its outbox). */
  z.object({ type: z.literal('update'), docId: docIdSchema, update: base64(MAX_LIVE_UPDATE_CHARS) }).strict(),
  /**
   * What the client has that the server lacked when it joined (typed offline; the state vector
   * came with `joined`): relayed to the others at once but not stored — the client's outbox
   * pushes those same changes as its own updates.
   */
  z.object({ type: z.literal('catch-up'), docId: docIdSchema, update: base64(MAX_LIVE_UPDATE_CHARS) }).strict(),
  /** A y-protocols awareness update (the client's cursor). The server sets the user's name and colour. */
  z.object({ type: z.literal('awareness'), docId: docIdSchema, update: base64(MAX_AWARENESS_CHARS) }).strict(),
]);
export type LiveClientMessage = z.infer<typeof liveClientMessageSchema>;

/** Who a message came from, as the server knows them (never as the client says). */
export const liveUserSchema = z.object({ name: z.string().max(200), color: z.string().regex(/^#[0-9a-f]{6}$/) }).strict();
export type LiveUser = z.infer<typeof liveUserSchema>;

/** What the server sends. */
export const liveServerMessageSchema = z.discriminatedUnion('type', [
  /** The document is joined; `canWrite` is false for a viewer; `stateVector`: what the server has stored of it. */
  z.object({ type: z.literal('joined'), docId: docIdSchema, canWrite: z.boolean(), stateVector: z.base64().max(1_000_000) }).strict(),
  /** Another clerk's update (or, with `by` null, what the server has that the joiner lacked). */
  z.object({ type: z.literal('update'), docId: docIdSchema, update: z.base64().max(8_000_000), by: z.string().max(200).nullable() }).strict(),
  z.object({ type: z.literal('awareness'), docId: docIdSchema, update: z.base64().max(1_000_000) }).strict(),
  /** A refused message (the connection stays open unless the code is `unauthorized`). */
  z.object({ type: z.literal('error'), code: z.enum(SYNC_ERROR_CODES), message: z.string().max(2000), docId: docIdSchema.optional() }).strict(),
]);
export type LiveServerMessage = z.infer<typeof liveServerMessageSchema>;

/** Parses one JSON text with `schema`; a readable reason when it does not fit. */
export function parseLiveMessage<S extends z.ZodType>(schema: S, text: string): { ok: true; value: z.output<S> } | { ok: false; message: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The message is not JSON.' };
  }
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(message)'}: ${i.message}`);
  return { ok: false, message: `Invalid message — ${issues.join('; ')}`.slice(0, 2000) };
}

/** Colours of the other clerks' cursors (readable on white and on the dark theme). */
export const LIVE_COLORS = ['#d9480f', '#1971c2', '#2f9e44', '#9c36b5', '#e8590c', '#0c8599', '#c2255c', '#5f3dc4'] as const;

/** A user's cursor colour: the same for them on every screen. */
export function liveColorFor(userId: number): string {
  return LIVE_COLORS[Math.abs(userId) % LIVE_COLORS.length] as string;
}

/** One client's entry of a y-protocols awareness update (state null: the client left). */
export type AwarenessEntry = { clientId: number; clock: number; state: Record<string, unknown> | null };

/** Most entries one awareness update may carry. */
const MAX_AWARENESS_ENTRIES = 64;

/**
 * Reads a y-protocols awareness update (varuint count, then per client: varuint id, varuint
 * clock, JSON state). Throws on anything else: a state that is not an object or null, trailing
 * bytes, too many entries.
 */
export function decodeAwarenessUpdate(bytes: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(bytes);
  const count = decoding.readVarUint(decoder);
  if (count > MAX_AWARENESS_ENTRIES) throw new Error(`too many awareness entries (${count})`);
  const out: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) throw new Error('an awareness state is not an object');
    out.push({ clientId, clock, state: state as Record<string, unknown> | null });
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after the awareness entries');
  return out;
}

/** Writes entries as a y-protocols awareness update. */
export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, JSON.stringify(e.state));
  }
  return encoding.toUint8Array(encoder);
}
