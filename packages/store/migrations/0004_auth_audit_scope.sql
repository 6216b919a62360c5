-- Care Atlas store, migration 0004: the `audit` scope of API keys (owned by @care-atlas/auth).
--
-- A key with `audit` may see who made each change and why (the actor, the reason, the key
-- or account name) in the change feed and in history; other readers see only what kind of
-- actor it was. `authTablesSql` in packages/auth/src/schema.ts runs this after 0002.
-- Never edit this file once released: add a new migration instead.

alter table api_key drop constraint if exists api_key_scopes_check;
alter table api_key add constraint api_key_scopes_check
  check (scopes ~ '^(read|write|admin|audit)(,(read|write|admin|audit))*$');
