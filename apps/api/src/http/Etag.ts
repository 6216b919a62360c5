/**
 * @module Etag
 * The entity tags of reads. A read's tag is weak (`W/"<dataVersion>-<digest>"`): the data
 * version it was answered from, and a digest of what was asked — path, query, and the date a
 * defaulted `validAt` resolved to (so answers roll over at midnight). `If-None-Match` is
 * compared weakly (RFC 9110 §13.1.2): `W/"a"` matches `"a"`, `*` matches anything. The fast
 * path, the read cache and the routes all use this one module.
 */
import { fnv1a32 } from "@care-atlas/domain";

/** A compact, stable digest of a request's target. */
const digest = (text: string): string => fnv1a32(text).toString(36);

/**
 * The weak ETag of a read of `target` (path and query, as sent) answered at `dataVersion`;
 * `day` is the date a defaulted `validAt` stands for (`undefined` when the request names one).
 *
 * @example
 * ```ts
 * readEtag(12, "/v1/places?validAt=2021-04-01", undefined); // 'W/"12-…"'
 * ```
 */
export const readEtag = (dataVersion: number, target: string, day: string | undefined): string =>
  `W/"${dataVersion}-${digest(day === undefined ? target : `${target}${day}`)}"`;

/** The data version a read's ETag was made at, or `undefined` for another tag. */
export const etagDataVersion = (etag: string): number | undefined => {
  const match = /^W\/"(\d+)-/.exec(etag);
  return match?.[1] === undefined ? undefined : Number(match[1]);
};

const opaque = (tag: string): string => {
  const trimmed = tag.trim();
  return trimmed.startsWith("W/") ? trimmed.slice(2) : trimmed;
};

/**
 * Whether an `If-None-Match` header matches `etag` (weak comparison; `*` matches).
 *
 * @example
 * ```ts
 * etagMatches('"12-abc", W/"13-def"', 'W/"13-def"'); // true
 * etagMatches("*", 'W/"1-x"'); // true
 * ```
 */
export const etagMatches = (ifNoneMatch: string, etag: string): boolean => {
  if (ifNoneMatch.trim() === "*") return true;
  const wanted = opaque(etag);
  return ifNoneMatch.split(",").some((tag) => opaque(tag) === wanted);
};
