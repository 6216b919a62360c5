/**
 * @module primaryCare
 * GP practices (the active ones, and closed or dormant ones where a PCN membership needs
 * them), their registered list sizes of January 2021, the PCNs open and closed, dated
 * practice → PCN memberships from ePCN's core partner sheet, and the PCN closures whose
 * practices all moved on the next day.
 */
import type {
  IsoDate,
  Organisation,
  PopulationFigure,
  Relationship,
  Succession,
} from "@care-atlas/domain";
import { checkedDate, inclusivePeriod, nextDay } from "./dates.js";
import { compare, countField, field } from "./geography.js";
import { odsOrganisation, stableId } from "./ids.js";
import type { Raw } from "./raw.js";
import { sourceKeys as S } from "./sourceCatalogue.js";

/** The date of the January 2021 registered-patients extract. */
export const listSizeDate: IsoDate = "2021-01-01";

/** Registered patients (all ages) per practice code, January 2021. */
export const readListSizes = (raw: Raw): Map<string, number> => {
  const sizes = new Map<string, number>();
  for (const row of raw.csv("listSizes")) {
    if (row.SEX !== "ALL" || row.AGE !== "ALL" || row.EXTRACT_DATE !== "01JAN2021") {
      throw new Error(`unexpected list-size row ${JSON.stringify(row)}`);
    }
    sizes.set(field(row, "CODE"), countField(row, "NUMBER_OF_PATIENTS"));
  }
  return sizes;
};

/** A practice's registered list size as a population figure. */
const listSize = (value: number): PopulationFigure => ({
  value,
  basis: "registered",
  date: listSizeDate,
  source: S.listSizes,
});

/** An ePCN core partner row, read. */
export interface Membership {
  readonly practice: string;
  readonly pcn: string;
  readonly start: IsoDate;
  /** The last day of membership as ePCN gives it, or "" when it has none. */
  readonly end: string;
}

/** The ePCN core partner rows. */
export const readMemberships = (raw: Raw): Membership[] =>
  raw.csv("pcnCorePartners").map((row) => ({
    practice: field(row, "practice_code"),
    pcn: field(row, "pcn_code"),
    start: checkedDate(field(row, "relationship_start_date"), "relationship_start_date"),
    end: row.relationship_end_date ?? "",
  }));

/** Is an epraccur row an active GP practice (status A, prescribing setting 4)? */
export const isActivePractice = (row: Readonly<Record<string, string>>): boolean =>
  row.status_code === "A" && row.prescribing_setting === "4";

/** What {@link buildPrimaryCare} makes. */
export interface PrimaryCare {
  readonly practices: Organisation[];
  readonly pcns: Organisation[];
  readonly memberships: Relationship[];
  readonly successions: Succession[];
  /** Memberships whose end was set from the practice's closure (ePCN gives none). */
  readonly clipped: ReadonlyArray<string>;
}

/**
 * Practices, PCNs, memberships and PCN successions. `placeOfSubIcb` maps a sub-ICB location's
 * ODS code to its place id.
 */
