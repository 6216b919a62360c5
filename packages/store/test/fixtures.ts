/**
 * Synthetic entities for the store's tests: obviously made up (names "Synthetic …",
 * source "synthetic"), valid by the domain schemas.
 */
import type { Entity, Organisation } from "@care-atlas/domain";
import type { ChangeInput } from "../src/Store.js";

/** A synthetic GP practice version. */
export const org = (
  id: string,
  from: string,
  to: string | null = null,
  name = "Synthetic Practice",
): Organisation => ({
  id,
  kind: "gp-practice",
  name,
  codes: [],
  roles: [],
  valid: { from, to },
  provenance: { sources: ["synthetic"] },
});

/** A change of one organisation's whole history. */
export const change = (
  id: string,
  expectedRevision: number | null,
  versions: Entity[],
  operation = "update",
): ChangeInput => ({
  actor: "test",
  reason: "synthetic test change",
  source: "synthetic",
  operation,
  entities: [{ kind: "organisation", id, expectedRevision, versions }],
});

let counter = 0;
/** A fresh synthetic organisation id, unique in this process. */
export const orgId = (): string => {
  counter += 1;
  return `org_synth${process.pid.toString(36)}x${counter.toString(36).padStart(4, "0")}`;
};
