/**
 * @module errors
 * The tagged errors every verb of the services fails with, how to recognise one
 * ({@link isServiceError}: by a type id, not by comparing `_tag` strings), and the one
 * table from each error to what an app answers with ({@link errorInfo}: an HTTP status, a
 * stable problem code and a title). The API's problem documents and the admin's error pages
 * both read that table, so a service error means the same thing everywhere:
 *
 * | error                                    | status | code                  |
 * | ---------------------------------------- | ------ | --------------------- |
 * | `NotFound`                               | 404    | `not-found`           |
 * | `OutsideCoverage`                        | 404    | `outside-coverage`    |
 * | `Conflict`, the entity already exists    | 409    | `conflict`            |
 * | `Conflict`, a stale revision             | 412    | `precondition-failed` |
 * | `ValidationFailed` about the input       | 400    | `invalid-request`     |
 * | `ValidationFailed` about the change      | 422    | `validation-failed`   |
 * | `Forbidden`                              | 403    | `forbidden`           |
 * | `StoreUnavailable`                       | 503    | `service-unavailable` |
 *
 * A 503 also says when to try again (`retryAfterSeconds`, the `Retry-After` header): the
 * database is restarting, or the register kept changing under a write.
 */
import type { Finding } from "@care-atlas/domain";
import { Data, Predicate } from "effect";
import type { z } from "zod";

/**
 * The mark every service error carries ({@link isServiceError} looks for it).
 *
 * @example
 * ```ts
 * import { NotFound, ServiceErrorTypeId } from "@care-atlas/services";
 * new NotFound({ what: "place", key: "plc_0000000001", message: "no place" })[ServiceErrorTypeId];
 * ```
 */
export const ServiceErrorTypeId: unique symbol = Symbol.for("@care-atlas/services/ServiceError");
export type ServiceErrorTypeId = typeof ServiceErrorTypeId;

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
}> {
  readonly [ServiceErrorTypeId]: ServiceErrorTypeId = ServiceErrorTypeId;
}

/** The areas whose postcodes the register holds. */
export interface PostcodeCoverage {
  /** The local authority district's GSS code. */
  readonly districtCode: string;
  /** Its place's name, when the register has the place; else `null`. */
  readonly name: string | null;
  /** How many postcodes of the district the register holds. */
  readonly postcodes: number;
}

/**
 * A valid postcode the register does not hold: it holds only the postcodes of some areas
 * (`coverage`, empty when it holds none). The way to answer it is to load the ONS Postcode
 * Directory (ONSPD) or the National Statistics Postcode Lookup (NSPL), which list every UK
 * postcode: an import of kind `ons-postcodes`.
 *
 * @example
 * ```ts
 * import { OutsideCoverage } from "@care-atlas/services";
 * new OutsideCoverage({ postcode: "ZZ9 9ZZ", coverage: [], message: "the register holds no postcodes" });
 * ```
 */
export class OutsideCoverage extends Data.TaggedError("OutsideCoverage")<{
  readonly postcode: string;
  readonly coverage: ReadonlyArray<PostcodeCoverage>;
  readonly message: string;
}> {
  readonly [ServiceErrorTypeId]: ServiceErrorTypeId = ServiceErrorTypeId;
}

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
}> {
  readonly [ServiceErrorTypeId]: ServiceErrorTypeId = ServiceErrorTypeId;
}

/** A problem with one field of the input, `path` in dotted form (`valid.to`, `codes.0.value`). */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * The input is malformed (`about: "input"`: field `issues`, from the zod schemas), or it is
 * well formed but the register refuses the change (`about: "change"`: it would break a rule
 * of the register, `findings` of severity error, or it makes no sense on the register as it
 * is, `issues` such as ending an entity before it starts). Nothing was written.
 *
 * @example
 * ```ts
 * import { ValidationFailed } from "@care-atlas/services";
 * new ValidationFailed({
 *   about: "input",
 *   issues: [{ path: "meta.reason", message: "required" }],
 *   findings: [],
 *   message: "invalid input",
 * });
 * ```
 */
export class ValidationFailed extends Data.TaggedError("ValidationFailed")<{
  /** `input`: the arguments are malformed; `change`: the register refuses the change. */
  readonly about: "input" | "change";
  readonly issues: ReadonlyArray<FieldIssue>;
  readonly findings: ReadonlyArray<Finding>;
  readonly message: string;
}> {
  readonly [ServiceErrorTypeId]: ServiceErrorTypeId = ServiceErrorTypeId;
}

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
}> {
  readonly [ServiceErrorTypeId]: ServiceErrorTypeId = ServiceErrorTypeId;
}

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
}> {
  readonly [ServiceErrorTypeId]: ServiceErrorTypeId = ServiceErrorTypeId;
}

/** Every error a verb can fail with. */
export type ServiceError =
  | NotFound
  | OutsideCoverage
  | Conflict
  | ValidationFailed
  | Forbidden
  | StoreUnavailable;

/** zod issues as `{ path, message }`, prefixed with `prefix` (e.g. `meta`). */
export const fieldIssues = (error: z.ZodError, prefix?: string): FieldIssue[] =>
  error.issues.map((issue) => {
    const path = [...(prefix === undefined ? [] : [prefix]), ...issue.path.map(String)].join(".");
    return { path, message: issue.message };
  });

