/**
 * @module syntheticSnapshot
 * A synthetic register of 10,000 entity versions (plus 1,700 LSOAs and one source) for the
 * benchmark. Every name starts "Synthetic", every code sits in a range no real body uses
 * (GSS …99…, ODS Z9…, U99…, RZ…, 9…), and the records are consistent with one another, as a
 * clean register's would be, so the rules do their full work without drowning in findings.
 */
import {
  type EntityKind,
  emptySnapshot,
  type Period,
  type Snapshot,
  stableId,
  type TeamRole,
  teamRoleLabels,
} from "../src/index.js";

/** How many versions of each kind the snapshot holds. */
export const syntheticCounts = {
  system: 1,
  place: 10,
  neighbourhoodScheme: 20,
  neighbourhood: 700,
  organisation: 6_000,
  relationship: 2_500,
  succession: 20,
  governanceBody: 30,
  collaborative: 40,
  team: 350,
  pooledBudget: 10,
  decision: 250,
  strategyElement: 69,
} as const satisfies Record<EntityKind, number>;

const PLACES = 10;
const LSOAS_PER_PLACE = 170;
const GEOGRAPHIC_PER_PLACE = 35;
const REGISTERED_PER_PLACE = 35;
const PCNS = 250;
const PRACTICES = 2_500; // two versions each
const TRUSTS = 20;
const MERGES = 10;

const source = "synthetic-bench";
const provenance = { sources: [source] };
const open = (from: string): Period => ({ from, to: null });
const pad = (n: number, width: number) => String(n).padStart(width, "0");
const id = (kind: EntityKind, key: string) => stableId(kind, `synthetic:${key}`);

/**
 * Builds the synthetic snapshot as plain data, as it would arrive from a file or the
 * network (unparsed).
 */
