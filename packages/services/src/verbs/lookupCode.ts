/**
 * @module lookupCode
 * "What is 00W?": the records that hold an ODS or GSS code on a date (a place and its
 * council share a district code; a system and its ICB an E54); for a code nobody holds then
 * (a closed CCG, a merged trust), its holders on other dates and the bodies that carry the
 * past holders on at the date, followed through the recorded successions.
 */
import {
  type CodeMatch,
  type CodeSystem,
  CodeSystem as CodeSystemSchema,
  type Entity,
  type EntityKind,
  findByCode,
  resolveSuccessor,
} from "@care-atlas/domain";
import { Effect } from "effect";
import { z } from "zod";
import { NotFound, type StoreUnavailable, type ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseReadOptions, parseWith } from "../internal/input.js";
import type { ReadOptions } from "./getEntity.js";

/** Options of `lookupCode`. */
export interface LookupCodeOptions extends ReadOptions {
  /** Only codes of this system. */
  readonly system?: CodeSystem | undefined;
}

/** A body carrying a closed code's holder on at the date. */
export interface CodeSuccessor {
  readonly id: string;
  readonly kind: EntityKind | null;
  /** Its version valid on the date. */
  readonly version: Entity;
  /** The ids from the closed holder to this successor, both included. */
  readonly path: string[];
}

/** What a code names on a date. */
export interface CodeRead {
  /** The code as asked (trimmed, upper case). */
  readonly code: string;
  /** The holders on the date; when nobody holds it then, its holders on any date. */
  readonly matches: CodeMatch[];
  /** True when nothing holds the code on the date: the matches hold it on other dates. */
  readonly closed: boolean;
  /** For a closed code: who carries its holders on at the date (empty otherwise). */
  readonly successors: CodeSuccessor[];
  readonly dataVersion: number;
}

export type LookupCode = (
  code: string,
  options?: LookupCodeOptions,
) => Effect.Effect<CodeRead, NotFound | ValidationFailed | StoreUnavailable>;

const Code = z.string().trim().toUpperCase().min(1, { error: "a code is required" }).max(20);

/**
 * `lookupCode(code, { system?, validAt?, asOf? })`.
 *
 * @example
 * ```ts
 * import { Register } from "@care-atlas/services";
 * import { Effect } from "effect";
 *
 * const program = Effect.gen(function* () {
 *   const register = yield* Register;
 *   const read = yield* register.lookupCode("01N", { validAt: "2024-04-01" });
 *   return read.closed ? read.successors.map((s) => s.id) : read.matches.map((m) => m.id);
 * });
 * ```
 */
export const makeLookupCode =
  (ctx: RegisterContext): LookupCode =>
  (text, options) =>
    Effect.gen(function* () {
      const code = yield* parseWith(Code, text, "code");
      const system = yield* parseWith(CodeSystemSchema.optional(), options?.system, "system");
      const { validAt, asOf } = yield* parseReadOptions({
        validAt: options?.validAt,
        asOf: options?.asOf,
      });
      const model = yield* ctx.live.at(asOf);
      const bySystem = system === undefined ? {} : { system };
      const held = findByCode(model.index, code, { ...bySystem, date: validAt });
      if (held.length > 0) {
        return { code, matches: held, closed: false, successors: [], dataVersion: model.seq };
      }
      const past = findByCode(model.index, code, bySystem);
      if (past.length === 0) {
        return yield* new NotFound({
          what: "code",
          key: code,
          message: `nothing holds the code ${code} on ${validAt}`,
        });
      }
      const seen = new Set<string>();
      const successors: CodeSuccessor[] = [];
      for (const match of past) {
        if (match.kind === "lsoa") continue;
        for (const path of resolveSuccessor(model.index, match.id, validAt)) {
          if (path.version === undefined || path.path.length < 2 || seen.has(path.id)) continue;
          seen.add(path.id);
          successors.push({
            id: path.id,
            kind: path.kind ?? null,
            version: path.version,
            path: [...path.path],
          });
        }
      }
      return { code, matches: past, closed: true, successors, dataVersion: model.seq };
    });
