/**
 * @module cursor
 * Cursors tied to the query they page: a cursor is `<digest>.<position>`, where the digest
 * is of the list's path and its parameters other than `cursor` and `limit` (as parsed, so
 * `code=p91603` and `code=P91603` are one query) and the position is what the services page from. A
 * cursor sent with another query is refused (400): it would page a different list.
 */
import { fnv1a32 } from "@care-atlas/domain";
import { ProblemError } from "../../problem.js";

/** The parameters a cursor does not depend on: paging, and how the answer is represented. */
const paging = new Set(["cursor", "limit", "form", "provenance"]);

/**
 * The digest of a list's query: its path and its parsed parameters, without the paging
 * ones (a cursor of one list is refused by another).
 */
export const queryDigest = (path: string, query: Readonly<Record<string, unknown>>): string => {
  const parts: string[] = [path];
  for (const name of Object.keys(query).sort()) {
    const value = query[name];
    if (paging.has(name) || value === undefined) continue;
    parts.push(`${name}=${JSON.stringify(value)}`);
  }
  return fnv1a32(parts.join("&")).toString(36);
};

/** The cursor the client is given: the services' position, tied to the query. */
export const sealCursor = (position: string, digest: string): string => `${digest}.${position}`;

/** The shape of every cursor this API hands out. */
export const cursorPattern = /^[0-9a-z]{1,7}\.[A-Za-z0-9_-]{1,200}$/;

/**
 * The services' position in a cursor the client sent back with `digest`'s query: a 400
 * when it belongs to another query.
 */
export const openCursor = (cursor: string, digest: string): string => {
  const dot = cursor.indexOf(".");
  if (dot === -1 || cursor.slice(0, dot) !== digest) {
    throw new ProblemError("invalid-request", {
      detail:
        "query.cursor: the cursor belongs to another query; send it with the same parameters (other than limit) as the page it came from",
      errors: [
        {
          path: "query.cursor",
          message: "belongs to another query: send the same parameters as the page it came from",
        },
      ],
    });
  }
  return cursor.slice(dot + 1);
};
