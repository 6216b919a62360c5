/**
 * @module refs
 * Parameters that name an entity by its id or by its external code: ONS GSS for places and
 * systems (`E08000009`), NHS ODS for organisations, PCNs and sub-ICB locations (`P91603`,
 * `U42898`, `02A`). The schema accepts either; the list handler (filters) and the get-one
 * handler (paths) turn a code into the id it names with the services' `resolveId` on the
 * read's date, before anything else reads the value.
 */
import { codeOf, type EntityKind, idPrefixes, type Organisation } from "@care-atlas/domain";
import type { RegisterShape } from "@care-atlas/services";
import { Effect } from "effect";
import { z } from "zod";
import { ProblemError } from "../../problem.js";
import type { ReadTime } from "./query.js";

/** The kinds whose entities hold external codes. */
export const codedKinds: ReadonlySet<EntityKind> = new Set(["system", "place", "organisation"]);

const codePattern = "[A-Za-z0-9]{3,9}";

/** What a kind's codes are, for descriptions. */
const codeNames: Partial<Record<EntityKind, string>> = {
  system: "GSS code (E54…)",
  place: "GSS code (E06/E08…)",
  organisation: "ODS code (or a council's GSS code)",
};

const describeKinds = (kinds: ReadonlyArray<EntityKind>): string =>
  kinds
    .map(
      (kind) =>
        `${idPrefixes[kind]}_… id${codeNames[kind] === undefined ? "" : ` or ${codeNames[kind]}`}`,
    )
    .join(", or ");

/** The schema of an id of one of `kinds`, or a code of one (for the kinds that hold codes). */
export const idOrCode = (kinds: ReadonlyArray<EntityKind>) => {
  const ids = kinds.map((kind) => idPrefixes[kind]).join("|");
  const coded = kinds.some((kind) => codedKinds.has(kind));
  const pattern = new RegExp(`^(?:(?:${ids})_[0-9a-z]{8,40}${coded ? `|${codePattern}` : ""})$`);
  return z
    .string()
    .trim()
    .max(60)
    .regex(pattern, { error: `must be ${describeKinds(kinds)}` });
};

/** The filters that name entities, by their schema, with the kinds they name. */
const refKinds = new WeakMap<z.ZodType, ReadonlyArray<EntityKind>>();

/**
 * An optional filter naming an entity of `kinds` by id or code (the list handler resolves
 * a code before the spec's filter reads it).
 *
 * @example
 * ```ts
 * const filters = { placeId: refFilter(["place"], "Only organisations of this place.") };
 * ```
 */
export const refFilter = (kinds: ReadonlyArray<EntityKind>, description: string) => {
  const coded = kinds.some((kind) => codedKinds.has(kind));
  const schema = idOrCode(kinds)
    .optional()
    .meta({
      description: coded ? `${description} An id or a code: ${describeKinds(kinds)}.` : description,
      example: kinds.includes("place")
        ? "E08000009"
        : kinds.includes("organisation")
          ? "U42898"
          : undefined,
    });
  refKinds.set(schema, kinds);
  return schema;
};

/** The kinds a filter schema names, when it is a {@link refFilter}. */
export const kindsOfRef = (schema: unknown): ReadonlyArray<EntityKind> | undefined =>
  schema instanceof z.ZodType ? refKinds.get(schema) : undefined;

/**
 * The parsed query with every {@link refFilter} given as a code replaced by the id it
 * names on the date (else the latest that ever held it); a code nothing of the kinds ever
 * held is a 400 naming the parameter.
 */
export const resolveRefs = <Q extends Readonly<Record<string, unknown>>>(
  filters: Readonly<Record<string, unknown>>,
  query: Q,
  register: RegisterShape,
  time: ReadTime,
): Effect.Effect<Q, unknown> =>
  Effect.gen(function* () {
    const resolved: Q = { ...query };
    for (const [name, schema] of Object.entries(filters)) {
      const kinds = kindsOfRef(schema);
      const value = query[name];
      if (kinds === undefined || typeof value !== "string") continue;
      const id = yield* register.resolveId(kinds, value, time);
      if (id === null) {
        const message = `nothing of the kinds it names (${kinds.join(", ")}) holds the code ${value}`;
        return yield* Effect.fail(
          new ProblemError("invalid-request", {
            detail: `query.${name}: ${message}`,
            errors: [{ path: `query.${name}`, message }],
          }),
        );
      }
      if (id !== value) Object.assign(resolved, { [name]: id });
    }
    return resolved;
  });

/** A reference to an organisation on a date: what a client needs to name it and ask next. */
export const Reference = z
  .object({
    id: z.string().describe("Its id: `GET /v1/organisations/{id}` answers it."),
    code: z.string().nullable().describe("Its ODS code on the date (null when it has none)."),
    name: z.string().describe("Its name on the date."),
  })
  .meta({
    id: "Reference",
    description: "An organisation another record leads to, by id, code and name.",
  });
export type Reference = z.infer<typeof Reference>;

/** The reference to an organisation version, on `date`. */
export const referenceTo = (organisation: Organisation, date: string): Reference => ({
  id: organisation.id,
  code: codeOf(organisation.codes, "ods", date) ?? null,
  name: organisation.name,
});
