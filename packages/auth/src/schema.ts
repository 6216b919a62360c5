/**
 * @module schema
 * The auth tables, as SQL both PGlite (PostgreSQL 18) and PostgreSQL 15 accept. The same
 * statements are the store's migration `auth` (see packages/store/migrations); this copy
 * lets auth's own tests create the tables on a bare database.
 */

/** Creates the api_key, admin_user and admin_session tables. */
export const authTablesSql = `
create table if not exists api_key (
  prefix text primary key check (prefix ~ '^[0-9a-z]{8}$'),
  name text not null check (length(name) between 1 and 200),
  key_hash text not null check (key_hash ~ '^[0-9a-f]{64}$'),
  scopes text not null check (scopes ~ '^(read|write|admin)(,(read|write|admin))*$'),
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);
create table if not exists admin_user (
  id text primary key,
  email text not null unique check (email = lower(email) and email like '%_@_%'),
  password_hash text not null,
  role text not null check (role in ('viewer', 'editor', 'admin')),
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);
create table if not exists admin_session (
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  user_id text not null references admin_user (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index if not exists admin_session_user_idx on admin_session (user_id);
`;
