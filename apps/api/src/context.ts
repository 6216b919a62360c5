/**
 * @module context
 * The Hono environment of the app: what middleware puts on the request context.
 */
import type { Scope } from "@care-atlas/auth";

/** Who is calling: an API key, an admin session, or nobody. */
export type Principal =
  | {
      readonly kind: "key";
      readonly id: string;
      readonly name: string;
      readonly scopes: ReadonlyArray<Scope>;
    }
  | {
      readonly kind: "session";
      readonly id: string;
      readonly email: string;
      readonly scopes: ReadonlyArray<Scope>;
    };

/** Variables set on every request's context. */
export interface AppVariables {
  requestId: string;
  principal: Principal | undefined;
  /** The data version a read's answer was made at (set with its headers; the read cache keeps it). */
  readVersion: number | undefined;
  /**
   * Charges the caller's rate limit `cost` more (a bulk lookup: one per item beyond the
   * request itself); throws the 429 problem when the limit is reached. Set on /v1 and
   * /fhir requests.
   */
  charge: ((cost: number) => void) | undefined;
  /** An answer streamed as it is made (compressed as it streams, never read whole). */
  streamed: boolean | undefined;
  /**
   * The body a read answered with, as the route made it (set with its headers), so the
   * representation middleware shapes it without parsing the answer's JSON back.
   */
  readBody: unknown;
}

/** The app's Hono environment. */
export interface AppEnv {
  Variables: AppVariables;
}
