/**
 * @module importFile
 * Imports one official file — ODS's etr, eccg, epraccur, ePCN workbook or successor table,
 * an ONS postcode directory (ONSPD, NSPL or an extract of one), or an ONS LSOA lookup
 * (LSOA → CCG / sub-ICB location → ICB, LSOA → ward) — as dated changes: the file is read
 * with its layout's reader (`@care-atlas/imports`), compared with the register as of the
 * file's date, and only the differences are written (creations, sequenced updates, ends
 * with their relationships, successions; postcode records; the assignments of the lookup's
 * vintage), through the same pipeline as every write: the model lock, the rules on the
 * register with the change applied, one `store.apply` transaction. The file becomes a
 * source (name, date, licence, SHA-256) cited by every record the import writes; the change
 * reason is "import of <file>". Reference data is logged as one change-log entry for the
 * whole import, with its counts. A dry run plans and checks without writing. Importing the
 * same file again changes nothing. A file of another layout fails with `ValidationFailed`
 * (about the input); an import that would break a rule is refused whole, naming the
 * records. Postcode directories and lookups are read as a stream, once: a directory of
 * millions of rows is held as columns, never as one object per row.
 */
import { createHash, type Hash } from "node:crypto";
import { type Finding, findByCode, IsoDate, type Source } from "@care-atlas/domain";
import {
  type AssignmentView,
  bytesOf,
  chunksOf,
  type EpcnWorkbook,
  type FileBytes,
  type ImportContext,
  LayoutError,
  type LsoaLookupHeader,
  type LsoaLookupRow,
  type OdsOrganisationLayout,
  type OdsOrganisationRow,
  odsLayoutNames,
  type PlanAction,
  type PlanCounts,
  type PlanItem,
  type PlanSummary,
  type PostcodeColumns,
  type PostcodeDirectory,
  planEpcn,
  planLsoaLookup,
  planOdsOrganisations,
  planPostcodes,
  planSuccessions,
  readEpcn,
  readLsoaLookup,
  readOdsOrganisations,
  readPostcodeColumns,
  readSuccessions,
  type SuccessionRow,
  summarise,
  Tally,
  Working,
} from "@care-atlas/imports";
import { Effect } from "effect";
import { z } from "zod";
import { type Conflict, invalidInput, type StoreUnavailable, ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { geographyOf } from "../internal/geography.js";
import { parseWith } from "../internal/input.js";
import { errorsOf, runPreview, runWrite, type WritePlan } from "../internal/write.js";
import type { ReadModel } from "../ReadModel.js";
import type { ReferenceDataset } from "../StoreService.js";

/** The layouts `importFile` reads. */
export const importKinds = [
  "ods-etr",
  "ods-eccg",
  "ods-epraccur",
  "ods-epcn",
  "ods-successors",
  "ons-postcodes",
  "ons-lsoa-lookup",
] as const;

/** A layout `importFile` reads. */
export type ImportKind = (typeof importKinds)[number];

/** The file to import, as a CLI, an HTTP upload or a build has it. */
export interface ImportFile {
  /** Its layout. */
  readonly kind: ImportKind;
  /** Its name (e.g. `etr.csv`): cited in the source and in the change reason. */
  readonly name: string;
  /** Its content: all of it, or a stream of chunks. */
  readonly bytes: FileBytes;
  /** The date its data describes, `YYYY-MM-DD`: the changes are dated from it. */
  readonly published: string;
  /** Its licence (default `OGL-UK-3.0`). */
  readonly licence?: string | undefined;
  /** Where it was published, when known. */
  readonly url?: string | undefined;
  /**
   * The key of a source the register already holds for this file (e.g. a curated dataset's
   * `ods-etr`): records then cite it instead of a new source.
   */
  readonly sourceKey?: string | undefined;
}

/** How an import runs. */
export interface ImportFileOptions {
  /** Plan and check only: nothing is written (default false). */
  readonly dryRun?: boolean | undefined;
  /** Examples kept per action (default 5). */
  readonly examples?: number | undefined;
  /** Hears progress: for a progress bar, or a streamed HTTP answer. */
  readonly onProgress?: ((progress: ImportProgress) => void) | undefined;
}

/** Where an import is. */
export interface ImportProgress {
  /** `reading` the file, `planning` its rows, `checking` the rules, `writing`, `done`. */
  readonly phase: "reading" | "planning" | "checking" | "writing" | "done";
  /** Rows read so far (in `reading`) or planned so far (in `planning`), else the total. */
  readonly done: number;
  /** Rows in the file, once read. */
  readonly total: number | null;
}

/** What an import did (or, in a dry run, would do). */
export interface ImportReport {
  readonly kind: ImportKind;
  readonly file: {
    readonly name: string;
    readonly sha256: string;
    readonly published: string;
    readonly licence: string;
    /** The source key the written records cite. */
    readonly source: string;
  };
  readonly dryRun: boolean;
  /** Records of the file by what the import does with them. */
  readonly counts: PlanCounts;
  /** The first few records of each action. */
  readonly examples: Record<PlanAction, ReadonlyArray<PlanItem>>;
  /** Entities whose history the import writes (or would write). */
  readonly entities: number;
  /**
   * Reference records the import writes (or would write), per dataset: postcodes, LSOA
   * assignments; empty for the organisation files.
   */
  readonly reference: Partial<Record<ReferenceDataset, number>>;
  /**
   * Change-log entries written: one per entity, and one for all the reference data (0 in a
   * dry run, and when nothing changed).
   */
  readonly changes: number;
  /** What the file's header says it is: a postcode directory, a lookup and its vintage. */
  readonly layout: ImportLayout | null;
  /** Warnings the import introduces (errors refuse it). */
  readonly warnings: ReadonlyArray<Finding>;
  readonly dataVersion: number;
}

/** What a reference file's header says it is. */
export type ImportLayout =
  | { readonly kind: "ons-postcodes"; readonly directory: PostcodeDirectory | null }
  | ({ readonly kind: "ons-lsoa-lookup" } & Omit<LsoaLookupHeader, "kind"> & {
        readonly assigns: LsoaLookupHeader["kind"];
      });

export type ImportFileVerb = (
  file: ImportFile,
  meta: { readonly actor: string; readonly reason?: string | undefined },
  options?: ImportFileOptions,
) => Effect.Effect<ImportReport, ValidationFailed | Conflict | StoreUnavailable>;

const FileSchema = z.object({
  kind: z.enum(importKinds),
  name: z.string().trim().min(1, { error: "required: the file's name" }),
  published: IsoDate,
  licence: z.string().trim().min(1).default("OGL-UK-3.0"),
  url: z.url().optional(),
  sourceKey: z.string().optional(),
});

const MetaSchema = z.object({
  actor: z.string().trim().min(1, { error: "required: who is making the change" }),
  reason: z.string().trim().min(1).optional(),
});

const datasetOf: Record<ImportKind, string> = {
  ...odsLayoutNames,
  "ods-epcn": "ODS primary care networks (ePCN.xlsx)",
  "ods-successors": "ODS successor organisations (succ.csv)",
  "ons-postcodes": "ONS postcode directory (ONSPD, NSPL or an extract)",
  "ons-lsoa-lookup": "ONS LSOA lookup",
};

const nhsEngland =
  "Contains public sector information from NHS England licensed under the Open Government Licence v3.0.";

const ons = (year: string) =>
  `Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains National Statistics data © Crown copyright and database right ${year}.`;

const isOns = (kind: ImportKind): boolean => kind.startsWith("ons-");

/** The source a file becomes. */
export const sourceOfFile = (
  kind: ImportKind,
  name: string,
  published: string,
  licence: string,
  sha256: string,
  url: string | undefined,
): Source => ({
  key: `${kind}-${published}-${sha256.slice(0, 8)}`,
  publisher: isOns(kind) ? "Office for National Statistics" : "NHS England",
  dataset: `${datasetOf[kind]}: ${name}`,
  licence,
  dataDate: published,
  ...(url === undefined ? {} : { url }),
  ...(licence === "OGL-UK-3.0"
    ? { attribution: isOns(kind) ? ons(published.slice(0, 4)) : nhsEngland }
    : {}),
  file: { name, sha256 },
});

const layoutFailure = (error: unknown): ValidationFailed | undefined =>
  error instanceof LayoutError
    ? invalidInput([{ path: "file", message: error.message }])
    : undefined;

/** Passes a file's chunks on, hashing their bytes as they go. */
async function* hashing(bytes: FileBytes, hash: Hash): AsyncGenerator<Uint8Array | string> {
  const encoder = new TextEncoder();
  for await (const chunk of chunksOf(bytes)) {
    hash.update(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
    yield chunk;
  }
}

const failure = (error: unknown): ValidationFailed =>
  layoutFailure(error) ??
  invalidInput([{ path: "file", message: error instanceof Error ? error.message : String(error) }]);

/** The rows of a file, read with its layout's reader, and the SHA-256 of its bytes. */
const readFile = (
  kind: ImportKind,
  input: FileBytes,
  examples: number,
  onRow: (rows: number) => void,
): Effect.Effect<{ read: Read; sha256: string }, ValidationFailed> =>
  Effect.tryPromise({
    try: async () => {
      if (kind === "ons-postcodes" || kind === "ons-lsoa-lookup") {
        const hash = createHash("sha256");
        const stream = hashing(input, hash);
        if (kind === "ons-postcodes") {
          const tally = new Tally(examples);
          const { columns, directory, rows } = await readPostcodeColumns(stream, tally, onRow);
          return { read: { kind, columns, directory, rows, tally }, sha256: hash.digest("hex") };
        }
        let header: LsoaLookupHeader | undefined;
        const rows: LsoaLookupRow[] = [];
        for await (const row of readLsoaLookup(stream, (h) => {
          header = h;
        })) {
          rows.push(row);
          onRow(rows.length);
        }
        if (header === undefined) throw new LayoutError("ons-lsoa-lookup", "the file is empty");
        return { read: { kind, header, rows }, sha256: hash.digest("hex") };
      }
      const bytes = await bytesOf(input);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      if (kind === "ods-epcn") return { read: { kind, workbook: await readEpcn(bytes) }, sha256 };
      if (kind === "ods-successors") {
        const rows: SuccessionRow[] = [];
        for await (const row of readSuccessions(bytes)) rows.push(row);
        return { read: { kind, rows }, sha256 };
      }
      const rows: OdsOrganisationRow[] = [];
      for await (const row of readOdsOrganisations(kind, bytes)) rows.push(row);
      return { read: { kind, rows }, sha256 };
    },
    catch: failure,
  });

type Read =
  | { readonly kind: "ods-epcn"; readonly workbook: EpcnWorkbook }
  | { readonly kind: "ods-successors"; readonly rows: ReadonlyArray<SuccessionRow> }
  | { readonly kind: OdsOrganisationLayout; readonly rows: ReadonlyArray<OdsOrganisationRow> }
  | {
      readonly kind: "ons-postcodes";
      readonly columns: PostcodeColumns;
      readonly directory: PostcodeDirectory | null;
      readonly rows: number;
      /** The rows reading skipped. */
      readonly tally: Tally;
    }
  | {
      readonly kind: "ons-lsoa-lookup";
      readonly header: LsoaLookupHeader;
      readonly rows: ReadonlyArray<LsoaLookupRow>;
    };

const rowsIn = (read: Read): number =>
  read.kind === "ods-epcn"
    ? read.workbook.pcns.length + read.workbook.members.length
    : read.kind === "ons-postcodes"
      ? read.rows
      : read.rows.length;

const layoutOf = (read: Read): ImportLayout | null => {
  if (read.kind === "ons-postcodes") return { kind: read.kind, directory: read.directory };
  if (read.kind === "ons-lsoa-lookup") {
    const { kind, ...header } = read.header;
    return { kind: read.kind, assigns: kind, ...header };
  }
  return null;
};

/** Plans an organisation file against a model. */
export const planFile = (
  model: ReadModel,
  read: Exclude<Read, { kind: "ons-postcodes" | "ons-lsoa-lookup" }>,
  context: ImportContext,
  onRow?: (done: number) => void,
): Working => {
  const working = new Working(model);
  if (read.kind === "ods-epcn") planEpcn(working, read.workbook, context, onRow);
  else if (read.kind === "ods-successors") planSuccessions(working, read.rows, context, onRow);
  else planOdsOrganisations(working, read.kind, read.rows, context, onRow);
  return working;
};

/** What the LSOA lookup planner reads of a model. */
const assignmentView = (model: ReadModel): AssignmentView => {
  const geography = geographyOf(model);
  return {
    assignmentsOf: (code, kind) => geography.assignmentsOf(code).filter((a) => a.kind === kind),
    hasLsoa: (code) => model.lsoa(code) !== undefined,
    holdsOrganisation: (code) =>
      findByCode(model.index, code, { system: "ods" }).some((m) => m.kind === "organisation"),
  };
};

/**
 * A reference file planned against a model: what the write puts in place, and the tally.
 */
const planReference = (
  model: ReadModel,
  read: Extract<Read, { kind: "ons-postcodes" | "ons-lsoa-lookup" }>,
  context: ImportContext,
  examples: number,
  onRow: (done: number) => void,
): {
  summary: PlanSummary;
  plan: Pick<WritePlan, "reference">;
  counts: Partial<Record<ReferenceDataset, number>>;
} => {
  if (read.kind === "ons-postcodes") {
    const tally = read.tally.clone();
    const plan = planPostcodes(
      { postcode: (p) => model.postcode(p), hasLsoa: (code) => model.lsoa(code) !== undefined },
      read.columns,
      tally,
      context,
      onRow,
    );
    return {
      summary: tally.summary(),
      plan: plan.count === 0 ? {} : { reference: { postcodes: plan.records() } },
      counts: plan.count === 0 ? {} : { postcodes: plan.count },
    };
  }
  const tally = new Tally(examples);
  const plan = planLsoaLookup(assignmentView(model), read.header, read.rows, tally, context, onRow);
  return {
    summary: tally.summary(),
    plan:
      plan.assignments.length === 0 ? {} : { reference: { assignments: [...plan.assignments] } },
    counts: plan.assignments.length === 0 ? {} : { assignments: plan.assignments.length },
  };
};

/** A lookup's data date must fall in its vintage's year or the next. */
const checkVintage = (read: Read, published: string): ValidationFailed | undefined => {
  if (read.kind !== "ons-lsoa-lookup") return undefined;
  const year = Number(published.slice(0, 4));
  const { vintage } = read.header;
  if (year === vintage || year === vintage + 1) return undefined;
  return invalidInput([
    {
      path: "file.published",
      message: `the file is ONS's ${vintage} lookup (its columns say ${String(vintage).slice(2)}): its data date must be in ${vintage} or ${vintage + 1}, not ${published}`,
    },
  ]);
};

/** The records a set of findings names, for the message of a refused import. */
const refusal = (errors: ReadonlyArray<Finding>, name: string): ValidationFailed =>
  new ValidationFailed({
    about: "change",
    issues: [],
    findings: errors,
    message: `the import of ${name} is refused: it breaks ${errors.length === 1 ? "a rule" : `${errors.length} rules`} (${errors
      .slice(0, 5)
      .map((finding) => `${finding.rule} on ${finding.subjects.join(", ")}: ${finding.message}`)
      .join("; ")}${errors.length > 5 ? "; …" : ""}); nothing was written`,
  });

/** `importFile(file, meta, { dryRun?, examples?, onProgress? })`. */
export const makeImportFile =
  (ctx: RegisterContext): ImportFileVerb =>
  (file, meta, options) =>
    Effect.gen(function* () {
      const parsed = yield* parseWith(FileSchema, file, "file");
      const who = yield* parseWith(MetaSchema, meta, "meta");
      const dryRun = options?.dryRun ?? false;
      const examples = options?.examples ?? 5;
      const progress = options?.onProgress ?? (() => {});
      progress({ phase: "reading", done: 0, total: null });
      if (file.bytes === undefined || file.bytes === null) {
        return yield* invalidInput([{ path: "file.bytes", message: "required: the file" }]);
      }
      const { read, sha256 } = yield* readFile(parsed.kind, file.bytes, examples, (rows) => {
        if (rows % 10_000 === 0) progress({ phase: "reading", done: rows, total: null });
      });
      const wrongVintage = checkVintage(read, parsed.published);
      if (wrongVintage !== undefined) return yield* wrongVintage;
      const total = rowsIn(read);
      const source = sourceOfFile(
        parsed.kind,
        parsed.name,
        parsed.published,
        parsed.licence,
        sha256,
        parsed.url,
      );
      let sourceKey = source.key;
      let summary = summarise([], examples);
      let referenceCounts: Partial<Record<ReferenceDataset, number>> = {};
      const planner = (model: ReadModel) =>
        Effect.suspend(() => {
          if (parsed.sourceKey !== undefined && model.source(parsed.sourceKey) === undefined) {
            return Effect.fail(
              invalidInput([
                {
                  path: "file.sourceKey",
                  message: `the register has no source ${parsed.sourceKey}`,
                },
              ]),
            );
          }
          sourceKey = parsed.sourceKey ?? source.key;
          const context = { published: parsed.published, source: sourceKey, fileName: parsed.name };
          const onRow = (done: number) => {
            if (done % 500 === 0 || done === total) progress({ phase: "planning", done, total });
          };
          const sources = parsed.sourceKey === undefined ? { sources: [source] } : {};
          if (read.kind === "ons-postcodes" || read.kind === "ons-lsoa-lookup") {
            const planned = planReference(model, read, context, examples, onRow);
            summary = planned.summary;
            referenceCounts = planned.counts;
            progress({ phase: "checking", done: total, total });
            return Effect.succeed({
              operation: "import",
              entities: [],
              ...planned.plan,
              ...sources,
            } satisfies WritePlan);
          }
          const working = planFile(model, read, context, onRow);
          summary = summarise(working.items, examples);
          progress({ phase: "checking", done: total, total });
          const plan: WritePlan = {
            operation: "import",
            entities: working.histories.map((history) => ({
              ...history,
              expectedRevision: model.history(history.id)?.revision ?? null,
            })),
            ...sources,
          };
          return Effect.succeed(plan);
        });
      const report = (
        entities: number,
        changes: number,
        warnings: ReadonlyArray<Finding>,
        dataVersion: number,
      ): ImportReport => ({
        kind: parsed.kind,
        file: {
          name: parsed.name,
          sha256,
          published: parsed.published,
          licence: parsed.licence,
          source: sourceKey,
        },
        dryRun,
        counts: summary.counts,
        examples: summary.examples,
        entities,
        reference: referenceCounts,
        changes,
        layout: layoutOf(read),
        warnings,
        dataVersion,
      });
      if (dryRun) {
        const evaluation = yield* runPreview(ctx, planner);
        const errors = errorsOf(evaluation.introduced);
        if (errors.length > 0) return yield* refusal(errors, parsed.name);
        progress({ phase: "done", done: total, total });
        return report(
          evaluation.changed.length,
          0,
          evaluation.introduced.filter((f) => f.severity === "warning"),
          evaluation.model.seq,
        );
      }
      const result = yield* runWrite(
        ctx,
        { actor: who.actor, reason: who.reason ?? `import of ${parsed.name}`, source: sourceKey },
        (model) => {
          progress({ phase: "planning", done: 0, total });
          return planner(model);
        },
      ).pipe(
        Effect.catchTag("ValidationFailed", (error) =>
          error.about === "change"
            ? Effect.fail(refusal(error.findings, parsed.name))
            : Effect.fail(error),
        ),
      );
      progress({ phase: "done", done: total, total });
      return report(
        result.changes.length,
        result.changes.length + (result.reference === undefined ? 0 : 1),
        result.warnings,
        result.dataVersion,
      );
    }).pipe(Effect.withSpan("Register.importFile"));
