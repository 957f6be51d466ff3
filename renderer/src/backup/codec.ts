// Compression and checksums of snapshots with what the page has: the browser's own gzip
// (CompressionStream) and Web Crypto where present, fflate and a plain SHA-256 where not.
import { gunzipSync, gzipSync } from 'fflate';
import { sha256HexSync } from '@shared/backup/sha256';
import type { GzipReply, GzipRequest } from './gzip.worker';
import { replyOf } from './worker-reply';
import { utf8Encoder } from './utf8';

/** Gzips text parts (UTF-8) without first joining them into one string. */
export async function gzipParts(parts: string[]): Promise<Uint8Array<ArrayBuffer>> {
  if (typeof CompressionStream === 'function' && typeof Response === 'function') {
    const utf8 = utf8Encoder();
    const stream = new CompressionStream('gzip');
    const writer = stream.writable.getWriter();
    const result = new Response(stream.readable).arrayBuffer();
    // Each write's own failure shows in `close` and `result`.
    for (const part of parts) writer.write(utf8(part)).catch(() => undefined);
    await writer.close();
    return new Uint8Array(await result);
  }
  const bytes = gzipSync(new TextEncoder().encode(parts.join('')), { level: 6 });
  return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}

/** Where a sink's parts were compressed: on a worker of their own, or on the writer's thread. */
export type GzipThread = 'worker' | 'here';

/** The gzip of every part written to a sink, in order, and where it was made. */
export type Gzipped = { bytes: Uint8Array<ArrayBuffer>; thread: GzipThread };

/** A gzip file written part by part: {@link openGzipSink}. */
export interface GzipSink {
  /** Adds the next text part (UTF-8 in the file). */
  write(part: string): void;
  /**
   * The gzip of every part written, in order; null when its worker failed part-way. The parts are
   * not kept meanwhile (a large snapshot's are hundreds of megabytes): the writer writes them
   * again, to {@link gzipHere}.
   */
  finish(): Promise<Gzipped | null>;
  /** Drops what was written (the snapshot failed): its worker, if any, is stopped. */
  abort(): void;
}

/** Parts kept, gzipped together at the end on this thread. */
export function gzipHere(): GzipSink {
  const parts: string[] = [];
  return {
    write: (part) => void parts.push(part),
    finish: async () => ({ bytes: await gzipParts(parts), thread: 'here' }),
    abort: () => void parts.splice(0),
  };
}

/** What {@link gzipOnWorker} needs of a worker (a dedicated Worker running gzip.worker.ts). */
export type GzipWorker = Pick<Worker, 'postMessage' | 'terminate' | 'onmessage' | 'onerror' | 'onmessageerror'>;

/**
 * Parts sent to a worker as they come and compressed there while the writer goes on (a large
 * snapshot: its reading and its gzip side by side). A worker that cannot start leaves the parts to
 * {@link gzipHere} from the first; one that fails part-way makes {@link GzipSink.finish} say so
 * (null), and the writer writes them again here — no snapshot is lost to it.
 */
export function gzipOnWorker(start: () => GzipWorker): GzipSink {
  let worker: GzipWorker | null;
  try {
    worker = start();
  } catch {
    return gzipHere();
  }
  const reply = replyOf<GzipReply>(worker, 'gzip');
  const utf8 = utf8Encoder();
  const send = (m: GzipRequest) => {
    try {
      worker?.postMessage(m, m.kind === 'part' ? [m.bytes.buffer] : []);
    } catch {
      worker?.terminate();
      worker = null;
    }
  };
  return {
    // Encoded here and handed over (transferred, not copied): measured on a large snapshot, posting
    // its JSON as strings took this thread longer than encoding it.
    write: (part) => send({ kind: 'part', bytes: utf8(part) }),
    async finish() {
      send({ kind: 'end' });
      const r = worker ? await reply : null;
      worker?.terminate();
      return r?.ok ? { bytes: r.bytes, thread: 'worker' } : null;
    },
    abort() {
      worker?.terminate();
      worker = null;
    },
  };
}

/**
 * A gzip sink on a worker where the page can start one (the desktop window, the browser, the
 * snapshot's own worker), on this thread where it cannot (tests on jsdom and Node).
 */
export function openGzipSink(): GzipSink {
  if (typeof Worker !== 'function' || typeof CompressionStream !== 'function') return gzipHere();
  return gzipOnWorker(() => new Worker(new URL('./gzip.worker.ts', import.meta.url), { type: 'module', name: 'gzip' }));
}

/** Decompresses gzip bytes to text; throws on damaged data (the gzip trailer's CRC included). */
export async function gunzipText(bytes: Uint8Array): Promise<string> {
  if (typeof DecompressionStream === 'function' && typeof Blob === 'function' && typeof Response === 'function') {
    const stream = new Blob([bytes.slice()]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new TextDecoder('utf-8', { fatal: true }).decode(await new Response(stream).arrayBuffer());
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(gunzipSync(bytes));
}

/** SHA-256 as hex: Web Crypto in a secure context, the plain implementation elsewhere. */
export async function sha256Hex(data: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) {
    const digest = await subtle.digest('SHA-256', data.slice());
    return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
  }
  return sha256HexSync(data);
}
