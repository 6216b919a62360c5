-- Care Atlas store, migration 0005: access management (owned by @care-atlas/auth).
--
-- When each API key was last used and who made it; one-time password-reset tokens (only
-- their SHA-256 is stored); and the audit trail of access: sign-ins, sign-outs and refused
-- sign-ins, keys created and revoked, accounts created, their roles changed, disabled,
-- enabled, and their passwords reset. The trail is append-only (UPDATE and DELETE are
-- refused). Each new event is announced on the `care_atlas_auth` channel (by the writer:
-- the payload is the event's id), which is how every process learns of a revoked key
-- within a second. `authTablesSql` in packages/auth/src/schema.ts runs this file too.
-- Never edit this file once released: add a new migration instead.

alter table api_key add column last_used_at timestamptz;
alter table api_key add column created_by text;

create table password_reset (
  token_hash text primary key check (token_hash ~ '^[0-9a-f]{64}$'),
  user_id text not null references admin_user (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_by text not null check (length(created_by) between 1 and 300)
);

create index password_reset_user_idx on password_reset (user_id);

create table auth_event (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor text not null check (length(actor) between 1 and 300),
  action text not null check (action ~ '^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$'),
  subject text not null check (length(subject) between 1 and 300),
  address text check (length(address) <= 100),
  detail jsonb not null default '{}'::jsonb check (jsonb_typeof(detail) = 'object')
);

create index auth_event_at_idx on auth_event (at);

create function auth_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'auth_event is append-only';
end;
$$;

create trigger auth_event_append_only before update or delete on auth_event
  for each statement execute function auth_event_append_only();
