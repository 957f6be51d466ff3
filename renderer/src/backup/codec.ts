// Compression and checksums of snapshots with what the page has: the browser's own gzip
// (CompressionStream) and Web Crypto where present, fflate and a plain SHA-256 where not.
import { gunzipSync, gzipSync } from 'fflate';
import { sha256HexSync } from '@shared/backup/sha256';

/** Gzips text parts (UTF-8) without first joining them into one string. */
export async function gzipParts(parts: string[]): Promise<Uint8Array<ArrayBuffer>> {
  if (typeof CompressionStream === 'function' && typeof Blob === 'function' && typeof Response === 'function') {
    const stream = new Blob(parts).stream().pipeThrough(new CompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }
  const bytes = gzipSync(new TextEncoder().encode(parts.join('')), { level: 6 });
  return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
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
