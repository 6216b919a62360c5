/**
 * @module Hash
 * FNV-1a with 32 bits: a small, fast hash of a string that never changes between runs,
 * machines or releases, for ids derived from natural keys and for digests such as ETags.
 * It is not a cryptographic hash: never use it for secrets or to resist tampering.
 *
 * It hashes a string's UTF-16 code units, as `charCodeAt` returns them. For ASCII text
 * those are its bytes, so the published FNV-1a test vectors hold; other text hashes
 * differently from FNV-1a over its UTF-8 bytes.
 */

/** FNV-1a's 32-bit offset basis, the default seed of {@link fnv1a32}. */
export const fnv1a32OffsetBasis = 0x811c9dc5;

const prime = 0x01000193;

/**
 * The 32-bit FNV-1a hash of `text`, an unsigned integer (0 to 2³² − 1). A `seed` other
 * than the offset basis starts from another state: two seeds give two independent lanes of
 * one longer hash.
 *
 * @example
 * ```ts
 * import { fnv1a32 } from "@care-atlas/domain";
 * fnv1a32("foobar"); // 3214735720 (0xbf9cf968)
 * fnv1a32("foobar").toString(36); // "1h5yxyg"
 * fnv1a32("foobar", 0x050c5d1f); // another lane: 4293447750
 * ```
 */
export const fnv1a32 = (text: string, seed: number = fnv1a32OffsetBasis): number => {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, prime) >>> 0;
  }
  return hash >>> 0;
};
