/**
 * @module Scope
 * What an API key (or an admin's role) may do: `read`, `write`, `admin` or `audit`.
 * admin ⊇ write ⊇ read; `audit` (see who made each change and why) grants `read`, and
 * admin grants `audit`.
 */
import { z } from "zod";

/** A scope of an API key. */
export const Scope = z.enum(["read", "write", "admin", "audit"]);
export type Scope = z.infer<typeof Scope>;

/** What each scope grants, itself included. */
const granted: Record<Scope, ReadonlyArray<Scope>> = {
  read: ["read"],
  write: ["write", "read"],
  audit: ["audit", "read"],
  admin: ["admin", "write", "read", "audit"],
};

/** The order scopes are listed in. */
const order: Record<Scope, number> = { read: 1, write: 2, admin: 3, audit: 4 };

/**
 * Whether a set of scopes grants `needed` (admin grants every scope; write and audit
 * grant read).
 *
 * @example
 * ```ts
 * grants(["write"], "read"); // true
 * grants(["read"], "write"); // false
 * grants(["write"], "audit"); // false
 * ```
 */
export const grants = (scopes: ReadonlyArray<Scope>, needed: Scope): boolean =>
  scopes.some((scope) => granted[scope].includes(needed));

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
    .array(Scope, { error: "scopes must be read, write, admin and/or audit" })
    .min(1, { error: "give at least one scope: read, write, admin or audit" })
    .parse(parts);
  return [...new Set(scopes)].sort((a, b) => order[a] - order[b]);
};

/** An admin account's role. */
export const Role = z.enum(["viewer", "editor", "admin"]);
export type Role = z.infer<typeof Role>;
