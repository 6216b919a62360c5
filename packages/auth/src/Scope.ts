/**
 * @module Scope
 * What an API key (or an admin's role) may do: `read`, `write` or `admin`. Each scope
 * includes the ones below it: admin ⊇ write ⊇ read.
 */
import { z } from "zod";

/** A scope of an API key. */
export const Scope = z.enum(["read", "write", "admin"]);
export type Scope = z.infer<typeof Scope>;

const rank: Record<Scope, number> = { read: 1, write: 2, admin: 3 };

/**
 * Whether a set of scopes grants `needed` (a higher scope grants the lower ones).
 *
 * @example
 * ```ts
 * grants(["write"], "read"); // true
 * grants(["read"], "write"); // false
 * ```
 */
export const grants = (scopes: ReadonlyArray<Scope>, needed: Scope): boolean =>
  scopes.some((scope) => rank[scope] >= rank[needed]);

/**
 * Parses a comma-separated list of scopes such as `read,write`.
 *
 * @example
 * ```ts
 * parseScopes("read, write"); // ["read", "write"]
 * ```
 */
export const parseScopes = (text: string): Scope[] => {
  const parts = text
    .split(",")
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== "");
  const scopes = z
    .array(Scope, { error: "scopes must be read, write and/or admin" })
    .min(1, { error: "give at least one scope: read, write or admin" })
    .parse(parts);
  return [...new Set(scopes)].sort((a, b) => rank[a] - rank[b]);
};

/** An admin account's role. */
export const Role = z.enum(["viewer", "editor", "admin"]);
export type Role = z.infer<typeof Role>;