export const syntheticSnapshot = (): Snapshot => {
  const s: Snapshot = {
    ...emptySnapshot(),
    sources: [
      {
        key: source,
        publisher: "Synthetic publisher",
        dataset: "Synthetic benchmark register",
        licence: "CC0-1.0",
        dataDate: "2025-01-01",
      },
    ],
  };
  const relationship = (
    key: string,
    kind: Snapshot["relationships"][number]["kind"],
    subjectId: string,
    objectId: string,
    from: string,
  ) =>
    s.relationships.push({
      id: id("relationship", key),
      kind,
      subjectId,
      objectId,
      valid: open(from),
      provenance,
    });

  // Organisations that span the system.
  const icbId = id("organisation", "icb");
  s.organisations.push({
    id: icbId,
    kind: "icb",
    name: "Synthetic Integrated Care Board",
    codes: [
      { system: "ods", value: "QZZ" },
      { system: "gss", value: "E54999999" },
    ],
    roles: [{ role: "commissioner", period: open("2022-07-01") }],
    valid: open("2022-07-01"),
    provenance,
  });
  s.organisations.push({
    id: id("organisation", "combined-authority"),
    kind: "combined-authority",
    name: "Synthetic Combined Authority",
    codes: [{ system: "gss", value: "E47999999" }],
    roles: [],
    valid: open("2011-04-01"),
    provenance,
  });
  const systemId = id("system", "system");
  s.systems.push({
    id: systemId,
    name: "Synthetic Integrated Care System",
    codes: [{ system: "gss", value: "E54999999" }],
    icbId,
    valid: open("2022-07-01"),
    provenance,
  });

  const trusts = Array.from({ length: TRUSTS }, (_, t) => {
    const trustId = id("organisation", `trust-${t}`);
    s.organisations.push({
      id: trustId,
      kind: "nhs-trust",
      name: `Synthetic NHS Trust ${t + 1}`,
      codes: [{ system: "ods", value: `RZ${"0123456789ABCDEFGHIJ"[t]}` }],
      roles: [{ role: "provider", period: open("2010-04-01") }],
      valid: open("2010-04-01"),
      provenance,
    });
    return trustId;
  });

  // Strategy: 3 aims, 6 themes, 1 vision, 9 outcomes with 50 commitments between them.
  const strategyIds: string[] = [];
  const element = (
    key: string,
    kind: Snapshot["strategy"][number]["kind"],
    order: number,
    parentId?: string,
  ) => {
    const elementId = id("strategyElement", key);
    s.strategy.push({
      id: elementId,
      kind,
      framework: "Synthetic strategy",
      text: `A synthetic ${kind} (${key})`,
      order,
      ...(parentId === undefined ? {} : { parentId }),
      valid: open("2022-07-01"),
      provenance,
    });
    strategyIds.push(elementId);
    return elementId;
  };
  for (let i = 0; i < 3; i++) element(`aim-${i}`, "aim", i);
  for (let i = 0; i < 6; i++) element(`theme-${i}`, "theme", i);
  element("vision", "vision", 0);
  const outcomes = Array.from({ length: 9 }, (_, i) => element(`outcome-${i}`, "outcome", i));
  for (let i = 0; i < 50; i++)
    element(`commitment-${i}`, "commitment", i, outcomes[i % outcomes.length]);

  // System governance: the partnership board and nine committees accountable to it.
  const boardId = id("governanceBody", "icp-board");
  s.governanceBodies.push({
    id: boardId,
    kind: "partnership-board",
    name: "Synthetic Integrated Care Partnership Board",
    level: "system",
    systemId,
    commissions: false,
    delegatedLimitPence: null,
    valid: open("2022-07-01"),
    provenance,
  });
  for (let c = 0; c < 9; c++) {
    const committeeId = id("governanceBody", `committee-${c}`);
    s.governanceBodies.push({
      id: committeeId,
      kind: "committee",
      name: `Synthetic Committee ${c + 1}`,
      level: "system",
      systemId,
      commissions: false,
      delegatedLimitPence: null,
      valid: open("2022-07-01"),
      provenance,
    });
    relationship(
      `committee-${c}-accountable`,
      "accountable-to",
      committeeId,
      boardId,
      "2022-07-01",
    );
  }

  // System collaboratives, led and joined by trusts.
  for (let c = 0; c < 10; c++) {
    const collaborativeId = id("collaborative", `system-${c}`);
    s.collaboratives.push({
      id: collaborativeId,
      name: `Synthetic System Collaborative ${c + 1}`,
      level: "system",
      systemId,
      purposes: ["mutual-aid-resilience", "specialisation-consolidation"],
      strategyLinks: [strategyIds[c % strategyIds.length] ?? ""],
      valid: open("2022-07-01"),
      provenance,
    });
    relationship(
      `system-collaborative-${c}-lead`,
      "lead-of",
      trusts[c] ?? "",
      collaborativeId,
      "2022-07-01",
    );
    for (let m = 0; m < 6; m++) {
      relationship(
        `system-collaborative-${c}-member-${m}`,
        "member-of",
        trusts[(c + m + 1) % TRUSTS] ?? "",
        collaborativeId,
        "2022-07-01",
      );
    }
  }

  const vcfse: string[] = [];
  let practiceNumber = 0;
  let pcnNumber = 0;
  for (let p = 0; p < PLACES; p++) {
    const n = pad(p + 1, 3);
    const district = `E08999${n}`;
    const placeId = id("place", `place-${p}`);
    const councilId = id("organisation", `council-${p}`);
    const ccgId = id("organisation", `ccg-${p}`);
    const subIcbId = id("organisation", `sub-icb-${p}`);
    s.organisations.push(
      {
        id: councilId,
        kind: "local-authority",
        name: `Synthetic Borough Council ${p + 1}`,
        codes: [{ system: "gss", value: district }],
        roles: [{ role: "commissioner", period: open("1974-04-01") }],
        valid: open("1974-04-01"),
        provenance,
      },
      {
        id: ccgId,
        kind: "ccg",
        name: `NHS Synthetic CCG ${p + 1}`,
        codes: [
          { system: "ods", value: `9${p}A` },
          { system: "gss", value: `E38999${n}` },
        ],
        roles: [{ role: "commissioner", period: { from: "2013-04-01", to: "2022-07-01" } }],
        valid: { from: "2013-04-01", to: "2022-07-01" },
        provenance,
      },
      {
        id: subIcbId,
        kind: "sub-icb-location",
        name: `Synthetic Sub-ICB Location ${p + 1}`,
        codes: [
          { system: "ods", value: `9${p}B` },
          { system: "gss", value: `E38999${pad(p + 101, 3)}` },
        ],
        roles: [],
        parentId: icbId,
        placeId,
        valid: open("2022-07-01"),
        provenance,
      },
    );
    s.successions.push({
      id: id("succession", `ccg-${p}`),
      kind: "transfer",
      predecessorIds: [ccgId],
      successorIds: [subIcbId],
      valid: open("2022-07-01"),
      provenance,
    });
    s.places.push({
      id: placeId,
      name: `Synthetic Borough ${p + 1}`,
      systemId,
      codes: [{ system: "gss", value: district }],
      councilId,
      subIcbLocationId: subIcbId,
      placeBasedLead: { title: "Place-based lead", organisationId: councilId },
      valid: open("2022-07-01"),
      provenance,
    });

    // Geography: 170 LSOAs in 34 MSOAs.
    const lsoaCodes: string[] = [];
    for (let l = 0; l < LSOAS_PER_PLACE; l++) {
      const serial = p * LSOAS_PER_PLACE + l;
      const code = `E0199${pad(serial, 4)}`;
      lsoaCodes.push(code);
      s.lsoas.push({
        code,
        name: `Synthetic ${n}${pad(l, 3)}`,
        msoa: {
          code: `E0299${pad(Math.floor(serial / 5), 4)}`,
          name: `Synthetic MSOA ${Math.floor(serial / 5)}`,
        },
        ward: {
          code: `E0599${pad(Math.floor(serial / 10), 4)}`,
          name: `Synthetic Ward ${Math.floor(serial / 10)}`,
        },
        districtCode: district,
        centroid: { lat: 53.4 + l / 10_000, lon: -2.3 - p / 1_000 },
        population: {
          value: 1_500 + (serial % 400),
          basis: "resident",
          date: "2021-03-21",
          source,
        },
      });
    }

    // Primary care: 25 PCNs of 10 practices, each practice with two versions (a rename).
    const practices: string[] = [];
    const pcns: string[] = [];
    for (let c = 0; c < PCNS / PLACES; c++) {
      const pcnId = id("organisation", `pcn-${pcnNumber}`);
      s.organisations.push({
        id: pcnId,
        kind: "pcn",
        name: `Synthetic PCN ${pcnNumber + 1}`,
        codes: [{ system: "ods", value: `U99${pad(pcnNumber, 3)}` }],
        roles: [],
        placeId,
        valid: open("2019-07-01"),
        provenance,
      });
      pcns.push(pcnId);
      for (let g = 0; g < PRACTICES / PCNS; g++) {
        const practiceId = id("organisation", `practice-${practiceNumber}`);
        const code = [{ system: "ods" as const, value: `Z9${pad(practiceNumber, 4)}` }];
        const shared = {
          id: practiceId,
          kind: "gp-practice" as const,
          codes: code,
          roles: [],
          placeId,
          postcode: "ZZ9 9ZZ",
          provenance,
        };
        s.organisations.push(
          {
            ...shared,
            name: `Synthetic Surgery ${practiceNumber + 1}`,
            valid: { from: "2010-04-01", to: "2020-04-01" },
          },
          {
            ...shared,
            name: `Synthetic Medical Practice ${practiceNumber + 1}`,
            valid: open("2020-04-01"),
          },
        );
        // 2,200 of the 2,500 practices are recorded as members of their PCN.
        if (practiceNumber < 2_200) {
          relationship(
            `practice-${practiceNumber}-pcn`,
            "member-of",
            practiceId,
            pcnId,
            "2019-07-01",
          );
        }
        practices.push(practiceId);
        practiceNumber++;
      }
      pcnNumber++;
    }

    // Two neighbourhood schemes: official geographic, and derived from practice lists.
    const geographicId = id("neighbourhoodScheme", `geographic-${p}`);
    const registeredId = id("neighbourhoodScheme", `registered-${p}`);
    s.neighbourhoodSchemes.push(
      {
        id: geographicId,
        name: `Synthetic Borough ${p + 1} neighbourhoods`,
        systemId,
        placeId,
        basis: "geographic",
        status: "official",
        valid: open("2022-07-01"),
        provenance,
      },
      {
        id: registeredId,
        name: `Synthetic Borough ${p + 1} practice groupings`,
        systemId,
        placeId,
        basis: "registered-population",
        status: "derived",
        valid: open("2022-07-01"),
        provenance: {
          sources: [source],
          derivation: "synthetic: seven practices per neighbourhood",
        },
      },
    );
    for (let h = 0; h < GEOGRAPHIC_PER_PLACE; h++) {
      const neighbourhoodId = id("neighbourhood", `geographic-${p}-${h}`);
      const start = Math.floor((h * LSOAS_PER_PLACE) / GEOGRAPHIC_PER_PLACE);
      const end = Math.floor(((h + 1) * LSOAS_PER_PLACE) / GEOGRAPHIC_PER_PLACE);
      s.neighbourhoods.push({
        id: neighbourhoodId,
        name: `Synthetic Neighbourhood ${p + 1}.${h + 1}`,
        placeId,
        schemeId: geographicId,
        footprint: { lsoas: lsoaCodes.slice(start, end), pcnIds: [], practiceIds: [] },
        population: {
          value: 30_000 + ((p * 97 + h * 991) % 20_001),
          basis: "resident",
          date: "2021-03-21",
          source,
        },
        valid: open("2023-04-01"),
        provenance,
      });
      // One integrated neighbourhood team per geographic neighbourhood.
      const roles = Object.keys(teamRoleLabels) as TeamRole[];
      s.teams.push({
        id: id("team", `team-${p}-${h}`),
        name: `Synthetic INT ${p + 1}.${h + 1}`,
        neighbourhoodId,
        leadOrganisationId: pcns[h % pcns.length] ?? "",
        gpLed: true,
        members: [
          {
            role: roles[h % roles.length] ?? "district-nurse",
            hostOrganisationId: trusts[p] ?? "",
          },
          { role: "social-worker", hostOrganisationId: councilId, headcount: 2 },
          { role: "pharmacist", hostOrganisationId: practices[h] ?? "" },
        ],
        strategyLinks: [outcomes[h % outcomes.length] ?? ""],
        valid: open("2023-04-01"),
        provenance,
      });
    }
    for (let h = 0; h < REGISTERED_PER_PLACE; h++) {
      const start = Math.floor((h * practices.length) / REGISTERED_PER_PLACE);
      const end = Math.floor(((h + 1) * practices.length) / REGISTERED_PER_PLACE);
      s.neighbourhoods.push({
        id: id("neighbourhood", `registered-${p}-${h}`),
        name: `Synthetic Practice Group ${p + 1}.${h + 1}`,
        placeId,
        schemeId: registeredId,
        footprint: { lsoas: [], pcnIds: [], practiceIds: practices.slice(start, end) },
        valid: open("2023-04-01"),
        provenance,
      });
    }

    // Place governance: a locality board accountable to the partnership board, and a
    // joint commissioning executive reporting to the locality board.
    const localityBoardId = id("governanceBody", `locality-board-${p}`);
    const executiveId = id("governanceBody", `executive-${p}`);
    s.governanceBodies.push(
      {
        id: localityBoardId,
        kind: "locality-board",
        name: `Synthetic Locality Board ${p + 1}`,
        level: "place",
        placeId,
        commissions: false,
        delegatedLimitPence: null,
        valid: open("2022-07-01"),
        provenance,
      },
      {
        id: executiveId,
        kind: "joint-commissioning-executive",
        name: `Synthetic Joint Commissioning Executive ${p + 1}`,
        level: "place",
        placeId,
        commissions: true,
        delegatedLimitPence: 500_000_000,
        valid: open("2022-07-01"),
        provenance,
      },
    );
    relationship(
      `locality-board-${p}-accountable`,
      "accountable-to",
      localityBoardId,
      boardId,
      "2022-07-01",
    );
    relationship(
      `executive-${p}-reports`,
      "reports-to",
      executiveId,
      localityBoardId,
      "2022-07-01",
    );
    relationship(
      `locality-board-${p}-council`,
      "member-of",
      councilId,
      localityBoardId,
      "2022-07-01",
    );
    relationship(
      `locality-board-${p}-sub-icb`,
      "member-of",
      subIcbId,
      localityBoardId,
      "2022-07-01",
    );

    // Place collaboratives: three per place, each with a lead and members.
    for (let c = 0; c < 3; c++) {
      const collaborativeId = id("collaborative", `place-${p}-${c}`);
      s.collaboratives.push({
        id: collaborativeId,
        name: `Synthetic Place Collaborative ${p + 1}.${c + 1}`,
        level: "place",
        placeId,
        purposes: ["integration", "reduce-unwarranted-variation"],
        strategyLinks: [],
        valid: open("2022-07-01"),
        provenance,
      });
      relationship(
        `place-collaborative-${p}-${c}-lead`,
        "lead-of",
        councilId,
        collaborativeId,
        "2022-07-01",
      );
      for (let m = 0; m < 3; m++) {
        relationship(
          `place-collaborative-${p}-${c}-member-${m}`,
          "member-of",
          pcns[c * 3 + m] ?? "",
          collaborativeId,
          "2022-07-01",
        );
      }
    }

    // A pooled budget: the council hosts, the sub-ICB location contributes.
    const budgetId = id("pooledBudget", `budget-${p}`);
    s.pooledBudgets.push({
      id: budgetId,
      name: `Synthetic Pooled Fund ${p + 1}`,
      placeId,
      hostId: councilId,
      partnerIds: [subIcbId],
      governedById: executiveId,
      years: ["2022/23", "2023/24", "2024/25"].map((financialYear, y) => ({
        financialYear,
        totalPence: 30_000_000_000 + y * 1_000_000_000,
        contributions: [
          { organisationId: councilId, amountPence: 10_000_000_000 + y * 400_000_000 },
          { organisationId: subIcbId, amountPence: 20_000_000_000 + y * 600_000_000 },
        ],
      })),
      strategyLinks: [outcomes[p % outcomes.length] ?? ""],
      valid: open("2022-07-01"),
      provenance,
    });

    // Commissioning decisions of the executive, within its delegated limit.
    for (let d = 0; d < 25; d++) {
      const date = `2023-${pad((d % 12) + 1, 2)}-${pad((d % 28) + 1, 2)}`;
      s.decisions.push({
        id: id("decision", `decision-${p}-${d}`),
        bodyId: executiveId,
        title: `Synthetic decision ${p + 1}.${d + 1}`,
        date,
        valuePence: 1_000_000 * (d + 1),
        serviceArea: "synthetic service area",
        providerIds: [trusts[(p + d) % TRUSTS] ?? ""],
        pooledBudgetId: budgetId,
        strategyLinks: [strategyIds[d % strategyIds.length] ?? ""],
        valid: open(date),
        provenance,
      });
    }
  }

  // Police and other partners, and the voluntary sector; some VCFSE bodies merged.
  for (let o = 0; o < 10; o++) {
    s.organisations.push({
      id: id("organisation", `partner-${o}`),
      kind: o < 2 ? "police" : "other",
      name: `Synthetic Partner ${o + 1}`,
      codes: [],
      roles: [{ role: "partner", period: open("2015-04-01") }],
      valid: open("2015-04-01"),
      provenance,
    });
  }
  const vcfseCount = syntheticCounts.organisation - s.organisations.length;
  for (let v = 0; v < vcfseCount; v++) {
    const vcfseId = id("organisation", `vcfse-${v}`);
    // The first 2 × MERGES close on 2021-04-01, merging pairwise into later ones.
    const closes = v < 2 * MERGES;
    s.organisations.push({
      id: vcfseId,
      kind: "vcfse",
      name: `Synthetic Community Group ${v + 1}`,
      codes: [],
      roles: [],
      valid: closes ? { from: "2015-04-01", to: "2021-04-01" } : open("2015-04-01"),
      provenance,
    });
    vcfse.push(vcfseId);
  }
  for (let m = 0; m < MERGES; m++) {
    s.successions.push({
      id: id("succession", `vcfse-merge-${m}`),
      kind: "merge",
      predecessorIds: [vcfse[2 * m] ?? "", vcfse[2 * m + 1] ?? ""],
      successorIds: [vcfse[2 * MERGES + m] ?? ""],
      valid: open("2021-04-01"),
      provenance,
    });
  }
  // Fill the relationships up to their count with VCFSE members of place collaboratives.
  const placeCollaboratives = s.collaboratives.filter((c) => c.level === "place");
  for (let r = 0; s.relationships.length < syntheticCounts.relationship; r++) {
    const collaborative = placeCollaboratives[r % placeCollaboratives.length];
    const member = vcfse[2 * MERGES + (r % (vcfse.length - 2 * MERGES))];
    if (collaborative === undefined || member === undefined)
      throw new Error("no collaboratives or members");
    relationship(`vcfse-member-${r}`, "member-of", member, collaborative.id, "2022-07-01");
  }
  return s;
};

/** The number of entity versions (not LSOAs or sources) in a snapshot. */
export const entityCount = (snapshot: Snapshot): number =>
  Object.entries(snapshot)
    .filter(([key]) => key !== "lsoas" && key !== "sources")
    .reduce((sum, [, records]) => sum + records.length, 0);
