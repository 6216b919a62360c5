/**
 * @module organisations
 * Planning an ODS organisation file (etr, eccg, epraccur) against the register as of the
 * file's date: new organisations are created with their ODS lifetime; for known ones the
 * file's closing date ends them (with their relationships), and a name or postcode that
 * differs from the register's on the file's date becomes a new version from that date (the
 * file does not say when it changed). Names that differ only in case are the same: ODS
 * publishes names in capitals.
 */
import {
  History,
  type IsoDate,
  type Organisation,
  type OrganisationKind,
  type OrganisationRoleKind,
  stableId,
} from "@care-atlas/domain";
import type { OdsOrganisationLayout, OdsOrganisationRow } from "../layouts/odsOrganisations.js";
import { type ImportContext, nextDay, sameName, versionOnOrLast, type Working } from "./Working.js";

/** How a new organisation is made from a row. */
export interface NewOrganisation {
  readonly kind: OrganisationKind;
  readonly role?: OrganisationRoleKind;
  readonly placeId?: string | undefined;
  readonly parentId?: string | undefined;
  /**
   * The file gives the name only as of its date (or, for a closed body, its last day open):
   * earlier versions do not carry it. True for trusts and commissioners, whose names changed
   * over their lives.
   */
  readonly nameOnlyFromFileDate: boolean;
}

/** What a row of an ODS file says about one organisation. */
export interface OdsRecord {
  readonly code: string;
  readonly name: string;
  readonly postcode: string | null;
  readonly openDate: IsoDate;
  /** The last day open, inclusive. */
  readonly closeDate: IsoDate | null;
}

const unnamed = (code: string) => `${code} (earlier name not recorded)`;

/**
 * Plans one organisation record; `create` says how to make it when the register lacks it
 * (or why not, as a string: the record is skipped).
 */
export const planOrganisation = (
  working: Working,
  record: OdsRecord,
  context: ImportContext,
  create: NewOrganisation | string,
): void => {
  const life = {
    from: record.openDate,
    to: record.closeDate === null ? null : nextDay(record.closeDate),
  };
  // The date the file speaks for: its own, or a closed body's last day open.
  const speaksFor =
    record.closeDate !== null && record.closeDate < context.published
      ? record.closeDate
      : context.published;
  const existing = working.organisation(record.code);
  if (existing === undefined) {
    if (typeof create === "string") {
      working.note("skipped", "organisation", null, record.code, create);
      return;
    }
    const id = stableId("organisation", `ods:${record.code}`);
    const base = {
      id,
      kind: create.kind,
      codes: [{ system: "ods" as const, value: record.code }],
      roles: create.role === undefined ? [] : [{ role: create.role, period: life }],
      ...(create.placeId === undefined ? {} : { placeId: create.placeId }),
      ...(create.parentId === undefined ? {} : { parentId: create.parentId }),
      ...(record.postcode === null ? {} : { postcode: record.postcode }),
    };
    const closing =
      life.to === null
        ? ""
        : ` valid.to is the day after its close date ${record.closeDate} (the last day open).`;
    const nameFrom = create.nameOnlyFromFileDate && speaksFor > life.from ? speaksFor : life.from;
    const versions: Organisation[] = [];
    if (nameFrom > life.from) {
      versions.push({
        ...base,
        name: unnamed(record.code),
        valid: { from: life.from, to: nameFrom },
        provenance: {
          sources: [context.source],
          derivation: `${context.fileName} gives ${record.code}'s name only as at ${nameFrom}${record.closeDate !== null && nameFrom === record.closeDate ? " (its last day open)" : " (the file's date)"}; the name it bore before is not in the sources. Open date from the file.${closing}`,
        },
      });
    }
    versions.push({
      ...base,
      name: record.name,
      valid: { from: nameFrom, to: life.to },
      provenance: {
        sources: [context.source],
        derivation: `Name, postcode and dates from ${context.fileName} (data date ${context.published}).${nameFrom > life.from ? ` The name is as at ${nameFrom}.` : " The name is the one the file gives; it does not say whether it had others before."}${closing}`,
      },
    });
    working.put("organisation", id, versions);
    working.note(
      "created",
      "organisation",
      id,
      record.code,
      `${record.name} (${create.kind}), ${life.from} – ${life.to ?? "open"}`,
    );
    return;
  }

  let versions = [...working.versions("organisation", existing)];
  const notes: string[] = [];
  let ended = false;
  const lifetime = History.lifetime(versions);
  if (lifetime !== undefined) {
    if (life.to !== null && lifetime.to !== life.to) {
      if (lifetime.to === null || lifetime.to > life.to) {
        working.endWithRelationships("organisation", existing, life.to);
        versions = [...working.versions("organisation", existing)];
        ended = true;
        notes.push(`closed: last day open ${record.closeDate}`);
      }
    }
    if (life.from < lifetime.from) {
      const [first, ...rest] = versions;
      if (first !== undefined) {
        versions = [{ ...first, valid: { ...first.valid, from: life.from } }, ...rest];
        notes.push(`open from ${life.from}, not ${lifetime.from}`);
      }
    }
  }
  const current = versionOnOrLast(versions, speaksFor);
  if (current !== undefined && current.valid.from <= speaksFor) {
    const renamed = !sameName(current.name, record.name);
    const moved = record.postcode !== null && current.postcode !== record.postcode;
    if (renamed || moved) {
      const changed: Organisation = {
        ...current,
        name: renamed ? record.name : current.name,
        ...(record.postcode === null ? {} : { postcode: record.postcode }),
        valid: { from: speaksFor, to: current.valid.to },
        provenance: {
          sources: [...new Set([...current.provenance.sources, context.source])],
          derivation: `${renamed ? `Name "${record.name}"` : ""}${renamed && moved ? " and p" : moved ? "P" : ""}${moved ? `ostcode ${record.postcode}` : ""} from ${context.fileName} (data date ${context.published}), as at ${speaksFor}; the file does not say when ${renamed ? "it was renamed" : "it moved"}, so the new version starts on that date.`,
        },
      };
      versions = History.putVersion(versions, changed);
      if (renamed) notes.push(`renamed "${current.name}" → "${record.name}" from ${speaksFor}`);
      if (moved)
        notes.push(`postcode ${current.postcode ?? "none"} → ${record.postcode} from ${speaksFor}`);
    }
  }
  const wrote = working.put("organisation", existing, versions);
  if (!wrote && !ended) {
    working.note("unchanged", "organisation", existing, record.code, record.name);
    return;
  }
  working.note(
    ended && notes.length === 1 ? "ended" : "changed",
    "organisation",
    existing,
    record.code,
    notes.join("; "),
  );
};

