// The gzip of a snapshot on a thread of its own (renderer/src/backup/codec.ts starts it): the
// snapshot's thread reads the tables and writes their JSON part by part; here each part is
// compressed as it comes, so the two run side by side instead of one after the other.
/**
 * To the worker: the next part to compress (its text as UTF-8, encoded by the writer: a string
 * would be copied across, bytes are transferred), or the end of the text.
 */
export type GzipRequest = { kind: 'part'; bytes: Uint8Array<ArrayBuffer> } | { kind: 'end' };

/** From the worker, once: the gzip bytes of every part in order, or why there are none. */
export type GzipReply = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; message: string };

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<GzipRequest>) => void) | null;
  postMessage: (message: unknown, transfer?: Transferable[]) => void;
};

const stream = new CompressionStream('gzip');
const writer = stream.writable.getWriter();
const result = new Response(stream.readable).arrayBuffer();
// A failed write shows in `result` (and `close` below); nothing is left unhandled meanwhile.
result.catch(() => undefined);
let failed: unknown = null;

scope.onmessage = (event) => {
  const m = event.data;
  if (m.kind === 'part') {
    writer.write(m.bytes).catch((e: unknown) => (failed ??= e));
    return;
  }
  void (async () => {
    try {
      await writer.close();
      if (failed) throw failed;
      const bytes = new Uint8Array(await result);
      const reply: GzipReply = { ok: true, bytes };
      scope.postMessage(reply, [bytes.buffer]);
    } catch (e) {
      const reply: GzipReply = { ok: false, message: e instanceof Error ? e.message : String(e) };
      scope.postMessage(reply);
    }
  })();
};
