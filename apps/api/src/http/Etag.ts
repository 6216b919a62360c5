/**
 * @module Etag
 * The entity tags of reads. A read's tag is weak (`W/"<digest>"`), a digest of its answer
 * without the answer's `dataVersion`: it changes only when what the answer says changes,
 * so a write to one organisation leaves every other organisation's tag as it was (their
 * answers are rebuilt at the new data version, but come out the same). `If-None-Match` is
 * compared weakly (RFC 9110 §13.1.2): `W/"a"` matches `"a"`, `*` matches anything. The fast
 * path, the read cache and the routes all use this one module.
 */
import { hash } from "node:crypto";
import { fnv1a32 } from "@care-atlas/domain";

/**
 * The weak ETag of an answer, from its JSON text without its data version: the first 20
 * characters of the base64url SHA-1 of its UTF-8 bytes (one-shot: no Hash object per answer).
 *
 * @example
 * ```ts
 * answerEtag('{"data":{"id":"plc_…"}}'); // 'W/"…"'
 * ```
 */
export const answerEtag = (json: string): string =>
  `W/"${hash("sha1", json, "base64url").slice(0, 20)}"`;

/**
 * The weak ETag of a read's answer `body`: the digest of its JSON without the top-level
 * `dataVersion` (which moves with every write anywhere).
 *
 * @example
 * ```ts
 * bodyEtag({ data: [], dataVersion: 12 }) === bodyEtag({ data: [], dataVersion: 13 }); // true
 * ```
 */
export const bodyEtag = <B extends { readonly dataVersion?: number }>(body: B): string => {
  const { dataVersion: _version, ...rest } = body;
  return answerEtag(JSON.stringify(rest));
};

/**
 * The weak ETag of a streamed answer (CSV, NDJSON), whose bytes are not known before it is
 * sent: the data version it is answered at and a digest of what was asked (`target`: path,
 * query and format) and of the day a defaulted `validAt` stands for. It moves with every
 * write, which is the price of not holding the answer.
 *
 * @example
 * ```ts
 * streamEtag(12, "/v1/places text/csv", "2026-12-01"); // 'W/"12-…"'
 * ```
 */
export const streamEtag = (dataVersion: number, target: string, day: string | undefined): string =>
  `W/"${dataVersion}-${fnv1a32(day === undefined ? target : `${target}${day}`).toString(36)}"`;

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
