/**
 * @module rules/testing
 * Builders of small, obviously synthetic snapshots for the tests of rules and queries, and
 * a large clean synthetic register (about 10,000 records) for scale tests and benchmarks.
 * Not exported from the package. Every name starts "Synthetic", every code is from a
 * range no real record uses here (E01999…, E08999…, Z…, U9…).
 */
import type { z } from "zod";
import type { Collaborative } from "../Collaborative.js";
import type { Decision } from "../Decision.js";
import type { GovernanceBody } from "../GovernanceBody.js";
import { type EntityKind, idPrefixes } from "../Id.js";
import type { Lsoa } from "../Lsoa.js";
import type { Neighbourhood } from "../Neighbourhood.js";
import type { NeighbourhoodScheme } from "../NeighbourhoodScheme.js";
import type { NeighbourhoodTeam } from "../NeighbourhoodTeam.js";
import type { Organisation } from "../Organisation.js";
import type { IsoDate, Period } from "../Period.js";
import type { Place } from "../Place.js";
import type { PooledBudget } from "../PooledBudget.js";
import type { Source } from "../Provenance.js";
import type { Relationship } from "../Relationship.js";
import { emptySnapshot, Snapshot } from "../Snapshot.js";
import type { StrategyElement } from "../StrategyElement.js";
import type { Succession } from "../Succession.js";
import type { System } from "../System.js";

/** The snapshot shape before parsing (defaults not yet applied). */
export type SnapshotInput = z.input<typeof Snapshot>;

/** The source every synthetic record cites. */
export const syntheticSource: Source = {
  key: "synthetic",
  publisher: "Synthetic publisher",
  dataset: "Synthetic test data",
  licence: "CC0-1.0",
  dataDate: null,
};

export const provenance = { sources: ["synthetic"] };

/** A synthetic id: the kind's prefix and a zero-padded number. */
export const idOf = (kind: EntityKind, n: number): string =>
  `${idPrefixes[kind]}_${String(n).padStart(10, "0")}`;

/** `[from, to)`; `to` defaults to open-ended. */
export const period = (from: IsoDate, to: IsoDate | null = null): Period => ({ from, to });

const always = period("2020-01-01");
const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** A synthetic LSOA code, E01 + 9xxxxx. */
export const lsoaCode = (n: number): string => `E01${900_000 + n}`;
/** A synthetic district (local authority) code, E08999 + 3 digits. */
export const districtCode = (n: number): string => `E08999${pad(n, 3)}`;

export const system = (
  n: number,
  over: Partial<z.input<typeof System>> = {},
): z.input<typeof System> => ({
  id: idOf("system", n),
  name: `Synthetic System ${n}`,
  valid: always,
  provenance,
  ...over,
});

export const place = (
  n: number,
  over: Partial<z.input<typeof Place>> = {},
): z.input<typeof Place> => ({
  id: idOf("place", n),
  name: `Synthetic Place ${n}`,
  systemId: idOf("system", 1),
  codes: [{ system: "gss", value: districtCode(n) }],
  valid: always,
  provenance,
  ...over,
});

export const scheme = (
  n: number,
  over: Partial<z.input<typeof NeighbourhoodScheme>> = {},
): z.input<typeof NeighbourhoodScheme> => ({
  id: idOf("neighbourhoodScheme", n),
  name: `Synthetic Scheme ${n}`,
  systemId: idOf("system", 1),
  basis: "geographic",
  status: "derived",
  valid: always,
  provenance,
  ...over,
});

export const neighbourhood = (
  n: number,
  over: Partial<z.input<typeof Neighbourhood>> = {},
): z.input<typeof Neighbourhood> => ({
  id: idOf("neighbourhood", n),
  name: `Synthetic Neighbourhood ${n}`,
  placeId: idOf("place", 1),
  schemeId: idOf("neighbourhoodScheme", 1),
  footprint: { lsoas: [lsoaCode(n)] },
  valid: always,
  provenance,
  ...over,
});

export const organisation = (
  n: number,
  over: Partial<z.input<typeof Organisation>> = {},
): z.input<typeof Organisation> => ({
  id: idOf("organisation", n),
  kind: "other",
  name: `Synthetic Organisation ${n}`,
  valid: always,
  provenance,
  ...over,
});

