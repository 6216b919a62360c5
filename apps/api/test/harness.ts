/**
 * The integration-test harness: one real Care Atlas server per test run, on an ephemeral
 * loopback port, over a real database — embedded PGlite in a fresh temporary directory, or
 * a fresh database on the PostgreSQL server named by CARE_ATLAS_TEST_DATABASE_URL — loaded
 * with the GM dataset. Started once by vitest's globalSetup; test files reach it with
 * `api()` (its URL and keys) over HTTP.
 */
import { inject } from "vitest";
import type { z } from "zod";
import { answers } from "./answers.js";
import { checkConformance } from "./conformance.js";

/** What the global setup provides to every test file. */
export interface TestApi {
  /** The server: reads open. */
  readonly url: string;
  /** A second server over the same register with READS_REQUIRE_KEY=true. */
  readonly lockedUrl: string;
  readonly backend: "pglite" | "postgres";
  readonly keys: {
    readonly read: string;
    readonly write: string;
    readonly admin: string;
    /** The audit scope only (it grants read). */
    readonly audit: string;
    readonly revoked: string;
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    api: TestApi;
  }
}

/** The running test server. */
export const api = (): TestApi => inject("api");

/**
 * Sends a request to the test server. Every response is checked against the served
 * OpenAPI document before it is returned (`conformance.ts`): one that breaks its schema, or
 * whose status or media type the document does not give, fails the test.
 */
export const call = async (
  path: string,
  init: RequestInit & { key?: string; base?: string } = {},
): Promise<Response> => {
  const { key, base, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (key !== undefined) headers.set("Authorization", `Bearer ${key}`);
  if (rest.body !== undefined && !headers.has("content-type")) {
    headers.set("Content-Type", "application/json");
  }
  const server = base ?? api().url;
  const response = await fetch(`${server}${path}`, { ...rest, headers });
  await checkConformance(server, rest.method ?? "GET", path, response);
  return response;
};

/**
 * Reads a JSON answer and parses it with the response schema its route declares, failing
 * the test when the status is not the expected one or the body breaks the schema.
 */
export const parseAnswer = async <T>(
  response: Response,
  schema: z.ZodType<T>,
  status = 200,
): Promise<T> => {
  const text = await response.text();
  if (response.status !== status) {
    throw new Error(`expected ${status}, got ${response.status}: ${text.slice(0, 500)}`);
  }
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new Error(`the answer breaks its schema: ${parsed.error.message.slice(0, 2000)}`);
  }
  return parsed.data;
};

/** GETs JSON and parses it with its route's response schema (see {@link parseAnswer}). */
export const getJson = async <T>(
  path: string,
  schema: z.ZodType<T>,
  init: RequestInit & { key?: string; base?: string; status?: number } = {},
): Promise<T> => {
  const { status = 200, ...rest } = init;
  return parseAnswer(await call(path, rest), schema, status);
};

/** Asserts a response is a problem+json with the code and status, and returns it. */
export const expectProblem = async (
  response: Response,
  status: number,
  code?: string,
): Promise<Record<string, unknown>> => {
  const text = await response.text();
  if (response.status !== status) {
    throw new Error(
      `expected ${status}${code ? ` ${code}` : ""}, got ${response.status}: ${text.slice(0, 500)}`,
    );
  }
  if (response.headers.get("content-type") !== "application/problem+json") {
    throw new Error(
      `expected application/problem+json, got ${response.headers.get("content-type")}`,
    );
  }
  const body = JSON.parse(text) as Record<string, unknown>;
  if (body.status !== status) throw new Error(`problem.status ${String(body.status)} ≠ ${status}`);
  if (code !== undefined && body.code !== code) {
    throw new Error(
      `expected problem code ${code}, got ${String(body.code)}: ${String(body.detail)}`,
    );
  }
  if (typeof body.requestId !== "string" || body.requestId === "") {
    throw new Error("problem without requestId");
  }
  if (body.type !== `/problems/${String(body.code)}`)
    throw new Error(`bad type ${String(body.type)}`);
  return body;
};

/** The last change seq, from the change feed. */
export const lastSeq = async (): Promise<number> =>
  (await getJson("/v1/changes?limit=1", answers.changes)).dataVersion;

/** One change-log entry as the feed returns it (`id` null for a write's reference data). */
export interface FeedChange {
  readonly seq: number;
  readonly id: string | null;
  readonly kind: string;
  readonly operation: string;
  readonly actorKind: string;
  readonly actor?: string | undefined;
  readonly reason?: string | undefined;
}

/**
 * Every change after `after` (a seq), walking the feed's pages; `key` (e.g. one with the
 * audit scope) is sent with each request.
 */
export const changesAfter = async (after = 0, key?: string): Promise<FeedChange[]> => {
  const changes: FeedChange[] = [];
  const first = `/v1/changes?limit=1000&afterVersion=${after}`;
  let path = first;
  for (;;) {
    const page = await getJson(path, answers.changes, key === undefined ? {} : { key });
    changes.push(...page.data.map((entry) => ({ ...entry, id: "id" in entry ? entry.id : null })));
    if (page.data.length === 0) return changes;
    path = `${first}&cursor=${page.nextCursor}`;
  }
};
