// The live channel through the bridge (shared/sync/live.ts): the host owns the one WebSocket of a
// window — in Electron the main process, which has the token; in the browser the page itself —
// and the renderer's live client drives it with these calls and hears it through one event whose
// payload (a string, as every bridge event) is a LiveHostEvent in JSON.
import { z } from 'zod';
import { MAX_LIVE_MESSAGE_BYTES, liveClientMessageSchema, liveServerMessageSchema } from '../sync/live';

/** What the host tells the renderer about its socket. */
export const liveHostEventSchema = z.discriminatedUnion('type', [
  /** The socket is open: join the documents again. */
  z.object({ type: z.literal('open') }).strict(),
  z.object({ type: z.literal('message'), message: liveServerMessageSchema }).strict(),
  /**
   * The socket closed (or could not open). `signedOut`: there is no session, or the server ended
   * it — reconnecting with the same session would fail.
   */
  z.object({ type: z.literal('closed'), code: z.number().int(), reason: z.string().max(500), signedOut: z.boolean() }).strict(),
]);
export type LiveHostEvent = z.infer<typeof liveHostEventSchema>;

/** The event payload: a LiveHostEvent as JSON (an update of the largest size, and room for the envelope). */
export const liveEventPayloadSchema = z.string().max(MAX_LIVE_MESSAGE_BYTES * 2);

/** Parses an event payload; null when it breaks the contract (the renderer drops it). */
export function parseLiveHostEvent(payload: string): LiveHostEvent | null {
  try {
    const parsed = liveHostEventSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The live channels' entries of the bridge contract (shared/bridge/contract.ts spreads them in). */
export const liveBridgeContract = {
  /**
   * Opens the window's socket to the sync server (a no-op while it is open or opening); the
   * answer says whether it is trying. `started: false` with a reason: not signed in, no server.
   */
  'live:connect': {
    method: 'liveConnect',
    request: z.object({}).strict(),
    response: z.object({ started: z.boolean(), reason: z.string().max(500).optional() }).strict(),
  },
  /** Sends one message on the open socket; `sent: false` when it is not open (the outbox still carries updates). */
  'live:send': { method: 'liveSend', request: liveClientMessageSchema, response: z.object({ sent: z.boolean() }).strict() },
  /** Closes the socket (no document is open live any more, or the app went offline). */
  'live:disconnect': { method: 'liveDisconnect', request: z.object({}).strict(), response: z.object({ ok: z.boolean() }).strict() },
} as const;
