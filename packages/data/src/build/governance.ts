/**
 * @module governance
 * Governance bodies the seed documents describe: the GM Integrated Care Partnership board,
 * the 10 locality boards (seed 000), and Manchester's joint commissioning board and
 * executive of 2016 with the executive's members, accountability and reporting lines
 * (seed 003). Each fact is quoted from its seed and the build checks the quote.
 */
import type { GovernanceBody, Relationship } from "@care-atlas/domain";
import type { District } from "./geography.js";
import { gmSystem, gssOrganisation, odsOrganisation, placeOf, stableId } from "./ids.js";
import { icbStart } from "./organisations.js";
import { quoted } from "./quotes.js";
import type { Raw } from "./raw.js";
import { sourceKeys as S } from "./sourceCatalogue.js";

/** Manchester's district code (place of the joint commissioning bodies). */
const manchester = "E08000003";

/** The three Manchester CCGs of 2016 and the day after their last day open. */
const manchesterCcgs = ["00W", "01M", "01N"] as const;
const manchesterCcgsEnd = "2017-04-01";

/** "£1.2bn" in a text → pence (120,000,000,000). */
export const poundsBillionToPence = (text: string): number => {
  const match = /£(\d+(?:\.\d+)?)bn/.exec(text);
  if (match === null) throw new Error(`no £…bn amount in "${text}"`);
  const [whole, fraction = ""] = (match[1] as string).split(".");
  return Number(whole) * 100_000_000_000 + Number(fraction.padEnd(11, "0").slice(0, 11));
};

/** What {@link buildGovernance} makes. */
export interface Governance {
  readonly bodies: GovernanceBody[];
  readonly relationships: Relationship[];
}

const seed003Year = (raw: Raw): string => {
  const match = /^(\d{2})\.(\d{2})\.(\d{2})\s*$/m.exec(raw.text("seed003"));
  if (match === null) throw new Error("seed 003 has no date line");
  return `20${match[3]}`;
};

