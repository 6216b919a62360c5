import { describe, expect, it } from "vitest";
import { History } from "../index.js";
import { checkSnapshot } from "../rules/checkSnapshot.js";
import { entitiesOf, Snapshot } from "../Snapshot.js";
import { entityVersionCount, syntheticId, syntheticRegister } from "./syntheticRegister.js";

const small = {
  places: 2,
  neighbourhoodsPerPlace: 3,
  lsoasPerNeighbourhood: 4,
  practicesPerPcn: 2,
  decisionsPerPlace: 2,
};

describe("syntheticRegister", () => {
  it("gives about 10,000 valid entity versions by default that no rule finds anything in", () => {
    const register = syntheticRegister();
    const parsed = Snapshot.parse(register);
    expect(parsed).toEqual(register);
    expect(entityVersionCount(parsed)).toBeGreaterThanOrEqual(10_000);
    expect(entityVersionCount(parsed)).toBeLessThan(11_000);
    expect(parsed.lsoas).toHaveLength(1_750);
    expect(checkSnapshot(parsed)).toEqual([]);
  });

  it.each([
    ["a small register", small],
    ["one place", { places: 1, practicesPerPcn: 1, decisionsPerPlace: 0 }],
    [
      "the most places",
      { places: 26, neighbourhoodsPerPlace: 3, lsoasPerNeighbourhood: 5, practicesPerPcn: 1 },
    ],
  ])("is clean at other sizes: %s", (_, options) => {
    expect(checkSnapshot(Snapshot.parse(syntheticRegister(options)))).toEqual([]);
  });

  it("has the sizes it is asked for", () => {
    const register = syntheticRegister(small);
    expect(register.lsoas).toHaveLength(2 * 3 * 4);
    expect(new Set(register.places.map((p) => p.id)).size).toBe(2);
    expect(register.decisions).toHaveLength(4);
    expect(register.organisations.filter((o) => o.kind === "pcn")).toHaveLength(6);
    expect(
      new Set(register.organisations.filter((o) => o.kind === "gp-practice").map((o) => o.id)).size,
    ).toBe(12);
  });

  it("is the same on every run, with ids of documented keys", () => {
    expect(syntheticRegister(small)).toEqual(syntheticRegister(small));
    const register = syntheticRegister(small);
    const ids = new Set([...entitiesOf(register)].map(({ entity }) => entity.id));
    for (const [kind, key] of [
      ["system", "system"],
      ["organisation", "icb"],
      ["place", "place-2"],
      ["organisation", "place-1/ccg-north"],
      ["organisation", "place-2/neighbourhood-3/practice-2"],
      ["neighbourhood", "place-2/neighbourhood-3-former"],
      ["team", "place-1/neighbourhood-1/team"],
      ["governanceBody", "place-1/executive"],
      ["pooledBudget", "place-2/pooled-budget"],
      ["decision", "place-1/decision-2"],
      ["strategyElement", "strategy/outcome-3/commitment-2"],
    ] as const) {
      expect(ids.has(syntheticId(kind, key)), key).toBe(true);
    }
  });

  it("has history: a merger, transfers to sub-ICB locations, redrawn neighbourhoods, renamed practices", () => {
    const register = syntheticRegister(small);
    const merger = register.successions.find((s) => s.kind === "merge");
    expect(merger).toMatchObject({
      predecessorIds: [
        syntheticId("organisation", "place-1/ccg-north"),
        syntheticId("organisation", "place-1/ccg-south"),
      ],
      successorIds: [syntheticId("organisation", "place-1/ccg")],
      valid: { from: "2017-04-01" },
    });
    expect(register.successions.filter((s) => s.valid.from === "2022-07-01")).toHaveLength(2);
    const first = register.neighbourhoods.filter(
      (n) => n.id === syntheticId("neighbourhood", "place-1/neighbourhood-1"),
    );
    expect(first.map((n) => [n.valid, n.footprint.lsoas.length])).toEqual([
      [{ from: "2019-07-01", to: "2023-04-01" }, 4],
      [{ from: "2023-04-01", to: null }, 5],
    ]);
    const former = syntheticId("neighbourhood", "place-1/neighbourhood-3-former");
    expect(History.lifetime(register.neighbourhoods.filter((n) => n.id === former))).toEqual({
      from: "2019-07-01",
      to: "2022-04-01",
    });
    const renamed = syntheticRegister({ ...small, practicesPerPcn: 3 }).organisations.filter(
      (o) => o.id === syntheticId("organisation", "place-1/neighbourhood-1/practice-3"),
    );
    expect(renamed.map((o) => o.name)).toEqual([
      "Synthetic Practice 1.1.3",
      "Synthetic Medical Centre 1.1.3",
    ]);
  });

  it("marks every record synthetic: names, source and codes", () => {
    const register = syntheticRegister();
    for (const { entity } of entitiesOf(register)) {
      const name =
        "name" in entity
          ? entity.name
          : "title" in entity
            ? entity.title
            : "text" in entity
              ? entity.text
              : "Synthetic";
      expect(name, entity.id).toMatch(/^Synthetic\b/);
      expect(entity.provenance.sources).toEqual(["synthetic"]);
    }
    for (const lsoa of register.lsoas) {
      expect(lsoa.name).toMatch(/^Synthetic /);
      expect(lsoa.code).toMatch(/^E019\d{5}$/);
      expect(lsoa.msoa?.code).toMatch(/^E029\d{5}$/);
    }
    const codes = register.organisations.flatMap((o) =>
      o.codes.map((c) => `${c.system} ${c.value}`),
    );
    for (const code of codes) {
      expect(code).toMatch(
        /^(gss E(08999|38999|54999)\d{3}|ods (QZZ|9[568][A-Z]|RZ[A-Z]|Z\d{5}|U2[23]\d{3}))$/,
      );
    }
    expect(register.sources.map((s) => s.key)).toEqual(["synthetic"]);
  });

  it.each([
    [{ places: 0 }, /places must be a whole number from 1 to 26, not 0/],
    [{ places: 27 }, /places/],
    [
      { neighbourhoodsPerPlace: 2 },
      /neighbourhoodsPerPlace must be a whole number at least 3, not 2/,
    ],
    [{ lsoasPerNeighbourhood: 3.5 }, /lsoasPerNeighbourhood/],
    [{ decisionsPerPlace: -1 }, /decisionsPerPlace/],
  ])("refuses sizes it cannot keep clean: %j", (options, message) => {
    expect(() => syntheticRegister(options)).toThrow(message);
  });
});
