import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fnv1a32, fnv1a32OffsetBasis } from "./Hash.js";

/** FNV-1a over bytes, in BigInt arithmetic: the definition, written independently. */
const reference = (bytes: ReadonlyArray<number>, seed = 0x811c9dc5n): number => {
  let hash = seed;
  for (const byte of bytes) hash = ((hash ^ BigInt(byte)) * 0x01000193n) % 2n ** 32n;
  return Number(hash);
};

describe("fnv1a32", () => {
  it.each([
    ["", 0x811c9dc5],
    ["a", 0xe40c292c],
    ["b", 0xe70c2de5],
    ["foobar", 0xbf9cf968],
  ])("gives the published FNV-1a 32-bit vector for %j", (text, expected) => {
    expect(fnv1a32(text)).toBe(expected);
  });

  it("agrees with the definition on ASCII text, and stays an unsigned 32-bit integer", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary-ascii" }), (text) => {
        const hash = fnv1a32(text);
        expect(hash).toBe(reference([...text].map((c) => c.charCodeAt(0))));
        expect(Number.isInteger(hash) && hash >= 0 && hash < 2 ** 32).toBe(true);
      }),
    );
  });

  it("hashes UTF-16 code units: é is the one unit 0xE9, € the one unit 0x20AC", () => {
    expect(fnv1a32("é")).toBe(reference([0xe9]));
    const euro = Number(((0x811c9dc5n ^ 0x20acn) * 0x01000193n) % 2n ** 32n);
    expect(fnv1a32("€")).toBe(euro);
  });

  it("starts from the seed: the offset basis by default, another lane otherwise", () => {
    expect(fnv1a32("foobar", fnv1a32OffsetBasis)).toBe(fnv1a32("foobar"));
    expect(fnv1a32("", 0x050c5d1f)).toBe(0x050c5d1f);
    expect(fnv1a32("foobar", 0x050c5d1f)).toBe(
      reference(
        [..."foobar"].map((c) => c.charCodeAt(0)),
        0x050c5d1fn,
      ),
    );
    expect(fnv1a32("foobar", 0x050c5d1f)).not.toBe(fnv1a32("foobar"));
  });
});
