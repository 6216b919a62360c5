/**
 * @module @care-atlas/domain/testing
 * A synthetic register of any size, for tests and benchmarks: a system with its ICB, its
 * partnership board and a strategy, and per place a council, a CCG succeeded by a sub-ICB
 * location, an NHS trust, neighbourhoods tiling the place's LSOAs, each with a PCN of GP
 * practices and a team, a locality board and a commissioning executive with its decisions,
 * a pooled budget and a provider collaborative. The records are consistent with one
 * another, as a clean register's are: no rule finds anything in it.
 *
 * It has history to look back on: the first place's CCG was formed by a merger on
 * 1 April 2017; every CCG passed to a sub-ICB location on 1 July 2022; on 1 April 2022 each
 * place's last neighbourhood replaced a former one over the same LSOAs and every third GP
 * practice was renamed; on 1 April 2023 each place's first neighbourhood took an LSOA from
 * its second.
 *
 * Everything is marked synthetic: every name starts "Synthetic", every record cites the
 * source `synthetic`, and every code is from a range no real body uses (GSS E019…, E029…,
 * E059…, E08999…, E38999…, E54999…; ODS QZZ, 95x, 96x, 98x, RZx, Z and 5 digits). ODS has
 * no unused range of PCN codes: these are U22601 onwards, a stretch that no PCN held in the
 * October 2024 ePCN.
 *
 * Records have the ids of documented keys ({@link syntheticId}), so a test names a record
 * without searching for it.
 */
import { entitiesOf, type Snapshot } from "../Snapshot.js";
import { open, provenance, RegisterBuilder, syntheticId } from "./registerBuilder.js";
import { addPlace, maxPlaces } from "./syntheticPlace.js";

export { syntheticId } from "./registerBuilder.js";

/** The sizes of a {@link syntheticRegister}. */
export interface SyntheticRegisterOptions {
  /** Places of the system, 1 to 26. Default 10. */
  readonly places?: number;
  /** Neighbourhoods of each place, at least 3. Default 7. */
  readonly neighbourhoodsPerPlace?: number;
  /** LSOAs of each neighbourhood, at least 4 (so every neighbourhood has 30,000–50,000 people). Default 25. */
  readonly lsoasPerNeighbourhood?: number;
  /** GP practices of each PCN (one PCN per neighbourhood), at least 1. Default 50. */
  readonly practicesPerPcn?: number;
  /** Commissioning decisions of each place, at least 0. Default 150. */
  readonly decisionsPerPlace?: number;
}

const size = (name: string, value: number, min: number, max = Number.POSITIVE_INFINITY) => {
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.POSITIVE_INFINITY ? `at least ${min}` : `from ${min} to ${max}`;
    throw new RangeError(
      `syntheticRegister: ${name} must be a whole number ${range}, not ${value}`,
    );
  }
  return value;
};

/**
 * A clean synthetic register (see the module notes), as plain data with every default
 * filled in, so `Snapshot.parse` returns an equal value. The default sizes give about
 * 10,000 entity versions and 1,750 LSOAs; `{ places: 2, neighbourhoodsPerPlace: 3,
 * lsoasPerNeighbourhood: 4, practicesPerPcn: 2, decisionsPerPlace: 2 }` about 110 versions.
 *
 * The keys of the records' ids ({@link syntheticId}), with `p`, `t`, `q` and `d` counting
 * from 1: `system`, `icb`, `partnership-board`, `neighbourhood-scheme`; the strategy's
 * `strategy/vision`, `strategy/aim-1`, `strategy/theme-1`, `strategy/outcome-1` (to 3) and
 * `strategy/outcome-1/commitment-1` (to 2); `place-p` and its `place-p/council`, `/ccg`,
 * `/sub-icb`, `/trust`, `/locality-board`, `/executive`, `/collaborative`,
 * `/pooled-budget` and `/decision-d`; the first place's merged CCGs `place-1/ccg-north` and
 * `place-1/ccg-south`; neighbourhood `place-p/neighbourhood-t` and its `/team`, `/pcn` and
 * `/practice-q`; the last neighbourhood's predecessor `place-p/neighbourhood-t-former` and
 * its `/team`.
 *
 * @example
 * ```ts
 * import { checkSnapshot, Snapshot } from "@care-atlas/domain";
 * import { syntheticId, syntheticRegister } from "@care-atlas/domain/testing";
 * const register = Snapshot.parse(syntheticRegister({ places: 2 }));
 * checkSnapshot(register); // []
 * register.places.filter((p) => p.id === syntheticId("place", "place-2")).length; // 2 versions
 * ```
 */
