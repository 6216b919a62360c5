/** Validation of verb inputs with zod, failing with `ValidationFailed`. */
import {
  type EntityKind,
  type EntityOf,
  entityKinds,
  entitySchemas,
  IsoDate,
  today,
} from "@care-atlas/domain";
import { Effect } from "effect";
import { z } from "zod";
import { fieldIssues, invalidInput, type ValidationFailed } from "../errors.js";

/** Parses `input` with `schema`; issues become a `ValidationFailed` (paths under `prefix`). */
export const parseWith = <S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix?: string,
): Effect.Effect<z.output<S>, ValidationFailed> =>
  Effect.suspend(() => {
    const result = schema.safeParse(input);
    return result.success
      ? Effect.succeed(result.data)
      : Effect.fail(invalidInput(fieldIssues(result.error, prefix)));
  });

const ValidDate = z
  .date({ error: "must be a valid date and time" })
  .refine((date) => !Number.isNaN(date.getTime()), { error: "must be a valid date and time" });

/** `validAt` and `asOf` of a read. */
export const ReadOptionsSchema = z.object({
  validAt: IsoDate.optional(),
  asOf: ValidDate.optional(),
});

/** The read options with `validAt` defaulted to today. */
export const parseReadOptions = (options: unknown) =>
  parseWith(ReadOptionsSchema, options ?? {}).pipe(
    Effect.map((parsed) => ({ validAt: parsed.validAt ?? today(), asOf: parsed.asOf })),
  );

/** Who is writing and why. */
export const WriteMetaSchema = z.object({
  actor: z.string().trim().min(1, { error: "required: who is making the change" }),
  reason: z.string().trim().min(1, { error: "required: why the change is made" }),
  source: z.string().trim().min(1).optional(),
});

/** An entity kind, checked at run time (callers such as the API pass strings). */
export const EntityKindSchema = z.enum(entityKinds as [EntityKind, ...EntityKind[]]);

/** The entity schemas, typed per kind: a schema looked up by a kind parses to that kind. */
const schemaOf: { readonly [K in EntityKind]: z.ZodType<EntityOf[K]> } = entitySchemas;

/** Parses one version of `kind` (paths under `version`). */
export const parseVersion = <K extends EntityKind>(
  kind: K,
  input: unknown,
): Effect.Effect<EntityOf[K], ValidationFailed> => parseWith(schemaOf[kind], input, "version");

/** A non-negative integer revision, as read from the entity. */
export const Revision = z
  .number()
  .int()
  .min(1, { error: "must be a revision read from the entity (1 or more)" });
