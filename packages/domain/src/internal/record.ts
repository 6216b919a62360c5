import { z } from "zod";
import { fieldMeta } from "../FieldMeta.js";
import { Period } from "../Period.js";
import { Provenance } from "../Provenance.js";

/** Fields every versioned record carries: its valid period and where it comes from. */
export const recordFields = {
  valid: Period.describe("When this version was true in the world, [from, to).").register(
    fieldMeta,
    { label: "Valid", hint: "When this version was true in the world." },
  ),
  provenance: Provenance,
};

/** A non-empty, trimmed display name. */
export const Name = z
  .string()
  .trim()
  .min(1, { error: "must not be empty" })
  .max(300)
  .register(fieldMeta, { label: "Name" });