const describeIssues = (issues: ReadonlyArray<FieldIssue>): string =>
  issues.map((issue) => `${issue.path || "(input)"}: ${issue.message}`).join("; ");

/** A `ValidationFailed` for malformed input. */
export const invalidInput = (issues: ReadonlyArray<FieldIssue>): ValidationFailed =>
  new ValidationFailed({
    about: "input",
    issues,
    findings: [],
    message: `invalid input: ${describeIssues(issues)}`,
  });

/** A `ValidationFailed` for a well-formed change the register refuses (no rule findings). */
export const refusedChange = (issues: ReadonlyArray<FieldIssue>): ValidationFailed =>
  new ValidationFailed({
    about: "change",
    issues,
    findings: [],
    message: `the change is refused: ${describeIssues(issues)}`,
  });

/**
 * Whether a value is one of the services' errors (by its type id).
 *
 * @example
 * ```ts
 * import { isServiceError, NotFound } from "@care-atlas/services";
 * isServiceError(new NotFound({ what: "place", key: "x", message: "no place x" })); // true
 * isServiceError({ _tag: "NotFound" }); // false
 * ```
 */
export const isServiceError = (value: unknown): value is ServiceError =>
  Predicate.hasProperty(value, ServiceErrorTypeId);

/** The problem codes a service error maps to, with their HTTP status and title. */
export const serviceProblems = {
  "not-found": { status: 404, title: "Not found" },
  "outside-coverage": { status: 404, title: "Outside the postcodes the register holds" },
  conflict: { status: 409, title: "Conflict" },
  "precondition-failed": { status: 412, title: "The resource has changed" },
  "invalid-request": { status: 400, title: "The request is not valid" },
  "validation-failed": { status: 422, title: "The change breaks the register's rules" },
  forbidden: { status: 403, title: "Not allowed" },
  "service-unavailable": { status: 503, title: "The service is unavailable" },
} as const;

/** A problem code a service error maps to. */
export type ServiceProblemCode = keyof typeof serviceProblems;

/** What an app answers a service error with. */
export interface ErrorInfo {
  readonly status: (typeof serviceProblems)[ServiceProblemCode]["status"];
  readonly code: ServiceProblemCode;
  readonly title: string;
  /** When to try again, in seconds (`Retry-After`): set for errors that pass by themselves. */
  readonly retryAfterSeconds?: number;
}

/** How long a client should wait before trying again after a `StoreUnavailable`, in seconds. */
export const storeRetryAfterSeconds = 2;

/** The one table: each error (by tag, then by what it says) → its problem code. */
const problemCodeOf: {
  readonly [T in ServiceError["_tag"]]: (
    error: Extract<ServiceError, { readonly _tag: T }>,
  ) => ServiceProblemCode;
} = {
  NotFound: () => "not-found",
  OutsideCoverage: () => "outside-coverage",
  Conflict: (error) => (error.expected === null ? "conflict" : "precondition-failed"),
  ValidationFailed: (error) => (error.about === "input" ? "invalid-request" : "validation-failed"),
  Forbidden: () => "forbidden",
  StoreUnavailable: () => "service-unavailable",
};

/**
 * The HTTP status, problem code and title of a service error (see the module's table).
 *
 * @example
 * ```ts
 * import { Conflict, errorInfo } from "@care-atlas/services";
 * errorInfo(new Conflict({ id: "plc_0000000001", expected: 3, actual: 4, message: "stale" }));
 * // { status: 412, code: "precondition-failed", title: "The resource has changed" }
 * errorInfo(new StoreUnavailable({ operation: "apply", cause: undefined, message: "down" }));
 * // { status: 503, code: "service-unavailable", title: "…", retryAfterSeconds: 2 }
 * ```
 */
export const errorInfo = (error: ServiceError): ErrorInfo => {
  const code = (problemCodeOf[error._tag] as (error: ServiceError) => ServiceProblemCode)(error);
  return {
    code,
    ...serviceProblems[code],
    ...(code === "service-unavailable" ? { retryAfterSeconds: storeRetryAfterSeconds } : {}),
  };
};

/** One instance of every kind of service error the table distinguishes (for tests). */
export const serviceErrorExamples: ReadonlyArray<ServiceError> = [
  new NotFound({ what: "place", key: "plc_0000000001", message: "no place plc_0000000001" }),
  new OutsideCoverage({
    postcode: "ZZ9 9ZZ",
    coverage: [{ districtCode: "E08999001", name: "Synthetic Borough", postcodes: 1 }],
    message: "the register holds no postcode ZZ9 9ZZ: it holds those of Synthetic Borough only",
  }),
  new Conflict({ id: "plc_0000000001", expected: null, actual: 1, message: "already exists" }),
  new Conflict({ id: "plc_0000000001", expected: 1, actual: 2, message: "stale revision" }),
  invalidInput([{ path: "validAt", message: "must be a date" }]),
  refusedChange([{ path: "date", message: "would erase it" }]),
  new Forbidden({ actor: "synthetic", message: "not allowed" }),
  new StoreUnavailable({ operation: "lastSeq", cause: undefined, message: "store unavailable" }),
];
