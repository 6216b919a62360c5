/**
 * @module AuthStore
 * API keys, admin accounts and sessions over a {@link SqlClient}. Secrets never reach the
 * database: keys and session tokens are stored as SHA-256, passwords as scrypt.
 */
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { generateApiKey, keyMatches, keyPrefix } from "./ApiKey.js";
import { hashPassword, minPasswordLength, verifyPassword } from "./Password.js";
import { Role, Scope } from "./Scope.js";
import type { SqlClient } from "./SqlClient.js";

/** An API key as listed (never its secret). */
export interface ApiKeyInfo {
  readonly prefix: string;
  readonly name: string;
  readonly scopes: ReadonlyArray<Scope>;
  readonly createdAt: string;
  readonly revokedAt: string | null;
}

/** An admin account as listed (never its password hash). */
export interface AdminUser {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

/** A signed-in admin session: the token (for the cookie) and its expiry. */
export interface NewSession {
  readonly token: string;
  readonly expiresAt: string;
  readonly user: AdminUser;
}

/** Bad input to an auth operation, naming the field. */
export class AuthInputError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = "AuthInputError";
    this.field = field;
  }
}

const KeyName = z.string().trim().min(1, { error: "must not be empty" }).max(200);
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "must be an email address" }));

const check = <T>(field: string, schema: z.ZodType<T>, value: unknown): T => {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new AuthInputError(field, parsed.error.issues[0]?.message ?? "is not valid");
  }
  return parsed.data;
};

const iso = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
const isoOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : iso(value);

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

interface KeyRow {
  prefix: string;
  name: string;
  key_hash: string;
  scopes: string;
  created_at: unknown;
  revoked_at: unknown;
}
interface UserRow {
  id: string;
  email: string;
  password_hash: string;
  role: string;
  created_at: unknown;
  disabled_at: unknown;
}

const keyInfo = (row: KeyRow): ApiKeyInfo => ({
  prefix: row.prefix,
  name: row.name,
  scopes: row.scopes.split(",").map((scope) => Scope.parse(scope)),
  createdAt: iso(row.created_at),
  revokedAt: isoOrNull(row.revoked_at),
});

const userInfo = (row: UserRow): AdminUser => ({
  id: row.id,
  email: row.email,
  role: Role.parse(row.role),
  createdAt: iso(row.created_at),
  disabledAt: isoOrNull(row.disabled_at),
});

/** How long an admin session lasts unless given otherwise: 8 hours. */
export const defaultSessionMs = 8 * 60 * 60 * 1000;

/** The operations on keys, accounts and sessions. */
export interface AuthStore {
  /** Creates a key; the returned `key` is the only time the secret is seen. */
  createKey(input: { name: string; scopes: ReadonlyArray<string> }): Promise<{
    key: string;
    info: ApiKeyInfo;
  }>;
  listKeys(): Promise<ApiKeyInfo[]>;
  /** Revokes a key by prefix (or full key); false when there is no such active key. */
  revokeKey(prefixOrKey: string): Promise<boolean>;
  /** The key's info when `key` is a valid, unrevoked key; otherwise undefined. */
  verifyKey(key: string): Promise<ApiKeyInfo | undefined>;
  createUser(input: { email: string; password: string; role: string }): Promise<AdminUser>;
  listUsers(): Promise<AdminUser[]>;
  /** Checks an email and password; the account when they match an enabled account. */
  verifyLogin(email: string, password: string): Promise<AdminUser | undefined>;
  createSession(userId: string, ttlMs?: number): Promise<NewSession>;
  /** The account of a live session token, or undefined. */
  sessionUser(token: string): Promise<AdminUser | undefined>;
  deleteSession(token: string): Promise<void>;
}

// A fixed hash to spend the same scrypt time when the account does not exist.
let decoy: Promise<string> | undefined;

/**
 * The auth operations over a database that has the auth tables.
 *
 * @example
 * ```ts
 * const auth = createAuthStore(db);
 * const { key } = await auth.createKey({ name: "Synthetic dashboard", scopes: ["read"] });
 * (await auth.verifyKey(key))?.scopes; // ["read"]
 * ```
 */
