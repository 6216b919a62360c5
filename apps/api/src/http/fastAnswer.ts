/**
 * @module fastAnswer
 * What the hot path answers an open read with, and the status, headers and body it sends
 * for it: a read (200 with its ETag, compressed when `Accept-Encoding` asks and the body
 * is large enough; 304 when `If-None-Match` matches) or a remembered problem (a 404 with
 * this request's id). The headers are the ones the full chain gives the same answer:
 * request id, security headers, cache policy of an open read, `Vary`.
 */
import { securityHeaderList } from "../middleware/securityHeaders.js";
import { openCachePolicy, readVary } from "./cachePolicy.js";
import { etagMatches } from "./Etag.js";
import { chooseEncoding, type Encoding, encodedEtag, minCompressed } from "./encoding.js";

/**
 * A problem document split around its request id (the only part that differs between
 * requests): its head up to the request id's JSON string, and its tail after it.
 */
export interface SplitProblem {
  /** `application/problem+json`. */
  readonly type: string;
  readonly head: Uint8Array<ArrayBuffer>;
  readonly tail: Uint8Array<ArrayBuffer>;
}

/** An answer of the hot path. */
export type FastAnswer =
  | {
      readonly kind: "read";
      readonly etag: string;
      /** Its media type. */
      readonly type: string;
      readonly body: Uint8Array;
      /** The body in `encoding` (asked only of a body of at least `minCompressed` bytes). */
      readonly encoded: (encoding: Encoding) => Uint8Array | undefined;
    }
  | { readonly kind: "problem"; readonly status: number; readonly problem: SplitProblem };

/** What is sent for a {@link FastAnswer}. */
export interface FastResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** `null` for a 304. */
  readonly body: Uint8Array | null;
}

const utf8 = new TextEncoder();

/** The body of a split problem for one request: its head, the request id and its tail. */
export const problemWithId = (
  problem: SplitProblem,
  requestId: string,
): Uint8Array<ArrayBuffer> => {
  const id = utf8.encode(JSON.stringify(requestId));
  const body = new Uint8Array(problem.head.byteLength + id.byteLength + problem.tail.byteLength);
  body.set(problem.head, 0);
  body.set(id, problem.head.byteLength);
  body.set(problem.tail, problem.head.byteLength + id.byteLength);
  return body;
};

/**
 * A problem document to remember, from its text answered with `requestId`, split around
 * the request id's member (`"requestId":"…"`: a raw quote cannot occur inside a JSON string,
 * so the first such member is the document's own); `undefined` when it has none.
 */
export const splitProblem = (
  type: string,
  text: string,
  requestId: string,
): SplitProblem | undefined => {
  const member = `"requestId":${JSON.stringify(requestId)}`;
  const at = text.indexOf(member);
  if (at === -1) return undefined;
  const split = at + '"requestId":'.length;
  return {
    type,
    head: utf8.encode(text.slice(0, split)),
    tail: utf8.encode(text.slice(split + JSON.stringify(requestId).length)),
  };
};

/** The headers of every read the hot path answers, besides request id, ETag and type. */
const readHeaders: Readonly<Record<string, string>> = (() => {
  const fixed: Record<string, string> = {};
  for (const [name, value] of securityHeaderList) fixed[name] = value;
  // Only open reads without a key take the fast path: a shared cache may keep them.
  fixed["Cache-Control"] = openCachePolicy;
  fixed.Vary = readVary;
  return fixed;
})();

/** The headers of a problem, besides its request id and type. */
const problemHeaders: Readonly<Record<string, string>> = (() => {
  const headers: Record<string, string> = {};
  for (const [name, value] of securityHeaderList) headers[name] = value;
  headers["Cache-Control"] = "no-store";
  headers.Vary = "Accept-Encoding";
  return headers;
})();

/**
 * What to send for `answer` to a request with `requestId`, `If-None-Match` (`match`) and
 * `Accept-Encoding` (`acceptEncoding`). One plain object of headers, of one shape per
 * status (no Headers object).
 */
export const fastResponse = (
  answer: FastAnswer,
  requestId: string,
  match: string | undefined,
  acceptEncoding: string | undefined,
): FastResponse => {
  if (answer.kind === "problem") {
    return {
      status: answer.status,
      headers: {
        "X-Request-Id": requestId,
        ...problemHeaders,
        "Content-Type": answer.problem.type,
      },
      body: problemWithId(answer.problem, requestId),
    };
  }
  const encoding = chooseEncoding(acceptEncoding);
  // Compressed when asked and large enough (a 304 says so without compressing anything).
  const coded = encoding !== undefined && answer.body.byteLength >= minCompressed;
  const etag = coded ? encodedEtag(answer.etag, encoding) : answer.etag;
  if (match !== undefined && etagMatches(match, answer.etag)) {
    return {
      status: 304,
      headers: { "X-Request-Id": requestId, ...readHeaders, ETag: etag },
      body: null,
    };
  }
  const encoded = coded && encoding !== undefined ? answer.encoded(encoding) : undefined;
  if (encoded !== undefined && encoding !== undefined) {
    return {
      status: 200,
      headers: {
        "X-Request-Id": requestId,
        ...readHeaders,
        ETag: etag,
        "Content-Type": answer.type,
        "Content-Encoding": encoding,
      },
      body: encoded,
    };
  }
  return {
    status: 200,
    headers: {
      "X-Request-Id": requestId,
      ...readHeaders,
      ETag: answer.etag,
      "Content-Type": answer.type,
    },
    body: answer.body,
  };
};
