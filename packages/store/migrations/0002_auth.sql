-- Care Atlas store, migration 0002: authentication (owned by @care-atlas/auth).
--
-- API keys (`ca_<prefix>_<secret>`: only the SHA-256 of the whole key is stored), admin
-- accounts (scrypt password hashes) and admin sessions (SHA-256 of the session token).
-- No secret is ever stored in the clear. The same statements are `authTablesSql` in
-- packages/auth/src/schema.ts (for auth's own tests); keep the two in step.
-- Never edit this file once released: add a new migration instead.

create table api_key (
  prefix text primary key check (prefix ~ '^[0-9a-z]{8}$'),
  name text not null check (length(name) between 1 and 200),
  key_hash text not null check (key_hash ~ '^[0-9a-f]{64}$'),
  scopes text not null check (scopes ~ '^(read|write|admin)(,(read|write|admin))*$'),
  created_at timestamptz not null default now(),
  revoked_at timestamptz
);

create table admin_user (
  id text primary key,
  email text not null unique check (email = lower(email) and email like '%_@_%'),
  password_hash text not null,
  role text not null check (role in ('viewer', 'editor', 'admin')),
  created_at timestamptz not null default now(),
  disabled_at timestamptz
);

create table admin_session (
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  user_id text not null references admin_user (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);

create index admin_session_user_idx on admin_session (user_id);
