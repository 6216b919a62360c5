/**
 * @module testing/syntheticRecords
 * Builders of single synthetic records and small snapshots, for the unit tests of rules and
 * queries: `place(1)`, `organisation(2, { kind: "pcn" })`, `snapshot({ places: […] })`. Not
 * part of the package. Every name starts "Synthetic", every code is from a range no real
 * record uses (E01999…, E08999…, Z…, U9…). A whole register is `syntheticRegister`.
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
type SnapshotInput = z.input<typeof Snapshot>;

/** The source every synthetic record cites. */
const syntheticSource: Source = {
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
