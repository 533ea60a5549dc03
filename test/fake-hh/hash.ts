/** Deterministic hashing and a seeded PRNG: everything the fake "randomises" comes from here. */

/** FNV-1a 32-bit hash of a string (unsigned). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast, good enough for test randomness; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `len` lowercase hex chars drawn from `rnd`. */
export function randomHex(rnd: () => number, len: number): string {
  let out = '';
  while (out.length < len) out += Math.floor(rnd() * 16).toString(16);
  return out;
}
