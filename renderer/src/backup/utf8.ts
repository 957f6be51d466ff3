// Text to UTF-8 for the snapshot's gzip (codec.ts and its worker).

/**
 * UTF-8 text encoding through one scratch buffer kept between calls: `TextEncoder.encode` sizes a
 * new buffer for the worst case on every call, which made encoding a large snapshot's JSON
 * (two-byte strings: Cyrillic) 4–9 times slower than `encodeInto` here. Returns a copy of exactly
 * the bytes, a buffer of its own: the gzip may read a part after its write has resolved (Node's
 * CompressionStream does), so a buffer handed to it is never written into again.
 */
export function utf8Encoder(): (text: string) => Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  let scratch = new Uint8Array(0);
  return (text) => {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8 (a surrogate pair, 4 for 2 units).
    if (scratch.length < text.length * 3) scratch = new Uint8Array(Math.max(text.length * 3, scratch.length * 2));
    const { written } = encoder.encodeInto(text, scratch);
    return scratch.slice(0, written);
  };
}
