// What the snapshot's thread and its gzip worker (gzip.worker.ts) say to each other.

/** To the worker: a text part to compress next, or the end of the text. */
export type GzipRequest = { kind: 'part'; text: string } | { kind: 'end' };

/** From the worker, once: the gzip bytes of every part in order, or why there are none. */
export type GzipReply = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; message: string };

export const gzipPartsMessage = {
  done: (bytes: Uint8Array<ArrayBuffer>): GzipReply => ({ ok: true, bytes }),
  failed: (e: unknown): GzipReply => ({ ok: false, message: e instanceof Error ? e.message : String(e) }),
};
