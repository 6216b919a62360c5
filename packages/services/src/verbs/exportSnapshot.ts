/**
 * @module exportSnapshot
 * The whole register as a domain `Snapshot` (now, or as recorded at a past `asOf`), with
 * the postcodes and LSOA assignments it knows. Entities are ordered by kind, id and `valid.from`; importing the
 * export into an empty store and exporting again gives the same snapshot.
 */
import type { LsoaAssignment, PostcodeRecord, Snapshot } from "@care-atlas/domain";
import { Effect } from "effect";
import type { StoreUnavailable, ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseReadOptions } from "../internal/input.js";

/** Options of `exportSnapshot`. */
export interface ExportOptions {
  readonly asOf?: Date | undefined;
}

/** An exported register. */
export interface SnapshotExport {
  readonly snapshot: Snapshot;
  readonly postcodes: ReadonlyArray<PostcodeRecord>;
  /** The LSOA lookups' assignments (ward and commissioner, every vintage). */
  readonly lsoaAssignments: ReadonlyArray<LsoaAssignment>;
  readonly dataVersion: number;
}

export type ExportSnapshot = (
  options?: ExportOptions,
) => Effect.Effect<SnapshotExport, ValidationFailed | StoreUnavailable>;

/** `exportSnapshot({ asOf? })`. */
export const makeExportSnapshot =
  (ctx: RegisterContext): ExportSnapshot =>
  (options) =>
    Effect.gen(function* () {
      const { asOf } = yield* parseReadOptions({ asOf: options?.asOf });
      const model = yield* ctx.live.at(asOf);
      return {
        snapshot: structuredClone(model.snapshot),
        postcodes: [...model.reference.postcodes],
        lsoaAssignments: model.reference.assignments,
        dataVersion: model.seq,
      } satisfies SnapshotExport;
    });
