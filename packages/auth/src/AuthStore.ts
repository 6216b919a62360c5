/**
 * @module AuthStore
 * API keys, admin accounts, sessions, one-time password resets and the audit trail of
 * access over a {@link SqlClient}. Secrets never reach the database: keys, session tokens
 * and reset tokens are stored as SHA-256, passwords as scrypt. Every change to access (a
 * key created or revoked, an account created, its role changed, disabled, enabled, a reset
 * issued or used) is recorded in the trail in the same statement that makes it, and
 * announced on the {@link authChannel} (NOTIFY), so that other processes learn of it.
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
  /** When it was last used (recorded at most once a minute per process), or `null`. */
  readonly lastUsedAt: string | null;
  /** Who made it (an actor, e.g. `user:lead@example.nhs.uk`), or `null` when unrecorded. */
  readonly createdBy: string | null;
}

/** The NOTIFY channel on which each new audit event's id is announced. */
export const authChannel = "care_atlas_auth";

/** What an audit event records. */
export const authActions = [
  "session.started",
  "session.ended",
  "session.refused",
  "key.created",
  "key.revoked",
  "user.created",
  "user.role-changed",
  "user.disabled",
  "user.enabled",
  "user.reset-issued",
  "user.password-set",
] as const;
export type AuthAction = (typeof authActions)[number];

/** One event of the audit trail of access. */
export interface AuthEvent {
  readonly id: number;
  /** ISO timestamp, UTC. */
  readonly at: string;
  /** Who did it: `user:<email>`, `key:<prefix>`, `cli:<os user>`, or the email tried. */
  readonly actor: string;
  readonly action: AuthAction;
  /** What it was done to: a key prefix, an account id, or the email tried. */
  readonly subject: string;
  /** The client's address, when known. */
  readonly address: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

/** Who makes a change to access, and from where (recorded in the audit trail). */
export interface AuthActor {
  readonly actor: string;
  readonly address?: string | undefined;
}

/** A one-time password reset: the token (shown once) and when it stops working. */
export interface PasswordReset {
  readonly token: string;
  readonly expiresAt: string;
  readonly user: AdminUser;
}

/** How long a password reset (or the first password of a new account) can be used: 24 hours. */
export const defaultResetMs = 24 * 60 * 60 * 1000;

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
  last_used_at: unknown;
  created_by: string | null;
}
interface EventRow {
  id: unknown;
  at: unknown;
  actor: string;
  action: string;
  subject: string;
  address: string | null;
  detail: unknown;
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
  lastUsedAt: isoOrNull(row.last_used_at),
  createdBy: row.created_by ?? null,
});

const AuthActionSchema = z.enum(authActions);

const eventOf = (row: EventRow): AuthEvent => ({
  id: Number(row.id),
  at: iso(row.at),
  actor: row.actor,
  action: AuthActionSchema.parse(row.action),
  subject: row.subject,
  address: row.address,
  detail:
    typeof row.detail === "string"
      ? (JSON.parse(row.detail) as Record<string, unknown>)
      : ((row.detail ?? {}) as Record<string, unknown>),
});

const ActorSchema = z.object({
  actor: z.string().trim().min(1, { error: "must not be empty" }).max(300),
  address: z.string().max(100).optional(),
});

/**
 * The SQL that records an audit event for each row `source` (a CTE over the rows changed)
 * returns, and announces it: `insert … returning id` then `pg_notify`. Its parameters:
 * `$actor`, `$address` (and whatever `subject` and `detail` use).
 */
const recordAndNotify = (
  source: string,
  action: AuthAction,
  subject: string,
  detail: string,
  actor: string,
  address: string,
): string => `, event as (
    insert into auth_event (actor, action, subject, address, detail)
    select ${actor}, '${action}', ${subject}, ${address}, ${detail} from ${source}
    returning id
  ), notified as (
    select pg_notify('${authChannel}', id::text) from event
  )`;

const userInfo = (row: UserRow): AdminUser => ({
  id: row.id,
  email: row.email,
  role: Role.parse(row.role),
  createdAt: iso(row.created_at),
  disabledAt: isoOrNull(row.disabled_at),
});

/** How long an admin session lasts unless given otherwise: 8 hours. */
export const defaultSessionMs = 8 * 60 * 60 * 1000;