export const relationship = (
  n: number,
  kind: z.input<typeof Relationship>["kind"],
  subjectId: string,
  objectId: string,
  over: Partial<z.input<typeof Relationship>> = {},
): z.input<typeof Relationship> => ({
  id: idOf("relationship", n),
  kind,
  subjectId,
  objectId,
  valid: always,
  provenance,
  ...over,
});

export const succession = (
  n: number,
  kind: z.input<typeof Succession>["kind"],
  predecessorIds: string[],
  successorIds: string[],
  date: IsoDate,
): z.input<typeof Succession> => ({
  id: idOf("succession", n),
  kind,
  predecessorIds,
  successorIds,
  valid: period(date),
  provenance,
});

export const body = (
  n: number,
  over: Partial<z.input<typeof GovernanceBody>> = {},
): z.input<typeof GovernanceBody> => ({
  id: idOf("governanceBody", n),
  kind: "committee",
  name: `Synthetic Body ${n}`,
  level: "system",
  systemId: idOf("system", 1),
  valid: always,
  provenance,
  ...over,
});

export const collaborative = (
  n: number,
  over: Partial<z.input<typeof Collaborative>> = {},
): z.input<typeof Collaborative> => ({
  id: idOf("collaborative", n),
  name: `Synthetic Collaborative ${n}`,
  level: "system",
  systemId: idOf("system", 1),
  purposes: ["mutual-aid-resilience"],
  valid: always,
  provenance,
  ...over,
});

export const team = (
  n: number,
  over: Partial<z.input<typeof NeighbourhoodTeam>> = {},
): z.input<typeof NeighbourhoodTeam> => ({
  id: idOf("team", n),
  name: `Synthetic Team ${n}`,
  neighbourhoodId: idOf("neighbourhood", 1),
  valid: always,
  provenance,
  ...over,
});

export const budget = (
  n: number,
  over: Partial<z.input<typeof PooledBudget>> = {},
): z.input<typeof PooledBudget> => ({
  id: idOf("pooledBudget", n),
  name: `Synthetic Pooled Budget ${n}`,
  hostId: idOf("organisation", 1),
  partnerIds: [idOf("organisation", 2)],
  valid: always,
  provenance,
  ...over,
});

export const decision = (
  n: number,
  over: Partial<z.input<typeof Decision>> = {},
): z.input<typeof Decision> => ({
  id: idOf("decision", n),
  bodyId: idOf("governanceBody", 1),
  title: `Synthetic Decision ${n}`,
  date: "2023-05-01",
  valuePence: 100,
  serviceArea: "synthetic services",
  valid: period("2023-05-01"),
  provenance,
  ...over,
});

export const strategy = (
  n: number,
  over: Partial<z.input<typeof StrategyElement>> = {},
): z.input<typeof StrategyElement> => ({
  id: idOf("strategyElement", n),
  kind: "outcome",
  framework: "Synthetic Strategy",
  text: `Synthetic outcome ${n}`,
  order: n,
  valid: always,
  provenance,
  ...over,
});

export const lsoa = (
  code: string,
  district: string = districtCode(1),
  over: Partial<z.input<typeof Lsoa>> = {},
): z.input<typeof Lsoa> => ({
  code,
  name: `Synthetic ${code}`,
  msoa: { code: "E02999001", name: "Synthetic MSOA" },
  districtCode: district,
  ...over,
});

/** A parsed snapshot from the given parts; it cites {@link syntheticSource} by default. */
export const snapshot = (parts: Partial<SnapshotInput> = {}): Snapshot =>
  Snapshot.parse({ ...emptySnapshot(), sources: [syntheticSource], ...parts });

/** The sizes of {@link largeSyntheticSnapshot}. */
export interface LargeSyntheticOptions {
  readonly places?: number;
  readonly neighbourhoodsPerPlace?: number;
  readonly lsoasPerNeighbourhood?: number;
  readonly practicesPerPcn?: number;
  readonly decisions?: number;
}

/**
 * A clean synthetic register — no rule finds anything in it — of about 10,000 records with
 * the default sizes: a system and its ICB, places with councils, CCGs succeeded by sub-ICB
 * locations, a geographic scheme whose neighbourhoods tile each place's LSOAs, a PCN and a
 * team per neighbourhood, practices in PCNs (many renamed once), boards with accountability
 * lines, pooled budgets, decisions and strategy.
 */