/** The bodies and their relationships. */
export const buildGovernance = (raw: Raw, districts: ReadonlyArray<District>): Governance => {
  const systemId = gmSystem();
  const bodies: GovernanceBody[] = [];
  const relationships: Relationship[] = [];

  // GM Integrated Care Partnership board (seed 000).
  const steering = quoted(
    raw,
    "seed000",
    "The Board steering the work will be chaired by GM political lead for health and care, and Tameside Council leader Councillor Brenda Warrington.",
  );
  bodies.push({
    id: stableId("governanceBody", "gm-icp-board"),
    kind: "partnership-board",
    name: "GM Integrated Care Partnership Board",
    level: "system",
    systemId,
    chair: {
      name: "Councillor Brenda Warrington",
      title: "GM political lead for health and care, and Tameside Council leader",
    },
    commissions: false,
    delegatedLimitPence: null,
    purpose: "Steers the work of GM Integrated Care Partnership.",
    valid: { from: icbStart, to: null },
    provenance: {
      sources: [S.seed000],
      derivation: `Seed 000 (8 April 2022): "${steering}" Named descriptively (the seed calls it "the Board"). valid.from is ${icbStart}, when the partnership's arrangements began with the ICB; the seed gives no date for the board itself. The chair is as the seed names her in April 2022; later chairs are not in the sources, and the open end means "no end recorded".`,
    },
  });

  // The 10 locality boards (seed 000).
  const boards = quoted(
    raw,
    "seed000",
    "We’ll have local integrated care partnerships, overseen by a Board with people from the council, NHS, voluntary sector and wider partners reflective of each place.",
  );
  const ten = quoted(
    raw,
    "seed000",
    "In addition there will be similar partnerships in each of GM’s ten districts or localities.",
  );
  for (const district of districts) {
    bodies.push({
      id: stableId("governanceBody", `locality-board:gss:${district.code}`),
      kind: "locality-board",
      name: `${district.name} local integrated care partnership board`,
      level: "place",
      systemId,
      placeId: placeOf(district.code),
      commissions: false,
      delegatedLimitPence: null,
      purpose:
        "Oversees the place's local integrated care partnership, with people from the council, NHS, voluntary sector and wider partners; its place-based lead coordinates the partnership.",
      valid: { from: icbStart, to: null },
      provenance: {
        sources: [S.seed000, S.localAuthorities],
        derivation: `Seed 000: "${ten}" and "${boards}" The board's name is descriptive (the seed names none) and its members are not listed; valid.from is ${icbStart}, when the new arrangements began.`,
      },
    });
  }

  // Manchester's joint commissioning board and executive (seed 003, 18 July 2016).
  const year = seed003Year(raw);
  const established = quoted(
    raw,
    "seed003",
    "a joint commissioning board was established on 23 May and a joint commissioning executive on 1 June",
  );
  const shared = quoted(
    raw,
    "seed003",
    "Commissioning powers in Manchester are to be shared between the city council and the city’s three CCGs",
  );
  const worth = quoted(
    raw,
    "seed003",
    "The executive, which is responsible for joint commissioning decisions worth £1.2bn",
  );
  const membersText = quoted(
    raw,
    "seed003",
    "includes the chief officers of South Manchester, North Manchester and Central Manchester CCGs and the strategic director of adult social services",
  );
  const chaired = quoted(
    raw,
    "seed003",
    "It is chaired by Ian Williamson, the chief officer of Central Manchester CCG",
  );
  const lines = quoted(
    raw,
    "seed003",
    "It is accountable to the boards of the three CCGs and reports to the joint commissioning board.",
  );
  const dated = `Seed 003 (dated 18.07.16): "${established}"; the year ${year} is the article's.`;
  const openEnd =
    "No source says when it ended: the open end means no end is recorded, not that it still exists.";

  const placeId = placeOf(manchester);
  const boardId = stableId("governanceBody", "manchester-joint-commissioning-board-2016");
  const executiveId = stableId("governanceBody", "manchester-joint-commissioning-executive-2016");
  bodies.push({
    id: boardId,
    kind: "joint-commissioning-board",
    name: "Manchester joint commissioning board",
    level: "place",
    systemId,
    placeId,
    commissions: true,
    delegatedLimitPence: null,
    purpose: "Joint commissioning between Manchester's city council and its three CCGs.",
    valid: { from: `${year}-05-23`, to: null },
    provenance: {
      sources: [S.seed003],
      derivation: `${dated} Seed 003: "${shared}". ${openEnd}`,
    },
  });
  bodies.push({
    id: executiveId,
    kind: "joint-commissioning-executive",
    name: "Manchester joint commissioning executive",
    level: "place",
    systemId,
    placeId,
    chair: { name: "Ian Williamson", title: "Chief officer of Central Manchester CCG" },
    commissions: true,
    delegatedLimitPence: null,
    responsibilityPence: poundsBillionToPence(worth),
    purpose: "Takes Manchester's joint commissioning decisions.",
    valid: { from: `${year}-06-01`, to: null },
    provenance: {
      sources: [S.seed003],
      derivation: `${dated} Seed 003: "${worth}" — a total, recorded as responsibilityPence (£1.2bn = 120,000,000,000p); the source gives no limit on a single decision, so delegatedLimitPence is null. "${chaired}". ${openEnd}`,
    },
  });

  const executiveFrom = `${year}-06-01`;
  for (const code of manchesterCcgs) {
    relationships.push({
      id: stableId("relationship", `accountable-to:manchester-jce>ods:${code}:${executiveFrom}`),
      kind: "accountable-to",
      subjectId: executiveId,
      objectId: odsOrganisation(code),
      role: "to the CCG's board",
      valid: { from: executiveFrom, to: manchesterCcgsEnd },
      provenance: {
        sources: [S.seed003, S.eccg],
        derivation: `Seed 003: "${lines}" The CCGs' boards are not recorded separately, so the line runs to the CCG. It ends when the CCG closed (ODS eccg close_date 2017-03-31, the last day open).`,
      },
    });
    relationships.push({
      id: stableId("relationship", `member-of:ods:${code}>manchester-jce:${executiveFrom}`),
      kind: "member-of",
      subjectId: odsOrganisation(code),
      objectId: executiveId,
      role: "represented by its chief officer",
      valid: { from: executiveFrom, to: manchesterCcgsEnd },
      provenance: {
        sources: [S.seed003, S.eccg],
        derivation: `Seed 003: the executive "${membersText}". Ends when the CCG closed (ODS eccg close_date 2017-03-31, the last day open).`,
      },
    });
  }
  relationships.push({
    id: stableId("relationship", `member-of:gss:${manchester}>manchester-jce:${executiveFrom}`),
    kind: "member-of",
    subjectId: gssOrganisation(manchester),
    objectId: executiveId,
    role: "represented by the strategic director of adult social services",
    valid: { from: executiveFrom, to: null },
    provenance: {
      sources: [S.seed003, S.localAuthorities],
      derivation: `Seed 003: the executive "${membersText}". The seed does not name the director's employer; recorded as Manchester's council, the other party to the joint commissioning it describes ("${shared}"). ${openEnd}`,
    },
  });
  relationships.push({
    id: stableId("relationship", `reports-to:manchester-jce>manchester-jcb:${executiveFrom}`),
    kind: "reports-to",
    subjectId: executiveId,
    objectId: boardId,
    valid: { from: executiveFrom, to: null },
    provenance: { sources: [S.seed003], derivation: `Seed 003: "${lines}" ${openEnd}` },
  });

  return { bodies, relationships };
};
