/**
 * @module importFile
 * Imports one official file — ODS's etr, eccg, epraccur, ePCN workbook or successor table —
 * as dated changes: the file is read with its layout's reader (`@care-atlas/imports`),
 * compared with the register as of the file's date, and only the differences are written
 * (creations, sequenced updates, ends with their relationships, successions), through the
 * same pipeline as every write: the model lock, the rules on the register with the change
 * applied, one `store.apply` transaction. The file becomes a source (name, date, licence,
 * SHA-256) cited by every record the import writes; the change reason is "import of
 * <file>". A dry run plans and checks without writing. Importing the same file again
 * changes nothing. A file of another layout fails with `ValidationFailed` (about the
 * input); an import that would break a rule is refused whole, naming the records.
 */
import { createHash } from "node:crypto";
import { type Finding, IsoDate, type Source } from "@care-atlas/domain";
import {
  bytesOf,
  type EpcnWorkbook,
  type FileBytes,
  type ImportContext,
  LayoutError,
  type OdsOrganisationLayout,
  type OdsOrganisationRow,
  odsLayoutNames,
  type PlanAction,
  type PlanCounts,
  type PlanItem,
  planEpcn,
  planOdsOrganisations,
  planSuccessions,
  readEpcn,
  readOdsOrganisations,
  readSuccessions,
  type SuccessionRow,
  summarise,
  Working,
} from "@care-atlas/imports";
import { Effect } from "effect";
import { z } from "zod";
import { type Conflict, invalidInput, type StoreUnavailable, ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseWith } from "../internal/input.js";
import { errorsOf, runPreview, runWrite, type WritePlan } from "../internal/write.js";
import type { ReadModel } from "../ReadModel.js";

/** The layouts `importFile` reads. */
export const importKinds = [
  "ods-etr",
  "ods-eccg",
  "ods-epraccur",
  "ods-epcn",
  "ods-successors",
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
  /** Rows planned so far (in `planning`), else 0 or the total. */
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
  /** Change-log entries written (0 in a dry run, and when nothing changed). */
  readonly changes: number;
  /** Warnings the import introduces (errors refuse it). */
  readonly warnings: ReadonlyArray<Finding>;
  readonly dataVersion: number;
}

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
};

const nhsEngland =
  "Contains public sector information from NHS England licensed under the Open Government Licence v3.0.";

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
  publisher: "NHS England",
  dataset: `${datasetOf[kind]}: ${name}`,
  licence,
  dataDate: published,
  ...(url === undefined ? {} : { url }),
  ...(licence === "OGL-UK-3.0" ? { attribution: nhsEngland } : {}),
  file: { name, sha256 },
});

const layoutFailure = (error: unknown): ValidationFailed | undefined =>
  error instanceof LayoutError
    ? invalidInput([{ path: "file", message: error.message }])
    : undefined;

/** The rows of a file, read with its layout's reader. */
const readFile = (kind: ImportKind, bytes: Uint8Array): Effect.Effect<Read, ValidationFailed> =>
  Effect.tryPromise({
    try: async () => {
      if (kind === "ods-epcn") return { kind, workbook: await readEpcn(bytes) };
      if (kind === "ods-successors") {
        const rows: SuccessionRow[] = [];
        for await (const row of readSuccessions(bytes)) rows.push(row);
        return { kind, rows };
      }
      const rows: OdsOrganisationRow[] = [];
      for await (const row of readOdsOrganisations(kind, bytes)) rows.push(row);
      return { kind, rows };
    },
    catch: (error) =>
      layoutFailure(error) ??
      invalidInput([
        { path: "file", message: error instanceof Error ? error.message : String(error) },
      ]),
  });

type Read =
  | { readonly kind: "ods-epcn"; readonly workbook: EpcnWorkbook }
  | { readonly kind: "ods-successors"; readonly rows: ReadonlyArray<SuccessionRow> }
  | { readonly kind: OdsOrganisationLayout; readonly rows: ReadonlyArray<OdsOrganisationRow> };

const rowsIn = (read: Read): number =>
  read.kind === "ods-epcn"
    ? read.workbook.pcns.length + read.workbook.members.length
    : read.rows.length;

/** Plans a read file against a model. */
export const planFile = (
  model: ReadModel,
  read: Read,
  context: ImportContext,
  onRow?: (done: number) => void,
): Working => {
  const working = new Working(model);
  if (read.kind === "ods-epcn") planEpcn(working, read.workbook, context, onRow);
  else if (read.kind === "ods-successors") planSuccessions(working, read.rows, context, onRow);
  else planOdsOrganisations(working, read.kind, read.rows, context, onRow);
  return working;
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
      const progress = options?.onProgress ?? (() => {});
      progress({ phase: "reading", done: 0, total: null });
      const bytes = yield* Effect.tryPromise({
        try: () => bytesOf(file.bytes),
        catch: (error) =>
          invalidInput([{ path: "file.bytes", message: `unreadable: ${String(error)}` }]),
      });
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const read = yield* readFile(parsed.kind, bytes);
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
      let summary = summarise([], options?.examples ?? 5);
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
          const working = planFile(
            model,
            read,
            { published: parsed.published, source: sourceKey, fileName: parsed.name },
            (done) => {
              if (done % 500 === 0 || done === total) progress({ phase: "planning", done, total });
            },
          );
          summary = summarise(working.items, options?.examples ?? 5);
          progress({ phase: "checking", done: total, total });
          const plan: WritePlan = {
            operation: "import",
            entities: working.histories.map((history) => ({
              ...history,
              expectedRevision: model.history(history.id)?.revision ?? null,
            })),
            ...(parsed.sourceKey === undefined ? { sources: [source] } : {}),
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
        changes,
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
        result.changes.length,
        result.warnings,
        result.dataVersion,
      );
    }).pipe(Effect.withSpan("Register.importFile"));
