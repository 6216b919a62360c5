import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LayeredMap } from "./LayeredMap.js";

const key = fc.constantFrom("a", "b", "c", "d", "e", "f");
const updates = fc.array(fc.tuple(key, fc.option(fc.nat(9), { nil: undefined })), {
  maxLength: 4,
});

describe("LayeredMap", () => {
  it("answers as a plain map given the same updates, each earlier map unchanged (random updates)", () => {
    fc.assert(
      fc.property(fc.array(updates, { maxLength: 40 }), (steps) => {
        const plain = new Map<string, number>([["a", 0]]);
        let layered = LayeredMap.of(new Map(plain));
        const earlier: Array<[LayeredMap<number>, Map<string, number>]> = [];
        for (const step of steps) {
          earlier.push([layered, new Map(plain)]);
          layered = layered.with(new Map(step));
          // A later update of a key in the same step wins, as `new Map(step)` keeps it.
          for (const [k, v] of new Map(step)) {
            if (v === undefined) plain.delete(k);
            else plain.set(k, v);
          }
          expect(layered.size).toBe(plain.size);
          expect(new Map(layered)).toEqual(plain);
          for (const k of ["a", "b", "c", "d", "e", "f"]) {
            expect(layered.get(k)).toBe(plain.get(k));
            expect(layered.has(k)).toBe(plain.has(k));
          }
        }
        for (const [map, then] of earlier) expect(new Map(map.entries())).toEqual(then);
      }),
    );
  });

  it("is itself for no updates, and shares its base map without copying it", () => {
    const base = new Map([["a", 1]]);
    const map = LayeredMap.of(base);
    expect(map.with(new Map())).toBe(map);
    base.set("b", 2);
    expect(map.get("b")).toBe(2);
  });
});
