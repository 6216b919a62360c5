/**
 * @module testing/registerBuilder
 * What the parts of a synthetic register are built with: the synthetic source, ids of
 * documented keys, periods, and a builder that collects the records into a snapshot.
 */
import { type EntityKind, stableId } from "../Id.js";
import type { IsoDate } from "../Period.js";
import { emptySnapshot, type Snapshot } from "../Snapshot.js";

/**
 * The id of the record a synthetic register gives the key `key` (the keys are listed at
 * `syntheticRegister`).
 *
 * @example
 * ```ts
 * import { syntheticId } from "@care-atlas/domain/testing";
 * syntheticId("place", "place-1"); // "plc_…", the same on every run
 * ```
 */
export const syntheticId = (kind: EntityKind, key: string): string =>
  stableId(kind, `synthetic:${key}`);

/** The key of the one source every synthetic record cites. */
export const source = "synthetic";
export const provenance = { sources: [source] };

/** A valid period, `[from, to)`. */
export interface Valid {
  readonly from: IsoDate;
  readonly to: IsoDate | null;
}
export const open = (from: IsoDate): Valid => ({ from, to: null });
export const span = (from: IsoDate, to: IsoDate): Valid => ({ from, to });
export const pad = (n: number, width: number): string => String(n).padStart(width, "0");

type OrganisationFields = Omit<Snapshot["organisations"][number], "id" | "provenance">;
type Defaulted = "codes" | "roles";

/** Collects the records of a synthetic register. */
export class RegisterBuilder {
  readonly snapshot: Snapshot = {
    ...emptySnapshot(),
    sources: [
      {
        key: source,
        publisher: "Synthetic publisher",
        dataset: "Synthetic register for tests and benchmarks",
        licence: "CC0-1.0",
        dataDate: null,
      },
    ],
  };

  /** Adds an organisation version and returns its id. */
  organisation(
    key: string,
    fields: Omit<OrganisationFields, Defaulted> & Partial<Pick<OrganisationFields, Defaulted>>,
  ): string {
    const id = syntheticId("organisation", key);
    this.snapshot.organisations.push({ id, codes: [], roles: [], ...fields, provenance });
    return id;
  }

  /** Adds a relationship: `subjectId KIND objectId` over `valid`. */
  relationship(
    key: string,
    kind: Snapshot["relationships"][number]["kind"],
    subjectId: string,
    objectId: string,
    valid: Valid,
  ): void {
    const id = syntheticId("relationship", key);
    this.snapshot.relationships.push({ id, kind, subjectId, objectId, valid, provenance });
  }

  /** Adds a succession dated `date`. */
  succession(
    key: string,
    kind: Snapshot["successions"][number]["kind"],
    predecessorIds: string[],
    successorIds: string[],
    date: IsoDate,
  ): void {
    const id = syntheticId("succession", key);
    const valid = open(date);
    this.snapshot.successions.push({
      id,
      kind,
      predecessorIds,
      successorIds,
      valid,
      provenance,
    });
  }
}
