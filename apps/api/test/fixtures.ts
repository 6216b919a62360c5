/**
 * Synthetic records for the write tests and for resources the GM dataset has none of
 * (collaboratives, teams, pooled budgets, decisions). Names say "Synthetic"; references
 * point at real records of the dataset, read from @care-atlas/data.
 */
import { loadSnapshot } from "@care-atlas/data";
import { api, call } from "./harness.js";

export const dataset = loadSnapshot();

const first = <T>(items: ReadonlyArray<T>, what: string): T => {
  const item = items[0];
  if (item === undefined) throw new Error(`the dataset has no ${what}`);
  return item;
};

/** Real records the synthetic ones refer to. */
export const real = {
  system: first(
    dataset.systems.filter((s) => s.valid.to === null),
    "current system",
  ),
  place: first(
    dataset.places.filter((p) => p.valid.to === null && p.name === "Trafford"),
    "Trafford",
  ),
  organisations: dataset.organisations.filter((o) => o.valid.to === null && o.kind === "nhs-trust"),
  practice: first(
    dataset.organisations.filter((o) => o.valid.to === null && o.kind === "gp-practice"),
    "practice",
  ),
  outcome: first(
    dataset.strategy.filter((e) => e.kind === "outcome"),
    "outcome",
  ),
  source: first(dataset.sources, "source").key,
  neighbourhood: first(
    dataset.neighbourhoods.filter((n) => n.valid.to === null),
    "neighbourhood",
  ),
};

const provenance = () => ({ sources: [real.source], derivation: "Synthetic test record" });
const today = () => new Date().toISOString().slice(0, 10);

let counter = 0;
/** A unique synthetic name. */
export const syntheticName = (what: string): string =>
  `Synthetic ${what} ${process.pid}-${Date.now().toString(36)}-${++counter}`;

/** Records created earlier in `createAll` (later fixtures refer to them). */
const made: Record<string, Created> = {};
const madeId = (path: string): string => {
  const id = made[path]?.id;
  if (id === undefined) throw new Error(`create ${path} first`);
  return id;
};

/** The body of a new version of each writable resource, by collection path, in an order
 * where each one's references exist. */
export const newVersion: Record<string, () => Record<string, unknown>> = {
  "/v1/systems": () => ({
    name: syntheticName("system"),
    codes: [],
    valid: { from: "2024-04-01", to: null },
    provenance: provenance(),
  }),
  "/v1/places": () => ({
    name: syntheticName("place"),
    systemId: real.system.id,
    codes: [],
    valid: { from: "2024-04-01", to: null },
    provenance: provenance(),
  }),
  "/v1/neighbourhood-schemes": () => ({
    name: syntheticName("scheme"),
    systemId: real.system.id,
    basis: "registered-population",
    status: "proposed",
    valid: { from: "2024-04-01", to: null },
    provenance: provenance(),
  }),
  "/v1/neighbourhoods": () => ({
    name: syntheticName("neighbourhood"),
    placeId: real.place.id,
    schemeId: madeId("/v1/neighbourhood-schemes"),
    footprint: { practiceIds: [real.practice.id] },
    valid: { from: "2024-04-01", to: null },
    provenance: provenance(),
  }),
  "/v1/organisations": () => ({
    kind: "vcfse",
    name: syntheticName("organisation"),
    codes: [],
    roles: [],
    placeId: real.place.id,
    valid: { from: "2024-04-01", to: null },
    provenance: provenance(),
  }),
  "/v1/relationships": () => ({
    kind: "part-of",
    subjectId: real.practice.id,
    objectId: real.place.id,
    role: "synthetic test link",
    valid: { from: "2024-04-01", to: null },
    provenance: provenance(),
  }),
  "/v1/collaboratives": () => ({
    name: syntheticName("collaborative"),
    level: "place",
    placeId: real.place.id,
    purposes: ["integration"],
    strategyLinks: [real.outcome.id],
    valid: { from: "2024-04-01", to: null },
    provenance: provenance(),
  }),
  "/v1/teams": () => ({
    name: syntheticName("team"),
    neighbourhoodId: real.neighbourhood.id,
    gpLed: true,
    members: [
      { role: "district-nurse", hostOrganisationId: first(real.organisations, "trust").id },
    ],
    strategyLinks: [real.outcome.id],
    valid: { from: "2024-04-01", to: null },
    provenance: provenance(),
  }),
  "/v1/governance/bodies": () => ({
    kind: "committee",
    name: syntheticName("committee"),
    level: "place",
    placeId: real.place.id,
    commissions: true,
    delegatedLimitPence: 100_000_000,
    valid: { from: "2024-04-01", to: null },
    provenance: provenance(),
  }),
  "/v1/commissioning/pooled-budgets": () => ({
    name: syntheticName("pooled budget"),
    placeId: real.place.id,
    hostId: first(real.organisations, "trust").id,
    partnerIds: [real.organisations[1]?.id ?? first(real.organisations, "trust").id],
    years: [
      {
        financialYear: "2024/25",
        totalPence: 300,
        contributions: [
          { organisationId: first(real.organisations, "trust").id, amountPence: 100 },
          {
            organisationId: real.organisations[1]?.id ?? first(real.organisations, "trust").id,
            amountPence: 200,
          },
        ],
      },
    ],
    strategyLinks: [real.outcome.id],
    valid: { from: "2024-04-01", to: null },
    provenance: provenance(),
  }),
  "/v1/commissioning/decisions": () => newDecision(madeId("/v1/governance/bodies")),
  "/v1/strategy/elements": () => ({
    kind: "commitment",
    framework: real.outcome.framework,
    text: syntheticName("commitment"),
    parentId: real.outcome.id,
    order: 99,
    valid: { from: "2024-04-01", to: null },
    provenance: provenance(),
  }),
};

/** A decision needs a body: made after a synthetic commissioning body exists. */
export const newDecision = (bodyId: string): Record<string, unknown> => ({
  bodyId,
  title: syntheticName("decision"),
  date: "2024-06-01",
  valuePence: 5_000_000,
  serviceArea: "synthetic service",
  providerIds: [first(real.organisations, "trust").id],
  strategyLinks: [real.outcome.id],
  valid: { from: "2024-06-01", to: null },
  provenance: provenance(),
});

/** The result of a create. */
export interface Created {
  readonly id: string;
  readonly revision: number;
  readonly body: Record<string, unknown>;
}

/** Creates a record through the API with the write key. */
export const create = async (path: string, data: Record<string, unknown>): Promise<Created> => {
  const response = await call(path, {
    method: "POST",
    key: api().keys.write,
    body: JSON.stringify({ data, reason: "synthetic test fixture" }),
  });
  const text = await response.text();
  if (response.status !== 201)
    throw new Error(`POST ${path}: ${response.status} ${text.slice(0, 800)}`);
  const body = JSON.parse(text) as { data: Array<{ id: string }>; revision: number };
  const id = body.data[0]?.id;
  if (id === undefined) throw new Error(`POST ${path}: no id in ${text.slice(0, 200)}`);
  return { id, revision: body.revision, body };
};

/** Creates one synthetic record of every writable resource (and a decision). */
export const createAll = async (): Promise<Record<string, Created>> => {
  for (const [path, make] of Object.entries(newVersion)) made[path] = await create(path, make());
  return { ...made };
};

export { today };