export const buildPrimaryCare = (
  raw: Raw,
  placeOfSubIcb: ReadonlyMap<string, string>,
): PrimaryCare => {
  const epraccur = new Map(raw.csv("practices").map((row) => [field(row, "ods_code"), row]));
  const sizes = readListSizes(raw);
  const memberships = readMemberships(raw);
  const members = new Set(memberships.map((m) => m.practice));

  const placeOf = (subIcb: string, what: string): string => {
    const placeId = placeOfSubIcb.get(subIcb);
    if (placeId === undefined)
      throw new Error(`${what}: sub-ICB location ${subIcb} is not a GM one`);
    return placeId;
  };

  const practiceCodes = [...epraccur.values()]
    .filter((row) => isActivePractice(row) || members.has(row.ods_code ?? ""))
    .map((row) => field(row, "ods_code"))
    .sort(compare);
  for (const code of members) {
    if (!epraccur.has(code)) throw new Error(`PCN member ${code} is not in epraccur`);
  }

  const practices = practiceCodes.map((code): Organisation => {
    const row = epraccur.get(code) as Readonly<Record<string, string>>;
    const status = field(row, "status_code");
    if (status === "A" && row.close_date !== "")
      throw new Error(`active practice ${code} has a close date`);
    const valid = inclusivePeriod(
      field(row, "open_date"),
      row.close_date ?? "",
      `practice ${code}`,
    );
    const subIcb = field(row, "commissioner_sub_icb");
    const size = sizes.get(code);
    const notes = [
      `Place: that of its commissioner, sub-ICB location ${subIcb} (epraccur commissioner_sub_icb).`,
    ];
    if (!isActivePractice(row)) {
      notes.push(
        `Included because ePCN lists it as a PCN core partner; ODS status ${status} (${status === "C" ? "closed" : status === "D" ? "dormant" : status}), prescribing setting ${row.prescribing_setting}.`,
      );
    }
    if (valid.to !== null)
      notes.push(
        `valid.to is the day after its ODS close_date ${row.close_date} (the last day open).`,
      );
    if (size !== undefined)
      notes.push(
        `Population: registered patients, all ages, NHS Digital extract of 1 January 2021.`,
      );
    const sources: string[] = [S.practices];
    if (size !== undefined) sources.push(S.listSizes);
    if (members.has(code)) sources.push(S.pcnCorePartners);
    return {
      id: odsOrganisation(code),
      kind: "gp-practice",
      name: field(row, "name"),
      codes: [{ system: "ods", value: code }],
      roles: [{ role: "primary-care-provider", period: valid }],
      placeId: placeOf(subIcb, `practice ${code}`),
      postcode: field(row, "postcode"),
      ...(size === undefined ? {} : { population: listSize(size) }),
      valid,
      provenance: { sources, derivation: notes.join(" ") },
    };
  });

  const pcnRows = raw.csv("pcns");
  const pcns = pcnRows
    .map((row): Organisation => {
      const code = field(row, "pcn_code");
      const valid = inclusivePeriod(field(row, "open_date"), row.close_date ?? "", `PCN ${code}`);
      const subIcb = field(row, "sub_icb_code");
      return {
        id: odsOrganisation(code),
        kind: "pcn",
        name: field(row, "pcn_name"),
        codes: [{ system: "ods", value: code }],
        roles: [],
        placeId: placeOf(subIcb, `PCN ${code}`),
        postcode: field(row, "postcode"),
        valid,
        provenance: {
          sources: [S.pcns],
          derivation:
            `Place: that of its sub-ICB location ${subIcb} (ePCN sub_icb_code).` +
            (valid.to === null
              ? ""
              : ` valid.to is the day after its ePCN close_date ${row.close_date} (the last day open).`),
        },
      };
    })
    .sort((a, b) => compare(a.id, b.id));
  const pcnValid = new Map(pcns.map((p) => [p.codes[0]?.value ?? "", p.valid]));

  const practiceValid = new Map(practices.map((p) => [p.codes[0]?.value ?? "", p.valid]));
  const clipped: string[] = [];
  const relationships = memberships.map((m): Relationship => {
    const practice = practiceValid.get(m.practice);
    const pcn = pcnValid.get(m.pcn);
    if (practice === undefined || pcn === undefined)
      throw new Error(`membership ${m.practice} → ${m.pcn}: unknown end`);
    let to: IsoDate | null =
      m.end === "" ? null : nextDay(checkedDate(m.end, "relationship_end_date"));
    const sources: string[] = [S.pcnCorePartners];
    let derivation: string | undefined =
      to === null
        ? undefined
        : `valid.to is the day after its ePCN relationship_end_date ${m.end} (the last day of membership).`;
    if (practice.to !== null && (to === null || to > practice.to)) {
      derivation = `ePCN (about January 2023) gives ${m.end === "" ? "no end date" : `relationship_end_date ${m.end}`}, but ODS epraccur says the practice closed (its last day open was the day before ${practice.to}): the membership ended then at the latest, so valid.to = ${practice.to}.`;
      to = practice.to;
      sources.push(S.practices);
      clipped.push(`${m.practice} in ${m.pcn}`);
    }
    if (
      m.start < practice.from ||
      m.start < pcn.from ||
      (pcn.to !== null && (to === null || to > pcn.to))
    ) {
      throw new Error(`membership ${m.practice} → ${m.pcn} lies outside the practice or the PCN`);
    }
    return {
      id: stableId("relationship", `member-of:ods:${m.practice}>ods:${m.pcn}:${m.start}`),
      kind: "member-of",
      subjectId: odsOrganisation(m.practice),
      objectId: odsOrganisation(m.pcn),
      role: "core partner",
      valid: { from: m.start, to },
      provenance: derivation === undefined ? { sources } : { sources, derivation },
    };
  });

  return {
    practices,
    pcns,
    memberships: relationships,
    successions: pcnSuccessions(pcnRows, memberships, practiceValid),
    clipped: clipped.sort(compare),
  };
};

