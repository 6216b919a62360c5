-- Care Atlas store, migration 0001: the bitemporal register.
--
-- Two clocks. Valid time (`valid`, a daterange) is when a fact was true in the world.
-- Recorded time is when the register knew it, counted in change sequence numbers:
-- `recorded` = [seq of the change that wrote the row, seq of the change that superseded it).
-- Rows are never updated except to close `to_seq` once; nothing is ever deleted.
--
-- This file runs unchanged on PGlite (PostgreSQL 18) and on a PostgreSQL 15+ server.
-- Never edit it once released: its checksum is recorded; add 0002_….sql instead.

create extension if not exists btree_gist;

-- The optimistic concurrency counter of every entity that ever existed.
create table entity (
  id text primary key,
  kind text not null,
  revision integer not null,
  constraint entity_kind_known check (kind in (
    'system', 'place', 'neighbourhoodScheme', 'neighbourhood', 'organisation',
    'relationship', 'succession', 'governanceBody', 'collaborative', 'team',
    'pooledBudget', 'decision', 'strategyElement')),
  constraint entity_id_matches_kind check (split_part(id, '_', 1) = case kind
    when 'system' then 'sys' when 'place' then 'plc' when 'neighbourhoodScheme' then 'nsc'
    when 'neighbourhood' then 'nbh' when 'organisation' then 'org'
    when 'relationship' then 'rel' when 'succession' then 'suc'
    when 'governanceBody' then 'gov' when 'collaborative' then 'col' when 'team' then 'int'
    when 'pooledBudget' then 'pbg' when 'decision' then 'dec' when 'strategyElement' then 'str'
    end),
  constraint entity_id_format check (id ~ '^[a-z]{3}_[0-9a-z]{8,40}$'),
  constraint entity_revision_positive check (revision > 0),
  constraint entity_id_kind_key unique (id, kind)
);

-- The append-only, gapless change log: one row per entity changed. A write transaction
-- takes pg_advisory_xact_lock(7220531001) before it reads max(seq), so seqs are handed out
-- one transaction at a time and a rolled-back transaction leaves no gap.
create table change_log (
  seq bigint primary key,
  recorded_at timestamptz not null,
  actor text not null,
  reason text not null,
  source text,
  operation text not null,
  entity_kind text not null,
  entity_id text not null,
  revision integer not null,
  before jsonb not null,
  after jsonb not null,
  constraint change_log_seq_positive check (seq > 0),
  constraint change_log_actor_not_empty check (actor <> ''),
  constraint change_log_reason_not_empty check (reason <> ''),
  constraint change_log_operation_not_empty check (operation <> ''),
  constraint change_log_revision_positive check (revision > 0),
  constraint change_log_histories_are_arrays
    check (jsonb_typeof(before) = 'array' and jsonb_typeof(after) = 'array'),
  constraint change_log_entity_fkey foreign key (entity_id, entity_kind)
    references entity (id, kind),
  -- Each revision of an entity is written once: a second writer of the same revision fails.
  constraint change_log_entity_revision_key unique (entity_id, revision)
);

create index change_log_recorded_at on change_log (recorded_at);

-- Every version of every entity, on both clocks.
create table entity_version (
  row_id bigint generated always as identity primary key,
  entity_id text not null,
  kind text not null,
  valid daterange not null,
  from_seq bigint not null,
  to_seq bigint,
  recorded int8range not null generated always as (int8range(from_seq, to_seq)) stored,
  data jsonb not null,
  constraint entity_version_entity_fkey foreign key (entity_id, kind) references entity (id, kind),
  constraint entity_version_from_seq_fkey foreign key (from_seq) references change_log (seq),
  constraint entity_version_to_seq_fkey foreign key (to_seq) references change_log (seq),
  constraint entity_version_valid_not_empty check (not isempty(valid)),
  constraint entity_version_recorded_ordered check (to_seq is null or from_seq < to_seq),
  constraint entity_version_data_is_object check (jsonb_typeof(data) = 'object'),
  constraint entity_version_data_id check (data ->> 'id' = entity_id),
  constraint entity_version_valid_matches_data check (
    valid = daterange((data #>> '{valid,from}')::date, (data #>> '{valid,to}')::date, '[)')),
  -- Two versions of one entity never overlap in valid time at the same recorded time.
  constraint entity_version_no_overlap
    exclude using gist (entity_id with =, valid with &&, recorded with &&)
);

-- current(), entity(id): the rows still current.
create index entity_version_current on entity_version (entity_id) where to_seq is null;
-- historyAsOf(seq, { id }): one entity's rows whose recorded range contains seq.
create index entity_version_entity_recorded on entity_version using gist (entity_id, recorded);
-- historyAsOf(seq) and historyAsOf(seq, { kind }).
create index entity_version_recorded on entity_version using gist (recorded, kind);
-- recordedVersions(id) uses the primary key of entity plus entity_version_entity_recorded.

-- Append-only: the log never changes; a version may only be closed, once.
create function care_atlas_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'care atlas: % on % is not allowed (append-only)', tg_op, tg_table_name
    using errcode = 'restrict_violation';
end;
$$;

create function care_atlas_close_version_only() returns trigger language plpgsql as $$
begin
  if old.to_seq is not null or new.to_seq is null
     or new.entity_id is distinct from old.entity_id or new.kind is distinct from old.kind
     or new.valid is distinct from old.valid or new.from_seq is distinct from old.from_seq
     or new.data is distinct from old.data then
    raise exception 'care atlas: a version may only be closed (to_seq set once), not changed'
      using errcode = 'restrict_violation';
  end if;
  return new;
end;
$$;

create trigger change_log_append_only before update or delete on change_log
  for each row execute function care_atlas_refuse_change();
create trigger entity_version_no_delete before delete on entity_version
  for each row execute function care_atlas_refuse_change();
create trigger entity_version_close_only before update on entity_version
  for each row execute function care_atlas_close_version_only();

-- Reference data, loaded by bulk import and replaced in place (not versioned).
create table lsoa (
  code text primary key,
  data jsonb not null,
  constraint lsoa_code_format check (code ~ '^[EW]01[0-9]{6}$'),
  constraint lsoa_data_code check (data ->> 'code' = code)
);

create table postcode (
  postcode text primary key,
  lsoa_code text not null references lsoa (code),
  data jsonb not null,
  constraint postcode_data_postcode check (data ->> 'postcode' = postcode),
  constraint postcode_data_lsoa check (data ->> 'lsoaCode' = lsoa_code)
);

create index postcode_lsoa_code on postcode (lsoa_code);

create table source (
  key text primary key,
  data jsonb not null,
  constraint source_data_key check (data ->> 'key' = key)
);
