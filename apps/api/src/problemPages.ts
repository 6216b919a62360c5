/**
 * @module problemPages
 * The problem types' pages: every problem's `type` (`/problems/<code>`) is a page of this
 * server that says what the problem means, when the API answers it, and what to do. One
 * entry per code of `problemTypes` (the compiler checks that none is missing).
 */
import type { Hono } from "hono";
import type { AppEnv } from "./context.js";
import { type ProblemCode, problem, problemTypes } from "./problem.js";

interface Explanation {
  /** When the API answers it. */
  readonly when: string;
  /** What the caller can do. */
  readonly fix: string;
}

/** What each problem means and what to do about it. */
export const problemExplanations: { readonly [C in ProblemCode]: Explanation } = {
  "invalid-request": {
    when: "A parameter, header or body field is not what the operation takes: a value outside its format, enum or range, a query parameter the operation does not declare or one sent twice, a cursor sent with another query than the page it came from, or a code nothing holds. `errors` lists each field (`query.limit`, `body.data.valid.from`, `header.if-match`…) with what is wrong.",
    fix: "Correct the fields named in `errors`; the operation's parameters and schemas are in `/openapi.json` (and `/docs`). Nothing was changed.",
  },
  "malformed-json": {
    when: "The request body is not valid JSON.",
    fix: "Send a JSON document with `Content-Type: application/json`. Nothing was changed.",
  },
  unauthorized: {
    when: "The operation needs an API key and none was sent, or the key sent is malformed, unknown or revoked (a bad key is refused even where reads are open).",
    fix: "Send a valid key as `Authorization: Bearer ca_<prefix>_<secret>` (or `X-API-Key`). Keys are made with the CLI (`care-atlas keys create`).",
  },
  forbidden: {
    when: "The key is valid but lacks the scope the operation needs: `read` for reads where they need a key, `write` for writes.",
    fix: "Use a key with the scope named in `detail`.",
  },
  "not-found": {
    when: "Nothing answers to the path: no such route, no entity with that id (or holding that code) on the date asked, or a code nobody holds.",
    fix: "Check the id or code, and the `validAt` date: an entity that closed is not found on a later date (ask with an earlier `validAt`, or look the code up with `/v1/lookup/code/{code}` to find who carries it on).",
  },
  "method-not-allowed": {
    when: "The path exists but not with this method (for example `DELETE` on a collection).",
    fix: "Use one of the methods in the `Allow` header.",
  },
  conflict: {
    when: "A create names an id that already exists.",
    fix: "Leave the id out to get a new one, or update the existing entity instead.",
  },
  "precondition-failed": {
    when: "The `If-Match` revision is not the entity's current one: someone changed it since you read it.",
    fix: "Read the entity again, apply your change to the current version and send its `revision` as `If-Match`.",
  },
  "payload-too-large": {
    when: "The request body is larger than the server accepts.",
    fix: "Send less in one request (for bulk postcode lookups, split the list).",
  },
  "unsupported-media-type": {
    when: "The request body is not `application/json`.",
    fix: "Send JSON with `Content-Type: application/json`.",
  },
  "validation-failed": {
    when: "The change is well formed but breaks a rule of the register (a neighbourhood in two places, overlapping versions, a relationship outside both ends' periods…). `findings` lists the rule errors.",
    fix: "Change the request so that it breaks none of the rules in `findings`. Nothing was changed.",
  },
  "precondition-required": {
    when: "An update, end or succession was sent without `If-Match`.",
    fix: 'Send the revision you read as `If-Match: "<revision>"` (for a succession, `"<id>:<revision>"` for each predecessor).',
  },
  "service-unavailable": {
    when: "The register cannot answer now: its database does not answer, or it is starting.",
    fix: "Try again after the seconds in `Retry-After`; `/readyz` says when the service is ready.",
  },
  "outside-coverage": {
    when: "The postcode is a valid UK postcode, but the register does not hold it: it holds the postcodes of the districts its postcode directory covers (the detail names them).",
    fix: "Check the postcode; for other areas, an administrator loads a fuller postcode directory (ONSPD or NSPL) with `care-atlas import ons-postcodes <file>`.",
  },
  "rate-limited": {
    when: "The rate limit of your API key (or, without a key, of your address) is reached. A bulk lookup counts each postcode.",
    fix: "Wait the seconds in `Retry-After`, then go on at a steadier pace; send fewer items per bulk request if one request alone exceeds the limit.",
  },
  internal: {
    when: "An unexpected error in the server.",
    fix: "Try again; if it persists, report it with the `requestId` of the problem.",
  },
};

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Inline code in the explanations (`…`) as <code>. */
const inline = (text: string): string =>
  escapeHtml(text).replace(/`([^`]+)`/g, (_, code: string) => `<code>${code}</code>`);

const page = (title: string, body: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — Care Atlas API</title>
</head>
<body>
${body}
<p><a href="/problems">Every problem type</a> · <a href="/docs">API reference</a></p>
</body>
</html>
`;

const codes = Object.keys(problemExplanations).filter(
  (code): code is ProblemCode => code in problemTypes,
);

/** The page of one problem type. */
export const problemPage = (code: ProblemCode): string => {
  const { status, title } = problemTypes[code];
  const { when, fix } = problemExplanations[code];
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1>
<p><code>type: /problems/${code}</code> · <code>code: ${code}</code> · HTTP ${status}</p>
<h2>When the API answers it</h2>
<p>${inline(when)}</p>
<h2>What to do</h2>
<p>${inline(fix)}</p>
<p>Every problem is <code>application/problem+json</code> (RFC 9457) with <code>type</code>, <code>code</code>, <code>title</code>, <code>status</code>, <code>detail</code>, <code>instance</code> and the <code>requestId</code> to quote.</p>`,
  );
};

/** Adds `/problems` (the list) and `/problems/{code}` (one page per problem type). */
export const registerProblemPages = (app: Hono<AppEnv>): void => {
  const index = page(
    "Problem types",
    `<h1>Problem types</h1>
<ul>
${codes.map((code) => `<li><a href="/problems/${code}">${code}</a> (${problemTypes[code].status}): ${escapeHtml(problemTypes[code].title)}</li>`).join("\n")}
</ul>`,
  );
  app.get("/problems", (c) => {
    c.header("Cache-Control", "public, max-age=3600");
    return c.html(index);
  });
  app.get("/problems/:code", (c) => {
    const code = codes.find((known) => known === c.req.param("code"));
    if (code === undefined) {
      return problem(c, "not-found", { detail: `no problem type ${c.req.param("code")}` });
    }
    c.header("Cache-Control", "public, max-age=3600");
    return c.html(problemPage(code));
  });
};
