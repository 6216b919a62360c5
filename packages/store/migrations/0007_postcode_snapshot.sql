-- Care Atlas store, migration 0007: a binary snapshot of the postcodes, for fast starts.
--
-- A read model holds the postcodes as sorted columns (packages/store/src/PostcodeTable.ts).
-- Building them from postcode_record reads every row (millions for England); the columns'
-- binary image, saved once per state of the reference data, is read back in one go. A
-- snapshot is keyed by `ref_seq`, the seq of the last reference change it includes (the
-- postcodes as of every seq up to the next reference change), split into parts of at most
-- a few MB. It is derived data: deleting every row only makes the next start read the rows
-- again. Only the latest is kept. Never edit this file once released: add a new migration
-- instead.

create table postcode_snapshot (
  ref_seq bigint not null,
  part integer not null,
  bytes bytea not null,
  postcodes bigint not null,
  created_at timestamptz not null default now(),
  primary key (ref_seq, part),
  constraint postcode_snapshot_part check (part >= 0),
  constraint postcode_snapshot_postcodes check (postcodes >= 0)
);