/** The operations on keys, accounts, sessions, password resets and the audit trail. */
export interface AuthStore {
  /** Creates a key; the returned `key` is the only time the secret is seen. */
  createKey(
    input: { name: string; scopes: ReadonlyArray<string> },
    by?: AuthActor,
  ): Promise<{
    key: string;
    info: ApiKeyInfo;
  }>;
  listKeys(): Promise<ApiKeyInfo[]>;
  /** Revokes a key by prefix (or full key); false when there is no such active key. */
  revokeKey(prefixOrKey: string, by?: AuthActor): Promise<boolean>;
  /** The key's info when `key` is a valid, unrevoked key; otherwise undefined. */
  verifyKey(key: string): Promise<ApiKeyInfo | undefined>;
  /** Records that a key was used at `at` (kept when an earlier time is recorded later). */
  touchKey(prefix: string, at: Date): Promise<void>;
  /**
   * Creates an account. Without a password it cannot sign in until the one-time reset of
   * `firstPassword` (returned) is used to set one.
   */
  createUser(
    input: { email: string; password?: string | undefined; role: string },
    by?: AuthActor,
  ): Promise<AdminUser & { readonly firstPassword?: PasswordReset }>;
  listUsers(): Promise<AdminUser[]>;
  /** One account by id or email, or undefined. */
  findUser(idOrEmail: string): Promise<AdminUser | undefined>;
  /**
   * Changes an account's role. Refused (`AuthInputError` on `role`) when it would leave no
   * enabled admin.
   */
  setRole(userId: string, role: string, by: AuthActor): Promise<AdminUser>;
  /**
   * Disables an account (it can no longer sign in; its sessions end) or enables it again.
   * Disabling the last enabled admin is refused.
   */
  setDisabled(userId: string, disabled: boolean, by: AuthActor): Promise<AdminUser>;
  /**
   * Issues a one-time password reset for an account (earlier unused ones stop working):
   * the token is shown once, and works until `expiresAt` (default 24 hours).
   */
  issuePasswordReset(userId: string, by: AuthActor, ttlMs?: number): Promise<PasswordReset>;
  /** The account a reset token is for while it can be used, or undefined. */
  passwordResetUser(token: string): Promise<AdminUser | undefined>;
  /**
   * Sets a new password with a reset token (once): the account's sessions end. Refused
   * (`AuthInputError` on `token` or `password`) when the token is unknown, used or expired.
   */
  resetPassword(token: string, password: string, address?: string): Promise<AdminUser>;
  /** Records an event of the trail that changes nothing else (sign-ins, sign-outs). */
  recordEvent(event: {
    readonly action: Extract<AuthAction, "session.started" | "session.ended" | "session.refused">;
    readonly actor: string;
    readonly subject: string;
    readonly address?: string | undefined;
  }): Promise<void>;
  /** Events after `afterId`, oldest first, at most `limit` (for processes following the trail). */
  eventsAfter(afterId: number, limit?: number): Promise<AuthEvent[]>;
  /** The newest events, newest first, before `beforeId` when given (the audit pages). */
  listEvents(options?: { limit?: number; beforeId?: number }): Promise<AuthEvent[]>;
  /** Checks an email and password; the account when they match an enabled account. */
  verifyLogin(email: string, password: string): Promise<AdminUser | undefined>;
  createSession(userId: string, ttlMs?: number): Promise<NewSession>;
  /** The account of a live session token, or undefined. */
  sessionUser(token: string): Promise<AdminUser | undefined>;
  deleteSession(token: string): Promise<void>;
}

const PasswordSchema = z
  .string()
  .min(minPasswordLength, { error: `must be at least ${minPasswordLength} characters` })
  .max(1024);

/** The password hash of an account that has no password yet: no password matches it. */
const unusablePassword = "none$no password set yet";