export const createAuthStore = (db: SqlClient): AuthStore => ({
  async createKey(input) {
    const name = check("name", KeyName, input.name);
    const scopes = check(
      "scopes",
      z
        .array(Scope, { error: "must be read, write, admin and/or audit" })
        .min(1, { error: "give at least one of read, write, admin, audit" }),
      input.scopes,
    );
    const generated = generateApiKey();
    const { rows } = await db.query<KeyRow>(
      "insert into api_key (prefix, name, key_hash, scopes) values ($1, $2, $3, $4) returning *",
      [generated.prefix, name, generated.hash, [...new Set(scopes)].join(",")],
    );
    const row = rows[0];
    if (row === undefined) throw new Error("api_key insert returned no row");
    return { key: generated.key, info: keyInfo(row) };
  },

  async listKeys() {
    const { rows } = await db.query<KeyRow>("select * from api_key order by created_at, prefix");
    return rows.map(keyInfo);
  },

  async revokeKey(prefixOrKey) {
    const prefix = keyPrefix(prefixOrKey) ?? prefixOrKey.trim();
    if (!/^[0-9a-z]{8}$/.test(prefix)) {
      throw new AuthInputError("key", "must be a key prefix (8 characters) or a whole key");
    }
    const { rows } = await db.query<{ prefix: string }>(
      "update api_key set revoked_at = now() where prefix = $1 and revoked_at is null returning prefix",
      [prefix],
    );
    return rows.length > 0;
  },

  async verifyKey(key) {
    const prefix = keyPrefix(key);
    if (prefix === undefined) return undefined;
    const { rows } = await db.query<KeyRow>(
      "select * from api_key where prefix = $1 and revoked_at is null",
      [prefix],
    );
    const row = rows[0];
    if (row === undefined || !keyMatches(key, row.key_hash)) return undefined;
    return keyInfo(row);
  },

  async createUser(input) {
    const email = check("email", Email, input.email);
    const role = check("role", Role, input.role);
    check(
      "password",
      z
        .string()
        .min(minPasswordLength, { error: `must be at least ${minPasswordLength} characters` })
        .max(1024),
      input.password,
    );
    const existing = await db.query("select 1 from admin_user where email = $1", [email]);
    if (existing.rows.length > 0) throw new AuthInputError("email", "an account already exists");
    const id = `usr_${randomBytes(12).toString("hex")}`;
    const { rows } = await db.query<UserRow>(
      "insert into admin_user (id, email, password_hash, role) values ($1, $2, $3, $4) returning *",
      [id, email, await hashPassword(input.password), role],
    );
    const row = rows[0];
    if (row === undefined) throw new Error("admin_user insert returned no row");
    return userInfo(row);
  },

  async listUsers() {
    const { rows } = await db.query<UserRow>("select * from admin_user order by created_at, email");
    return rows.map(userInfo);
  },

  async verifyLogin(email, password) {
    const parsed = Email.safeParse(email);
    const { rows } = parsed.success
      ? await db.query<UserRow>(
          "select * from admin_user where email = $1 and disabled_at is null",
          [parsed.data],
        )
      : { rows: [] as UserRow[] };
    const row = rows[0];
    if (row === undefined) {
      decoy ??= hashPassword("decoy password, never matches");
      await verifyPassword(password, await decoy);
      return undefined;
    }
    return (await verifyPassword(password, row.password_hash)) ? userInfo(row) : undefined;
  },

  async createSession(userId, ttlMs = defaultSessionMs) {
    const token = randomBytes(32).toString("base64url");
    const expiresAt = new Date(Date.now() + ttlMs).toISOString();
    await db.query(
      "insert into admin_session (token_hash, user_id, expires_at) values ($1, $2, $3)",
      [sha256(token), userId, expiresAt],
    );
    const { rows } = await db.query<UserRow>("select * from admin_user where id = $1", [userId]);
    const row = rows[0];
    if (row === undefined) throw new AuthInputError("userId", "no such account");
    return { token, expiresAt, user: userInfo(row) };
  },

  async sessionUser(token) {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
    const { rows } = await db.query<UserRow>(
      `select u.* from admin_session s join admin_user u on u.id = s.user_id
       where s.token_hash = $1 and s.expires_at > now() and u.disabled_at is null`,
      [sha256(token)],
    );
    const row = rows[0];
    return row === undefined ? undefined : userInfo(row);
  },

  async deleteSession(token) {
    await db.query("delete from admin_session where token_hash = $1", [sha256(token)]);
  },
});
