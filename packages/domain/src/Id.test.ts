import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EntityId,
  entityKinds,
  idOf,
  idPattern,
  idPrefixes,
  kindOfId,
  newId,
  OrganisationId,
  PlaceId,
  stableId,
} from "./Id.js";

const kindArbitrary = fc.constantFrom(...entityKinds);

describe("idPrefixes", () => {
  it("gives every kind a distinct three-letter prefix", () => {
    const prefixes = Object.values(idPrefixes);
    expect(prefixes).toHaveLength(entityKinds.length);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    for (const prefix of prefixes) expect(prefix).toMatch(/^[a-z]{3}$/);
  });
});

describe("idOf / EntityId", () => {
  it("accepts an id of its kind with a body of 8 to 40 of [0-9a-z]", () => {
    expect(PlaceId.parse("plc_00000000")).toBe("plc_00000000");
    expect(PlaceId.parse(`plc_${"z".repeat(40)}`)).toBe(`plc_${"z".repeat(40)}`);
    expect(EntityId.parse("org_synthetic1")).toBe("org_synthetic1");
  });

  it.each([
    ["another kind's prefix", "org_00000000"],
    ["a body of 7 characters", "plc_0000000"],
    ["a body of 41 characters", `plc_${"0".repeat(41)}`],
    ["upper case", "plc_ABCDEFGH"],
    ["an upper-case prefix", "PLC_00000000"],
    ["no separator", "plc00000000"],
    ["a hyphen", "plc-00000000"],
    ["surrounding space", " plc_00000000"],
    ["the empty string", ""],
  ])("rejects %s, naming the kind in the message", (_, value) => {
    const result = PlaceId.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("must be a place id (plc_…)");
  });

  it("uses the right article in its message", () => {
    expect(OrganisationId.safeParse("plc_00000000").error?.issues[0]?.message).toBe(
      "must be an organisation id (org_…)",
    );
  });

  it("rejects a prefix no kind has, for any entity id", () => {
    const result = EntityId.safeParse("xyz_00000000");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/entity id/);
  });

  it("accepts an id of every kind as an entity id, and only of its own kind for idOf", () => {
    for (const kind of entityKinds) {
      const id = `${idPrefixes[kind]}_00000000`;
      expect(EntityId.safeParse(id).success).toBe(true);
      for (const other of entityKinds) {
        expect(idOf(other).safeParse(id).success).toBe(other === kind);
      }
    }
  });

  it("anchors idPattern at both ends", () => {
    expect(idPattern("organisation").test("xorg_00000000")).toBe(false);
    expect(idPattern("organisation").test("org_00000000x!")).toBe(false);
    expect(OrganisationId.safeParse("org_00000000\n").success).toBe(false);
  });
});

describe("kindOfId", () => {
  it("reads the kind from the prefix of every kind", () => {
    for (const kind of entityKinds) expect(kindOfId(`${idPrefixes[kind]}_abcdefgh`)).toBe(kind);
  });

  it.each(["xyz_00000000", "plc_short", "plc_UPPERCASE", "plc", "", "nbh_00000000_"])(
    "returns undefined for %j",
    (value) => {
      expect(kindOfId(value)).toBeUndefined();
    },
  );
});

describe("stableId", () => {
  it("is deterministic and well-formed for any natural key", () => {
    fc.assert(
      fc.property(kindArbitrary, fc.string(), (kind, key) => {
        const id = stableId(kind, key);
        expect(stableId(kind, key)).toBe(id);
        expect(id).toMatch(new RegExp(`^${idPrefixes[kind]}_[0-9a-z]{14}$`));
        expect(idOf(kind).safeParse(id).success).toBe(true);
        expect(kindOfId(id)).toBe(kind);
      }),
    );
  });

  it("depends on the key, not the kind, after the prefix", () => {
    fc.assert(
      fc.property(kindArbitrary, kindArbitrary, fc.string(), (a, b, key) => {
        expect(stableId(a, key).slice(4)).toBe(stableId(b, key).slice(4));
      }),
    );
  });

  it("gives distinct keys distinct ids", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(a !== b);
        expect(stableId("organisation", a)).not.toBe(stableId("organisation", b));
      }),
    );
    const ids = new Set(
      Array.from({ length: 5000 }, (_, i) => stableId("organisation", `ods:Z9${i}`)),
    );
    expect(ids.size).toBe(5000);
  });

  it("uses 32-bit FNV-1a for its first lane (published test vectors)", () => {
    // FNV-1a 32-bit: "" → 0x811c9dc5, "a" → 0xe40c292c, "foobar" → 0xbf9cf968.
    const lane = (hash: number) => hash.toString(36).padStart(7, "0");
    expect(stableId("place", "").slice(4, 11)).toBe(lane(0x811c9dc5));
    expect(stableId("place", "a").slice(4, 11)).toBe(lane(0xe40c292c));
    expect(stableId("place", "foobar").slice(4, 11)).toBe(lane(0xbf9cf968));
  });

  it("is pinned: datasets built by earlier releases keep their ids", () => {
    expect(stableId("organisation", "ods:Z99999")).toBe("org_11qw7521xi041k");
  });
});

describe("newId", () => {
  it("makes a well-formed id of the kind asked for", () => {
    for (const kind of entityKinds) {
      const id = newId(kind);
      expect(id).toMatch(new RegExp(`^${idPrefixes[kind]}_[0-9a-z]{28}$`));
      expect(idOf(kind).safeParse(id).success).toBe(true);
      expect(kindOfId(id)).toBe(kind);
    }
  });

  it("does not repeat", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId("team")));
    expect(ids.size).toBe(10_000);
  });
});
