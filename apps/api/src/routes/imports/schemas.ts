/**
 * @module imports/schemas
 * The shapes of the import routes: an import's report (what it did, or in a dry run would
 * do: counts and examples of each action, the file as source), its streamed progress, and
 * the files imported so far.
 */
import { Finding, IsoDate, Source } from "@care-atlas/domain";
import { importKinds, type ImportReport as ServiceImportReport } from "@care-atlas/services";
import { z } from "zod";
import { Problem } from "../../problem.js";
import { DataVersion } from "../shared/openapi.js";

export const ImportKind = z.enum(importKinds).meta({
  id: "ImportKind",
  description:
    "An official layout: ODS's `etr.csv` (`ods-etr`), `eccg.csv` (`ods-eccg`), `epraccur.csv` (`ods-epraccur`), the ePCN workbook (`ods-epcn`), the successor table (`ods-successors`: `succ.csv` or the three-column table); ONS's postcode directory (`ons-postcodes`: ONSPD, NSPL or an extract) and LSOA lookups (`ons-lsoa-lookup`).",
});

const count = (what: string) => z.number().int().nonnegative().describe(what);

export const ImportCounts = z
  .object({
    created: count("Records of the file the register did not have: created from the file's date."),
    changed: count("Records whose facts differ: a new version from the file's date."),
    ended: count("Records the file ends (closed, left a PCN): ended on their date."),
    unchanged: count("Records the register already holds as the file says."),
    skipped: count(
      "Rows the import does not take (outside the register, or unreadable), each with why.",
    ),
  })
  .meta({
    id: "ImportCounts",
    description: "The file's records by what the import does with them.",
  });

export const ImportItem = z
  .object({
    action: z
      .enum(["created", "changed", "ended", "unchanged", "skipped"])
      .describe("What the import does with the record."),
    kind: z.string().describe("The kind of record: an entity kind, `postcode`, `lsoa-assignment`."),
    id: z.string().nullable().describe("The register id, when it is an entity."),
    key: z.string().describe("The record's key in the file: an ODS code, `old → new`, a postcode…"),
    detail: z.string().describe("What changes (or why it is skipped), in a sentence."),
  })
  .meta({
    id: "ImportItem",
    description: "One record of the file and what the import does with it.",
  });

const examples = (what: string) => z.array(ImportItem).describe(`The first records ${what}.`);

export const ImportReport = z
  .object({
    kind: ImportKind,
    file: z
      .object({
        name: z.string().describe("The file's name, as cited in its source and change reason."),
        sha256: z.string().describe("The SHA-256 of the file's bytes."),
        published: IsoDate.describe("The date the file describes: changes are dated from it."),
        licence: z.string().describe("The file's licence."),
        source: z.string().describe("The key of the source the written records cite."),
      })
      .describe("The file, as the register's source of what it writes."),
    dryRun: z.boolean().describe("True when nothing was written (a plan)."),
    counts: ImportCounts,
    examples: z
      .object({
        created: examples("created"),
        changed: examples("changed"),
        ended: examples("ended"),
        unchanged: examples("unchanged"),
        skipped: examples("skipped"),
      })
      .describe("The first few records of each action."),
    entities: count("Entities whose history the import writes (or would write)."),
    reference: z
      .object({
        postcodes: count("Postcode records written.").optional(),
        lsoas: count("LSOA records written.").optional(),
        assignments: count("LSOA assignments written.").optional(),
        sources: count("Sources written.").optional(),
      })
      .describe("Reference records the import writes (or would write), per dataset."),
    changes: count("Change-log entries written (0 in a dry run, and when nothing changed)."),
    layout: z
      .looseObject({
        kind: z.string().describe("The reference layout."),
      })
      .nullable()
      .describe(
        "What a reference file's header says it is (a postcode directory and which; a lookup, what it assigns and its vintage); null for the ODS files.",
      ),
    warnings: z.array(Finding).describe("Rule warnings the import introduces."),
    dataVersion: DataVersion,
  })
  .meta({
    id: "ImportReport",
    description: "What an import did, or in a dry run would do.",
  });
export type ImportReport = z.infer<typeof ImportReport>;

export const ImportProgressLine = z
  .object({
    progress: z
      .object({
        phase: z
          .enum(["reading", "planning", "checking", "writing", "done"])
          .describe("Reading the file, planning its rows, checking the rules, writing, done."),
        done: count("Rows read or planned so far."),
        total: z.number().int().nonnegative().nullable().describe("Rows in the file, once read."),
      })
      .describe("Where the import is."),
  })
  .meta({ id: "ImportProgressLine", description: "A progress line of a streamed import." });

export const ImportStreamLine = z
  .union([
    ImportProgressLine,
    z.object({ report: ImportReport }).meta({
      id: "ImportReportLine",
      description: "The last line of a streamed import that succeeded.",
    }),
    z.object({ problem: Problem }).meta({
      id: "ImportProblemLine",
      description:
        "The last line of a streamed import that failed after its progress began (e.g. refused for breaking a rule): the problem it would have answered.",
    }),
  ])
  .meta({
    id: "ImportStreamLine",
    description: "One line of `application/x-ndjson`: progress, then the report or a problem.",
  });

export const ImportedFile = z
  .object({
    kind: ImportKind.nullable().describe(
      "The layout it was imported as (null when its source key does not say).",
    ),
    source: Source.required({ file: true }).describe(
      "The file's source: publisher, dataset, licence, data date, and the file's name and SHA-256.",
    ),
    entities: count("Register entities with a version that cites the file."),
  })
  .meta({ id: "ImportedFile", description: "A file the register imported, as its source." });

/** The services' report as the route answers it. */
export const reportBody = (report: ServiceImportReport): ImportReport => ({
  ...report,
  file: { ...report.file },
  counts: { ...report.counts },
  examples: {
    created: [...report.examples.created],
    changed: [...report.examples.changed],
    ended: [...report.examples.ended],
    unchanged: [...report.examples.unchanged],
    skipped: [...report.examples.skipped],
  },
  reference: { ...report.reference },
  layout: report.layout === null ? null : { ...report.layout },
  warnings: [...report.warnings],
});
