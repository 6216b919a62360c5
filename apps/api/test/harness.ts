/**
 * The integration-test harness: one real Care Atlas server per test run, on an ephemeral
 * loopback port, over a real database — embedded PGlite in a fresh temporary directory, or
 * a fresh database on the PostgreSQL server named by CARE_ATLAS_TEST_DATABASE_URL — loaded
 * with the GM dataset. Started once by vitest's globalSetup; test files reach it with
 * `api()` (its URL and keys) over HTTP.
 */
import { inject } from "vitest";

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

/** Sends a request to the test server. */
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
  return fetch(`${base ?? api().url}${path}`, { ...rest, headers });
};

/** GETs JSON, failing the test when the status is not the expected one. */
export const getJson = async <T = Record<string, unknown>>(
  path: string,
  init: RequestInit & { key?: string; base?: string; status?: number } = {},
): Promise<T> => {
  const { status = 200, ...rest } = init;
  const response = await call(path, rest);
  const text = await response.text();
  if (response.status !== status) {
    throw new Error(
      `GET ${path}: expected ${status}, got ${response.status}: ${text.slice(0, 500)}`,
    );
  }
  return JSON.parse(text) as T;
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
  (await getJson<{ lastSeq: number }>("/v1/changes?limit=1")).lastSeq;

/** One change-log entry as the feed returns it. */
export interface FeedChange {
  readonly seq: number;
  readonly id: string;
  readonly kind: string;
  readonly operation: string;
  readonly actor: string;
  readonly reason: string;
}

/** Every change after `after` (a seq), walking the feed's pages. */
export const changesAfter = async (after = 0): Promise<FeedChange[]> => {
  const changes: FeedChange[] = [];
  let cursor = Buffer.from(`seq:${after}`).toString("base64url");
  for (;;) {
    const page = await getJson<{ data: FeedChange[]; nextCursor: string }>(
      `/v1/changes?limit=1000&after=${cursor}`,
    );
    changes.push(...page.data);
    if (page.data.length === 0) return changes;
    cursor = page.nextCursor;
  }
};
