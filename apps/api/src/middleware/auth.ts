/**
 * @module auth
 * Who is calling, and whether they may. `authenticate` reads an API key from
 * `Authorization: Bearer ca_…` (or `X-API-Key`) and puts the principal on the context: a
 * key that is malformed, unknown or revoked is a 401 even where reads are open.
 * `requireScope` guards a route: no principal → 401, a principal without the scope → 403.
 */
import { type AuthStore, grants, type Scope } from "@care-atlas/auth";
import type { MiddlewareHandler } from "hono";
import type { AppEnv, Principal } from "../context.js";
import { ProblemError } from "../problem.js";

const challenge = { "WWW-Authenticate": 'Bearer realm="care-atlas"' };

/** A cache of verified keys, so hot reads do not query the database on every request. */
export interface KeyCache {
  get(key: string): Principal | null | undefined;
  set(key: string, principal: Principal | null): void;
  clear(): void;
}

/**
 * A small time-bounded cache (default 5 s): a revoked key stops working within that time
 * in a process that did not revoke it.
 */
export const createKeyCache = (ttlMs = 5_000, max = 10_000): KeyCache => {
  const entries = new Map<string, { principal: Principal | null; until: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      if (entry.until < Date.now()) {
        entries.delete(key);
        return undefined;
      }
      return entry.principal;
    },
    set(key, principal) {
      if (entries.size >= max) entries.clear();
      entries.set(key, { principal, until: Date.now() + ttlMs });
    },
    clear: () => entries.clear(),
  };
};

const bearer = /^Bearer\s+(\S+)\s*$/i;

/** Reads the API key of a request, if it sent one. */
const presentedKey = (authorization: string | undefined, apiKey: string | undefined) => {
  if (authorization !== undefined) {
    const match = bearer.exec(authorization);
    if (match?.[1] === undefined) {
      throw new ProblemError("unauthorized", {
        detail: "Authorization must be 'Bearer <API key>'",
        headers: challenge,
      });
    }
    return match[1];
  }
  return apiKey;
};

/** Puts the caller's principal (or undefined) on the context. */
export const authenticate = (
  auth: Pick<AuthStore, "verifyKey"> | undefined,
  cache: KeyCache,
): MiddlewareHandler<AppEnv> =>
  async function authenticateMiddleware(c, next) {
    const key = presentedKey(c.req.header("authorization"), c.req.header("x-api-key"));
    if (key === undefined) {
      c.set("principal", c.get("principal"));
      return next();
    }
    let principal = cache.get(key);
    if (principal === undefined) {
      const info = auth === undefined ? undefined : await auth.verifyKey(key);
      principal =
        info === undefined
          ? null
          : { kind: "key", id: info.prefix, name: info.name, scopes: info.scopes };
      cache.set(key, principal);
    }
    if (principal === null) {
      throw new ProblemError("unauthorized", {
        detail: "the API key is not valid (unknown, revoked or malformed)",
        headers: challenge,
      });
    }
    c.set("principal", principal);
    return next();
  };

/** Requires a principal holding `scope` (a higher scope grants the lower ones). */
export const requireScope = (scope: Scope): MiddlewareHandler<AppEnv> =>
  async function requireScopeMiddleware(c, next) {
    const principal = c.get("principal");
    if (principal === undefined) {
      throw new ProblemError("unauthorized", {
        detail: `this needs an API key with the ${scope} scope`,
        headers: challenge,
      });
    }
    if (!grants(principal.scopes, scope)) {
      throw new ProblemError("forbidden", {
        detail: `the ${principal.kind === "key" ? `key ${principal.id}` : "account"} has no ${scope} scope`,
      });
    }
    return next();
  };

/** Passes every request through. */
export const open: MiddlewareHandler<AppEnv> = async (_c, next) => next();

/** The actor recorded in the change log for a principal. */
export const actorOf = (principal: Principal): string =>
  principal.kind === "key" ? `key:${principal.id}:${principal.name}` : `user:${principal.email}`;
