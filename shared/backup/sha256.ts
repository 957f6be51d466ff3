// SHA-256 in plain TypeScript: the checksum of a snapshot where Web Crypto is absent (a page served
// over plain http on an office network is not a secure context, so it has no `crypto.subtle`).

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** The SHA-256 digest of `data` as 64 lower-case hex digits. */
export function sha256HexSync(data: Uint8Array): string {
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const total = data.length;
  // The message, a 1 bit, zeros, and the length in bits (big-endian, 64 bits): whole 64-byte blocks.
  const blocks = Math.ceil((total + 9) / 64);
  const tail = new Uint8Array(128);
  const tailStart = Math.floor(total / 64) * 64;
  tail.set(data.subarray(tailStart));
  tail[total - tailStart] = 0x80;
  const tailLen = (blocks * 64) - tailStart;
  const bits = total * 8;
  const tv = new DataView(tail.buffer);
  tv.setUint32(tailLen - 8, Math.floor(bits / 0x100000000));
  tv.setUint32(tailLen - 4, bits >>> 0);
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let b = 0; b < blocks; b++) {
    const off = b * 64;
    const inTail = off >= tailStart;
    for (let i = 0; i < 16; i++) w[i] = inTail ? tv.getUint32(off - tailStart + i * 4) : dv.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15] as number;
      const c = w[i - 2] as number;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((c >>> 17) | (c << 15)) ^ ((c >>> 19) | (c << 13)) ^ (c >>> 10);
      w[i] = ((w[i - 16] as number) + s0 + (w[i - 7] as number) + s1) | 0;
    }
    let [A, B, C, D, E, F, G, H] = h as unknown as [number, number, number, number, number, number, number, number];
    for (let i = 0; i < 64; i++) {
      const S1 = ((E >>> 6) | (E << 26)) ^ ((E >>> 11) | (E << 21)) ^ ((E >>> 25) | (E << 7));
      const ch = (E & F) ^ (~E & G);
      const t1 = (H + S1 + ch + (K[i] as number) + (w[i] as number)) | 0;
      const S0 = ((A >>> 2) | (A << 30)) ^ ((A >>> 13) | (A << 19)) ^ ((A >>> 22) | (A << 10));
      const maj = (A & B) ^ (A & C) ^ (B & C);
      const t2 = (S0 + maj) | 0;
      H = G; G = F; F = E; E = (D + t1) | 0; D = C; C = B; B = A; A = (t1 + t2) | 0;
    }
    h[0] = (h[0] as number) + A; h[1] = (h[1] as number) + B; h[2] = (h[2] as number) + C; h[3] = (h[3] as number) + D;
    h[4] = (h[4] as number) + E; h[5] = (h[5] as number) + F; h[6] = (h[6] as number) + G; h[7] = (h[7] as number) + H;
  }
  return Array.from(h, (x) => x.toString(16).padStart(8, '0')).join('');
}
