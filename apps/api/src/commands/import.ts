/**
 * @module import
 * `import <kind> <file> --date <YYYY-MM-DD> [--dry-run] [--json]`: takes in one official
 * file (ODS etr, eccg, epraccur, the ePCN workbook, the successor table; an ONS postcode
 * directory or LSOA lookup) through the services' `importFile` verb, as dated changes
 * from `--date` (the date the file describes). `--dry-run` plans and checks only. Prints
 * one line — the counts, the source's SHA-256, the data version — or, with `--json`, the
 * whole report (counts and examples of each action). Progress goes to the context's
 * `progress` (a bar on a terminal, streamed NDJSON from a running server).
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { type ImportKind, type ImportReport, importKinds, runVerb } from "@care-atlas/services";
import { CommandError, defineCommand, UsageError } from "./Command.js";

const isKind = (value: string): value is ImportKind =>
  (importKinds as ReadonlyArray<string>).includes(value);

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The counts of a report, in words. */
export const countsLine = (report: ImportReport): string => {
  const { created, changed, ended, unchanged, skipped } = report.counts;
  return `${created} created, ${changed} changed, ${ended} ended, ${unchanged} unchanged${skipped > 0 ? `, ${skipped} skipped` : ""}`;
};

/** The one-line summary of an import (or of its dry run). */
export const summaryLine = (report: ImportReport): string =>
  report.dryRun
    ? `Dry run of ${report.file.name} (${report.kind}): ${countsLine(report)}; ${report.entities} records would change; nothing written; SHA-256 ${report.file.sha256}; data version ${report.dataVersion}`
    : `Imported ${report.file.name} (${report.kind}): ${countsLine(report)}; ${report.changes} changes written; source ${report.file.source}, SHA-256 ${report.file.sha256}; data version ${report.dataVersion}`;

export const importCommand = defineCommand({
  name: ["import"],
  usage: `<${importKinds.join("|")}> <file> --date <YYYY-MM-DD> [--dry-run] [--json]`,
  summary: "import an official ODS or ONS file as dated changes (--dry-run: plan only)",
  options: {
    date: { type: "string" },
    "dry-run": { type: "boolean" },
    json: { type: "boolean" },
  },
  paths: ["1"],
  run: async (context, { values, positionals }) => {
    const [kind, path, extra] = positionals;
    if (kind === undefined || !isKind(kind)) {
      throw new UsageError(
        `kind: ${kind === undefined ? "required" : `"${kind}" is not a layout`}: one of ${importKinds.join(", ")}`,
      );
    }
    if (path === undefined) throw new UsageError("file: required (the path of the file)");
    if (extra !== undefined) throw new UsageError(`unexpected argument "${extra}"`);
    const date = typeof values.date === "string" ? values.date : undefined;
    if (date === undefined) {
      throw new UsageError("--date: required: the date the file describes, YYYY-MM-DD");
    }
    if (!isoDate.test(date)) throw new UsageError(`--date: "${date}" must be YYYY-MM-DD`);
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new CommandError(`${path} is not a file`);
    } catch (error) {
      if (error instanceof CommandError) throw error;
      throw new CommandError(
        `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      );
    }
    const runtime = await context.register();
    const report = await runVerb(runtime, (register) =>
      register.importFile(
        { kind, name: basename(path), bytes: createReadStream(path), published: date },
        { actor: context.actor },
        {
          dryRun: values["dry-run"] === true,
          ...(context.progress === undefined ? {} : { onProgress: context.progress }),
        },
      ),
    );
    return values.json === true ? JSON.stringify(report, null, 2) : summaryLine(report);
  },
});
