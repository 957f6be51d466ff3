// The gzip of a snapshot on a thread of its own (renderer/src/backup/codec.ts starts it): the
// snapshot's thread reads the tables and writes their JSON part by part; here each part is encoded
// and compressed as it comes, so the two run side by side instead of one after the other.
import { gzipPartsMessage, type GzipRequest } from './gzip-protocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<GzipRequest>) => void) | null;
  postMessage: (message: unknown, transfer?: Transferable[]) => void;
};

const encoder = new TextEncoder();
const stream = new CompressionStream('gzip');
const writer = stream.writable.getWriter();
const result = new Response(stream.readable).arrayBuffer();
// A failed write shows in `result` (and `close` below); nothing is left unhandled meanwhile.
result.catch(() => undefined);
let failed: unknown = null;

scope.onmessage = (event) => {
  const m = event.data;
  if (m.kind === 'part') {
    writer.write(encoder.encode(m.text)).catch((e: unknown) => (failed ??= e));
    return;
  }
  void (async () => {
    try {
      await writer.close();
      if (failed) throw failed;
      const bytes = new Uint8Array(await result);
      scope.postMessage(gzipPartsMessage.done(bytes), [bytes.buffer]);
    } catch (e) {
      scope.postMessage(gzipPartsMessage.failed(e));
    }
  })();
};
