/**
 * @module errors
 * The tagged errors every verb of the services fails with. One place (the API) maps them to
 * RFC 9457 problem+json: `NotFound` → 404, `Conflict` → 409 (or 412 for a stale
 * `If-Match`), `ValidationFailed` → 422/400, `Forbidden` → 403, `StoreUnavailable` → 503.
 */
import type { Finding } from "@care-atlas/domain";
import { Data } from "effect";
import type { z } from "zod";

/**
 * Nothing answers to the key: no such id, code, postcode or LSOA, or the entity exists but
 * has no version valid on the date asked for.
 *
 * @example
 * ```ts
 * import { NotFound } from "@care-atlas/services";
 * new NotFound({ what: "place", key: "plc_0000000001", message: "no place plc_0000000001" });
 * ```
 */
export class NotFound extends Data.TaggedError("NotFound")<{
  /** What was looked for: an entity kind, "entity", "code", "postcode", "lsoa", "practice". */
  readonly what: string;
  /** The id, code or postcode looked for. */
  readonly key: string;
  readonly message: string;
}> {}

/**
 * The entity's revision is not the one the writer expected: someone else changed it first
 * (or, with `expected: null`, it already exists).
 *
 * @example
 * ```ts
 * import { Conflict } from "@care-atlas/services";
 * new Conflict({ id: "plc_0000000001", expected: 3, actual: 4, message: "stale revision" });
 * ```
 */
export class Conflict extends Data.TaggedError("Conflict")<{
  readonly id: string;
  /** The revision the writer expected; `null` = it expected the entity not to exist. */
  readonly expected: number | null;
  /** The revision found; `null` = the entity does not exist. */
  readonly actual: number | null;
  readonly message: string;
}> {}

/** A problem with one field of the input, `path` in dotted form (`valid.to`, `codes.0.value`). */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * The input is malformed (field `issues`, from the zod schemas) or the change would break
 * a rule of the register (`findings` of severity error). Nothing was written.
 *
 * @example
 * ```ts
 * import { ValidationFailed } from "@care-atlas/services";
 * new ValidationFailed({ issues: [{ path: "meta.reason", message: "required" }], findings: [], message: "invalid input" });
 * ```
 */
export class ValidationFailed extends Data.TaggedError("ValidationFailed")<{
  readonly issues: ReadonlyArray<FieldIssue>;
  readonly findings: ReadonlyArray<Finding>;
  readonly message: string;
}> {}

/**
 * The actor may not do this. The services do not authenticate; the API raises this after
 * checking a key's scope or a session, so that every layer reports it the same way.
 *
 * @example
 * ```ts
 * import { Forbidden } from "@care-atlas/services";
 * new Forbidden({ actor: "key:reader", message: "the key has no write scope" });
 * ```
 */
export class Forbidden extends Data.TaggedError("Forbidden")<{
  readonly actor: string;
  readonly message: string;
}> {}

/**
 * The store failed: the database is unreachable, a statement failed, or data read back did
 * not parse. Nothing is known to have been written.
 *
 * @example
 * ```ts
 * import { StoreUnavailable } from "@care-atlas/services";
 * new StoreUnavailable({ operation: "lastSeq", cause: new Error("connection refused"), message: "store unavailable" });
 * ```
 */
export class StoreUnavailable extends Data.TaggedError("StoreUnavailable")<{
  /** The store call that failed. */
  readonly operation: string;
  readonly cause: unknown;
  readonly message: string;
}> {}

/** Every error a verb can fail with. */
export type ServiceError = NotFound | Conflict | ValidationFailed | Forbidden | StoreUnavailable;

/** zod issues as `{ path, message }`, prefixed with `prefix` (e.g. `meta`). */
export const fieldIssues = (error: z.ZodError, prefix?: string): FieldIssue[] =>
  error.issues.map((issue) => {
    const path = [...(prefix === undefined ? [] : [prefix]), ...issue.path.map(String)].join(".");
    return { path, message: issue.message };
  });

/** A `ValidationFailed` for malformed input. */
export const invalidInput = (issues: ReadonlyArray<FieldIssue>): ValidationFailed =>
  new ValidationFailed({
    issues,
    findings: [],
    message: `invalid input: ${issues.map((issue) => `${issue.path || "(input)"}: ${issue.message}`).join("; ")}`,
  });
