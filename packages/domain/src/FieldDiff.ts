/**
 * @module FieldDiff
 * Field-level differences between two valid-time histories of one entity (before and after
 * a change): versions are paired by their first day (or, for a new version, with the old
 * version it replaced from that day), and each pair is compared field by field, with nested
 * values flattened to dotted paths (`valid.to`, `codes.0.value`).
 */
import { contains } from "./Period.js";
import type { Entity } from "./Snapshot.js";

/** One changed field. `undefined` = the field was absent. */
export interface FieldChange {
  readonly path: string;
  readonly before: string | undefined;
  readonly after: string | undefined;
}

/** What happened to one version. */
export interface VersionDiff {
  readonly kind: "added" | "changed" | "removed";
  /** The version's valid period after the change (before it, for a removed version). */
  readonly valid: { readonly from: string; readonly to: string | null };
  readonly fields: ReadonlyArray<FieldChange>;
}

/**
 * A value flattened to dotted paths: primitives as text, `null` as "none", arrays of
 * primitives as one comma-separated value, arrays of objects by index.
 *
 * @example
 * ```ts
 * import { flattenFields } from "@care-atlas/domain";
 * flattenFields({ name: "A", valid: { from: "2020-01-01", to: null }, codes: [{ value: "X" }] });
 * // { name: "A", "valid.from": "2020-01-01", "valid.to": "none", "codes.0.value": "X" }
 * ```
 */
export const flattenFields = (
  value: unknown,
  prefix = "",
  out: Record<string, string> = {},
): Record<string, string> => {
  if (value === null) {
    out[prefix] = "none";
  } else if (Array.isArray(value)) {
    if (value.every((item) => item === null || typeof item !== "object")) {
      out[prefix] = value.length === 0 ? "(empty)" : value.map(String).join(", ");
    } else {
      if (value.length === 0) out[prefix] = "(empty)";
      value.forEach((item, i) => {
        flattenFields(item, prefix === "" ? String(i) : `${prefix}.${i}`, out);
      });
    }
  } else if (typeof value === "object") {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item === undefined) continue;
      flattenFields(item, prefix === "" ? key : `${prefix}.${key}`, out);
    }
  } else if (value !== undefined) {
    out[prefix] = String(value);
  }
  return out;
};

/**
 * The fields that differ between two values (flattened with {@link flattenFields}).
 *
 * @example
 * ```ts
 * import { diffFields } from "@care-atlas/domain";
 * diffFields({ name: "Old" }, { name: "New" }); // [{ path: "name", before: "Old", after: "New" }]
 * ```
 */
export const diffFields = (before: unknown, after: unknown): FieldChange[] => {
  const a = before === undefined ? {} : flattenFields(before);
  const b = after === undefined ? {} : flattenFields(after);
  const paths = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const changes: FieldChange[] = [];
  for (const path of paths) {
    if (a[path] !== b[path]) changes.push({ path, before: a[path], after: b[path] });
  }
  return changes;
};

/**
 * The differences between two histories of an entity.
 *
 * @example
 * ```ts
 * import { diffHistories } from "@care-atlas/domain";
 * diffHistories([v1], [v1Trimmed, v2]);
 * // [{ kind: "changed", valid: v1Trimmed.valid, fields: [{ path: "valid.to", … }] },
 * //  { kind: "added", valid: v2.valid, fields: [{ path: "name", before: "Old", after: "New" }, …] }]
 * ```
 */
export const diffHistories = (
  before: ReadonlyArray<Entity>,
  after: ReadonlyArray<Entity>,
): VersionDiff[] => {
  const diffs: VersionDiff[] = [];
  const matched = new Set<Entity>();
  for (const version of after) {
    const same = before.find((old) => old.valid.from === version.valid.from);
    if (same !== undefined) {
      matched.add(same);
      const fields = diffFields(same, version);
      if (fields.length > 0) diffs.push({ kind: "changed", valid: version.valid, fields });
      continue;
    }
    // A new version: compare it with the old version it replaced from its first day.
    const replaced = before.find((old) => contains(old.valid, version.valid.from));
    diffs.push({ kind: "added", valid: version.valid, fields: diffFields(replaced, version) });
  }
  for (const old of before) {
    if (matched.has(old)) continue;
    if (
      after.some(
        (version) =>
          contains(old.valid, version.valid.from) || contains(version.valid, old.valid.from),
      )
    )
      continue;
    diffs.push({ kind: "removed", valid: old.valid, fields: diffFields(old, undefined) });
  }
  return diffs.sort((a, b) => a.valid.from.localeCompare(b.valid.from));
};