/** How each ODS layout makes a new organisation from a row, or why it does not. */
export const newOrganisationFor = (
  working: Working,
  layout: OdsOrganisationLayout,
  row: OdsOrganisationRow,
  context: ImportContext,
): NewOrganisation | string => {
  const openOnFileDate = row.closeDate === null || row.closeDate >= context.published;
  if (layout === "ods-etr") {
    // ODS's T codes are care trusts: not an NHS trust code format, so kind other.
    return {
      kind: row.code.startsWith("R") ? "nhs-trust" : "other",
      role: "provider",
      nameOnlyFromFileDate: true,
    };
  }
  if (layout === "ods-eccg") {
    if (row.subTypeCode === "RO319" || / ICB - /i.test(row.name)) {
      const parent =
        row.healthGeography === null
          ? undefined
          : working.organisation(row.healthGeography, ["icb"]);
      return { kind: "sub-icb-location", parentId: parent, nameOnlyFromFileDate: true };
    }
    if (row.closeDate !== null && row.closeDate < "2022-07-01") {
      return { kind: "ccg", role: "commissioner", nameOnlyFromFileDate: true };
    }
    return { kind: "other", nameOnlyFromFileDate: true };
  }
  if (!openOnFileDate || row.statusCode === "C") {
    return `closed (status ${row.statusCode ?? "none"}) and not in the register`;
  }
  const commissioner =
    row.parentCode === null
      ? undefined
      : working.organisation(row.parentCode, ["sub-icb-location", "ccg"]);
  if (commissioner === undefined) {
    return `its commissioner ${row.parentCode ?? "(none)"} is not in the register`;
  }
  const place = History.versionAt(
    working.versions("organisation", commissioner),
    context.published,
  )?.placeId;
  return {
    kind: "gp-practice",
    role: "primary-care-provider",
    placeId: place,
    nameOnlyFromFileDate: false,
  };
};

/** Plans every row of an ODS organisation file. */
export const planOdsOrganisations = (
  working: Working,
  layout: OdsOrganisationLayout,
  rows: ReadonlyArray<OdsOrganisationRow>,
  context: ImportContext,
  onRow?: (done: number) => void,
): void => {
  rows.forEach((row, index) => {
    if (layout === "ods-epraccur" && row.prescribingSetting !== 4) {
      working.note(
        "skipped",
        "organisation",
        null,
        row.code,
        `not a GP practice (prescribing setting ${row.prescribingSetting ?? "none"})`,
      );
    } else {
      planOrganisation(working, row, context, newOrganisationFor(working, layout, row, context));
    }
    onRow?.(index + 1);
  });
};