export const largeSyntheticInput = (options: LargeSyntheticOptions = {}): SnapshotInput => {
  const places = options.places ?? 10;
  const perPlace = options.neighbourhoodsPerPlace ?? 7;
  const lsoasPer = options.lsoasPerNeighbourhood ?? 25;
  const practicesPer = options.practicesPerPcn ?? 50;
  const decisionCount = options.decisions ?? 1_500;
  const change = "2022-07-01";

  const parts = {
    systems: [
      system(1, { codes: [{ system: "gss", value: "E54999001" }], icbId: idOf("organisation", 1) }),
    ],
    places: [] as z.input<typeof Place>[],
    neighbourhoodSchemes: [scheme(1)],
    neighbourhoods: [] as z.input<typeof Neighbourhood>[],
    organisations: [] as z.input<typeof Organisation>[],
    relationships: [] as z.input<typeof Relationship>[],
    successions: [] as z.input<typeof Succession>[],
    governanceBodies: [] as z.input<typeof GovernanceBody>[],
    collaboratives: [] as z.input<typeof Collaborative>[],
    teams: [] as z.input<typeof NeighbourhoodTeam>[],
    pooledBudgets: [] as z.input<typeof PooledBudget>[],
    decisions: [] as z.input<typeof Decision>[],
    strategy: [] as z.input<typeof StrategyElement>[],
    lsoas: [] as z.input<typeof Lsoa>[],
    sources: [syntheticSource],
  };
  let orgN = 0;
  let relN = 0;
  const org = (over: Partial<z.input<typeof Organisation>>): string => {
    const record = organisation(++orgN, over);
    parts.organisations.push(record);
    return record.id;
  };
  const rel = (
    kind: z.input<typeof Relationship>["kind"],
    subjectId: string,
    objectId: string,
    valid: Period = always,
  ): void => {
    parts.relationships.push(relationship(++relN, kind, subjectId, objectId, { valid }));
  };

  const icb = org({ kind: "icb", name: "Synthetic ICB", codes: [{ system: "ods", value: "QZZ" }] });
  const board = body(1, { kind: "partnership-board", name: "Synthetic Partnership Board" });
  parts.governanceBodies.push(board);
  for (let s = 1; s <= 30; s++) parts.strategy.push(strategy(s));
  const strategyIds = parts.strategy.map((s) => s.id);

  let nbhN = 0;
  let lsoaN = 0;
  let practiceN = 0;
  let teamN = 0;
  let bodyN = 1;
  const executives: { id: string; providers: string[] }[] = [];
  for (let p = 1; p <= places; p++) {
    const placeId = idOf("place", p);
    const council = org({
      kind: "local-authority",
      name: `Synthetic Council ${p}`,
      codes: [{ system: "gss", value: districtCode(p) }],
      placeId,
    });
    const ccg = org({
      kind: "ccg",
      name: `Synthetic CCG ${p}`,
      codes: [{ system: "ods", value: `9${p % 10}Z` }],
      valid: period("2013-04-01", change),
      placeId,
    });
    const location = org({
      kind: "sub-icb-location",
      name: `Synthetic Sub-ICB Location ${p}`,
      codes: [{ system: "ods", value: `9${p % 10}Y` }],
      valid: period(change),
      placeId,
      parentId: icb,
    });
    parts.successions.push(succession(p, "transfer", [ccg], [location], change));
    const trust = org({
      kind: "nhs-trust",
      name: `Synthetic Trust ${p}`,
      codes: [{ system: "ods", value: `RZ${p % 10}` }],
    });
    parts.places.push(place(p, { councilId: council, subIcbLocationId: location }));

    const locality = body(++bodyN, {
      kind: "locality-board",
      name: `Synthetic Locality Board ${p}`,
      level: "place",
      placeId,
    });
    const executive = body(++bodyN, {
      kind: "joint-commissioning-executive",
      name: `Synthetic Executive ${p}`,
      level: "place",
      placeId,
      commissions: true,
      delegatedLimitPence: 1_000_000_000,
    });
    parts.governanceBodies.push(locality, executive);
    rel("accountable-to", locality.id, board.id);
    rel("reports-to", executive.id, locality.id);
    rel("member-of", council, locality.id);
    rel("member-of", ccg, locality.id, period("2020-01-01", change));
    rel("member-of", location, locality.id, period(change));
    executives.push({ id: executive.id, providers: [trust, council] });

    parts.pooledBudgets.push(
      budget(p, {
        name: `Synthetic Pooled Budget ${p}`,
        placeId,
        hostId: council,
        partnerIds: [location],
        governedById: executive.id,
        valid: period("2023-04-01"),
        years: [
          {
            financialYear: "2023/24",
            totalPence: 3_000_000,
            contributions: [
              { organisationId: council, amountPence: 1_000_000 },
              { organisationId: location, amountPence: 2_000_000 },
            ],
          },
        ],
      }),
    );
    parts.collaboratives.push(
      collaborative(p, {
        name: `Synthetic Place Collaborative ${p}`,
        level: "place",
        placeId,
        strategyLinks: strategyIds.slice(0, 2),
      }),
    );
    rel("lead-of", trust, idOf("collaborative", p));

    for (let k = 0; k < perPlace; k++) {
      const n = ++nbhN;
      const codes: string[] = [];
      for (let l = 0; l < lsoasPer; l++) {
        const code = lsoaCode(++lsoaN);
        codes.push(code);
        parts.lsoas.push(
          lsoa(code, districtCode(p), {
            population: {
              value: 1_600,
              basis: "resident",
              date: "2021-03-21",
              source: "synthetic",
            },
          }),
        );
      }
      const pcn = org({
        kind: "pcn",
        name: `Synthetic PCN ${n}`,
        codes: [{ system: "ods", value: `U9${pad(n, 4)}` }],
        placeId,
      });
      parts.neighbourhoods.push(
        neighbourhood(n, {
          placeId,
          footprint: { lsoas: codes, pcnIds: [pcn] },
          population: {
            value: 1_600 * lsoasPer,
            basis: "resident",
            date: "2021-03-21",
            source: "synthetic",
          },
        }),
      );
      parts.teams.push(
        team(++teamN, {
          neighbourhoodId: idOf("neighbourhood", n),
          leadOrganisationId: pcn,
          members: [
            { role: "district-nurse", hostOrganisationId: trust },
            { role: "social-worker", hostOrganisationId: council },
          ],
          strategyLinks: [strategyIds[n % strategyIds.length] ?? strategyIds[0] ?? ""],
        }),
      );
      for (let q = 0; q < practicesPer; q++) {
        const code = `Z${pad(++practiceN, 5)}`;
        const name = `Synthetic Practice ${practiceN}`;
        const id = org({
          kind: "gp-practice",
          name,
          codes: [{ system: "ods", value: code }],
          placeId,
        });
        if (practiceN % 3 === 0) {
          // Renamed once: close the first version, add a second.
          const first = parts.organisations.at(-1);
          if (first !== undefined) first.valid = period("2020-01-01", "2022-04-01");
          parts.organisations.push(
            organisation(orgN, {
              id,
              kind: "gp-practice",
              name: `${name} (renamed)`,
              codes: [{ system: "ods", value: code }],
              placeId,
              valid: period("2022-04-01"),
            }),
          );
        }
        rel("member-of", id, pcn);
      }
    }
  }
  for (let d = 1; d <= decisionCount; d++) {
    const executive = executives[d % executives.length];
    if (executive === undefined) break;
    parts.decisions.push(
      decision(d, {
        bodyId: executive.id,
        valuePence: 10_000 + d,
        providerIds: executive.providers,
        strategyLinks: [strategyIds[d % strategyIds.length] ?? ""],
      }),
    );
  }
  return parts;
};

/** {@link largeSyntheticInput}, parsed. */
export const largeSyntheticSnapshot = (options: LargeSyntheticOptions = {}): Snapshot =>
  Snapshot.parse(largeSyntheticInput(options));

/** How many entity records (versions, not LSOAs or sources) a snapshot holds. */
export const recordCount = (s: Snapshot): number =>
  s.systems.length +
  s.places.length +
  s.neighbourhoodSchemes.length +
  s.neighbourhoods.length +
  s.organisations.length +
  s.relationships.length +
  s.successions.length +
  s.governanceBodies.length +
  s.collaboratives.length +
  s.teams.length +
  s.pooledBudgets.length +
  s.decisions.length +
  s.strategy.length;
