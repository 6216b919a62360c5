/**
 * @module testing/syntheticPlace
 * One place of a synthetic register: its council, its CCG (the first place's formed by a
 * merger on 1 April 2017) succeeded by a sub-ICB location on 1 July 2022, an NHS trust, the
 * place itself (a version before and after the sub-ICB location), its neighbourhoods, a
 * locality board and a joint commissioning executive with its decisions, a pooled budget and
 * a provider collaborative.
 */
import {
  open,
  pad,
  provenance,
  type RegisterBuilder,
  span,
  syntheticId,
} from "./registerBuilder.js";
import { addNeighbourhoods, type PlaceSizes, populationOf } from "./syntheticNeighbourhoods.js";

/** The sizes of a synthetic place, with its number of decisions. */
export interface SyntheticPlaceSizes extends PlaceSizes {
  readonly decisions: number;
}

/** What every place of the register shares. */
export interface SystemParts {
  readonly systemId: string;
  readonly icbId: string;
  readonly boardId: string;
  readonly schemeId: string;
  readonly commitment: (n: number) => string;
}

const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const serviceAreas = ["Community health", "Adult social care", "Primary care", "Mental health"];

/** The most places a register can have (each place's ODS codes end in its own letter). */
export const maxPlaces = letters.length;

/** Adds place number `p` (from 1) and everything in it. */
export const addPlace = (
  b: RegisterBuilder,
  p: number,
  system: SystemParts,
  sizes: SyntheticPlaceSizes,
): void => {
  const key = `place-${p}`;
  const placeId = syntheticId("place", key);
  const borough = `Synthetic Borough ${p}`;
  const district = `E08999${pad(p, 3)}`;
  const letter = letters[p - 1] ?? "A";
  const s = b.snapshot;

  const councilId = b.organisation(`${key}/council`, {
    kind: "local-authority",
    name: `${borough} Council`,
    codes: [{ system: "gss", value: district }],
    roles: [{ role: "commissioner", period: open("2013-04-01") }],
    placeId,
    valid: open("2013-04-01"),
  });
  const ccgValid = span(p === 1 ? "2017-04-01" : "2013-04-01", "2022-07-01");
  const ccgId = b.organisation(`${key}/ccg`, {
    kind: "ccg",
    name: `${borough} CCG`,
    codes: [
      { system: "ods", value: `98${letter}` },
      { system: "gss", value: `E38999${pad(p, 3)}` },
    ],
    roles: [{ role: "commissioner", period: ccgValid }],
    placeId,
    valid: ccgValid,
  });
  if (p === 1) {
    const merged = ["North", "South"].map((part, i) =>
      b.organisation(`${key}/ccg-${part.toLowerCase()}`, {
        kind: "ccg",
        name: `Synthetic ${part} ${borough.slice("Synthetic ".length)} CCG`,
        codes: [{ system: "ods", value: `95${letters[i]}` }],
        placeId,
        valid: span("2013-04-01", "2017-04-01"),
      }),
    );
    b.succession(`${key}/ccg-merger`, "merge", merged, [ccgId], "2017-04-01");
  }
  const subIcbId = b.organisation(`${key}/sub-icb`, {
    kind: "sub-icb-location",
    name: `${borough} Sub-ICB Location`,
    codes: [
      { system: "ods", value: `96${letter}` },
      { system: "gss", value: `E38999${pad(100 + p, 3)}` },
    ],
    parentId: system.icbId,
    placeId,
    valid: open("2022-07-01"),
  });
  b.succession(`${key}/ccg-transfer`, "transfer", [ccgId], [subIcbId], "2022-07-01");
  const trustId = b.organisation(`${key}/trust`, {
    kind: "nhs-trust",
    name: `${borough} Hospitals NHS Trust`,
    codes: [{ system: "ods", value: `RZ${letter}` }],
    roles: [{ role: "provider", period: open("2013-04-01") }],
    valid: open("2013-04-01"),
  });

  const place = {
    id: placeId,
    name: borough,
    systemId: system.systemId,
    codes: [{ system: "gss" as const, value: district }],
    councilId,
    population: populationOf(sizes.neighbourhoods * sizes.lsoasPerNeighbourhood, sizes),
    provenance,
  };
  s.places.push(
    { ...place, valid: span("2016-04-01", "2022-07-01") },
    {
      ...place,
      subIcbLocationId: subIcbId,
      placeBasedLead: { title: "Place-based lead", organisationId: councilId },
      valid: open("2022-07-01"),
    },
  );
  const parts = { n: p, key, placeId, district, councilId, trustId, ...system };
  addNeighbourhoods(b, parts, sizes);

  // A locality board accountable to the partnership board, and a joint commissioning
  // executive reporting to it; the place's commissioners are members of the board.
  const localityId = syntheticId("governanceBody", `${key}/locality-board`);
  const executiveId = syntheticId("governanceBody", `${key}/executive`);
  const body = { level: "place" as const, placeId, valid: open("2016-04-01"), provenance };
  s.governanceBodies.push(
    {
      ...body,
      id: localityId,
      kind: "locality-board",
      name: `${borough} Locality Board`,
      commissions: false,
      delegatedLimitPence: null,
    },
    {
      ...body,
      id: executiveId,
      kind: "joint-commissioning-executive",
      name: `${borough} Joint Commissioning Executive`,
      commissions: true,
      delegatedLimitPence: 1_000_000_000,
    },
  );
  const since2016 = open("2016-04-01");
  b.relationship(
    `${key}/locality-board/accountable`,
    "accountable-to",
    localityId,
    system.boardId,
    since2016,
  );
  b.relationship(`${key}/executive/reports`, "reports-to", executiveId, localityId, since2016);
  b.relationship(`${key}/council/member`, "member-of", councilId, localityId, since2016);
  const ccgMember = span(p === 1 ? "2017-04-01" : "2016-04-01", "2022-07-01");
  b.relationship(`${key}/ccg/member`, "member-of", ccgId, localityId, ccgMember);
  b.relationship(`${key}/sub-icb/member`, "member-of", subIcbId, localityId, open("2022-07-01"));

  // A provider collaborative led by the trust, and a pooled budget hosted by the council.
  const collaborativeId = syntheticId("collaborative", `${key}/collaborative`);
  s.collaboratives.push({
    id: collaborativeId,
    name: `${borough} Provider Collaborative`,
    level: "place",
    placeId,
    purposes: ["integration", "reduce-unwarranted-variation"],
    strategyLinks: [system.commitment(p)],
    valid: open("2020-04-01"),
    provenance,
  });
  b.relationship(
    `${key}/collaborative/lead`,
    "lead-of",
    trustId,
    collaborativeId,
    open("2020-04-01"),
  );
  const budgetId = syntheticId("pooledBudget", `${key}/pooled-budget`);
  s.pooledBudgets.push({
    id: budgetId,
    name: `${borough} Pooled Budget`,
    placeId,
    hostId: councilId,
    partnerIds: [subIcbId],
    governedById: executiveId,
    years: ["2023/24", "2024/25"].map((financialYear, y) => ({
      financialYear,
      totalPence: 300_000_000 + y * 30_000_000,
      contributions: [
        { organisationId: councilId, amountPence: 100_000_000 + y * 10_000_000 },
        { organisationId: subIcbId, amountPence: 200_000_000 + y * 20_000_000 },
      ],
    })),
    strategyLinks: [system.commitment(p + 1)],
    valid: open("2022-07-01"),
    provenance,
  });

  // The executive's decisions, dated every other year from 2018, within its limit.
  for (let d = 1; d <= sizes.decisions; d++) {
    const date = `${2018 + ((2 * (d - 1)) % 8)}-${pad(((d - 1) % 12) + 1, 2)}-01`;
    s.decisions.push({
      id: syntheticId("decision", `${key}/decision-${d}`),
      bodyId: executiveId,
      title: `Synthetic Decision ${p}.${d}`,
      date,
      valuePence: 10_000_000 * (((d - 1) % 50) + 1),
      serviceArea: serviceAreas[(d - 1) % serviceAreas.length] ?? "Community health",
      providerIds: [d % 2 === 0 ? councilId : trustId],
      ...(date >= "2022-07-01" ? { pooledBudgetId: budgetId } : {}),
      strategyLinks: [system.commitment(d)],
      valid: open(date),
      provenance,
    });
  }
};
