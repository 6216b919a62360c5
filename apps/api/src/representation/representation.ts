/**
 * @module representation
 * How a read's answer is represented, as the caller asks with `form` and `provenance`:
 * the route answers the full form (its typed body, checked against its schema); this
 * middleware then, by default, leaves out the derivation texts of each record's provenance
 * and population (`derivation`; the source keys stay, so every record still says where it
 * comes from), and with `form=compact` replaces records by their keys with each record once
 * in `included` (`compact.ts`). It runs inside the read cache, so a cached answer is its
 * final bytes and the hot path does no work for it; the ETag is the full answer's (a
 * representation changes only when the answer does).
 *
 * Any read route opts in by adding {@link RepresentationQuery} to its query and this
 * middleware to its chain (`readMiddleware` does for every read that declares the
 * parameters); the document gives each such operation the compact form's schema.
 */
import type { MiddlewareHandler } from "hono";
import { z } from "zod";
import type { AppEnv } from "../context.js";
import { isObject, type Json, type JsonObject } from "../openapi/nullable.js";
import { BooleanQuery } from "../routes/shared/query.js";
import { compact } from "./compact.js";

/** The media type of the compact form (the full form is `application/json`). */
export const compactMediaType = "application/vnd.care-atlas.compact+json";

/** The query parameters of a read with representations. */
export const RepresentationQuery = z.object({
  form: z.enum(["full", "compact"], { error: "must be full or compact" }).optional().meta({
    description:
      "`full` (default): each record where it is referred to. `compact`: records replaced by their keys (ids; LSOA codes), each record once in `included`, as `application/vnd.care-atlas.compact+json`.",
    example: "compact",
  }),
  provenance: BooleanQuery.optional().meta({
    description:
      "`true`: each record's provenance and population with their `derivation` texts. Default: the source keys only.",
    example: "true",
  }),
});

/** The members left out of provenance and population without `provenance=true`. */
const holders = new Set(["provenance", "population"]);

const strip = (value: unknown, holder: boolean): unknown => {
  if (Array.isArray(value)) return value.map((item) => strip(item, false));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, member] of Object.entries(value)) {
    if (holder && key === "derivation") continue;
    out[key] = strip(member, holders.has(key)) as Json;
  }
  return out;
};

/**
 * The answer without the derivation texts of provenance and population (a copy; the value
 * given is left as it is). Any JSON value, or any plain data that JSON would serialise.
 */
export const withoutDerivations = <T>(value: T): T => strip(value, false) as T;

/** Whether a route's query declares the representation parameters. */
export const hasRepresentations = (names: ReadonlyArray<string>): boolean =>
  names.includes("form") && names.includes("provenance");

/** The middleware representing a read's JSON answer as its query asks. */
export const represent: MiddlewareHandler<AppEnv> = async function representMiddleware(c, next) {
  await next();
  const response = c.res;
  if (response.status !== 200) return;
  if (!(response.headers.get("content-type") ?? "").startsWith("application/json")) return;
  const full = c.req.query("provenance") === "true";
  const form = c.req.query("form") ?? "full";
  if (full && form === "full") return;
  // The route's own body when it set one with its headers (the same value its JSON was
  // made from); otherwise the answer's JSON, parsed back.
  const held = c.get("readBody");
  const answer: Json = held === undefined ? await response.json() : (held as Json);
  let body = full ? answer : withoutDerivations(answer);
  if (form === "compact" && isObject(body)) body = compact(body);
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  if (form === "compact") headers.set("Content-Type", compactMediaType);
  c.res = new Response(JSON.stringify(body), { status: 200, headers });
};
