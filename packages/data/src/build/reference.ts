/**
 * @module reference
 * The dated geography the dataset takes in through the import planners of
 * `@care-atlas/imports` — the ones the register's `importFile` verb runs for kinds
 * `ons-lsoa-lookup` and `ons-postcodes` — so that importing these files into the published
 * register changes nothing: ONS's LSOA lookups in date order (CCG April 2016 and April 2020,
 * sub-ICB location July 2022 and April 2024, ward May 2022 and 2024), each a dated change
 * of the LSOAs' commissioners and wards; and the Trafford extract of the ONS Postcode
 * Directory, February 2025.
 */
import {
  assignmentKey,
  type Lsoa,
  type LsoaAssignment,
  type LsoaAssignmentKind,
  type PostcodeRecord,
  type Snapshot,
} from "@care-atlas/domain";
import {
  type AssignmentView,
  type LsoaLookupHeader,
  type LsoaLookupRow,
  planLsoaLookup,
  planPostcodes,
  readLsoaLookup,
  readPostcodeColumns,
  Tally,
} from "@care-atlas/imports";
import { compare } from "./geography.js";
import { type Raw, type RawFile, rawPaths } from "./raw.js";
import { openDataSources, sourceKeys } from "./sourceCatalogue.js";

/** The LSOA lookups, in the order they are taken in (by the date of their data). */
export const lookupFiles = [
  "lsoa11Ccg16",
  "lsoa11Ccg20",
  "lsoa11Sicbl22",
  "lsoa21Sicbl24",
  "lsoaWardBestFit",
  "lsoa21Ward24",
] as const satisfies ReadonlyArray<RawFile & keyof typeof sourceKeys>;

/** The date a raw file's data describes, as the source catalogue gives it. */
export const dataDateOf = (file: keyof typeof sourceKeys): string => {
  const date = openDataSources.find((spec) => spec.file === file)?.dataDate;
  if (date === undefined || date === null) throw new Error(`source ${file} has no data date`);
  return date;
};

/** What a planner did with one file, for the data-quality report. */
export interface ReferenceNote {
  readonly file: string;
  readonly counts: Record<string, number>;
}

/** What an LSOA lookup's view of the built register reads. */
const viewOf = (
  held: Map<string, LsoaAssignment>,
  lsoas: ReadonlySet<string>,
  odsCodes: ReadonlySet<string>,
): AssignmentView => {
  const byLsoa = new Map<string, LsoaAssignment[]>();
  for (const a of held.values()) {
    const list = byLsoa.get(`${a.lsoaCode}|${a.kind}`) ?? [];
    list.push(a);
    byLsoa.set(`${a.lsoaCode}|${a.kind}`, list);
  }
  return {
    assignmentsOf: (code: string, kind: LsoaAssignmentKind) => byLsoa.get(`${code}|${kind}`) ?? [],
    hasLsoa: (code) => lsoas.has(code),
    holdsOrganisation: (code) => odsCodes.has(code),
  };
};

const readLookup = async (raw: Raw, file: RawFile) => {
  let header: LsoaLookupHeader | undefined;
  const rows: LsoaLookupRow[] = [];
  for await (const row of readLsoaLookup(raw.bytes(file), (h) => {
    header = h;
  })) {
    rows.push(row);
  }
  if (header === undefined) throw new Error(`${rawPaths[file]} is empty`);
  return { header, rows };
};

/**
 * The LSOA assignments: each lookup planned against the register as the earlier ones left
 * it, sorted by LSOA, kind and start.
 */
export const buildAssignments = async (
  raw: Raw,
  snapshot: Snapshot,
): Promise<{ assignments: LsoaAssignment[]; notes: ReferenceNote[] }> => {
  const lsoas = new Set(snapshot.lsoas.map((l) => l.code));
  const odsCodes = new Set(
    snapshot.organisations.flatMap((o) =>
      o.codes.filter((c) => c.system === "ods").map((c) => c.value),
    ),
  );
  const held = new Map<string, LsoaAssignment>();
  const notes: ReferenceNote[] = [];
  for (const file of lookupFiles) {
    const { header, rows } = await readLookup(raw, file);
    const tally = new Tally(0);
    const plan = planLsoaLookup(viewOf(held, lsoas, odsCodes), header, rows, tally, {
      published: dataDateOf(file),
      source: sourceKeys[file],
      fileName: rawPaths[file],
    });
    for (const assignment of plan.assignments) held.set(assignmentKey(assignment), assignment);
    const { counts } = tally.summary();
    notes.push({ file: rawPaths[file], counts: { ...counts } });
  }
  const assignments = [...held.values()].sort(
    (a, b) =>
      compare(a.lsoaCode, b.lsoaCode) ||
      compare(a.kind, b.kind) ||
      compare(a.valid.from, b.valid.from),
  );
  return { assignments, notes };
};

/** The Trafford postcodes, planned against the register's LSOAs, sorted by postcode. */
export const buildPostcodes = async (
  raw: Raw,
  lsoas: ReadonlyArray<Lsoa>,
): Promise<{ postcodes: PostcodeRecord[]; note: ReferenceNote }> => {
  const tally = new Tally(5);
  const { columns } = await readPostcodeColumns(raw.bytes("traffordPostcodes"), tally);
  if (tally.count("skipped") > 0) {
    const [first] = tally.summary().examples.skipped;
    throw new Error(`the Trafford postcode file has rows the reader skips: ${first?.detail}`);
  }
  const codes = new Set(lsoas.map((l) => l.code));
  const plan = planPostcodes(
    { postcode: () => undefined, hasLsoa: (code) => codes.has(code) },
    columns,
    tally,
    {
      published: dataDateOf("traffordPostcodes"),
      source: sourceKeys.traffordPostcodes,
      fileName: rawPaths.traffordPostcodes,
    },
  );
  const postcodes = [...plan.records()].sort((a, b) => compare(a.postcode, b.postcode));
  return {
    postcodes,
    note: { file: rawPaths.traffordPostcodes, counts: { ...tally.summary().counts } },
  };
};
