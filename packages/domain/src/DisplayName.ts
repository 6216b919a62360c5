/**
 * @module DisplayName
 * What to call a record in a list or a link: its name, title or (shortened) text, and for
 * the records that have none (relationships, successions) a phrase saying what they are.
 */
import type { Entity } from "./Snapshot.js";

/** The longest text shown whole as a name; a longer one is cut to 77 characters and "…". */
const longest = 80;

/**
 * A display name for an entity version.
 *
 * @example
 * ```ts
 * import { displayName } from "@care-atlas/domain";
 * displayName({
 *   id: "suc_0000000001",
 *   kind: "merge",
 *   predecessorIds: ["org_0000000001", "org_0000000002"],
 *   successorIds: ["org_0000000003"],
 *   valid: { from: "2017-04-01", to: null },
 *   provenance: { sources: ["synthetic"] },
 * }); // "merge on 2017-04-01"
 * ```
 */
export const displayName = (version: Entity): string => {
  if ("name" in version && typeof version.name === "string") return version.name;
  if ("title" in version && typeof version.title === "string") return version.title;
  if ("text" in version && typeof version.text === "string") {
    return version.text.length > longest ? `${version.text.slice(0, longest - 3)}…` : version.text;
  }
  if ("subjectId" in version) return `${version.kind} relationship`;
  if ("predecessorIds" in version) return `${version.kind} on ${version.valid.from}`;
  return version.id;
};
