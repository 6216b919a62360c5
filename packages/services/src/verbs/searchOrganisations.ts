/**
 * @module searchOrganisations
 * The organisations valid on a date that match a query — kind, role held on the date, a
 * code they hold, words of their name, their place, open or closing — a page at a time, by
 * id. The HTTP list of organisations and the admin's search are both this verb.
 */
import {
  contains,
  type Organisation,
  OrganisationKind,
  OrganisationRoleKind,
  PlaceId,
} from "@care-atlas/domain";
import { Effect } from "effect";
import { z } from "zod";
import type { StoreUnavailable, ValidationFailed } from "../errors.js";
import type { RegisterContext } from "../internal/context.js";
import { parseReadOptions, parseWith } from "../internal/input.js";
import type { ReadOptions } from "./getEntity.js";
import { type ListPage, makeListEntities } from "./listEntities.js";

/** What to look for; every given field must match. */
export interface OrganisationQuery {
  readonly kind?: OrganisationKind | undefined;
  /** Holds this role on the date. */
  readonly role?: OrganisationRoleKind | undefined;
  /** Holds this ODS or GSS code (case-insensitive), in any period. */
  readonly code?: string | undefined;
  /** The name contains this (case-insensitive). */
  readonly name?: string | undefined;
  /** The name contains this, or the organisation holds it as a code (case-insensitive). */
  readonly text?: string | undefined;
  readonly placeId?: string | undefined;
  /** `open`: its version on the date has no end; `closing`: it has one. */
  readonly status?: "open" | "closing" | undefined;
}

/** Options of `searchOrganisations`. */
export interface SearchOptions extends ReadOptions {
  /** Page size, 1–1,000 (default 100). */
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

export type SearchOrganisations = (
  query: OrganisationQuery,
  options?: SearchOptions,
) => Effect.Effect<ListPage<"organisation">, ValidationFailed | StoreUnavailable>;

const Text = z.string().trim().min(1, { error: "must not be empty" }).max(200);

const Query = z.object({
  kind: OrganisationKind.optional(),
  role: OrganisationRoleKind.optional(),
  code: Text.max(20).toUpperCase().optional(),
  name: Text.toLowerCase().optional(),
  text: Text.toLowerCase().optional(),
  placeId: PlaceId.optional(),
  status: z.enum(["open", "closing"]).optional(),
});

/** The predicate of a parsed query on a date. */
const predicate = (query: z.infer<typeof Query>, date: string) => {
  const checks: Array<(o: Organisation) => boolean> = [];
  const { kind, role, code, name, text, placeId, status } = query;
  if (kind !== undefined) checks.push((o) => o.kind === kind);
  if (role !== undefined) {
    checks.push((o) => o.roles.some((r) => r.role === role && contains(r.period, date)));
  }
  if (code !== undefined) checks.push((o) => o.codes.some((c) => c.value.toUpperCase() === code));
  if (name !== undefined) checks.push((o) => o.name.toLowerCase().includes(name));
  if (text !== undefined) {
    checks.push(
      (o) =>
        o.name.toLowerCase().includes(text) || o.codes.some((c) => c.value.toLowerCase() === text),
    );
  }
  if (placeId !== undefined) checks.push((o) => o.placeId === placeId);
  if (status !== undefined) {
    checks.push((o) => (status === "open" ? o.valid.to === null : o.valid.to !== null));
  }
  return (o: Organisation) => checks.every((check) => check(o));
};

/**
 * `searchOrganisations(query, { validAt?, asOf?, limit?, cursor? })`.
 *
 * @example
 * ```ts
 * import { Register } from "@care-atlas/services";
 * import { Effect } from "effect";
 *
 * const practicesInTrafford = Effect.gen(function* () {
 *   const register = yield* Register;
 *   return yield* register.searchOrganisations(
 *     { kind: "gp-practice", placeId: "plc_…" },
 *     { validAt: "2024-04-01", limit: 1000 },
 *   );
 * });
 * ```
 */
export const makeSearchOrganisations = (ctx: RegisterContext): SearchOrganisations => {
  const listEntities = makeListEntities(ctx);
  return (query, options) =>
    Effect.gen(function* () {
      const parsed = yield* parseWith(Query, query ?? {}, "query");
      const { validAt } = yield* parseReadOptions({ validAt: options?.validAt });
      return yield* listEntities("organisation", {
        ...options,
        validAt,
        filter: predicate(parsed, validAt),
      });
    });
};
