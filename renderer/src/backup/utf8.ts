// Text to UTF-8 for the snapshot's gzip (codec.ts and its worker).

/**
 * UTF-8 text encoding through one buffer kept between calls: `TextEncoder.encode` sizes a new
 * buffer for the worst case on every call, which made encoding a large snapshot's JSON (two-byte
 * strings: Cyrillic) 4–9 times slower than `encodeInto` here. Returns a copy of exactly the bytes.
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

/** Bytes of one pooled buffer: a snapshot's JSON part (256 rows) takes up to a few hundred kilobytes. */
const POOLED_BYTES = 1 << 20;

/**
 * UTF-8 text encoded straight into buffers that are handed over (transferred) and given back once
 * used, so the same few buffers carry a whole snapshot. Fresh memory is what costs: encoding 77 MB
 * of a snapshot's JSON into new buffers took 0.3–0.4 s here, into buffers used before 0.1–0.15 s.
 */
export type Utf8Pool = {
  /** `text` as UTF-8: a view at the start of a buffer of the pool, which is the caller's until given back. */
  encode(text: string): Uint8Array<ArrayBuffer>;
  /** A buffer encode() gave out, free again. */
  give(buffer: ArrayBuffer): void;
};

export function utf8Pool(): Utf8Pool {
  const encoder = new TextEncoder();
  const free: ArrayBuffer[] = [];
  return {
    encode(text) {
      // A UTF-16 code unit takes at most 3 bytes of UTF-8.
      const need = text.length * 3;
      let buffer = free.pop();
      if (!buffer || buffer.byteLength < need) buffer = new ArrayBuffer(Math.max(need, POOLED_BYTES));
      const { written } = encoder.encodeInto(text, new Uint8Array(buffer));
      return new Uint8Array(buffer, 0, written);
    },
    give(buffer) {
      if (buffer.byteLength >= POOLED_BYTES) free.push(buffer);
    },
  };
}