/**
 * For each closed PCN: if the practices whose membership ended on its last day all joined
 * other PCNs on the next day, a succession — `transfer` to one PCN, `split` to several.
 * Practices that joined no PCN are named in the derivation.
 */
const pcnSuccessions = (
  pcnRows: ReadonlyArray<Readonly<Record<string, string>>>,
  memberships: ReadonlyArray<Membership>,
  practiceValid: ReadonlyMap<string, { from: IsoDate; to: IsoDate | null }>,
): Succession[] => {
  const successions: Succession[] = [];
  for (const row of pcnRows) {
    const code = field(row, "pcn_code");
    const close = row.close_date ?? "";
    if (close === "") continue;
    const date = nextDay(close);
    const leavers = memberships
      .filter((m) => m.pcn === code && m.end === close)
      .map((m) => m.practice);
    const moves = new Map<string, string[]>();
    const stayedOut: string[] = [];
    for (const practice of leavers.sort(compare)) {
      const joined = memberships.filter(
        (m) => m.practice === practice && m.start === date && m.pcn !== code,
      );
      if (joined.length === 0) {
        const life = practiceValid.get(practice);
        stayedOut.push(`${practice}${life?.to === date ? " (closed the same day)" : ""}`);
      }
      for (const m of joined) moves.set(m.pcn, [...(moves.get(m.pcn) ?? []), practice]);
    }
    const successors = [...moves.keys()].sort(compare);
    if (successors.length === 0) continue;
    const kind = successors.length === 1 ? "transfer" : "split";
    const moved = successors
      .map((pcn) => `${(moves.get(pcn) ?? []).join(", ")} → ${pcn}`)
      .join("; ");
    successions.push({
      id: stableId(
        "succession",
        `${kind}:ods:${code}>${successors.map((s) => `ods:${s}`).join("+")}:${date}`,
      ),
      kind,
      predecessorIds: [odsOrganisation(code)],
      successorIds: successors.map(odsOrganisation),
      note: `${code} (${row.pcn_name}) closed; its practices moved to ${successors.join(" and ")}.`,
      valid: { from: date, to: null },
      provenance: {
        sources: [S.pcns, S.pcnCorePartners],
        derivation: `ePCN: ${code} has close_date ${close}; the core partner sheet ends ${leavers.length} memberships on that day (relationship_end_date) and starts these on ${date} (relationship_start_date): ${moved}.${stayedOut.length > 0 ? ` Joined no GM PCN that day: ${stayedOut.join(", ")}.` : ""} A ${kind} is our reading of those moves; ePCN states no successor.`,
      },
    });
  }
  return successions;
};
