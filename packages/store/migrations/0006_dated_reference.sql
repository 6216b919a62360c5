-- Care Atlas store, migration 0006: reference data on the recorded clock.
--
-- Reference data — postcodes, LSOAs, the LSOA lookups' assignments (LSOA → ward, LSOA →
-- commissioner) and sources — is written by the same transactions as entities (store.apply)
-- and kept like entity versions: a row is never changed except to close it (to_seq set
-- once), nothing is deleted, and a read as of a change seq sees the rows whose recorded
-- range [from_seq, to_seq) contains it.
--
-- The change log gets one row per write that changes reference data: the row names no
-- entity (entity_kind, entity_id and revision are null) and says in `reference` what was
-- imported, counted per dataset ({"postcodes": {"created": n, "changed": n}, …}), not one
-- row per postcode.
--
-- Rows loaded before this migration (the unversioned lsoa, postcode and source tables) move
-- here with from_seq 0: held before reference data was dated, they are visible as of any
-- seq. A write's reference rows carry its first seq, while the log row that counts them is
-- its last: the rows' to_seq foreign keys are checked at commit. Never edit this file once
-- released: add a new migration instead.

alter table change_log
  alter column entity_kind drop not null,
  alter column entity_id drop not null,
  alter column revision drop not null,
  add column reference jsonb;

alter table change_log
  add constraint change_log_entity_or_reference check (
    (entity_kind is not null and entity_id is not null and revision is not null
      and reference is null)
    or (entity_kind is null and entity_id is null and revision is null
      and reference is not null and jsonb_typeof(reference) = 'object'
      and before = '[]'::jsonb and after = '[]'::jsonb));

-- referenceAsOf(seq) and the live model ask for the last reference change at or before a seq.
create index change_log_reference_seq on change_log (seq) where reference is not null;

-- Postcodes: one row per postcode and recorded range, in plain columns (millions of them).
create table postcode_record (
  row_id bigint generated always as identity primary key,
  postcode text not null,
  lsoa_code text not null,
  introduced date,
  terminated date,
  lat double precision,
  lon double precision,
  ward_code text,
  district_code text,
  source text,
  from_seq bigint not null,
  to_seq bigint references change_log (seq) deferrable initially deferred,
  constraint postcode_record_postcode_format
    check (postcode ~ '^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$'),
  constraint postcode_record_lsoa_format check (lsoa_code ~ '^E01[0-9]{6}$'),
  constraint postcode_record_months
    check ((introduced is null or extract(day from introduced) = 1)
      and (terminated is null or extract(day from terminated) = 1)),
  constraint postcode_record_dates_ordered
    check (introduced is null or terminated is null or introduced <= terminated),
  constraint postcode_record_point
    check ((lat is null) = (lon is null) and (lat is null or (lat between -90 and 90
      and lon between -180 and 180))),
  constraint postcode_record_ward_format check (ward_code is null or ward_code ~ '^[EW]05[0-9]{6}$'),
  constraint postcode_record_district_format
    check (district_code is null or district_code ~ '^[EWSN][0-9]{8}$'),
  constraint postcode_record_from_seq check (from_seq >= 0),
  constraint postcode_record_recorded_ordered check (to_seq is null or from_seq < to_seq)
);

-- At most one current row per postcode; reads as of a seq scan from_seq / to_seq.
create unique index postcode_record_current on postcode_record (postcode) where to_seq is null;
create index postcode_record_from_seq on postcode_record (from_seq);
create index postcode_record_to_seq on postcode_record (to_seq) where to_seq is not null;

-- LSOAs, LSOA assignments and sources: one row per key and recorded range, the record as JSON.
create table reference_record (
  row_id bigint generated always as identity primary key,
  dataset text not null,
  key text not null,
  data jsonb not null,
  from_seq bigint not null,
  to_seq bigint references change_log (seq) deferrable initially deferred,
  constraint reference_record_dataset check (dataset in ('lsoa', 'assignment', 'source')),
  constraint reference_record_data_is_object check (jsonb_typeof(data) = 'object'),
  constraint reference_record_key_matches check (key = case dataset
    when 'lsoa' then data ->> 'code'
    when 'source' then data ->> 'key'
    when 'assignment' then concat_ws('|', data ->> 'lsoaCode', data ->> 'kind',
      data #>> '{valid,from}')
    end),
  constraint reference_record_from_seq check (from_seq >= 0),
  constraint reference_record_recorded_ordered check (to_seq is null or from_seq < to_seq)
);

create unique index reference_record_current on reference_record (dataset, key)
  where to_seq is null;
create index reference_record_from_seq on reference_record (from_seq);
create index reference_record_to_seq on reference_record (to_seq) where to_seq is not null;

-- Like entity versions: never deleted, only closed, once.
create function care_atlas_close_reference_only() returns trigger language plpgsql as $$
begin
  if old.to_seq is not null or new.to_seq is null
     or (to_jsonb(new) - 'to_seq') is distinct from (to_jsonb(old) - 'to_seq') then
    raise exception 'care atlas: a reference row may only be closed (to_seq set once), not changed'
      using errcode = 'restrict_violation';
  end if;
  return new;
end;
$$;

create trigger postcode_record_no_delete before delete on postcode_record
  for each row execute function care_atlas_refuse_change();
create trigger postcode_record_close_only before update on postcode_record
  for each row execute function care_atlas_close_reference_only();
create trigger reference_record_no_delete before delete on reference_record
  for each row execute function care_atlas_refuse_change();
create trigger reference_record_close_only before update on reference_record
  for each row execute function care_atlas_close_reference_only();

-- What was loaded before, kept as held since before reference data was dated.
insert into reference_record (dataset, key, data, from_seq)
  select 'lsoa', code, data, 0 from lsoa order by code;
insert into reference_record (dataset, key, data, from_seq)
  select 'source', key, data, 0 from source order by key;
insert into postcode_record (postcode, lsoa_code, lat, lon, ward_code, from_seq)
  select postcode, lsoa_code, (data #>> '{point,lat}')::double precision,
         (data #>> '{point,lon}')::double precision, data ->> 'wardCode', 0
    from postcode order by postcode;

drop table postcode;
drop table lsoa;
drop table source;