export const syntheticRegister = (options: SyntheticRegisterOptions = {}): Snapshot => {
  const places = size("places", options.places ?? 10, 1, maxPlaces);
  const sizes = {
    neighbourhoods: size("neighbourhoodsPerPlace", options.neighbourhoodsPerPlace ?? 7, 3),
    lsoasPerNeighbourhood: size("lsoasPerNeighbourhood", options.lsoasPerNeighbourhood ?? 25, 4),
    practicesPerPcn: size("practicesPerPcn", options.practicesPerPcn ?? 50, 1),
    decisions: size("decisionsPerPlace", options.decisionsPerPlace ?? 150, 0),
  };
  const b = new RegisterBuilder();
  const s = b.snapshot;

  const systemId = syntheticId("system", "system");
  const icbId = b.organisation("icb", {
    kind: "icb",
    name: "Synthetic Integrated Care Board",
    codes: [
      { system: "ods", value: "QZZ" },
      { system: "gss", value: "E54999001" },
    ],
    roles: [{ role: "commissioner", period: open("2022-07-01") }],
    valid: open("2022-07-01"),
  });
  s.systems.push({
    id: systemId,
    name: "Synthetic Integrated Care System",
    codes: [{ system: "gss", value: "E54999001" }],
    icbId,
    valid: open("2016-04-01"),
    provenance,
  });
  const boardId = syntheticId("governanceBody", "partnership-board");
  s.governanceBodies.push({
    id: boardId,
    kind: "partnership-board",
    name: "Synthetic Integrated Care Partnership Board",
    level: "system",
    systemId,
    commissions: false,
    delegatedLimitPence: null,
    valid: open("2016-04-01"),
    provenance,
  });
  const schemeId = syntheticId("neighbourhoodScheme", "neighbourhood-scheme");
  s.neighbourhoodSchemes.push({
    id: schemeId,
    name: "Synthetic neighbourhoods",
    systemId,
    basis: "geographic",
    status: "derived",
    valid: open("2019-07-01"),
    provenance,
  });

  // The strategy: a vision, aims, themes, and outcomes with their commitments.
  type Kind = Snapshot["strategy"][number]["kind"];
  const element = (key: string, kind: Kind, text: string, order: number, parentId?: string) => {
    const id = syntheticId("strategyElement", `strategy/${key}`);
    const parent = parentId === undefined ? {} : { parentId };
    const framework = "Synthetic strategy";
    s.strategy.push({
      id,
      kind,
      framework,
      text,
      order,
      ...parent,
      valid: open("2016-04-01"),
      provenance,
    });
    return id;
  };
  element("vision", "vision", "Synthetic vision", 1);
  for (let i = 1; i <= 2; i++) element(`aim-${i}`, "aim", `Synthetic aim ${i}`, i);
  for (let i = 1; i <= 2; i++) element(`theme-${i}`, "theme", `Synthetic theme ${i}`, i);
  const commitments: string[] = [];
  for (let i = 1; i <= 3; i++) {
    const outcomeId = element(`outcome-${i}`, "outcome", `Synthetic outcome ${i}`, i);
    for (let j = 1; j <= 2; j++) {
      const text = `Synthetic commitment ${i}.${j}`;
      commitments.push(element(`outcome-${i}/commitment-${j}`, "commitment", text, j, outcomeId));
    }
  }
  const commitment = (n: number): string => commitments[n % commitments.length] ?? "";

  const system = { systemId, icbId, boardId, schemeId, commitment };
  for (let p = 1; p <= places; p++) addPlace(b, p, system, sizes);
  return s;
};

/**
 * How many entity versions (not LSOAs or sources) a register holds.
 *
 * @example
 * ```ts
 * import { entityVersionCount, syntheticRegister } from "@care-atlas/domain/testing";
 * entityVersionCount(syntheticRegister()) >= 10_000; // true
 * ```
 */
export const entityVersionCount = (snapshot: Snapshot): number => [...entitiesOf(snapshot)].length;
