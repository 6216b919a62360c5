/**
 * @module ApiKey
 * API keys: `ca_<prefix>_<secret>`. The prefix (8 characters) identifies the key and may be
 * shown; the secret (40 characters, about 206 bits) is shown once, at creation. Only the
 * SHA-256 of the whole key is stored: a key is high-entropy, so a fast hash is enough.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

const randomText = (length: number): string => {
  // Rejection sampling: 252 = 7 * 36, so bytes below 252 map uniformly onto the alphabet.
  let text = "";
  while (text.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 252 && text.length < length) text += alphabet[byte % 36];
    }
  }
  return text;
};

/** The shape of an API key. */
export const apiKeyPattern = /^ca_([0-9a-z]{8})_([0-9a-z]{40})$/;

/** A freshly generated key: the full key (show it once) and its stored parts. */
export interface GeneratedKey {
  readonly key: string;
  readonly prefix: string;
  readonly hash: string;
}

/** The SHA-256 of a key, hex. */
export const hashKey = (key: string): string => createHash("sha256").update(key).digest("hex");

/**
 * Generates a new API key.
 *
 * @example
 * ```ts
 * const { key, prefix, hash } = generateApiKey();
 * key.startsWith(`ca_${prefix}_`); // true
 * ```
 */
export const generateApiKey = (): GeneratedKey => {
  const prefix = randomText(8);
  const key = `ca_${prefix}_${randomText(40)}`;
  return { key, prefix, hash: hashKey(key) };
};

/**
 * The prefix of a well-formed key, or `undefined`.
 *
 * @example
 * ```ts
 * keyPrefix("ca_abcdefgh_" + "x".repeat(40)); // "abcdefgh"
 * keyPrefix("nope"); // undefined
 * ```
 */
export const keyPrefix = (key: string): string | undefined => apiKeyPattern.exec(key)?.[1];

/** Whether `key` hashes to `storedHash`, compared in constant time. */
export const keyMatches = (key: string, storedHash: string): boolean => {
  const actual = Buffer.from(hashKey(key), "hex");
  const expected = Buffer.from(storedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};