/** Who a change is recorded as when the caller does not say. */
const actorOf = (by: AuthActor | undefined): { actor: string; address: string | null } => {
  const parsed = check("actor", ActorSchema, by ?? { actor: "system" });
  return { actor: parsed.actor, address: parsed.address ?? null };
};

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
export const createAuthStore = (db: SqlClient): AuthStore => {
  const store: AuthStore = {
    async createKey(input, by) {
      const name = check("name", KeyName, input.name);
      const scopes = check(
        "scopes",
        z
          .array(Scope, { error: "must be read, write, admin and/or audit" })
          .min(1, { error: "give at least one of read, write, admin, audit" }),
        input.scopes,
      );
      const who = actorOf(by);
      const generated = generateApiKey();
      const { rows } = await db.query<KeyRow>(
        `with made as (
         insert into api_key (prefix, name, key_hash, scopes, created_by)
         values ($1, $2, $3, $4, $5) returning *
       )${recordAndNotify("made", "key.created", "made.prefix", "jsonb_build_object('name', made.name, 'scopes', made.scopes)", "$5", "$6")}
       select made.* from made, (select count(*) from notified) as n`,
        [
          generated.prefix,
          name,
          generated.hash,
          [...new Set(scopes)].join(","),
          who.actor,
          who.address,
        ],
      );
      const row = rows[0];
      if (row === undefined) throw new Error("api_key insert returned no row");
      return { key: generated.key, info: keyInfo(row) };
    },

    async listKeys() {
      const { rows } = await db.query<KeyRow>("select * from api_key order by created_at, prefix");
      return rows.map(keyInfo);
    },

    async revokeKey(prefixOrKey, by) {
      const prefix = keyPrefix(prefixOrKey) ?? prefixOrKey.trim();
      if (!/^[0-9a-z]{8}$/.test(prefix)) {
        throw new AuthInputError("key", "must be a key prefix (8 characters) or a whole key");
      }
      const who = actorOf(by);
      const { rows } = await db.query<{ prefix: string }>(
        `with revoked as (
         update api_key set revoked_at = now() where prefix = $1 and revoked_at is null
         returning prefix, name
       )${recordAndNotify("revoked", "key.revoked", "revoked.prefix", "jsonb_build_object('name', revoked.name)", "$2", "$3")}
       select revoked.prefix from revoked, (select count(*) from notified) as n`,
        [prefix, who.actor, who.address],
      );
      return rows.length > 0;
    },

    async touchKey(prefix, at) {
      await db.query(
        `update api_key set last_used_at = $2
        where prefix = $1 and (last_used_at is null or last_used_at < $2)`,
        [prefix, at.toISOString()],
      );
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

    async createUser(input, by) {
      const email = check("email", Email, input.email);
      const role = check("role", Role, input.role);
      if (input.password !== undefined) check("password", PasswordSchema, input.password);
      const who = actorOf(by);
      const existing = await db.query("select 1 from admin_user where email = $1", [email]);
      if (existing.rows.length > 0) throw new AuthInputError("email", "an account already exists");
      const id = `usr_${randomBytes(12).toString("hex")}`;
      // Without a password: a hash no password matches, until the first reset is used.
      const hash =
        input.password === undefined ? unusablePassword : await hashPassword(input.password);
      const { rows } = await db.query<UserRow>(
        `with made as (
         insert into admin_user (id, email, password_hash, role) values ($1, $2, $3, $4)
         returning *
       )${recordAndNotify("made", "user.created", "made.id", "jsonb_build_object('email', made.email, 'role', made.role)", "$5", "$6")}
       select made.* from made, (select count(*) from notified) as n`,
        [id, email, hash, role, who.actor, who.address],
      );
      const row = rows[0];
      if (row === undefined) throw new Error("admin_user insert returned no row");
      const user = userInfo(row);
      if (input.password !== undefined) return user;
      return {
        ...user,
        firstPassword: await store.issuePasswordReset(user.id, {
          actor: who.actor,
          ...(who.address === null ? {} : { address: who.address }),
        }),
      };
    },

    async findUser(idOrEmail) {
      const email = Email.safeParse(idOrEmail);
      const { rows } = await db.query<UserRow>(
        "select * from admin_user where id = $1 or email = $2",
        [idOrEmail, email.success ? email.data : idOrEmail],
      );
      const row = rows[0];
      return row === undefined ? undefined : userInfo(row);
    },

    async setRole(userId, role, by) {
      const wanted = check("role", Role, role);
      const who = actorOf(by);
      const { rows } = await db.query<UserRow>(
        `with target as (
         select * from admin_user where id = $1 for update
       ), others as (
         -- Locked: two admins demoting each other at once cannot both pass this check.
         select id from admin_user
          where role = 'admin' and disabled_at is null and id <> $1 for update
       ), changed as (
         update admin_user u set role = $2 from target
          where u.id = target.id and target.role <> $2
            and ($2 = 'admin' or target.role <> 'admin' or target.disabled_at is not null
                 or exists (select 1 from others))
         returning u.*, target.role as previous_role
       )${recordAndNotify("changed", "user.role-changed", "changed.id", "jsonb_build_object('email', changed.email, 'from', changed.previous_role, 'to', changed.role)", "$3", "$4")}
       select changed.*, true as changed from changed, (select count(*) from notified) as n
       union all
       select target.*, null, false from target where not exists (select 1 from changed)`,
        [userId, wanted, who.actor, who.address],
      );
      const row = rows[0] as (UserRow & { changed: boolean }) | undefined;
      if (row === undefined) throw new AuthInputError("user", "no such account");
      if (!row.changed && row.role !== wanted) {
        throw new AuthInputError("role", "the last enabled admin must stay an admin");
      }
      return userInfo(row);
    },

    async setDisabled(userId, disabled, by) {
      const who = actorOf(by);
      const action = disabled ? "user.disabled" : "user.enabled";
      const { rows } = await db.query<UserRow>(
        `with target as (
         select * from admin_user where id = $1 for update
       ), others as (
         -- Locked: two admins demoting each other at once cannot both pass this check.
         select id from admin_user
          where role = 'admin' and disabled_at is null and id <> $1 for update
       ), changed as (
         update admin_user u set disabled_at = case when $2 then now() else null end
           from target
          where u.id = target.id and ((target.disabled_at is null) = $2)
            and (not $2 or target.role <> 'admin' or exists (select 1 from others))
         returning u.*
       ), ended as (
         delete from admin_session where $2 and user_id in (select id from changed)
       )${recordAndNotify("changed", action, "changed.id", "jsonb_build_object('email', changed.email)", "$3", "$4")}
       select changed.*, true as changed from changed, (select count(*) from notified) as n
       union all
       select target.*, false from target where not exists (select 1 from changed)`,
        [userId, disabled, who.actor, who.address],
      );
      const row = rows[0] as (UserRow & { changed: boolean }) | undefined;
      if (row === undefined) throw new AuthInputError("user", "no such account");
      if (!row.changed && (row.disabled_at !== null) !== disabled) {
        throw new AuthInputError("user", "the last enabled admin cannot be disabled");
      }
      return userInfo(row);
    },

    async issuePasswordReset(userId, by, ttlMs = defaultResetMs) {
      const who = actorOf(by);
      const token = randomBytes(32).toString("base64url");
      const expiresAt = new Date(Date.now() + ttlMs).toISOString();
      const { rows } = await db.query<UserRow>(
        `with target as (
         select * from admin_user where id = $1
       ), superseded as (
         update password_reset set used_at = now()
          where user_id in (select id from target) and used_at is null
       ), issued as (
         insert into password_reset (token_hash, user_id, expires_at, created_by)
         select $2, id, $3, $4 from target
         returning user_id
       )${recordAndNotify("issued join target on target.id = issued.user_id", "user.reset-issued", "target.id", "jsonb_build_object('email', target.email, 'expiresAt', $3::text)", "$4", "$5")}
       select target.* from target, (select count(*) from notified) as n`,
        [userId, sha256(token), expiresAt, who.actor, who.address],
      );
      const row = rows[0];
      if (row === undefined) throw new AuthInputError("user", "no such account");
      return { token, expiresAt, user: userInfo(row) };
    },

    async passwordResetUser(token) {
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
      const { rows } = await db.query<UserRow>(
        `select u.* from password_reset r join admin_user u on u.id = r.user_id
        where r.token_hash = $1 and r.used_at is null and r.expires_at > now()
          and u.disabled_at is null`,
        [sha256(token)],
      );
      const row = rows[0];
      return row === undefined ? undefined : userInfo(row);
    },

    async resetPassword(token, password, address) {
      check("password", PasswordSchema, password);
      if (!/^[A-Za-z0-9_-]{43}$/.test(token)) {
        throw new AuthInputError("token", "this link is not valid");
      }
      const hash = await hashPassword(password);
      const { rows } = await db.query<UserRow>(
        `with used as (
         update password_reset r set used_at = now()
           from admin_user u
          where r.token_hash = $1 and r.used_at is null and r.expires_at > now()
            and u.id = r.user_id and u.disabled_at is null
         returning r.user_id
       ), changed as (
         update admin_user set password_hash = $2 where id in (select user_id from used)
         returning *
       ), ended as (
         delete from admin_session where user_id in (select user_id from used)
       )${recordAndNotify("changed", "user.password-set", "changed.id", "jsonb_build_object('email', changed.email)", "'user:' || changed.email", "$3")}
       select changed.* from changed, (select count(*) from notified) as n`,
        [sha256(token), hash, address ?? null],
      );
      const row = rows[0];
      if (row === undefined) {
        throw new AuthInputError("token", "this link has been used, has expired or is not valid");
      }
      return userInfo(row);
    },

    async recordEvent(event) {
      const who = check("actor", ActorSchema, { actor: event.actor, address: event.address });
      await db.query(
        `with source as (select 1)${recordAndNotify("source", event.action, "$3", "'{}'::jsonb", "$1", "$2")}
       select count(*) from notified`,
        [who.actor.slice(0, 300), who.address ?? null, event.subject.slice(0, 300) || "-"],
      );
    },

    async eventsAfter(afterId, limit = 1000) {
      const { rows } = await db.query<EventRow>(
        "select * from auth_event where id > $1 order by id limit $2",
        [afterId, limit],
      );
      return rows.map(eventOf);
    },

    async listEvents(options = {}) {
      const limit = Math.min(Math.max(options.limit ?? 100, 1), 1000);
      const { rows } = await db.query<EventRow>(
        `select * from auth_event where ($1::bigint is null or id < $1) order by id desc limit $2`,
        [options.beforeId ?? null, limit],
      );
      return rows.map(eventOf);
    },

    async listUsers() {
      const { rows } = await db.query<UserRow>(
        "select * from admin_user order by created_at, email",
      );
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
  };
  return store;
};
