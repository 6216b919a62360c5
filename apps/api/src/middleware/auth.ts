/**
 * @module auth
 * Who is calling, and whether they may. `authenticate` reads an API key from
 * `Authorization: Bearer ca_…` (or `X-API-Key`) and puts the principal on the context: a
 * key that is malformed, unknown or revoked is a 401 even where reads are open.
 * `requireScope` guards a route: no principal → 401, a principal without the scope → 403.
 *
 * Verified keys are cached, so hot reads do not query the database; a revocation reaches
 * the cache of every process through the audit trail of access (`AccessWatcher`: NOTIFY,
 * and a poll as the fallback), within a second — not by waiting for entries to expire.
 */
import { type AuthStore, grants, type Scope } from "@care-atlas/auth";
import { StoreUnavailable } from "@care-atlas/services";
import type { MiddlewareHandler } from "hono";
import type { AppEnv, Principal } from "../context.js";
import { ProblemError } from "../problem.js";

const challenge = { "WWW-Authenticate": 'Bearer realm="care-atlas"' };

/** A cache of verified keys, so hot reads do not query the database on every request. */
export interface KeyCache {
  get(key: string): Principal | null | undefined;
  /**
   * Caches what verifying `key` found. `verifiedSince` is when the verification began: a
   * valid key whose prefix was revoked after then is not cached (its check may have read
   * the key before the revocation committed).
   */
  set(key: string, principal: Principal | null, verifiedSince?: number): void;
  /** Forgets every cached key with this prefix: it was revoked. */
  revoke(prefix: string): void;
  clear(): void;
}

/** How long a valid key is trusted without checking the database again (a backstop only). */
const validForMs = 10 * 60_000;
/** How long an unknown key is remembered as unknown. */
const unknownForMs = 60_000;

/**
 * The verified-key cache: valid keys until revoked (a revocation removes them at once; a
 * ten-minute re-check is only a backstop), unknown keys for a minute, at most `max`
 * entries (the oldest go first).
 */
export const createKeyCache = (max = 10_000): KeyCache => {
  const entries = new Map<string, { principal: Principal | null; until: number }>();
  const revokedAt = new Map<string, number>();
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
    set(key, principal, verifiedSince = Date.now()) {
      if (principal !== null && (revokedAt.get(principal.id) ?? -1) >= verifiedSince) return;
      if (entries.size >= max) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
      entries.set(key, {
        principal,
        until: Date.now() + (principal === null ? unknownForMs : validForMs),
      });
    },
    revoke(prefix) {
      const now = Date.now();
      revokedAt.set(prefix, now);
      // Only a verification still in flight can race a revocation: forget old marks.
      if (revokedAt.size > 1000) {
        for (const [old, at] of revokedAt) if (now - at > 60_000) revokedAt.delete(old);
      }
      const start = `ca_${prefix}_`;
      for (const key of entries.keys()) if (key.startsWith(start)) entries.delete(key);
    },
    clear: () => entries.clear(),
  };
};

/** Records when keys are used, at most once a minute per key (a write per key per minute). */
export const createKeyUsage = (auth: Pick<AuthStore, "touchKey"> | undefined, everyMs = 60_000) => {
  const recorded = new Map<string, number>();
  return (prefix: string): void => {
    if (auth === undefined) return;
    const now = Date.now();
    if (now - (recorded.get(prefix) ?? 0) < everyMs) return;
    recorded.set(prefix, now);
    if (recorded.size > 10_000) recorded.clear();
    // Best effort: a failure loses one "last used" time, nothing else.
    auth.touchKey(prefix, new Date(now)).catch(() => undefined);
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
  used: (prefix: string) => void = () => {},
): MiddlewareHandler<AppEnv> =>
  async function authenticateMiddleware(c, next) {
    const key = presentedKey(c.req.header("authorization"), c.req.header("x-api-key"));
    if (key === undefined) {
      c.set("principal", c.get("principal"));
      return next();
    }
    let principal = cache.get(key);
    if (principal === undefined) {
      const since = Date.now();
      let info: Awaited<ReturnType<AuthStore["verifyKey"]>>;
      try {
        info = auth === undefined ? undefined : await auth.verifyKey(key);
      } catch (cause) {
        // The database is away: the key can be neither accepted nor refused.
        throw new StoreUnavailable({
          operation: "verifyKey",
          cause,
          message: "the API key cannot be checked now: the database does not answer",
        });
      }
      principal =
        info === undefined
          ? null
          : { kind: "key", id: info.prefix, name: info.name, scopes: info.scopes };
      cache.set(key, principal, since);
    }
    if (principal !== null) used(principal.id);
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
