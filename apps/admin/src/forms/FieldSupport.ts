/**
 * @module FieldSupport
 * What a generated form needs from the register besides its schema: the choices for a
 * reference to a small kind (places, schemes, bodies… by name), and labels for the values
 * of choice fields.
 */
import { teamRoleLabels } from "@care-atlas/domain";
import type { Directory } from "@care-atlas/services";
import { humanise } from "../views/components/Links.js";
import type { FieldSupport } from "./EntityFields.js";

/** Kinds with at most this many records are chosen from a list; larger ones by id. */
export const listedLimit = 80;

const isTeamRole = (value: string): value is keyof typeof teamRoleLabels => value in teamRoleLabels;

/**
 * The field support of a form, from the register's directory.
 *
 * @example
 * ```ts
 * const support = fieldSupport(yield* register.directory());
 * support.referenceOptions("place"); // [{ value: "plc_…", text: "Bolton" }, …]
 * support.referenceOptions("organisation"); // undefined: too many, entered by id
 * ```
 */
export const fieldSupport = (directory: Directory): FieldSupport => ({
  referenceOptions: (kind) =>
    directory.count(kind) > listedLimit
      ? undefined
      : directory.entries(kind).map((entry) => ({ value: entry.id, text: entry.name })),
  optionLabel: (field, value) =>
    field === "role" && isTeamRole(value) ? teamRoleLabels[value] : humanise(value),
});
