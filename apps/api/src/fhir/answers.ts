/**
 * @module fhir/answers
 * How the facade answers: FHIR JSON's headers with the read's ETag, the date a read is about
 * (`valid-at`, default today), a page of a sorted list after a cursor, and a searchset
 * Bundle with its `self`, `first` and `next` links.
 */
import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../context.js";
import { today } from "../http/today.js";
import { answerHeaders } from "../routes/shared/reads.js";
import { fhirJson } from "./outcome.js";
import { base } from "./routeTable.js";
import type { FhirBundle, FhirResource } from "./schemas.js";

/**
 * The headers of a FHIR JSON read's answer `body` made at `dataVersion`: the read's ETag and
 * cache policy, and its media type (`return c.json(body, 200, fhirHeaders(c, body, …))`).
 */
export const fhirHeaders = (
  c: Context<AppEnv>,
  body: object,
  dataVersion: number,
  readsRequireKey: boolean,
) => {
  answerHeaders(c, body, dataVersion, readsRequireKey);
  return { "Content-Type": fhirJson };
};

/** The date a request is about: `valid-at`, default today. */
export const dateOf = (query: { readonly "valid-at"?: string | undefined }): string =>
  query["valid-at"] ?? today();

/** One page of `items` (sorted by id) after the cursor. */
export const pageAfter = <T extends { readonly id: string }>(
  items: ReadonlyArray<T>,
  cursor: string | undefined,
  count: number | undefined,
) => {
  const start = cursor === undefined ? 0 : items.findIndex((item) => item.id > cursor);
  const from = start === -1 ? items.length : start;
  const size = count ?? 50;
  return { items: items.slice(from, from + size), more: from + size < items.length };
};

/** A searchset of `resources` (already one page), with self, first and next links. */
export const searchset = (
  c: Context<AppEnv>,
  resources: ReadonlyArray<FhirResource>,
  more: boolean,
): z.infer<typeof FhirBundle> => {
  const url = new URL(c.req.url);
  const first = new URL(url);
  first.searchParams.delete("_cursor");
  const link = [
    { relation: "self", url: `${url.pathname}${url.search}` },
    { relation: "first", url: `${first.pathname}${first.search}` },
  ];
  const last = resources.at(-1);
  if (more && last !== undefined) {
    const next = new URL(first);
    next.searchParams.set("_cursor", last.id);
    link.push({ relation: "next", url: `${next.pathname}${next.search}` });
  }
  return {
    resourceType: "Bundle",
    type: "searchset",
    link,
    entry: resources.map((resource) => ({
      fullUrl: `${base}/${resource.resourceType}/${resource.id}`,
      resource,
      search: { mode: "match" as const },
    })),
  };
};
