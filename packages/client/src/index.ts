/**
 * @module @care-atlas/client
 * A typed HTTP client for the Care Atlas API. The types (`paths`, `components`) are
 * generated from the API's OpenAPI document; requests go through `openapi-fetch`, so every
 * path, parameter, body and response is checked by TypeScript.
 */
import createFetchClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";

/** The RFC 9457 problem every error response carries. */
export type Problem = components["schemas"]["Problem"];

/** Options of {@link createClient}. */
export interface CareAtlasClientOptions {
  /** Where the API is, e.g. `http://127.0.0.1:3000`. */
  readonly baseUrl: string;
  /** An API key (`ca_<prefix>_<secret>`), sent as `Authorization: Bearer …`. */
  readonly apiKey?: string;
  /** A fetch to use instead of `globalThis.fetch` (tests, proxies). */
  readonly fetch?: (request: Request) => Promise<Response>;
  /** Extra headers on every request. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * The media types the client's answers are typed with: JSON and problem+json. The compact
 * form (`form=compact`, `application/vnd.care-atlas.compact+json`) is typed in
 * `paths`/`components` but not in `data`: ask for it with a client of your own media type.
 */
export type ClientMediaType = `${string}/json` | "application/problem+json";

/** The client: `GET`, `POST`, `PUT`, `PATCH`, `DELETE` over the API's typed paths. */
export type CareAtlasClient = Client<paths, ClientMediaType>;

/**
 * Creates a client.
 *
 * @example
 * ```ts
 * import { createClient } from "@care-atlas/client";
 *
 * const atlas = createClient({ baseUrl: "http://127.0.0.1:3000" });
 * const { data, error } = await atlas.GET("/healthz");
 * if (error) throw new Error(error.detail);
 * console.log(data.status); // "ok"
 * ```
 */
export const createClient = (options: CareAtlasClientOptions): CareAtlasClient => {
  const headers: Record<string, string> = { ...options.headers };
  if (options.apiKey !== undefined) headers.Authorization = `Bearer ${options.apiKey}`;
  return createFetchClient<paths, ClientMediaType>({
    baseUrl: options.baseUrl.replace(/\/+$/, ""),
    headers,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
};

/**
 * A middleware that throws a {@link CareAtlasError} for every problem response, for callers
 * who prefer exceptions to `{ data, error }`.
 *
 * @example
 * ```ts
 * import { createClient, throwOnProblem } from "@care-atlas/client";
 * const atlas = createClient({ baseUrl: "http://127.0.0.1:3000" });
 * atlas.use(throwOnProblem);
 * ```
 */
export const throwOnProblem: Middleware = {
  async onResponse({ response }) {
    if (response.ok || response.status === 304) return undefined;
    const type = response.headers.get("content-type") ?? "";
    if (!type.includes("json")) return undefined;
    const problem = (await response.clone().json()) as Problem;
    throw new CareAtlasError(problem);
  },
};

/** A problem response as an exception. */
export class CareAtlasError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(`${problem.status} ${problem.code}: ${problem.detail ?? problem.title}`);
    this.name = "CareAtlasError";
    this.problem = problem;
  }
}
